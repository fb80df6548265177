import type { Aggregation } from '../metrics/catalog.ts';
import type { IsoDate } from '../time/dates.ts';
import type { Period } from '../time/periods.ts';
import type { TenantCalendar } from '../time/working-days.ts';
import { isSplitByParts } from './decompose.ts';
import { monthToDays, sumOverDates } from './decompose-time.ts';

// The target of any period (spec 4), from the targets set for one subject and one metric:
// - the period's own target when one is set;
// - for additive metrics, else the month targets spread over their working days (a month
//   without working days on its last day), summed over the period's dates; the daily targets
//   come from the months when any is set, else from the period's own target;
// - for rates and means, else the tightest target covering the period (the earliest end, then
//   the latest start), else the mean of the month targets inside it (a quarter of monthly rate
//   targets); rates and means have no daily targets.
// Targets that do not overlap the period play no part.

export type TargetSpan = { periodKey: string; start: IsoDate; end: IsoDate; value: number };
export type ResolvedTarget = { target: number | null; daily: Map<IsoDate, number> };

export const isMonthKey = (key: string) => /^\d{4}-\d{2}$/.test(key);

export function resolveTarget(
  spans: readonly TargetSpan[],
  aggregation: Aggregation,
  period: Pick<Period, 'key' | 'start' | 'end'>,
  calendar: TenantCalendar,
): ResolvedTarget {
  const targets = spans.filter((t) => t.start <= period.end && t.end >= period.start);
  const own = targets.find((t) => t.periodKey === period.key);
  const daily = new Map<IsoDate, number>();
  if (!isSplitByParts(aggregation)) {
    const covering = targets
      .filter((t) => t.start <= period.start && t.end >= period.end)
      .sort((a, b) => a.end.localeCompare(b.end) || b.start.localeCompare(a.start));
    const inside = targets.filter((t) => isMonthKey(t.periodKey) && t.start >= period.start && t.end <= period.end);
    const meanInside = inside.length > 0 ? inside.reduce((sum, t) => sum + t.value, 0) / inside.length : null;
    return { target: own?.value ?? covering[0]?.value ?? meanInside, daily };
  }
  const spread = (value: number, range: { start: IsoDate; end: IsoDate }) => {
    const split = monthToDays(value, range, calendar);
    if (split.ok) for (const d of split.days) daily.set(d.date, (daily.get(d.date) ?? 0) + d.amount);
  };
  const months = targets.filter((t) => isMonthKey(t.periodKey));
  if (months.length > 0) for (const m of months) spread(m.value, m);
  else if (own) spread(own.value, period);
  return { target: own?.value ?? (daily.size > 0 ? sumOverDates(daily, period) : null), daily };
}
