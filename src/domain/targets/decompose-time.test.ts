import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, type IsoDate } from '../time/dates.ts';
import { calendarFrom } from '../time/working-days.ts';
import { monthToDays, prorate, sumOverDates, yearToMonths } from './decompose-time.ts';

const plain = calendarFrom([]);

// 2025 National Day: 1-8 October off; Saturday 11 October is a make-up working day (调休).
const nationalDay = calendarFrom([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'holiday' as const })),
  { date: '2025-10-11', kind: 'workday' },
]);

// Every date of February 2025 is a holiday: a month without a working day.
const februaryOff = calendarFrom(
  Array.from({ length: 28 }, (_, i) => ({ date: addDays('2025-02-01', i), kind: 'holiday' as const })),
);

// New Year's Day 2025 (a Wednesday) off.
const newYear = calendarFrom([{ date: '2025-01-01', kind: 'holiday' }]);

const range = (start: IsoDate, end: IsoDate) => ({ start, end });
const byDate = (result: ReturnType<typeof monthToDays>) =>
  new Map(result.ok ? result.days.map((d) => [d.date, d.amount]) : []);

describe('yearToMonths', () => {
  it.each([
    // [case, whole, last year's monthly actuals, locks, expected months in the year's order]
    ['no history: even', 1_200_000, null, [], Array(12).fill(100_000)],
    // 100 / 12 = 8.33: 4 units left over, ties on remainder and weight go to the earliest months.
    ['no history, 100 units', 100, null, [], [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]],
    // weights 1..12 sum to 78: 7800 x i / 78 = 100 x i.
    [
      'seasonality 1..12',
      7800,
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [],
      [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200],
    ],
    ["last year's total 0: even", 1200, Array(12).fill(0), [], Array(12).fill(100)],
    ["last year's total negative: even", 1200, [-10, ...Array(11).fill(0)], [], Array(12).fill(100)],
    // total 15 > 0: January's -5 weighs 0; February and March share 1000 as 10:10.
    [
      'a negative month in a positive year weighs 0',
      1000,
      [-5, 10, 10, ...Array(9).fill(0)],
      [],
      [0, 500, 500, ...Array(9).fill(0)],
    ],
    // January locked at 300: 900 over 11 months = 81.8; 9 units left go to February..October.
    ['a locked month', 1200, null, [300], [300, 82, 82, 82, 82, 82, 82, 82, 82, 82, 81, 81]],
  ])('%s', (_case, whole, lastYear, locks, expected) => {
    expect(yearToMonths(whole, lastYear, locks)).toEqual({ ok: true, amounts: expected });
  });

  it.each([
    ['11 months of history', 1200, Array(11).fill(1), [], 'bad_seasonality'],
    ['a month that is not a number', 1200, [Number.NaN, ...Array(11).fill(1)], [], 'bad_seasonality'],
    ['locked months above the year', 1200, null, [1000, 300], 'locked_exceed_whole'],
    ['a negative year target', -1200, null, [], 'negative_whole'],
  ])('refuses %s', (_case, whole, lastYear, locks, code) => {
    expect(yearToMonths(whole, lastYear, locks)).toMatchObject({ ok: false, code });
  });
});

describe('monthToDays', () => {
  it('February in a leap year: 21 working days of 100, weekends 0, 29 February included', () => {
    const result = monthToDays(2100, range('2024-02-01', '2024-02-29'), plain);
    const days = byDate(result);
    expect(days.size).toBe(29);
    expect(days.get('2024-02-01')).toBe(100); // Thursday
    expect(days.get('2024-02-03')).toBe(0); // Saturday
    expect(days.get('2024-02-04')).toBe(0); // Sunday
    expect(days.get('2024-02-29')).toBe(100); // Thursday
    expect([...days.values()].reduce((a, b) => a + b, 0)).toBe(2100);
  });

  it('February 2024, 100 over 21 working days: the first 16 working days get 5, the last 5 get 4', () => {
    const days = byDate(monthToDays(100, range('2024-02-01', '2024-02-29'), plain));
    expect([days.get('2024-02-01'), days.get('2024-02-22'), days.get('2024-02-23'), days.get('2024-02-29')]).toEqual([
      5, 5, 4, 4,
    ]);
    expect(days.get('2024-02-10')).toBe(0);
  });

  it('follows holidays and make-up days: October 2025 has 18 working days', () => {
    const days = byDate(monthToDays(1800, range('2025-10-01', '2025-10-31'), nationalDay));
    expect([days.get('2025-10-01'), days.get('2025-10-08'), days.get('2025-10-09')]).toEqual([0, 0, 100]);
    expect([days.get('2025-10-11'), days.get('2025-10-12'), days.get('2025-10-31')]).toEqual([100, 0, 100]);
  });

  it('a month without a working day puts its target on its last day', () => {
    const days = byDate(monthToDays(500, range('2025-02-01', '2025-02-28'), februaryOff));
    expect(days.get('2025-02-28')).toBe(500);
    expect(days.get('2025-02-03')).toBe(0);
    expect([...days.values()].reduce((a, b) => a + b, 0)).toBe(500);
  });

  it('a locked day keeps its value and the other working days absorb the rest', () => {
    // 2100 - 300 = 1800 over the 20 other working days.
    const days = byDate(monthToDays(2100, range('2024-02-01', '2024-02-29'), plain, new Map([['2024-02-01', 300]])));
    expect([days.get('2024-02-01'), days.get('2024-02-02'), days.get('2024-02-29'), days.get('2024-02-03')]).toEqual([
      300, 90, 90, 0,
    ]);
  });

  it('when only non-working days are left unlocked, they share the rest evenly', () => {
    // Friday 7 March 2025 locked at 4; Saturday and Sunday (weights 0) share 6.
    const days = byDate(monthToDays(10, range('2025-03-07', '2025-03-09'), plain, new Map([['2025-03-07', 4]])));
    expect([...days.values()]).toEqual([4, 3, 3]);
  });

  it('refuses a negative month target, locked days above it and a lock outside the month', () => {
    expect(monthToDays(-1, range('2025-03-01', '2025-03-31'), plain)).toMatchObject({ code: 'negative_whole' });
    expect(monthToDays(10, range('2025-03-01', '2025-03-31'), plain, new Map([['2025-03-03', 11]]))).toMatchObject({
      code: 'locked_exceed_whole',
      reason: 'locked parts sum to 11, more than the whole 10',
    });
    expect(monthToDays(10, range('2025-03-01', '2025-03-31'), plain, new Map([['2025-04-01', 1]]))).toMatchObject({
      code: 'lock_outside_period',
      reason: 'a locked day 2025-04-01 lies outside 2025-03-01..2025-03-31',
    });
  });
});

