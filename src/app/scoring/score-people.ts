import { loadMemberships, loadPeople } from '../../db/repositories/org.repository.ts';
import { listCloses, snapshotsOf } from '../../db/repositories/period-close.repository.ts';
import { rankTotals } from '../../domain/dashboards/rank.ts';
import { schemeForPeriod } from '../../domain/scoring/scheme.ts';
import { type ItemInput, scoreCard } from '../../domain/scoring/score.ts';
import { elapsedEnd, type Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { cachedRead } from '../live/live.ts';
import { computeValues, type Subject } from '../metrics/compute-metrics.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { loadTargetBook } from '../targets/target-book.ts';
import { type ScorecardView, scorecardView } from './compute-scorecard.ts';
import { listSchemesWithVersions, toSchemeVersion, type VersionView } from './manage-schemes.ts';

// Everyone's scorecard for a period in one pass, for the dashboards (ranks, the team view, the
// ratings distribution) and the score leaderboard: the same card as compute-scorecard.ts (the
// scheme of the person's position, in the version active on the period's last day), but with
// every metric computed once for all the people (one query per metric), the targets and the
// calendar read once, then each card scored in memory. A closed period reads the snapshots frozen
// by its close instead (one query). The result is the same for every viewer, so it is cached per
// tenant and period until the tenant's next write, and each use filters it for its viewer.

export type PersonRow = { id: string; name: string; positionId: string | null; unitId: string | null };
type Rank = { rank: number | null; of: number };
export type PeopleScores = {
  period: Period;
  isFrozen: boolean;
  /** The people employed in the period, each in their unit on the reference date. */
  people: PersonRow[];
  /** The cards of `people`. */
  cards: Map<string, ScorecardView>;
  companyRank: Map<string, Rank>;
  teamRank: Map<string, Rank>;
  /**
   * Every card of the period, also of people outside it: the score leaderboard lists whoever
   * stood in a unit during the period.
   */
  everyone: Map<string, ScorecardView>;
};

/** The date that places a person in a unit for a period: its last elapsed day (or its start). */
export const referenceDate = (period: Period, today: string) => elapsedEnd(period, today) ?? period.start;

type Person = Awaited<ReturnType<typeof loadPeople>>[number];

async function loadPeopleInPeriod(deps: AppDeps, actor: Actor, period: Period) {
  const on = referenceDate(period, actor.today);
  const [everyone, memberships] = await Promise.all([
    loadPeople(deps.db, actor.tenantId),
    loadMemberships(deps.db, actor.tenantId, { start: on, end: on }),
  ]);
  const unitOf = new Map(memberships.map((m) => [m.personId, m.unitId]));
  const inPeriod = everyone
    .filter((p) => (!p.leftOn || p.leftOn >= period.start) && (!p.hiredOn || p.hiredOn <= period.end))
    .map((p): PersonRow => ({ id: p.id, name: p.name, positionId: p.positionId, unitId: unitOf.get(p.id) ?? null }));
  return { everyone, inPeriod };
}

/** People employed in the period, each with the unit they belonged to on the reference date. */
export async function peopleInPeriod(deps: AppDeps, actor: Actor, period: Period): Promise<PersonRow[]> {
  return (await loadPeopleInPeriod(deps, actor, period)).inPeriod;
}

/** The live scorecards of these people: every metric once for all of them, targets read once. */
export async function liveCards(
  deps: AppDeps,
  actor: Actor,
  period: Period,
  people: ReadonlyArray<Pick<Person, 'id' | 'positionId'>>,
  isEveryone: boolean,
) {
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
  const subjects: Subject[] = [...plan.keys()].map((id) => ({ kind: 'person' as const, id }));
  // Everyone at once: with the tenant among the subjects the engine reads all people's facts in
  // one query per metric instead of listing thousands of ids.
  if (isEveryone) subjects.push({ kind: 'tenant' });
  const [values, book] = await Promise.all([
    plan.size && metricIds.size
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
      const def = defs.get(item.metricId);
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
    cards.set(personId, scorecardView(card, { personId, period, schemeId: scheme.id, version, defs }));
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

const cardsOf = (cards: Map<string, ScorecardView>, people: ReadonlyArray<{ id: string }>) =>
  new Map(
    people.flatMap((p) => {
      const c = cards.get(p.id);
      return c ? [[p.id, c] as const] : [];
    }),
  );

/** The scorecards of some people (a closed period's snapshots, else computed live), by person. */
export async function scoreCards(deps: AppDeps, actor: Actor, period: Period, people: PersonRow[]) {
  const frozen = await frozenCards(deps, actor, period);
  if (frozen) return { isFrozen: true, cards: cardsOf(frozen, people) };
  return { isFrozen: false, cards: await liveCards(deps, actor, period, people, false) };
}

/** Everyone's scorecard and ranks for a period (cached until the tenant's next write). */
export function scorePeople(deps: AppDeps, actor: Actor, period: Period): Promise<PeopleScores> {
  return cachedRead(deps, actor.tenantId, `scores:${period.key}:${actor.today}`, async () => {
    const { everyone: all, inPeriod: people } = await loadPeopleInPeriod(deps, actor, period);
    const frozen = await frozenCards(deps, actor, period);
    const everyone = frozen ?? (await liveCards(deps, actor, period, all, true));
    const cards = cardsOf(everyone, people);
    const totals = new Map(people.filter((p) => cards.has(p.id)).map((p) => [p.id, cards.get(p.id)?.total ?? null]));
    const companyRank = rankTotals(totals);
    const teamRank = new Map<string, Rank>();
    const byTeam = new Map<string, Map<string, number | null>>();
    for (const p of people) {
      if (!totals.has(p.id) || !p.unitId) continue;
      const team = byTeam.get(p.unitId) ?? new Map<string, number | null>();
      team.set(p.id, totals.get(p.id) ?? null);
      byTeam.set(p.unitId, team);
    }
    for (const team of byTeam.values()) for (const [id, r] of rankTotals(team)) teamRank.set(id, r);
    return { period, isFrozen: frozen !== undefined, people, cards, companyRank, teamRank, everyone };
  });
}
