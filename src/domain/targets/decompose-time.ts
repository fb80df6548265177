import { daysBetween, type IsoDate } from '../time/dates.ts';
import { compareDates, datesOf, type Period } from '../time/periods.ts';
import { countWorkingDays, isWorkingDay, type TenantCalendar } from '../time/working-days.ts';
import { shareWeights } from './decompose.ts';
import { type Refusal, refuse, type SplitOptions, type SplitResult, splitWhole } from './largest-remainder.ts';

// Decomposition of a target over time (spec 4): a year's months by last year's monthly actuals
// (else evenly), a month's days by working days, and sums back up for weeks, quarters and years.
// Pro-rating for people who join or leave mid-period lives here too.
//
// Choices written down here (the spec is silent):
// - `yearToMonths` works on the 12 months in the year's own order (month 0 is the first month of
//   the fiscal year), so it serves calendar and fiscal years alike; the caller names the months.
//   A negative month of last year (refunds) weighs 0 when the year's total is positive.
// - `monthToDays` accepts any closed date range, not only a month: working days weigh 1, others 0;
//   with no working day at all, the range's last day weighs 1. Locked days keep their value; when
//   the unlocked days left all weigh 0, they share the rest evenly (the split's own rule).
//   A lock on a date outside the range is refused, not ignored.
// - `sumOverDates` counts a date without a daily target as 0: a week that runs into a month whose
//   target is not set yet sums the days that have one.
// - `prorate` clips the membership to the period (an open end runs to the period's end) and
//   applies to additive targets only; rates and means are inherited, not pro-rated.

export type MonthLocks = ReadonlyArray<number | undefined>;

export function yearToMonths(
  whole: number,
  lastYearMonthlyActuals: readonly number[] | null,
  locked: MonthLocks = [],
  opts: SplitOptions = {},
): SplitResult {
  if (lastYearMonthlyActuals !== null) {
    if (lastYearMonthlyActuals.length !== 12 || !lastYearMonthlyActuals.every(Number.isFinite)) {
      return refuse('bad_seasonality', 'last year needs 12 monthly actuals, each a finite number', {
        months: lastYearMonthlyActuals.length,
      });
    }
  }
  const isLocked = Array.from({ length: 12 }, (_, i) => locked[i] !== undefined);
  const weights = shareWeights(lastYearMonthlyActuals ?? new Array<number>(12).fill(0), isLocked);
  return splitWhole(
    whole,
    weights.map((weight, i) => ({ weight, locked: locked[i] })),
    opts,
  );
}

export type DailyTarget = { date: IsoDate; amount: number };
export type DaysSplit = { ok: true; days: DailyTarget[] } | Refusal;

export function monthToDays(
  monthTarget: number,
  month: Pick<Period, 'start' | 'end'>,
  calendar: TenantCalendar,
  locked: ReadonlyMap<IsoDate, number> = new Map(),
  opts: SplitOptions = {},
): DaysSplit {
  for (const date of locked.keys()) {
    if (date < month.start || date > month.end) {
      return refuse('lock_outside_period', `a locked day ${date} lies outside ${month.start}..${month.end}`, { date });
    }
  }
  const dates = datesOf({ key: '', kind: 'custom', ...month });
  const weights = dates.map((date) => (isWorkingDay(date, calendar) ? 1 : 0));
  if (dates.length > 0 && !weights.includes(1)) weights[weights.length - 1] = 1;
  const split = splitWhole(
    monthTarget,
    dates.map((date, i) => ({ weight: weights[i] ?? 0, locked: locked.get(date) })),
    opts,
  );
  if (!split.ok) return split;
  return { ok: true, days: dates.map((date, i) => ({ date, amount: split.amounts[i] ?? 0 })) };
}

/** The target of any period (week, month, quarter, year, custom) as the sum of its days' targets. */
export function sumOverDates(
  dailyTargets: ReadonlyMap<IsoDate, number>,
  period: Pick<Period, 'start' | 'end'>,
): number {
  let sum = 0;
  for (const [date, amount] of dailyTargets) {
    if (date >= period.start && date <= period.end) sum += amount;
  }
  return sum;
}

export type MembershipSpan = { start: IsoDate; end: IsoDate | null };

/**
 * A target pro-rated by the working days of membership in the period over the working days of
 * the period (calendar days when the period has none), rounded half up to a whole unit.
 * `target` is a non-negative whole number of units (cents or a count).
 */
export function prorate(
  target: number,
  membership: MembershipSpan,
  period: Pick<Period, 'start' | 'end'>,
  calendar: TenantCalendar,
): number {
  if (!Number.isSafeInteger(target) || target < 0) {
    throw new RangeError(`prorate: the target must be a whole number of units of at least 0, got ${target}`);
  }
  const start = compareDates(membership.start, period.start) > 0 ? membership.start : period.start;
  const end = membership.end !== null && membership.end < period.end ? membership.end : period.end;
  const periodWorkingDays = countWorkingDays(period.start, period.end, calendar);
  const [part, whole] =
    periodWorkingDays > 0
      ? [countWorkingDays(start, end, calendar), periodWorkingDays]
      : [Math.max(0, daysBetween(start, end) + 1), daysBetween(period.start, period.end) + 1];
  if (whole <= 0) return 0;
  // Half up on non-negative values: floor((2 x target x part + whole) / (2 x whole)), exactly.
  const [t, p, w] = [BigInt(target), BigInt(part), BigInt(whole)];
  return Number((2n * t * p + w) / (2n * w));
}
