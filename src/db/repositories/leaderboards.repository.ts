import type { Db } from '../database.ts';

// Weekly leaderboard snapshots: one row per (tenant, week, metric), written once and then only read.

export type ArchivedBoardRow = {
  weekKey: string;
  metricId: string;
  startOn: string;
  endOn: string;
  rowsJson: string;
  archivedAt: string;
};

/** The metrics whose board of a week is archived already. */
export async function archivedMetrics(db: Db, tenantId: string, weekKey: string): Promise<string[]> {
  const rows = await db
    .selectFrom('leaderboardArchives')
    .select('metricId')
    .where('tenantId', '=', tenantId)
    .where('weekKey', '=', weekKey)
    .execute();
  return rows.map((r) => r.metricId);
}

/** Inserts boards; a board archived meanwhile (by another process) is left as it was. */
export async function insertArchivedBoards(db: Db, tenantId: string, boards: readonly ArchivedBoardRow[]) {
  if (boards.length === 0) return;
  await db
    .insertInto('leaderboardArchives')
    .values(boards.map((b) => ({ tenantId, ...b })))
    .onConflict((oc) => oc.columns(['tenantId', 'weekKey', 'metricId']).doNothing())
    .execute();
}

/** Every archived (week, metric), newest week first, without the rows. */
export function listArchivedBoards(db: Db, tenantId: string) {
  return db
    .selectFrom('leaderboardArchives')
    .select(['weekKey', 'metricId', 'startOn', 'endOn', 'archivedAt'])
    .where('tenantId', '=', tenantId)
    .orderBy('startOn', 'desc')
    .orderBy('metricId')
    .execute();
}

export function findArchivedBoard(
  db: Db,
  tenantId: string,
  weekKey: string,
  metricId: string,
): Promise<ArchivedBoardRow | undefined> {
  return db
    .selectFrom('leaderboardArchives')
    .select(['weekKey', 'metricId', 'startOn', 'endOn', 'rowsJson', 'archivedAt'])
    .where('tenantId', '=', tenantId)
    .where('weekKey', '=', weekKey)
    .where('metricId', '=', metricId)
    .executeTakeFirst();
}
