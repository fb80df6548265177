import { loadCalendar } from '../../db/repositories/org.repository.ts';
import { isSplitByParts } from '../../domain/targets/decompose.ts';
import { monthToDays, sumOverDates } from '../../domain/targets/decompose-time.ts';
import { paceOf } from '../../domain/targets/pace.ts';
import type { Period } from '../../domain/time/periods.ts';
import { calendarFrom } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { computeValues, resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { findTargetsFor, metricDefs } from './set-targets.ts';

// Pace 进度 (spec 4): the target of any period, expected-to-date = the sum of the daily targets
// of the elapsed days, and the green / yellow / red status. Daily targets come from the month
// targets (each spread over its working days); a period's own target is used when set.

type TargetDef = { aggregation: 'sum' | 'rate' | 'mean'; direction: 'higher' | 'lower' };

/**
 * The target of a metric for a subject and any period, with its daily targets: the period's own
 * target if set, else for additive metrics the sum of the daily targets of the month targets
 * (each month spread over its working days), and for rates and means the tightest covering one.
 */
export async function resolveTarget(
  deps: AppDeps,
  actor: Actor,
  metricId: string,
  def: TargetDef,
  subject: Subject,
  period: Period,
) {
  const targets = await findTargetsFor(deps, actor, { metricId, subject, periodKey: period.key });
  const own = targets.find((t) => t.periodKey === period.key);
  const daily = new Map<string, number>();
  if (!isSplitByParts(def.aggregation)) {
    const covering = targets
      .filter((t) => t.start <= period.start && t.end >= period.end)
      .sort((a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start));
    // A longer period (a quarter of monthly rate targets) takes the mean of the months inside it.
    const inside = targets.filter(
      (t) => /^\d{4}-\d{2}$/.test(t.periodKey) && t.start >= period.start && t.end <= period.end,
    );
    const meanInside = inside.length > 0 ? inside.reduce((sum, t) => sum + t.value, 0) / inside.length : null;
    return { target: own?.value ?? covering[0]?.value ?? meanInside, daily };
  }
  const months = targets.filter((t) => /^\d{4}-\d{2}$/.test(t.periodKey));
  const rangeStart = [period.start, ...months.map((m) => m.start)].sort()[0] as string;
  const rangeEnd = [period.end, ...months.map((m) => m.end)].sort().at(-1) as string;
  const calendar = calendarFrom(
    (await loadCalendar(deps.db, actor.tenantId, rangeStart, rangeEnd)) as Array<{
      date: string;
      kind: 'holiday' | 'workday';
    }>,
  );
  const spread = (value: number, range: { start: string; end: string }) => {
    const split = monthToDays(value, range, calendar);
    if (split.ok) for (const d of split.days) daily.set(d.date, (daily.get(d.date) ?? 0) + d.amount);
  };
  if (months.length > 0) for (const m of months) spread(m.value, m);
  else if (own) spread(own.value, period);
  return { target: own?.value ?? (daily.size > 0 ? sumOverDates(daily, period) : null), daily };
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
  const { target, daily } = await resolveTarget(deps, actor, input.metricId, def, input.subject, period);
  const { values } = await computeValues(deps, actor, {
    metricIds: [input.metricId],
    subjects: [input.subject],
    periodKey: period.key,
  });
  const actual = values[0]?.value ?? null;
  const base = { period, metricId: input.metricId, target, actual };
  if (target === null) return base;
  if (!isSplitByParts(def.aggregation))
    return {
      ...base,
      ...paceOf(
        { aggregation: def.aggregation as 'rate' | 'mean', direction: def.direction, target, actual },
        actor.settings.pace,
      ),
    };
  return {
    ...base,
    ...paceOf(
      { aggregation: 'sum', direction: def.direction, target, actual, dailyTargets: daily, period, today: actor.today },
      actor.settings.pace,
    ),
  };
}
