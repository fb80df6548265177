import { loadCalendar } from '../../db/repositories/org.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { isSplitByParts } from '../../domain/targets/decompose.ts';
import { type Pace, paceOf } from '../../domain/targets/pace.ts';
import { isMonthKey, type ResolvedTarget, resolveTarget } from '../../domain/targets/resolve-target.ts';
import type { Period } from '../../domain/time/periods.ts';
import { calendarFrom } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { computeValues, resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { findTargetsFor, metricDefs } from './set-targets.ts';

// Pace 进度 (spec 4): the target of any period, expected-to-date = the sum of the daily targets
// of the elapsed days, and the green / yellow / red status. The target and the daily targets are
// resolved by domain/targets/resolve-target.ts from the targets the actor may see.

type TargetDef = Pick<MetricDef, 'aggregation' | 'direction'>;

/** The target of a metric for a subject and any period, with its daily targets (spec 4). */
export async function targetFor(
  deps: AppDeps,
  actor: Actor,
  metricId: string,
  def: Pick<MetricDef, 'aggregation'>,
  subject: Subject,
  period: Period,
): Promise<ResolvedTarget> {
  const targets = await findTargetsFor(deps, actor, { metricId, subject, periodKey: period.key });
  // Rates and means are not spread over days; a sum needs the calendar of every month it spreads.
  if (!isSplitByParts(def.aggregation)) return resolveTarget(targets, def.aggregation, period, calendarFrom([]));
  const months = targets.filter((t) => isMonthKey(t.periodKey));
  const rangeStart = [period.start, ...months.map((m) => m.start)].sort()[0] as string;
  const rangeEnd = [period.end, ...months.map((m) => m.end)].sort().at(-1) as string;
  const calendar = calendarFrom(
    (await loadCalendar(deps.db, actor.tenantId, rangeStart, rangeEnd)) as Array<{
      date: string;
      kind: 'holiday' | 'workday';
    }>,
  );
  return resolveTarget(targets, def.aggregation, period, calendar);
}

export type PaceView = Pace & { target: number };

/** Pace of an actual against a resolved target (spec 4), or null without a target. */
export function paceAgainst(
  actor: Actor,
  def: TargetDef,
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

export async function paceFor(
  deps: AppDeps,
  actor: Actor,
  input: { metricId: string; subject: Subject; periodKey: string },
) {
  const period = resolvePeriod(actor, input.periodKey);
  const def = (await metricDefs(deps, actor)).get(input.metricId);
  if (!def)
    throw new ValidationError('targets', [
      { index: 0, field: 'metricId', code: 'unknown_ref', reason: `no metric '${input.metricId}'` },
    ]);
  const resolved = await targetFor(deps, actor, input.metricId, def, input.subject, period);
  const { values } = await computeValues(deps, actor, {
    metricIds: [input.metricId],
    subjects: [input.subject],
    periodKey: period.key,
  });
  const actual = values[0]?.value ?? null;
  const base = { period, metricId: input.metricId, target: resolved.target, actual };
  const pace = paceAgainst(actor, def, resolved, actual, period);
  return pace ? { ...base, ...pace } : base;
}