describe('sumOverDates', () => {
  // December 2024: 22 working days; January 2025: 22 working days once New Year's Day is off.
  const december = monthToDays(2200, range('2024-12-01', '2024-12-31'), newYear);
  const january = monthToDays(2200, range('2025-01-01', '2025-01-31'), newYear);
  const daily = new Map([...byDate(december), ...byDate(january)]);

  it.each([
    // [case, start, end, expected]
    // 2025-W01 = Monday 30 December 2024 .. Sunday 5 January 2025: 30, 31 Dec, 2, 3 Jan work.
    ['a week across the year boundary (2025-W01)', '2024-12-30', '2025-01-05', 400],
    // 2024-W48 = 25 November .. 1 December: only Sunday 1 December has a daily target (0).
    ['a week whose other month has no daily targets', '2024-11-25', '2024-12-01', 0],
    ['a month', '2024-12-01', '2024-12-31', 2200],
    ['a custom range of two months', '2024-12-01', '2025-01-31', 4400],
    ['a single holiday', '2025-01-01', '2025-01-01', 0],
  ])('%s', (_case, start, end, expected) => {
    expect(sumOverDates(daily, range(start, end))).toBe(expected);
  });

  it('a quarter is the sum of its months', () => {
    const months = [
      monthToDays(3100, range('2025-01-01', '2025-01-31'), plain),
      monthToDays(2800, range('2025-02-01', '2025-02-28'), plain),
      monthToDays(1234, range('2025-03-01', '2025-03-31'), plain),
    ];
    const quarter = new Map(months.flatMap((m) => [...byDate(m)]));
    expect(sumOverDates(quarter, range('2025-01-01', '2025-03-31'))).toBe(7134);
  });
});

describe('prorate', () => {
  const march = range('2025-03-01', '2025-03-31'); // 21 working days
  it.each([
    // [case, target, membership start, membership end, period, expected]
    // joins Monday 17 March: 11 of 21 working days.
    ['joins mid-month', 2_100_000, '2025-03-17', null, march, 1_100_000],
    // leaves Friday 7 March: 5 of 21.
    ['leaves mid-month', 2100, '2024-01-01', '2025-03-07', march, 500],
    ['member all month', 2100, '2025-01-01', null, march, 2100],
    ['joins after the month', 2100, '2025-04-01', null, march, 0],
    ['left before the month', 2100, '2024-01-01', '2025-02-28', march, 0],
    // 10 x 11 / 21 = 5.24.
    ['a count rounds to a whole', 10, '2025-03-17', null, march, 5],
    // Monday-Thursday period, joins Wednesday: 2 of 4 working days.
    ['half rounds up (0.5 -> 1)', 1, '2025-03-05', null, range('2025-03-03', '2025-03-06'), 1],
    ['half rounds up (2.5 -> 3)', 5, '2025-03-05', null, range('2025-03-03', '2025-03-06'), 3],
    ['below half rounds down (0.25 -> 0)', 1, '2025-03-06', null, range('2025-03-03', '2025-03-06'), 0],
    // A weekend period has no working day: 1 of 2 calendar days, 50.5 -> 51.
    [
      'calendar days when the period has no working day',
      101,
      '2025-03-09',
      null,
      range('2025-03-08', '2025-03-09'),
      51,
    ],
    // joins on a Saturday: the membership's working days start Monday 3 March = all 21.
    ['joining on a weekend before the first working day', 2100, '2025-03-02', null, march, 2100],
  ])('%s', (_case, target, start, end, period, expected) => {
    expect(prorate(target, { start, end }, period, plain)).toBe(expected);
  });

  it('refuses a target that is not a whole number of units', () => {
    expect(() => prorate(-1, { start: '2025-03-01', end: null }, march, plain)).toThrow(RangeError);
    expect(() => prorate(1.5, { start: '2025-03-01', end: null }, march, plain)).toThrow(RangeError);
  });
});

describe('time decomposition properties', () => {
  it('a month split into days always sums to the month target, on any calendar', () => {
    const arb = fc.record({
      target: fc.integer({ min: 0, max: 10_000_000_000 }),
      startOffset: fc.integer({ min: 0, max: 3650 }),
      length: fc.integer({ min: 1, max: 31 }),
      holidays: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ target, startOffset, length, holidays }) => {
        const start = addDays('2020-01-01', startOffset);
        const end = addDays(start, length - 1);
        const calendar = calendarFrom(holidays.map((h) => ({ date: addDays(start, h), kind: 'holiday' as const })));
        const result = monthToDays(target, { start, end }, calendar);
        const days = result.ok ? result.days : [];
        expect(days.length).toBe(daysBetween(start, end) + 1);
        expect(days.reduce((a, d) => a + d.amount, 0)).toBe(target);
      }),
      { numRuns: 300 },
    );
  });
});
