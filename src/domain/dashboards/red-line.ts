import type { Aggregation, MetricDef } from '../metrics/catalog.ts';
import { type PaceThresholds, paceOf } from '../targets/pace.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import { elapsedEnd, type Period } from '../time/periods.ts';

// Red-line warnings 红线预警 (issue 6): who is red on pace, and since when. "Since" is the first
// day of the current period from which the pace stayed red every day up to today, each day judged
// as spec 4 judges today: the actual up to that day (its facts summed; a rate's numerators over
// its denominators) against the expected-to-date of that day (the daily targets summed; a rate or
// mean target as it stands).
//
// Choices written down here:
// - A day whose status is none (nothing expected yet, or an N/A actual) breaks the run: the
//   warning starts on the first day that was judged red, never before anything was expected.
// - Not red today -> no warning (null), however red earlier days were.

export type DayTally = { num: number; den: number };

export type RedLineInput = {
  aggregation: Aggregation;
  direction: MetricDef['direction'];
  /** For a rate or mean: the target itself; unused for a sum. */
  target: number;
  /** A sum's daily targets (spec 4); empty for a rate or mean. */
  dailyTargets: ReadonlyMap<IsoDate, number>;
  /** The person's counted facts per date (numerator, denominator). */
  dailyActuals: ReadonlyMap<IsoDate, DayTally>;
  period: Pick<Period, 'start' | 'end'>;
  today: IsoDate;
  thresholds?: PaceThresholds;
};

/** The first day of the run of red days that lasts to today, or null when today is not red. */
export function redSince(input: RedLineInput): IsoDate | null {
  const last = elapsedEnd({ key: '', kind: 'custom', ...input.period }, input.today);
  if (last === null) return null;
  let num = 0;
  let den = 0;
  let expected = 0;
  let since: IsoDate | null = null;
  for (let day = input.period.start; day <= last; day = addDays(day, 1)) {
    const tally = input.dailyActuals.get(day);
    num += tally?.num ?? 0;
    den += tally?.den ?? 0;
    expected += input.dailyTargets.get(day) ?? 0;
    const isSum = input.aggregation === 'sum';
    const actual = isSum ? num : den === 0 ? null : num / den;
    const pace = paceOf(
      { aggregation: 'rate', direction: input.direction, target: isSum ? expected : input.target, actual },
      input.thresholds,
    );
    if (pace.status === 'red') since ??= day;
    else since = null;
  }
  return since;
}
