import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate, isoWeekday } from '../time/dates.ts';
import { expectedToDate, type PaceInput, paceOf, statusOf } from './pace.ts';

// March 2025: 21 working days of 100 (a month target of 2100); weekends 0.
const march = { start: '2025-03-01', end: '2025-03-31' };
const dailyMarch = new Map<IsoDate, number>(
  Array.from({ length: 31 }, (_, i) => {
    const date = addDays('2025-03-01', i);
    return [date, isoWeekday(date) <= 5 ? 100 : 0];
  }),
);

const sumInput = (actual: number | null, today: IsoDate, direction: 'higher' | 'lower' = 'higher'): PaceInput => ({
  aggregation: 'sum',
  direction,
  target: 2100,
  actual,
  dailyTargets: dailyMarch,
  period: march,
  today,
});

describe('expectedToDate', () => {
  it.each([
    // [case, today, expected]
    ['before the period starts', '2025-02-28', 0],
    ['on the first day, a Saturday', '2025-03-01', 0],
    ['on the first working day (today counts)', '2025-03-03', 100],
    ['Friday 14 March: 10 working days elapsed', '2025-03-14', 1000],
    ['Saturday 15 March: still 10', '2025-03-15', 1000],
    ['on the last day', '2025-03-31', 2100],
    ['after the period', '2025-06-01', 2100],
  ])('%s', (_case, today, expected) => {
    expect(expectedToDate(dailyMarch, march, today)).toBe(expected);
  });
});

describe('paceOf for a sum target', () => {
  it.each([
    // [case, actual, today, expected-to-date, ratio, status, gap to target, gap to pace]
    ['exactly on pace', 1000, '2025-03-14', 1000, 1, 'green', 1100, 0],
    ['ahead of pace', 1500, '2025-03-14', 1000, 1.5, 'green', 600, 0],
    ['at 85%: yellow', 850, '2025-03-14', 1000, 0.85, 'yellow', 1250, 150],
    ['just below 85%: red', 849, '2025-03-14', 1000, 0.849, 'red', 1251, 151],
    ['nothing yet', 0, '2025-03-14', 1000, 0, 'red', 2100, 1000],
    ['target reached: no gaps', 2500, '2025-03-31', 2100, 2500 / 2100, 'green', 0, 0],
    ['before anything is expected: N/A', 0, '2025-03-01', 0, null, 'none', 2100, 0],
    ['before the period: N/A', 300, '2025-02-20', 0, null, 'none', 1800, 0],
  ])('%s', (_case, actual, today, expected, ratio, status, gapToTarget, gapToPace) => {
    expect(paceOf(sumInput(actual, today))).toEqual({
      expectedToDate: expected,
      ratio,
      status,
      gapToTarget,
      gapToPace,
    });
  });

  it('an N/A actual has no ratio, no gaps and no status', () => {
    expect(paceOf(sumInput(null, '2025-03-14'))).toEqual({
      expectedToDate: 1000,
      ratio: null,
      status: 'none',
      gapToTarget: null,
      gapToPace: null,
    });
  });

  it.each([
    // [case, actual, ratio, status, gap to target, gap to pace] on 14 March, expected 1000
    ['lower is better, under the pace', 800, 1.25, 'green', 0, 0],
    ['lower is better, over the pace', 1250, 0.8, 'red', 0, 250],
    ['lower is better, over the whole target', 2600, 1000 / 2600, 'red', 500, 1600],
    ['lower is better, nothing at all: unbounded, green', 0, null, 'green', 0, 0],
  ])('%s', (_case, actual, ratio, status, gapToTarget, gapToPace) => {
    expect(paceOf(sumInput(actual, '2025-03-14', 'lower'))).toEqual({
      expectedToDate: 1000,
      ratio,
      status,
      gapToTarget,
      gapToPace,
    });
  });

  it('uses tenant thresholds', () => {
    const thresholds = { green: 0.95, yellow: 0.8 };
    expect(paceOf(sumInput(960, '2025-03-14'), thresholds).status).toBe('green');
    expect(paceOf(sumInput(800, '2025-03-14'), thresholds).status).toBe('yellow');
    expect(paceOf(sumInput(799, '2025-03-14'), thresholds).status).toBe('red');
  });
});

describe('paceOf for a rate or mean target: the target itself', () => {
  it.each([
    // [case, aggregation, direction, target, actual, ratio, status, gap to target]
    ['a rate at target', 'rate', 'higher', 0.9, 0.9, 1, 'green', 0],
    ['a rate at 90% of target', 'rate', 'higher', 0.8, 0.72, 0.9, 'yellow', 0.08],
    ['a rate at half its target', 'rate', 'higher', 0.9, 0.45, 0.5, 'red', 0.45],
    ['a mean above target', 'mean', 'higher', 4, 5, 1.25, 'green', 0],
    ['a rate with an N/A actual', 'rate', 'higher', 0.9, null, null, 'none', null],
    ['a rate with a target of 0', 'rate', 'higher', 0, 0.5, null, 'none', 0],
    ['a lower-is-better mean under target', 'mean', 'lower', 2, 1, 2, 'green', 0],
    ['a lower-is-better mean over target', 'mean', 'lower', 2, 4, 0.5, 'red', 2],
  ] as const)('%s', (_case, aggregation, direction, target, actual, ratio, status, gapToTarget) => {
    const close = (x: number | null) => (x === null ? null : expect.closeTo(x, 12));
    // The pace of a rate or mean is its target: both gaps are the same.
    expect(paceOf({ aggregation, direction, target, actual })).toEqual({
      expectedToDate: target,
      ratio: close(ratio),
      status,
      gapToTarget: close(gapToTarget),
      gapToPace: close(gapToTarget),
    });
  });
});

describe('statusOf', () => {
  it.each([
    [null, 'none'],
    [1.2, 'green'],
    [1, 'green'],
    [0.9999, 'yellow'],
    [0.85, 'yellow'],
    [0.8499, 'red'],
    [0, 'red'],
  ] as const)('%s -> %s', (ratio, status) => {
    expect(statusOf(ratio)).toBe(status);
  });
});
