import { loadMemberships, loadPeople } from '../../db/repositories/org.repository.ts';
import { listCloses, snapshotsOf } from '../../db/repositories/period-close.repository.ts';
import { rankTotals } from '../../domain/dashboards/rank.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { schemeForPeriod } from '../../domain/scoring/scheme.ts';
import { type ItemInput, scoreCard } from '../../domain/scoring/score.ts';
import { elapsedEnd, type Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { cachedRead } from '../live/live.ts';
import { computeValues } from '../metrics/compute-metrics.ts';
import type { ScorecardView } from '../scoring/compute-scorecard.ts';
import { listSchemesWithVersions, toSchemeVersion, type VersionView } from '../scoring/manage-schemes.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { loadTargetBook } from './target-book.ts';

// Every person's scorecard for a period in one pass (the ranks, the team view's scores and the
// ratings distribution need them all): one query per metric over all the people, the targets and
// the calendar once, then the domain scores each card in memory. A closed period reads its
// snapshots instead (one query). The result is the same for every viewer, so it is cached per
// tenant and period, and each use filters it for its viewer.

export type PersonRow = { id: string; name: string; positionId: string | null; unitId: string | null };
export type PeopleScores = {
  period: Period;
  isFrozen: boolean;
  people: PersonRow[];
  cards: Map<string, ScorecardView>;
  companyRank: Map<string, { rank: number | null; of: number }>;
  teamRank: Map<string, { rank: number | null; of: number }>;
};

/** The date that places a person in a unit for a period: its last elapsed day (or its start). */
export const referenceDate = (period: Period, today: string) => elapsedEnd(period, today) ?? period.start;

/** People employed in the period, each with the unit they belonged to on the reference date. */
export async function peopleInPeriod(deps: AppDeps, actor: Actor, period: Period): Promise<PersonRow[]> {
  const on = referenceDate(period, actor.today);
  const [people, memberships] = await Promise.all([
    loadPeople(deps.db, actor.tenantId),
    loadMemberships(deps.db, actor.tenantId, { start: on, end: on }),
  ]);
  const unitOf = new Map(memberships.map((m) => [m.personId, m.unitId]));
  return people
    .filter((p) => (!p.leftOn || p.leftOn >= period.start) && (!p.hiredOn || p.hiredOn <= period.end))
    .map((p) => ({ id: p.id, name: p.name, positionId: p.positionId, unitId: unitOf.get(p.id) ?? null }));
}

async function liveCards(deps: AppDeps, actor: Actor, period: Period, people: PersonRow[]) {
  const [schemes, defs] = await Promise.all([listSchemesWithVersions(deps, actor), metricDefs(deps, actor)]);
  // Each person is scored with their position's version active on the period's last day.
  const plan = new Map<string, { scheme: (typeof schemes)[number]; version: VersionView }>();
  for (const person of people) {
    const scheme = schemes.find((s) => s.positionId === person.positionId);
    const published = scheme?.versions.filter((v) => v.status === 'published') ?? [];
    const version = schemeForPeriod(published, period);
    if (scheme && version) plan.set(person.id, { scheme, version });
  }
  const metricIds = new Set<string>();
  for (const { version } of plan.values()) {
    for (const i of version.items) metricIds.add(i.metricId);
    for (const g of version.gates ?? []) metricIds.add(g.metricId);
  }
  const subjects = [...plan.keys()].map((id) => ({ kind: 'person' as const, id }));
  const [values, book] = await Promise.all([
    subjects.length && metricIds.size
      ? computeValues(deps, actor, { metricIds: [...metricIds], subjects, periodKey: period.key })
      : Promise.resolve({ values: [] }),
    loadTargetBook(deps, actor, period),
  ]);
  const actuals = new Map<string, Map<string, number | null>>();
  for (const v of values.values) {
    if (v.subject.kind !== 'person') continue;
    const map = actuals.get(v.subject.id) ?? new Map<string, number | null>();
    map.set(v.metricId, v.value);
    actuals.set(v.subject.id, map);
  }
  const cards = new Map<string, ScorecardView>();
  for (const [personId, { scheme, version }] of plan) {
    const mine = actuals.get(personId) ?? new Map<string, number | null>();
    const inputs = new Map<string, ItemInput>();
    for (const item of version.items) {
      const def: MetricDef | undefined = defs.get(item.metricId);
      if (!def) continue;
      const { target } = book.resolve(item.metricId, def, { kind: 'person', id: personId }, period);
      inputs.set(item.metricId, {
        actual: mine.get(item.metricId) ?? null,
        target,
        direction: def.direction,
        category: def.category,
      });
    }
    const card = scoreCard(toSchemeVersion(version), inputs, mine);
    cards.set(personId, {
      ...card,
      personId,
      period,
      schemeId: scheme.id,
      version: version.version,
      versionStatus: version.status,
      names: Object.fromEntries(
        version.items.map((i) => [i.metricId, defs.get(i.metricId)?.name ?? { 'zh-CN': i.metricId, en: i.metricId }]),
      ),
    });
  }
  return cards;
}

async function frozenCards(deps: AppDeps, actor: Actor, period: Period) {
  const latest = (await listCloses(deps.db, actor.tenantId, period.key)).at(-1);
  if (latest?.status !== 'closed') return undefined;
  const snapshots = await snapshotsOf(deps.db, actor.tenantId, latest.id);
  return new Map(
    snapshots.map((s): [string, ScorecardView] => [
      s.personId,
      { ...(JSON.parse(s.scorecardJson) as ScorecardView), isFrozen: true, closeRevision: latest.revision },
    ]),
  );
}

/** The scorecards of some people (a closed period's snapshots, else computed live), by person. */
export async function scoreCards(deps: AppDeps, actor: Actor, period: Period, people: PersonRow[]) {
  const frozen = await frozenCards(deps, actor, period);
  if (frozen)
    return {
      isFrozen: true,
      cards: new Map(
        people.flatMap((p) => {
          const c = frozen.get(p.id);
          return c ? [[p.id, c] as const] : [];
        }),
      ),
    };
  return { isFrozen: false, cards: await liveCards(deps, actor, period, people) };
}

/** Every person's scorecard and ranks for a period (cached until the tenant's next write). */
export function scorePeople(deps: AppDeps, actor: Actor, period: Period): Promise<PeopleScores> {
  return cachedRead(deps, actor.tenantId, `dashboards:scores:${period.key}:${actor.today}`, async () => {
    const people = await peopleInPeriod(deps, actor, period);
    const { isFrozen, cards } = await scoreCards(deps, actor, period, people);
    const totals = new Map(people.filter((p) => cards.has(p.id)).map((p) => [p.id, cards.get(p.id)?.total ?? null]));
    const companyRank = rankTotals(totals);
    const teamRank = new Map<string, { rank: number | null; of: number }>();
    const byTeam = new Map<string, Map<string, number | null>>();
    for (const p of people) {
      if (!totals.has(p.id) || !p.unitId) continue;
      const team = byTeam.get(p.unitId) ?? new Map<string, number | null>();
      team.set(p.id, totals.get(p.id) ?? null);
      byTeam.set(p.unitId, team);
    }
    for (const team of byTeam.values()) for (const [id, r] of rankTotals(team)) teamRank.set(id, r);
    return { period, isFrozen, people, cards, companyRank, teamRank };
  });
}
