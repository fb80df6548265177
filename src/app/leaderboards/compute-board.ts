import { loadMemberships, loadPeople, loadUnits } from '../../db/repositories/org.repository.ts';
import { type Direction, type RankChange, rankByValue, rankChange } from '../../domain/leaderboards/rank.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { type Period, shiftPeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { computeValues, type Subject } from '../metrics/compute-metrics.ts';
import { scorePeople } from '../scoring/score-people.ts';

// One leaderboard 排行榜 as everyone would see it (before visibility): every person (or team) of
// the scope, the metric's value for the period, ranked in the metric's direction, with the rank of
// the previous period beside it. Values come from the metric engine in one pass over all subjects
// (one query per metric), never a query per person.

export const SCORE = 'score';

export type BoardScope = { kind: 'company' } | { kind: 'unit'; unitId: string };
export type BoardBy = 'person' | 'unit';

export type BoardRow = {
  subjectKind: 'person' | 'unit';
  subjectId: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  value: number | null;
  rating: string | null;
  rank: number | null;
  previousRank: number | null;
  change: RankChange | null;
};

export type BoardMetric = Pick<MetricDef, 'id' | 'name' | 'unit' | 'direction'>;

export type Board = {
  metric: BoardMetric;
  period: Period;
  previousPeriod: Period;
  by: BoardBy;
  rows: BoardRow[];
};

export const scoreMetric: BoardMetric = {
  id: SCORE,
  name: { 'zh-CN': '总分', en: 'Total score' },
  unit: 'score',
  direction: 'higher',
};

type Org = {
  units: Awaited<ReturnType<typeof loadUnits>>;
  people: Awaited<ReturnType<typeof loadPeople>>;
};

type Entry = { subjectId: string; name: string; unitId: string | null; unitName: string | null };

/** The people (each with the unit they were in last during the period) or the teams of a scope. */
// Equal values are listed by name (as a Chinese reader sorts them), the same on both databases.
const byName = (a: Entry, b: Entry) => a.name.localeCompare(b.name, 'zh-CN');

async function entriesOf(deps: AppDeps, actor: Actor, org: Org, scope: BoardScope, by: BoardBy, period: Period) {
  const prefix = scope.kind === 'unit' ? org.units.find((u) => u.id === scope.unitId)?.path : '';
  const inScope = new Map(
    org.units.filter((u) => prefix !== undefined && u.path.startsWith(prefix)).map((u) => [u.id, u]),
  );
  if (by === 'unit') {
    // Teams: the units of the scope without child units (a team scope is its own one team).
    const parents = new Set(org.units.map((u) => u.parentId));
    return [...inScope.values()]
      .filter((u) => !parents.has(u.id))
      .map((u): Entry => ({ subjectId: u.id, name: u.name, unitId: u.id, unitName: u.name }))
      .sort(byName);
  }
  const memberships = await loadMemberships(deps.db, actor.tenantId, period);
  const lastUnit = new Map<string, { unitId: string; startOn: string }>();
  for (const m of memberships) {
    if (!inScope.has(m.unitId)) continue;
    const seen = lastUnit.get(m.personId);
    if (!seen || m.startOn > seen.startOn) lastUnit.set(m.personId, { unitId: m.unitId, startOn: m.startOn });
  }
  return org.people
    .filter((p) => lastUnit.has(p.id))
    .map((p): Entry => {
      const unitId = lastUnit.get(p.id)?.unitId ?? null;
      return { subjectId: p.id, name: p.name, unitId, unitName: (unitId && inScope.get(unitId)?.name) ?? null };
    })
    .sort(byName);
}

async function valuesOf(
  deps: AppDeps,
  actor: Actor,
  metric: BoardMetric,
  entries: Entry[],
  input: { scope: BoardScope; by: BoardBy; period: Period },
) {
  const isEveryone = input.scope.kind === 'company';
  if (metric.id === SCORE) {
    const { everyone } = await scorePeople(deps, actor, input.period);
    return (id: string) => {
      const card = everyone.get(id);
      return { total: card?.total ?? null, rating: card?.rating ?? null };
    };
  }
  const subjects: Subject[] = entries.map((e) => ({ kind: input.by, id: e.subjectId }));
  // The tenant among the subjects lets the engine read everyone's facts without listing them.
  if (isEveryone && input.by === 'person') subjects.push({ kind: 'tenant' });
  const { values } = await computeValues(deps, actor, {
    metricIds: [metric.id],
    subjects,
    periodKey: input.period.key,
  });
  const byId = new Map(values.flatMap((v) => (v.subject.kind === 'tenant' ? [] : [[v.subject.id, v.value]])));
  return (id: string) => ({ total: byId.get(id) ?? null, rating: null });
}

async function rankedOf(
  deps: AppDeps,
  actor: Actor,
  org: Org,
  metric: BoardMetric,
  input: { scope: BoardScope; by: BoardBy; period: Period },
) {
  const entries = await entriesOf(deps, actor, org, input.scope, input.by, input.period);
  const scoreOf = await valuesOf(deps, actor, metric, entries, input);
  return rankByValue(
    entries.map((e) => {
      const { total, rating } = scoreOf(e.subjectId);
      return { ...e, value: total, rating };
    }),
    metric.direction as Direction,
  );
}

export async function computeBoard(
  deps: AppDeps,
  actor: Actor,
  input: { metric: BoardMetric; scope: BoardScope; by: BoardBy; period: Period },
): Promise<Board> {
  const [units, people] = await Promise.all([loadUnits(deps.db, actor.tenantId), loadPeople(deps.db, actor.tenantId)]);
  const org = { units, people };
  const previousPeriod = shiftPeriod(input.period, -1, { fiscalYearStartMonth: actor.fiscalYearStartMonth });
  const [current, previous] = await Promise.all([
    rankedOf(deps, actor, org, input.metric, input),
    rankedOf(deps, actor, org, input.metric, { ...input, period: previousPeriod }),
  ]);
  const before = new Map(previous.map((r) => [r.subjectId, r.rank]));
  return {
    metric: input.metric,
    period: input.period,
    previousPeriod,
    by: input.by,
    rows: current.map((r) => {
      const previousRank = before.get(r.subjectId) ?? null;
      return {
        subjectKind: input.by,
        subjectId: r.subjectId,
        name: r.name,
        unitId: r.unitId,
        unitName: r.unitName,
        value: r.value,
        rating: r.rating,
        rank: r.rank,
        previousRank,
        change: rankChange(r.rank, previousRank),
      };
    }),
  };
}
