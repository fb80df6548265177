import { loadCalendar, loadPeople } from '../../db/repositories/org.repository.ts';
import { listCloses, snapshotsOf } from '../../db/repositories/period-close.repository.ts';
import { listTargets, type TargetRow } from '../../db/repositories/targets.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { schemeForPeriod } from '../../domain/scoring/scheme.ts';
import { type ItemInput, scoreCard } from '../../domain/scoring/score.ts';
import { isSplitByParts } from '../../domain/targets/decompose.ts';
import { monthToDays, sumOverDates } from '../../domain/targets/decompose-time.ts';
import type { Period } from '../../domain/time/periods.ts';
import { calendarFrom, type TenantCalendar } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import { computeValues, type Subject } from '../metrics/compute-metrics.ts';
import { listSchemesWithVersions, toSchemeVersion, type VersionView } from '../scoring/manage-schemes.ts';
import { metricDefs } from '../targets/set-targets.ts';

// The total score (总分) of many people at once, for the score leaderboard: the same scorecard
// as compute-scorecard.ts (the scheme of the person's position, in the version active on the
// period's last day), but with every metric computed once for everyone and every target read in
// one query, instead of one scorecard (and its queries) per person. A closed period reads the
// totals frozen by its close.

export type PersonScore = { total: number | null; rating: string | null };

const MONTH_KEY = /^\d{4}-\d{2}$/;

/** A subject's target for a period from its target rows, as target-pace.ts resolveTarget reads it. */
function targetFrom(
  rows: readonly TargetRow[],
  def: Pick<MetricDef, 'aggregation'>,
  period: Period,
  calendar: TenantCalendar,
): number | null {
  const own = rows.find((t) => t.periodKey === period.key);
  if (!isSplitByParts(def.aggregation)) {
    const covering = rows
      .filter((t) => t.startOn <= period.start && t.endOn >= period.end)
      .sort((a, b) => a.endOn.localeCompare(b.endOn) || b.startOn.localeCompare(a.startOn));
    const inside = rows.filter(
      (t) => MONTH_KEY.test(t.periodKey) && t.startOn >= period.start && t.endOn <= period.end,
    );
    const meanInside = inside.length > 0 ? inside.reduce((sum, t) => sum + t.value, 0) / inside.length : null;
    return own?.value ?? covering[0]?.value ?? meanInside;
  }
  const daily = new Map<string, number>();
  const spread = (value: number, range: { start: string; end: string }) => {
    const split = monthToDays(value, range, calendar);
    if (split.ok) for (const d of split.days) daily.set(d.date, (daily.get(d.date) ?? 0) + d.amount);
  };
  const months = rows.filter((t) => MONTH_KEY.test(t.periodKey));
  if (months.length > 0) for (const m of months) spread(m.value, { start: m.startOn, end: m.endOn });
  else if (own) spread(own.value, period);
  return own?.value ?? (daily.size > 0 ? sumOverDates(daily, period) : null);
}

async function frozenScores(deps: AppDeps, actor: Actor, period: Period) {
  const latest = (await listCloses(deps.db, actor.tenantId, period.key)).at(-1);
  if (latest?.status !== 'closed') return undefined;
  const snapshots = await snapshotsOf(deps.db, actor.tenantId, latest.id);
  return new Map(snapshots.map((s) => [s.personId, { total: s.total, rating: s.rating }]));
}

/**
 * Scores of the given people (everyone in the tenant when `personIds` is undefined). A person
 * without a position, a scheme or an active published version has no score (absent from the map).
 */
export async function scorePeople(
  deps: AppDeps,
  actor: Actor,
  period: Period,
  personIds: readonly string[] | undefined,
): Promise<Map<string, PersonScore>> {
  const frozen = await frozenScores(deps, actor, period);
  if (frozen) return frozen;

  const [schemes, people, defs] = await Promise.all([
    listSchemesWithVersions(deps, actor),
    loadPeople(deps.db, actor.tenantId),
    metricDefs(deps, actor),
  ]);
  const versionOfPosition = new Map<string, VersionView>();
  for (const s of schemes) {
    const version = schemeForPeriod(
      s.versions.filter((v) => v.status === 'published'),
      period,
    );
    if (version) versionOfPosition.set(s.positionId, version);
  }
  const wanted = personIds ? new Set(personIds) : undefined;
  const scored = people.flatMap((p) => {
    const version = p.positionId ? versionOfPosition.get(p.positionId) : undefined;
    return version && (!wanted || wanted.has(p.id)) ? [{ personId: p.id, version }] : [];
  });
  if (scored.length === 0) return new Map();

  const metricIds = [
    ...new Set(
      scored.flatMap(({ version }) => [
        ...version.items.map((i) => i.metricId),
        ...(version.gates ?? []).map((g) => g.metricId),
      ]),
    ),
  ];
  const subjects: Subject[] = scored.map((s) => ({ kind: 'person', id: s.personId }));
  // Everyone at once: with the tenant among the subjects the engine reads all people's facts in
  // one query per metric instead of listing thousands of ids.
  if (!wanted) subjects.push({ kind: 'tenant' });
  const [{ values }, targets] = await Promise.all([
    computeValues(deps, actor, { metricIds, subjects, periodKey: period.key }),
    listTargets(deps.db, actor.tenantId, { subjectKind: 'person', overlapping: period }),
  ]);
  const actual = new Map<string, number | null>();
  for (const v of values) if (v.subject.kind === 'person') actual.set(`${v.metricId}|${v.subject.id}`, v.value);
  const targetRows = new Map<string, TargetRow[]>();
  for (const t of targets) {
    const key = `${t.metricId}|${t.subjectId}`;
    targetRows.set(key, [...(targetRows.get(key) ?? []), t]);
  }
  const days = [period.start, period.end, ...targets.flatMap((t) => [t.startOn, t.endOn])].sort();
  const calendar = calendarFrom(
    (await loadCalendar(deps.db, actor.tenantId, days[0] as string, days.at(-1) as string)) as Array<{
      date: string;
      kind: 'holiday' | 'workday';
    }>,
  );

  const scores = new Map<string, PersonScore>();
  for (const { personId, version } of scored) {
    const inputs = new Map<string, ItemInput>();
    for (const item of version.items) {
      const def = defs.get(item.metricId);
      if (!def) continue;
      inputs.set(item.metricId, {
        actual: actual.get(`${item.metricId}|${personId}`) ?? null,
        target: targetFrom(targetRows.get(`${item.metricId}|${personId}`) ?? [], def, period, calendar),
        direction: def.direction,
        category: def.category,
      });
    }
    const gateActuals = new Map(metricIds.map((id) => [id, actual.get(`${id}|${personId}`) ?? null]));
    const card = scoreCard(toSchemeVersion(version), inputs, gateActuals);
    scores.set(personId, { total: card.total, rating: card.rating });
  }
  return scores;
}
