import type { Db } from '../database.ts';
import { chunk, type Executor } from './records.repository.ts';

// Target suggestions 智能目标调整 and the full-period shares of pro-rated team members.

export type SuggestionRow = {
  id: string;
  metricId: string;
  subjectKind: string;
  subjectId: string;
  periodKey: string;
  method: string;
  currentValue: number | null;
  proposedValue: number;
  reasoningJson: string;
  status: string;
  createdAt: string;
  createdByUserId: string | null;
  decidedAt: string | null;
  decidedByUserId: string | null;
  decisionReason: string | null;
};

const num = (v: number | string | null) => (v === null ? null : Number(v));
const present = (r: SuggestionRow): SuggestionRow => ({
  ...r,
  currentValue: num(r.currentValue),
  proposedValue: Number(r.proposedValue),
});

/** Marks the pending suggestions of the same targets superseded, then inserts the new ones. */
export async function insertSuggestions(db: Executor, tenantId: string, rows: SuggestionRow[]) {
  const x = db as Db;
  const groups = new Map<string, { metricId: string; periodKey: string; ids: string[] }>();
  for (const r of rows) {
    const key = `${r.metricId}|${r.periodKey}|${r.subjectKind}`;
    const g = groups.get(key) ?? { metricId: r.metricId, periodKey: r.periodKey, ids: [] };
    g.ids.push(r.subjectId);
    groups.set(key, g);
  }
  for (const [key, g] of groups) {
    for (const ids of chunk(g.ids, 500))
      await x
        .updateTable('targetSuggestions')
        .set({ status: 'superseded' })
        .where('tenantId', '=', tenantId)
        .where('metricId', '=', g.metricId)
        .where('periodKey', '=', g.periodKey)
        .where('subjectKind', '=', key.split('|')[2] as string)
        .where('subjectId', 'in', ids)
        .where('status', '=', 'proposed')
        .execute();
  }
  for (const part of chunk(rows, 200))
    await x
      .insertInto('targetSuggestions')
      .values(part.map((r) => ({ tenantId, ...r })))
      .execute();
}

export async function listSuggestions(
  db: Db,
  tenantId: string,
  filter: { id?: string; metricId?: string; periodKey?: string; status?: string },
): Promise<SuggestionRow[]> {
  let q = db.selectFrom('targetSuggestions').selectAll().where('tenantId', '=', tenantId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.metricId) q = q.where('metricId', '=', filter.metricId);
  if (filter.periodKey) q = q.where('periodKey', '=', filter.periodKey);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('createdAt', 'desc').orderBy('id').execute();
  return rows.map(({ tenantId: _t, ...r }) => present(r));
}

/** Decides a pending suggestion; 0 when it was no longer pending (decided by someone else first). */
export async function decideSuggestion(
  db: Executor,
  tenantId: string,
  id: string,
  decision: { status: 'approved' | 'rejected'; at: string; userId: string | null; reason: string | null },
): Promise<number> {
  const result = await (db as Db)
    .updateTable('targetSuggestions')
    .set({
      status: decision.status,
      decidedAt: decision.at,
      decidedByUserId: decision.userId,
      decisionReason: decision.reason,
    })
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
