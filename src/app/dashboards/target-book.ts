import { loadCalendar } from '../../db/repositories/org.repository.ts';
import { listTargets } from '../../db/repositories/targets.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { isSplitByParts } from '../../domain/targets/decompose.ts';
import { monthToDays, sumOverDates } from '../../domain/targets/decompose-time.ts';
import { type Pace, paceOf } from '../../domain/targets/pace.ts';
import { addDays } from '../../domain/time/dates.ts';
import type { Period } from '../../domain/time/periods.ts';
import { calendarFrom, type TenantCalendar } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import type { Subject } from '../metrics/compute-metrics.ts';
import { presentTarget, type TargetView } from '../targets/set-targets.ts';

// The targets of many subjects and metrics at once, for the dashboards: every target overlapping
// a date range and the tenant calendar, two queries, then each (metric, subject, period) resolved
// in memory by the rule of app/targets/target-pace.ts `resolveTarget` (a period's own target; for
// additive metrics else the month targets spread over their working days; for rates and means the
// tightest covering target, else the mean of the months inside).

export type ResolvedTarget = { target: number | null; daily: Map<string, number> };

const subjectKeyOf = (s: Subject) => (s.kind === 'tenant' ? 'tenant|' : `${s.kind}|${s.id}`);
const isMonthKey = (key: string) => /^\d{4}-\d{2}$/.test(key);

export type TargetBook = {
  resolve: (metricId: string, def: Pick<MetricDef, 'aggregation'>, subject: Subject, period: Period) => ResolvedTarget;
  /** Subjects of a kind that have any target of the metric overlapping the range. */
  subjectsWithTargets: (metricId: string, kind: Subject['kind']) => string[];
  /** Metrics with any target for the subject overlapping the range. */
  metricsOf: (subject: Subject) => string[];
};

export async function loadTargetBook(deps: AppDeps, actor: Actor, range: { start: string; end: string }) {
  // Month targets reach at most a month beyond the range on either side.
  const [rows, days] = await Promise.all([
    listTargets(deps.db, actor.tenantId, { overlapping: range }),
    loadCalendar(deps.db, actor.tenantId, addDays(range.start, -31), addDays(range.end, 31)),
  ]);
  const calendar = calendarFrom(days as Array<{ date: string; kind: 'holiday' | 'workday' }>);
  const bySubjectMetric = new Map<string, TargetView[]>();
  for (const row of rows.map(presentTarget)) {
    const key = `${row.metricId}|${subjectKeyOf(row.subject)}`;
    const list = bySubjectMetric.get(key) ?? [];
    list.push(row);
    bySubjectMetric.set(key, list);
  }
  const book: TargetBook = {
    resolve: (metricId, def, subject, period) =>
      resolveFrom(
        (bySubjectMetric.get(`${metricId}|${subjectKeyOf(subject)}`) ?? []).filter(
          (t) => t.start <= period.end && t.end >= period.start,
        ),
        def,
        period,
        calendar,
      ),
    subjectsWithTargets: (metricId, kind) => [
      ...new Set(rows.filter((r) => r.metricId === metricId && r.subjectKind === kind).map((r) => r.subjectId)),
    ],
    metricsOf: (subject) => {
      const key = subjectKeyOf(subject);
      return [...new Set(rows.filter((r) => `${r.subjectKind}|${r.subjectId}` === key).map((r) => r.metricId))];
    },
  };
  return book;
}

function resolveFrom(
  targets: TargetView[],
  def: Pick<MetricDef, 'aggregation'>,
  period: Period,
  calendar: TenantCalendar,
): ResolvedTarget {
  const own = targets.find((t) => t.periodKey === period.key);
  const daily = new Map<string, number>();
  if (!isSplitByParts(def.aggregation)) {
    const covering = targets
      .filter((t) => t.start <= period.start && t.end >= period.end)
      .sort((a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start));
    const inside = targets.filter((t) => isMonthKey(t.periodKey) && t.start >= period.start && t.end <= period.end);
    const meanInside = inside.length > 0 ? inside.reduce((sum, t) => sum + t.value, 0) / inside.length : null;
    return { target: own?.value ?? covering[0]?.value ?? meanInside, daily };
  }
  const spread = (value: number, range: { start: string; end: string }) => {
    const split = monthToDays(value, range, calendar);
    if (split.ok) for (const d of split.days) daily.set(d.date, (daily.get(d.date) ?? 0) + d.amount);
  };
  const months = targets.filter((t) => isMonthKey(t.periodKey));
  if (months.length > 0) for (const m of months) spread(m.value, m);
  else if (own) spread(own.value, period);
  return { target: own?.value ?? (daily.size > 0 ? sumOverDates(daily, period) : null), daily };
}

export type PaceView = Pace & { target: number };

/** Pace of an actual against a resolved target (spec 4), or null without a target. */
export function paceAgainst(
  actor: Actor,
  def: Pick<MetricDef, 'aggregation' | 'direction'>,
  resolved: ResolvedTarget,
  actual: number | null,
  period: Period,
): PaceView | null {
  const { target, daily } = resolved;
  if (target === null) return null;
  const pace = isSplitByParts(def.aggregation)
    ? paceOf(
        {
          aggregation: 'sum',
          direction: def.direction,
          target,
          actual,
          dailyTargets: daily,
          period,
          today: actor.today,
        },
        actor.settings.pace,
      )
    : paceOf(
        { aggregation: def.aggregation as 'rate' | 'mean', direction: def.direction, target, actual },
        actor.settings.pace,
      );
  return { ...pace, target };
}
