import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../time/dates.ts';
import { calendarFrom } from '../time/working-days.ts';
import { resolveTarget, type TargetSpan } from './resolve-target.ts';

// March 2025: 21 working days (Saturday 1 March to Monday 31 March). April 2025: Friday 4 April
// (清明) off and Sunday 27 April a make-up working day (调休): 22 working days. February: 20.
const calendar = calendarFrom([
  { date: '2025-04-04', kind: 'holiday' },
  { date: '2025-04-27', kind: 'workday' },
]);

const span = (periodKey: string, start: IsoDate, end: IsoDate, value: number): TargetSpan => ({
  periodKey,
  start,
  end,
  value,
});
const feb = (value: number) => span('2025-02', '2025-02-01', '2025-02-28', value);
const mar = (value: number) => span('2025-03', '2025-03-01', '2025-03-31', value);
const apr = (value: number) => span('2025-04', '2025-04-01', '2025-04-30', value);
const q1 = (value: number) => span('2025-Q1', '2025-01-01', '2025-03-31', value);
const year = (value: number) => span('2025', '2025-01-01', '2025-12-31', value);

const periods = {
  march: { key: '2025-03', start: '2025-03-01', end: '2025-03-31' },
  q1: { key: '2025-Q1', start: '2025-01-01', end: '2025-03-31' },
  w11: { key: '2025-W11', start: '2025-03-10', end: '2025-03-16' },
  w13: { key: '2025-W13', start: '2025-03-24', end: '2025-03-30' },
  w14: { key: '2025-W14', start: '2025-03-31', end: '2025-04-06' },
  w17: { key: '2025-W17', start: '2025-04-21', end: '2025-04-27' },
  weekend: { key: '2025-03-01..2025-03-02', start: '2025-03-01', end: '2025-03-02' },
};

describe('resolveTarget for an additive metric', () => {
  it.each([
    // [case, targets, period, expected target, expected daily targets (a date absent is not checked)]
    ['the month its own target', [mar(2100)], periods.march, 2100, { '2025-03-01': 0, '2025-03-03': 100 }],
    [
      'a week across two months: the working days of each month',
      [mar(2100), apr(2200)],
      periods.w14,
      400,
      { '2025-03-31': 100, '2025-04-03': 100, '2025-04-04': 0, '2025-04-05': 0 },
    ],
    [
      'a make-up Sunday carries a day of the month',
      [apr(2200)],
      periods.w17,
      600,
      { '2025-04-26': 0, '2025-04-27': 100 },
    ],
    [
      'a week its own target: it stands, the daily targets still come from the month',
      [mar(2100), span('2025-W11', '2025-03-10', '2025-03-16', 1000)],
      periods.w11,
      1000,
      { '2025-03-10': 100 },
    ],
    [
      'a week its own target and no month: spread over its working days',
      [span('2025-W11', '2025-03-10', '2025-03-16', 700)],
      periods.w11,
      700,
      { '2025-03-10': 140, '2025-03-14': 140, '2025-03-15': 0 },
    ],
    [
      'a quarter with two of its months set: the sum of those',
      [feb(2000), mar(2100)],
      periods.q1,
      4100,
      { '2025-02-03': 100, '2025-03-03': 100 },
    ],
    [
      'largest remainder: 100 over 21 days gives 5 to the first 16 working days',
      [mar(100)],
      periods.w13,
      5 + 4 + 4 + 4 + 4,
      { '2025-03-24': 5, '2025-03-25': 4, '2025-03-28': 4 },
    ],
    [
      'a range without a working day: its last day takes it',
      [span('2025-03-01..2025-03-02', '2025-03-01', '2025-03-02', 50)],
      periods.weekend,
      50,
      { '2025-03-01': 0, '2025-03-02': 50 },
    ],
    ['a month outside the period plays no part', [feb(2000), mar(2100)], periods.w14, 100, { '2025-03-31': 100 }],
    ['no target', [], periods.march, null, {}],
    ['only a quarter target covering a week: not split, no target', [q1(6000)], periods.w11, null, {}],
  ] as const)('%s', (_case, targets, period, expected, days) => {
    const { target, daily } = resolveTarget(targets, 'sum', period, calendar);
    expect(target).toBe(expected);
    for (const [date, amount] of Object.entries(days)) expect(daily.get(date)).toBe(amount);
  });

  it('keeps every day of the months it spreads, and none of a month outside the period', () => {
    const { daily } = resolveTarget([feb(2000), mar(2100), apr(2200)], 'sum', periods.w14, calendar);
    expect(daily.size).toBe(31 + 30);
    expect(daily.has('2025-02-03')).toBe(false);
  });
});

describe('resolveTarget for a rate or mean', () => {
  it.each([
    // [case, aggregation, targets, period, expected]
    ['the period its own target', 'rate', [mar(0.9), q1(0.8)], periods.march, 0.9],
    ['the tightest covering target: the earliest end', 'rate', [year(0.7), q1(0.8)], periods.w11, 0.8],
    ['on the same end, the latest start', 'mean', [q1(0.8), mar(0.9)], periods.w11, 0.9],
    [
      'a quarter without its own: the mean of its months',
      'rate',
      [feb(0.5), mar(1), span('2025-01', '2025-01-01', '2025-01-31', 0.75)],
      periods.q1,
      0.75,
    ],
    ['a covering year before the months inside', 'rate', [year(0.6), feb(0.5), mar(1)], periods.q1, 0.6],
    ['a week across two months: none covers it, none inside', 'rate', [mar(0.9), apr(0.8)], periods.w14, null],
    ['a target of 0 stands (scoring calls it N/A)', 'mean', [mar(0)], periods.w11, 0],
    ['no target', 'rate', [], periods.march, null],
  ] as const)('%s', (_case, aggregation, targets, period, expected) => {
    const { target, daily } = resolveTarget(targets, aggregation, period, calendar);
    expect(target).toBe(expected);
    expect(daily.size).toBe(0);
  });
});
