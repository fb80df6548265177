import { loadMemberships, loadUnits } from '../../db/repositories/org.repository.ts';
import type { IssueCode } from '../../domain/records/field.ts';
import { parsePeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { cachedRead } from '../live/live.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { type BoardBy, type BoardMetric, type BoardScope, computeBoard, SCORE, scoreMetric } from './compute-board.ts';
import { presentRows } from './present-board.ts';

// GET /leaderboards: a board for a metric (or the total score), a scope (the viewer's team, a
// unit, the company) and a period, as the viewer may see it. The board itself does not depend on
// the viewer, so it is computed once per tenant until the next write (cachedRead) and filtered
// for each viewer afterwards.

export type LeaderboardQuery = { metric: string; scope: string; period: string; by: BoardBy; limit?: number };

const refuse = (field: string, reason: string, code: IssueCode = 'unknown_ref'): never => {
  throw new ValidationError('leaderboards', [{ index: 0, field, code, reason }]);
};

export function parseBoardPeriod(actor: Actor, key: string) {
  const parsed = parsePeriod(key, { fiscalYearStartMonth: actor.fiscalYearStartMonth });
  return parsed.ok ? parsed.period : refuse('period', parsed.reason, 'format');
}

export async function boardMetric(deps: AppDeps, actor: Actor, metric: string): Promise<BoardMetric> {
  if (metric === SCORE) return scoreMetric;
  const def = (await metricDefs(deps, actor)).get(metric);
  return def
    ? { id: def.id, name: def.name, unit: def.unit, direction: def.direction }
    : refuse('metric', `no metric '${metric}': a metric id of the catalog, or 'score' for the total score`);
}

async function resolveScope(deps: AppDeps, actor: Actor, scope: string) {
  const units = await loadUnits(deps.db, actor.tenantId);
  if (scope === 'company') return { scope: { kind: 'company' } as BoardScope, unit: null };
  let unitId = '';
  if (scope === 'team') {
    const today = { start: actor.today, end: actor.today };
    const mine = actor.personId
      ? (await loadMemberships(deps.db, actor.tenantId, today)).find((m) => m.personId === actor.personId)
      : undefined;
    unitId = mine?.unitId ?? refuse('scope', "you belong to no team today: choose 'company' or 'unit:<id>'", 'rule');
  } else if (scope.startsWith('unit:')) unitId = scope.slice('unit:'.length);
  else refuse('scope', `'${scope}' is not a scope: team, company or unit:<id>`, 'format');
  const unit = units.find((u) => u.id === unitId) ?? refuse('scope', `no unit '${unitId}'`);
  return { scope: { kind: 'unit', unitId: unit.id } as BoardScope, unit: { id: unit.id, name: unit.name } };
}

export async function readLeaderboard(deps: AppDeps, actor: Actor, query: LeaderboardQuery) {
  const period = parseBoardPeriod(actor, query.period);
  const metric = await boardMetric(deps, actor, query.metric);
  if (metric.id === SCORE && query.by === 'unit')
    refuse('by', 'the total score ranks people: a team has no scorecard of its own', 'rule');
  const { scope, unit } = await resolveScope(deps, actor, query.scope);
  const scopeKey = scope.kind === 'company' ? 'company' : `unit:${scope.unitId}`;
  const board = await cachedRead(
    deps,
    actor.tenantId,
    `leaderboards|${metric.id}|${scopeKey}|${period.key}|${query.by}|${actor.today}`,
    () => computeBoard(deps, actor, { metric, scope, by: query.by, period }),
  );
  const { rows, isNameHidden } = await presentRows(deps, actor, {
    metricId: metric.id,
    period,
    by: query.by,
    rows: board.rows,
  });
  const setting = actor.settings.leaderboard;
  return {
    metric,
    period,
    previousPeriod: board.previousPeriod,
    scope: { kind: scope.kind, unitId: unit?.id ?? null, unitName: unit?.name ?? null },
    by: query.by,
    visibility: { mode: setting.mode, topN: setting.topN, isNameHidden },
    totalRows: board.rows.length,
    visibleRows: rows.length,
    // A page of the board (a company of 10,000 is not sent whole), and the viewer's own row below it.
    rows: rows.filter((r, i) => i < (query.limit ?? 100) || r.isOwn),
  };
}
