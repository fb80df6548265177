import type { Db } from '../database.ts';
import { chunk, type Executor } from './records.repository.ts';

export type TargetRow = {
  id: string;
  metricId: string;
  subjectKind: string;
  subjectId: string;
  periodKey: string;
  startOn: string;
  endOn: string;
  value: number;
  isLocked: number;
  source: string;
  updatedAt: string;
};

const columns = [
  'id',
  'metricId',
  'subjectKind',
  'subjectId',
  'periodKey',
  'startOn',
  'endOn',
  'value',
  'isLocked',
  'source',
  'updatedAt',
] as const;

export type TargetKey = { metricId: string; subjectKind: string; subjectId: string; periodKey: string };
const keyOf = (k: TargetKey) => `${k.metricId}|${k.subjectKind}|${k.subjectId}|${k.periodKey}`;

/** Targets by their natural key (metric, subject, period), in one query per chunk. */
export async function findTargets(
  db: Executor,
  tenantId: string,
  keys: readonly TargetKey[],
): Promise<Map<string, TargetRow>> {
  const found = new Map<string, TargetRow>();
  for (const part of chunk(keys, 300)) {
    const rows = await (db as Db)
      .selectFrom('targets')
      .select(columns)
      .where('tenantId', '=', tenantId)
      .where((eb) =>
        eb.or(
          part.map((k) =>
            eb.and([
              eb('metricId', '=', k.metricId),
              eb('subjectKind', '=', k.subjectKind),
              eb('subjectId', '=', k.subjectId),
              eb('periodKey', '=', k.periodKey),
            ]),
          ),
        ),
      )
      .execute();
    for (const r of rows) found.set(keyOf(r), { ...r, value: Number(r.value) });
  }
  return found;
}

export { keyOf as targetKeyOf };

export async function listTargets(
  db: Db,
  tenantId: string,
  filter: {
    id?: string;
    metricId?: string;
    subjectKind?: string;
    subjectId?: string;
    overlapping?: { start: string; end: string };
  },
): Promise<TargetRow[]> {
  let q = db.selectFrom('targets').select(columns).where('tenantId', '=', tenantId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.metricId) q = q.where('metricId', '=', filter.metricId);
  if (filter.subjectKind) q = q.where('subjectKind', '=', filter.subjectKind);
  if (filter.subjectId !== undefined) q = q.where('subjectId', '=', filter.subjectId);
  if (filter.overlapping)
    q = q.where('startOn', '<=', filter.overlapping.end).where('endOn', '>=', filter.overlapping.start);
  const rows = await q.orderBy('startOn').orderBy('periodKey').execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

export async function upsertTargets(
  db: Executor,
  tenantId: string,
  writes: Array<{ existing?: TargetRow; row: Omit<TargetRow, 'updatedAt'>; reason: string | null }>,
  actor: { userId: string | null; now: string },
  newId: () => string,
) {
  const x = db as Db;
  for (const w of writes) {
    if (w.existing) {
      await x
        .updateTable('targets')
        .set({ value: w.row.value, isLocked: w.row.isLocked, source: w.row.source, updatedAt: actor.now })
        .where('tenantId', '=', tenantId)
        .where('id', '=', w.existing.id)
        .execute();
    } else {
      await x
        .insertInto('targets')
        .values({ tenantId, ...w.row, createdAt: actor.now, updatedAt: actor.now })
        .execute();
    }
    await x
      .insertInto('targetChanges')
      .values({
        tenantId,
        id: newId(),
        targetId: w.existing?.id ?? w.row.id,
        at: actor.now,
        actorUserId: actor.userId,
        oldValue: w.existing?.value ?? null,
        newValue: w.row.value,
        source: w.row.source,
        reason: w.reason,
      })
      .execute();
  }
}

export function targetHistory(db: Db, tenantId: string, targetId: string) {
  return db
    .selectFrom('targetChanges')
    .select(['id', 'at', 'actorUserId', 'oldValue', 'newValue', 'source', 'reason'])
    .where('tenantId', '=', tenantId)
    .where('targetId', '=', targetId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
