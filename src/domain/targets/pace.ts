import type { MetricDef } from '../metrics/catalog.ts';
import type { IsoDate } from '../time/dates.ts';
import { elapsedEnd, type Period } from '../time/periods.ts';
import { sumOverDates } from './decompose-time.ts';

// Pace (spec 4): expected-to-date = the sum of the daily targets of the period's elapsed days
// (dates <= today); pace ratio = actual / expected-to-date, N/A while that is 0; green at or
// above the green threshold, yellow at or above the yellow one, red below, none when N/A. A rate
// or mean target is compared as it stands: its expected-to-date is the target itself.
// The gaps (还差) say how far the actual is from the target and from the pace; never negative.
//
// Choices written down here (the spec is silent):
// - Lower-is-better metrics (custom metrics may be) mirror scoring's attainment: the ratio is
//   expected / actual, and the gaps are how far the actual is above the target or the pace. With
//   an actual of 0 the ratio is unbounded: it is reported as null with the status green (on pace
//   beyond measure), unless expected-to-date is 0, which is N/A as for any metric.
// - An N/A actual (a rate with no denominator) gives a null ratio and gaps, and the status none.
// - A target of 0 for a rate or mean is N/A, as in scoring.

export type PaceStatus = 'green' | 'yellow' | 'red' | 'none';
export type PaceThresholds = { green: number; yellow: number };
export const defaultPaceThresholds: PaceThresholds = { green: 1, yellow: 0.85 };

type Direction = MetricDef['direction'];

export type PaceInput =
  | {
      aggregation: 'sum';
      direction: Direction;
      target: number;
      actual: number | null;
      dailyTargets: ReadonlyMap<IsoDate, number>;
      period: Pick<Period, 'start' | 'end'>;
      today: IsoDate;
    }
  | { aggregation: 'rate' | 'mean'; direction: Direction; target: number; actual: number | null };

export type Pace = {
  expectedToDate: number;
  ratio: number | null;
  status: PaceStatus;
  gapToTarget: number | null;
  gapToPace: number | null;
};

/** The sum of the daily targets of the period's dates up to and including today (0 before it starts). */
export function expectedToDate(
  dailyTargets: ReadonlyMap<IsoDate, number>,
  period: Pick<Period, 'start' | 'end'>,
  today: IsoDate,
): number {
  const end = elapsedEnd({ key: '', kind: 'custom', ...period }, today);
  return end === null ? 0 : sumOverDates(dailyTargets, { start: period.start, end });
}

export function paceOf(input: PaceInput, thresholds: PaceThresholds = defaultPaceThresholds): Pace {
  const expected =
    input.aggregation === 'sum' ? expectedToDate(input.dailyTargets, input.period, input.today) : input.target;
  const { actual, direction, target } = input;
  if (actual === null)
    return { expectedToDate: expected, ratio: null, status: 'none', gapToTarget: null, gapToPace: null };

  const gap = (goal: number) => Math.max(0, direction === 'higher' ? goal - actual : actual - goal);
  const gaps = { gapToTarget: gap(target), gapToPace: gap(expected) };
  if (expected === 0) return { expectedToDate: expected, ratio: null, status: 'none', ...gaps };
  if (direction === 'lower' && actual === 0) return { expectedToDate: expected, ratio: null, status: 'green', ...gaps };

  const ratio = direction === 'higher' ? actual / expected : expected / actual;
  return { expectedToDate: expected, ratio, status: statusOf(ratio, thresholds), ...gaps };
}

export function statusOf(ratio: number | null, thresholds: PaceThresholds = defaultPaceThresholds): PaceStatus {
  if (ratio === null) return 'none';
  if (ratio >= thresholds.green) return 'green';
  return ratio >= thresholds.yellow ? 'yellow' : 'red';
}
