import type { Db } from '../database.ts';
import { chunk, type Executor } from './records.repository.ts';

export type CloseRow = {
  id: string;
  periodKey: string;
  startOn: string;
  endOn: string;
  revision: number;
  status: string;
  at: string;
  actorUserId: string | null;
  reason: string | null;
};

const closeColumns = [
  'id',
  'periodKey',
  'startOn',
  'endOn',
  'revision',
  'status',
  'at',
  'actorUserId',
  'reason',
] as const;

/** Every revision of every period's close, newest revision last. */
export function listCloses(db: Db, tenantId: string, periodKey?: string): Promise<CloseRow[]> {
  let q = db.selectFrom('periodCloses').select(closeColumns).where('tenantId', '=', tenantId);
  if (periodKey) q = q.where('periodKey', '=', periodKey);
  return q.orderBy('periodKey').orderBy('revision').execute();
}

/** The latest close revision of the periods overlapping a date range (to refuse edits there). */
export async function closesOverlapping(db: Db, tenantId: string, start: string, end: string): Promise<CloseRow[]> {
  const rows = await db
    .selectFrom('periodCloses')
    .select(closeColumns)
    .where('tenantId', '=', tenantId)
    .where('startOn', '<=', end)
    .where('endOn', '>=', start)
    .orderBy('revision')
    .execute();
  const latest = new Map<string, CloseRow>();
  for (const r of rows) latest.set(r.periodKey, r);
  return [...latest.values()];
}

export async function insertClose(
  db: Executor,
  tenantId: string,
  row: CloseRow,
  snapshots: Array<{ personId: string; total: number | null; rating: string | null; scorecardJson: string }>,
) {
  const x = db as Db;
  await x
    .insertInto('periodCloses')
    .values({ tenantId, ...row })
    .execute();
  for (const part of chunk(snapshots, 1_000))
    await x
      .insertInto('periodSnapshots')
      .values(part.map((s) => ({ tenantId, closeId: row.id, ...s })))
      .execute();
}

export function snapshotsOf(db: Db, tenantId: string, closeId: string, personId?: string) {
  let q = db
    .selectFrom('periodSnapshots')
    .select(['personId', 'total', 'rating', 'scorecardJson'])
    .where('tenantId', '=', tenantId)
    .where('closeId', '=', closeId);
  if (personId) q = q.where('personId', '=', personId);
  return q.orderBy('personId').execute();
}
