import { loadCalendar } from '../../db/repositories/org.repository.ts';
import { listTargets } from '../../db/repositories/targets.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { type ResolvedTarget, resolveTarget } from '../../domain/targets/resolve-target.ts';
import { addDays } from '../../domain/time/dates.ts';
import type { Period } from '../../domain/time/periods.ts';
import { calendarFrom } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import type { Subject } from '../metrics/compute-metrics.ts';
import { presentTarget, type TargetView } from './set-targets.ts';

// The targets of many subjects and metrics at once, for the dashboards: every target overlapping
// a date range and the tenant calendar, two queries, then each (metric, subject, period) resolved
// in memory by domain/targets/resolve-target.ts (spec 4).

const subjectKeyOf = (s: Subject) => (s.kind === 'tenant' ? 'tenant|' : `${s.kind}|${s.id}`);

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
      resolveTarget(
        bySubjectMetric.get(`${metricId}|${subjectKeyOf(subject)}`) ?? [],
        def.aggregation,
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
