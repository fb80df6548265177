import { type PeriodKind, periodSeries } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { computeValues, type Subject } from './compute-metrics.ts';

/** The same metrics for one subject over consecutive periods (e.g. the last 12 months), oldest first. */
export async function computeSeries(
  deps: AppDeps,
  actor: Actor,
  input: {
    metricIds: string[];
    subject: Subject;
    kind: Exclude<PeriodKind, 'custom'>;
    count: number;
    lastDate?: string;
  },
) {
  const periods = periodSeries(input.kind, input.lastDate ?? actor.today, input.count, {
    fiscalYearStartMonth: actor.fiscalYearStartMonth,
  });
  const values = [];
  for (const period of periods) {
    const result = await computeValues(deps, actor, {
      metricIds: input.metricIds,
      subjects: [input.subject],
      periodKey: period.key,
    });
    values.push(...result.values.map((v) => ({ ...v, period: period.key })));
  }
  return { periods, values };
}
