import {
  archivedMetrics,
  findArchivedBoard,
  insertArchivedBoards,
  listArchivedBoards,
} from '../../db/repositories/leaderboards.repository.ts';
import { listTenants } from '../../db/repositories/tenants.repository.ts';
import { lastWholeWeekKey } from '../../domain/leaderboards/weeks.ts';
import { builtInMetrics } from '../../domain/metrics/catalog.ts';
import { localDate } from '../../domain/time/dates.ts';
import { parsePeriod } from '../../domain/time/periods.ts';
import { systemActor } from '../auth/authenticate.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { type Board, type BoardRow, computeBoard, SCORE, scoreMetric } from './compute-board.ts';
import { presentRows } from './present-board.ts';
import { boardMetric } from './read-leaderboard.ts';

// Weekly snapshots 排行榜归档: every Monday the boards of the past ISO week (in the tenant's time
// zone) are kept as they were: every built-in metric that adds up (kind sum) and the total score,
// the whole company, by person. A week's board is written once: archiving again changes nothing.
// Reading an archived board applies today's visibility setting, like a live board.

export const archivedBoardMetrics = [...builtInMetrics.filter((m) => m.aggregation === 'sum').map((m) => m.id), SCORE];

type StoredBoard = Pick<Board, 'metric' | 'period' | 'previousPeriod' | 'rows'>;

function weekOf(actor: Actor, weekKey: string) {
  const parsed = parsePeriod(weekKey, { fiscalYearStartMonth: actor.fiscalYearStartMonth });
  const period = parsed.ok ? parsed.period : undefined;
  if (period?.kind !== 'week')
    throw new ValidationError('leaderboards', [
      { index: 0, field: 'week', code: 'format', reason: `'${weekKey}' is not an ISO week key such as 2025-W11` },
    ]);
  if (period.end >= actor.today)
    throw new ValidationError('leaderboards', [
      {
        index: 0,
        field: 'week',
        code: 'rule',
        reason: `${weekKey} ends on ${period.end}: a week is archived once it is over`,
      },
    ]);
  return period;
}

export async function archiveWeeklyLeaderboards(deps: AppDeps, tenantId: string, weekKey: string) {
  const actor = await systemActor(deps, tenantId);
  const period = weekOf(actor, weekKey);
  const done = new Set(await archivedMetrics(deps.db, tenantId, period.key));
  const missing = archivedBoardMetrics.filter((id) => !done.has(id));
  const boards = [];
  for (const id of missing) {
    const metric = id === SCORE ? scoreMetric : await boardMetric(deps, actor, id);
    const board = await computeBoard(deps, actor, { metric, scope: { kind: 'company' }, by: 'person', period });
    const stored: StoredBoard = {
      metric: board.metric,
      period: board.period,
      previousPeriod: board.previousPeriod,
      rows: board.rows,
    };
    boards.push({
      weekKey: period.key,
      metricId: id,
      startOn: period.start,
      endOn: period.end,
      rowsJson: JSON.stringify(stored),
      archivedAt: actor.now,
    });
  }
  await insertArchivedBoards(deps.db, tenantId, boards);
  return { weekKey: period.key, archived: missing, alreadyArchived: [...done].sort() };
}

/** The scheduler's job: last week's boards of every tenant, where they are not archived yet. */
export async function archiveDueBoards(deps: AppDeps) {
  const results = [];
  for (const tenant of await listTenants(deps.db)) {
    const weekKey = lastWholeWeekKey(localDate(deps.clock.now(), tenant.timeZone));
    const done = new Set(await archivedMetrics(deps.db, tenant.id, weekKey));
    if (archivedBoardMetrics.every((id) => done.has(id))) continue;
    results.push({ tenantId: tenant.id, ...(await archiveWeeklyLeaderboards(deps, tenant.id, weekKey)) });
  }
  return results;
}

export async function listArchivedWeeks(deps: AppDeps, actor: Actor) {
  const weeks = new Map<
    string,
    { weekKey: string; start: string; end: string; archivedAt: string; metrics: string[] }
  >();
  for (const row of await listArchivedBoards(deps.db, actor.tenantId)) {
    const week = weeks.get(row.weekKey) ?? {
      weekKey: row.weekKey,
      start: row.startOn,
      end: row.endOn,
      archivedAt: row.archivedAt,
      metrics: [],
    };
    week.metrics.push(row.metricId);
    if (row.archivedAt < week.archivedAt) week.archivedAt = row.archivedAt;
    weeks.set(row.weekKey, week);
  }
  return [...weeks.values()];
}

export async function readArchivedBoard(deps: AppDeps, actor: Actor, weekKey: string, metricId: string) {
  const found = await findArchivedBoard(deps.db, actor.tenantId, weekKey, metricId);
  if (!found) throw new NotFoundError('leaderboardArchives', `${weekKey}/${metricId}`);
  const stored = JSON.parse(found.rowsJson) as StoredBoard;
  const { rows, isNameHidden } = await presentRows(deps, actor, {
    metricId,
    period: stored.period,
    by: 'person',
    rows: stored.rows as BoardRow[],
  });
  const setting = actor.settings.leaderboard;
  return {
    metric: stored.metric,
    period: stored.period,
    previousPeriod: stored.previousPeriod,
    scope: { kind: 'company' as const, unitId: null, unitName: null },
    by: 'person' as const,
    visibility: { mode: setting.mode, topN: setting.topN, isNameHidden },
    totalRows: stored.rows.length,
    visibleRows: rows.length,
    archivedAt: found.archivedAt,
    rows,
  };
}
