import type { Db } from '../database.ts';
import { chunk, type Executor } from './records.repository.ts';

// The full-period shares of team members whose target was split to them (pro-rating, spec 4).

export type ShareRow = {
  targetId: string;
  unitId: string;
  fullValue: number;
  metricId: string;
  periodKey: string;
  startOn: string;
  endOn: string;
  personId: string;
  value: number;
  isLocked: number;
  source: string;
};

/** Records the full-period shares of members' targets (replacing earlier ones of the same targets). */
export async function saveShares(
  db: Executor,
  tenantId: string,
  shares: ReadonlyArray<{ targetId: string; unitId: string; fullValue: number }>,
) {
  const x = db as Db;
  for (const part of chunk(shares, 300)) {
    await x
      .deleteFrom('targetShares')
      .where('tenantId', '=', tenantId)
      .where(
        'targetId',
        'in',
        part.map((s) => s.targetId),
      )
      .execute();
    await x
      .insertInto('targetShares')
      .values(part.map((s) => ({ tenantId, ...s })))
      .execute();
  }
}

/**
 * Every member share of the teams (unit, metric, period) in which any of `personIds` has a
 * share of a period ending on or after `since`: the groups to pro-rate again.
 */
export async function shareGroupsOf(db: Executor, tenantId: string, personIds: readonly string[], since: string) {
  const x = db as Db;
  const base = () =>
    x
      .selectFrom('targetShares as s')
      .innerJoin('targets as t', (j) => j.onRef('t.tenantId', '=', 's.tenantId').onRef('t.id', '=', 's.targetId'))
      .where('s.tenantId', '=', tenantId)
      .where('t.subjectKind', '=', 'person')
      .where('t.endOn', '>=', since);
  const touched: Array<{ unitId: string; metricId: string; periodKey: string }> = [];
  for (const ids of chunk([...new Set(personIds)], 500))
    touched.push(
      ...(await base()
        .select(['s.unitId', 't.metricId', 't.periodKey'])
        .where('t.subjectId', 'in', ids)
        .distinct()
        .execute()),
    );
  if (touched.length === 0) return [];
  const rows: ShareRow[] = [];
  for (const part of chunk(touched, 200)) {
    const found = await base()
      .select([
        's.targetId',
        's.unitId',
        's.fullValue',
        't.metricId',
        't.periodKey',
        't.startOn',
        't.endOn',
        't.subjectId as personId',
        't.value',
        't.isLocked',
        't.source',
      ])
      .where((w) =>
        w.or(
          part.map((g) =>
            w.and([w('s.unitId', '=', g.unitId), w('t.metricId', '=', g.metricId), w('t.periodKey', '=', g.periodKey)]),
          ),
        ),
      )
      .orderBy('t.periodKey')
      .orderBy('t.subjectId')
      .execute();
    rows.push(...found.map((r) => ({ ...r, fullValue: Number(r.fullValue), value: Number(r.value) })));
  }
  return rows;
}
