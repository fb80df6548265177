import { describe, expect, it } from 'vitest';
import {
  compareDates,
  datesOf,
  elapsedEnd,
  type FiscalOptions,
  monthsWhollyInside,
  type Period,
  parsePeriod,
  periodContaining,
  periodSeries,
  shiftPeriod,
} from './periods.ts';

const fy = (fiscalYearStartMonth: number): FiscalOptions => ({ fiscalYearStartMonth });

/** Builds a test input from a key known to be valid. */
function period(key: string, fiscalStart = 1): Period {
  const parsed = parsePeriod(key, fy(fiscalStart));
  if (!parsed.ok) throw new Error(`test input ${key}: ${parsed.reason}`);
  return parsed.period;
}

describe('parsePeriod', () => {
  it.each([
    // [key, fiscal start month, canonical key, kind, start, end]
    ['2025-03-14', 1, '2025-03-14', 'day', '2025-03-14', '2025-03-14'],
    ['2024-02-29', 1, '2024-02-29', 'day', '2024-02-29', '2024-02-29'],
    ['2000-02-29', 1, '2000-02-29', 'day', '2000-02-29', '2000-02-29'],
    ['2025-W11', 1, '2025-W11', 'week', '2025-03-10', '2025-03-16'],
    ['2025-W01', 1, '2025-W01', 'week', '2024-12-30', '2025-01-05'],
    ['2025-W05', 1, '2025-W05', 'week', '2025-01-27', '2025-02-02'],
    ['2025-W52', 1, '2025-W52', 'week', '2025-12-22', '2025-12-28'],
    ['2020-W53', 1, '2020-W53', 'week', '2020-12-28', '2021-01-03'],
    ['2026-W53', 1, '2026-W53', 'week', '2026-12-28', '2027-01-03'],
    ['2025-03', 1, '2025-03', 'month', '2025-03-01', '2025-03-31'],
    ['2024-02', 1, '2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2025-02', 1, '2025-02', 'month', '2025-02-01', '2025-02-28'],
    ['2025-12', 4, '2025-12', 'month', '2025-12-01', '2025-12-31'],
    ['2025-Q1', 1, '2025-Q1', 'quarter', '2025-01-01', '2025-03-31'],
    ['2025-Q4', 1, '2025-Q4', 'quarter', '2025-10-01', '2025-12-31'],
    ['2025', 1, '2025', 'year', '2025-01-01', '2025-12-31'],
    ['FY2025', 4, 'FY2025', 'year', '2025-04-01', '2026-03-31'],
    ['FY2025-Q1', 4, 'FY2025-Q1', 'quarter', '2025-04-01', '2025-06-30'],
    ['FY2025-Q3', 4, 'FY2025-Q3', 'quarter', '2025-10-01', '2025-12-31'],
    ['FY2025-Q4', 4, 'FY2025-Q4', 'quarter', '2026-01-01', '2026-03-31'],
    ['FY2025-Q4', 2, 'FY2025-Q4', 'quarter', '2025-11-01', '2026-01-31'],
    ['FY2025', 12, 'FY2025', 'year', '2025-12-01', '2026-11-30'],
    ['FY2023-Q1', 12, 'FY2023-Q1', 'quarter', '2023-12-01', '2024-02-29'],
    // Calendar keys still mean the calendar quarter / year under a fiscal start ...
    ['2025-Q1', 4, '2025-Q1', 'quarter', '2025-01-01', '2025-03-31'],
    ['2025', 4, '2025', 'year', '2025-01-01', '2025-12-31'],
    // ... and FY keys under a January start are the calendar ones, under their calendar key.
    ['FY2025', 1, '2025', 'year', '2025-01-01', '2025-12-31'],
    ['FY2025-Q2', 1, '2025-Q2', 'quarter', '2025-04-01', '2025-06-30'],
    ['2025-03-05..2025-04-20', 1, '2025-03-05..2025-04-20', 'custom', '2025-03-05', '2025-04-20'],
    ['2025-03-05..2025-03-05', 1, '2025-03-05..2025-03-05', 'custom', '2025-03-05', '2025-03-05'],
    ['2025-01-01..2027-12-31', 1, '2025-01-01..2027-12-31', 'custom', '2025-01-01', '2027-12-31'],
    ['2024-02-29..2027-02-28', 1, '2024-02-29..2027-02-28', 'custom', '2024-02-29', '2027-02-28'],
  ] as const)('%s (fiscal start %i) is %s, a %s from %s to %s', (key, fiscalStart, canonical, kind, start, end) => {
    expect(parsePeriod(key, fy(fiscalStart))).toEqual({ ok: true, period: { key: canonical, kind, start, end } });
  });

  const bad = (key: string, why: string) => [key, `"${key}" is not a valid period key: ${why}`] as const;
  const garbage =
    'expected a key like 2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, FY2025-Q1, FY2025 or 2025-03-05..2025-04-20';
  it.each([
    bad('2025-02-30', '2025-02-30 is not a calendar date'),
    bad('2025-02-29', '2025-02-29 is not a calendar date'),
    bad('2100-02-29', '2100-02-29 is not a calendar date'),
    bad('2025-04-31', '2025-04-31 is not a calendar date'),
    bad('2025-W54', 'ISO week-year 2025 has weeks 01 to 52'),
    bad('2025-W53', 'ISO week-year 2025 has weeks 01 to 52'),
    bad('2025-W00', 'ISO week-year 2025 has weeks 01 to 52'),
    bad('2025-13', 'the month must be 01 to 12'),
    bad('2025-00', 'the month must be 01 to 12'),
    bad('2025-Q5', 'the quarter must be 1 to 4'),
    bad('2025-Q0', 'the quarter must be 1 to 4'),
    bad('FY2025-Q5', 'the quarter must be 1 to 4'),
    bad('0999', 'the year must be between 1000 and 9998'),
    bad('9999-W01', 'the year must be between 1000 and 9998'),
    bad('2025-04-20..2025-03-05', 'the range ends (2025-03-05) before it starts (2025-04-20)'),
    bad('2025-01-01..2028-01-01', 'a custom range may span at most 3 years'),
    bad('2024-02-29..2027-03-01', 'a custom range may span at most 3 years'),
    bad('2025-02-30..2025-03-01', '2025-02-30 is not a calendar date (YYYY-MM-DD)'),
    bad('2025-03-01..soon', 'soon is not a calendar date (YYYY-MM-DD)'),
    bad('junk', garbage),
    bad('', garbage),
    bad(' 2025-03', garbage),
    bad('2025-w11', garbage),
    bad('2025-W1', garbage),
    bad('2025-3', garbage),
    bad('FY25', garbage),
    bad('fy2025', garbage),
    bad('2025-03-14T00:00', garbage),
  ])('refuses %j', (key, reason) => {
    expect(parsePeriod(key, fy(4))).toEqual({ ok: false, reason });
  });

  it('refuses a fiscal start month outside 1..12 as a programming error', () => {
    expect(() => parsePeriod('2025', fy(13))).toThrow(RangeError);
    expect(() => parsePeriod('2025', fy(0))).toThrow('fiscalYearStartMonth must be an integer from 1 to 12, got 0');
  });
});

describe('periodContaining', () => {
  it.each([
    // [kind, date, fiscal start month, key, start, end]
    ['day', '2025-03-14', 1, '2025-03-14', '2025-03-14', '2025-03-14'],
    ['week', '2025-03-14', 1, '2025-W11', '2025-03-10', '2025-03-16'],
    ['week', '2025-03-16', 1, '2025-W11', '2025-03-10', '2025-03-16'],
    ['week', '2024-12-30', 1, '2025-W01', '2024-12-30', '2025-01-05'],
    ['week', '2021-01-03', 1, '2020-W53', '2020-12-28', '2021-01-03'],
    ['week', '2027-01-01', 1, '2026-W53', '2026-12-28', '2027-01-03'],
    ['week', '2025-12-29', 4, '2026-W01', '2025-12-29', '2026-01-04'],
    ['week', '2025-01-31', 1, '2025-W05', '2025-01-27', '2025-02-02'],
    ['month', '2024-02-10', 1, '2024-02', '2024-02-01', '2024-02-29'],
    ['month', '2025-02-28', 4, '2025-02', '2025-02-01', '2025-02-28'],
    ['quarter', '2025-05-15', 1, '2025-Q2', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-12-31', 1, '2025-Q4', '2025-10-01', '2025-12-31'],
    ['quarter', '2026-02-10', 4, 'FY2025-Q4', '2026-01-01', '2026-03-31'],
    ['quarter', '2025-04-01', 4, 'FY2025-Q1', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-03-31', 4, 'FY2024-Q4', '2025-01-01', '2025-03-31'],
    ['quarter', '2026-01-15', 2, 'FY2025-Q4', '2025-11-01', '2026-01-31'],
    ['year', '2025-12-31', 1, '2025', '2025-01-01', '2025-12-31'],
    ['year', '2025-03-31', 4, 'FY2024', '2024-04-01', '2025-03-31'],
    ['year', '2025-04-01', 4, 'FY2025', '2025-04-01', '2026-03-31'],
    ['year', '2025-11-30', 12, 'FY2024', '2024-12-01', '2025-11-30'],
  ] as const)('the %s of %s (fiscal start %i) is %s', (kind, date, fiscalStart, key, start, end) => {
    expect(periodContaining(kind, date, fy(fiscalStart))).toEqual({ key, kind, start, end });
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => periodContaining('month', '2025-02-30', fy(1))).toThrow('2025-02-30 is not a calendar date');
  });
});

describe('keys round-trip', () => {
  it.each([
    ['day', '2024-02-29', 1],
    ['week', '2024-12-30', 1],
    ['week', '2021-01-03', 1],
    ['week', '2027-01-01', 1],
    ['month', '2025-12-15', 4],
    ['quarter', '2026-02-10', 1],
    ['quarter', '2026-02-10', 4],
    ['quarter', '2026-01-15', 2],
    ['year', '2025-03-31', 1],
    ['year', '2025-03-31', 4],
    ['year', '2025-11-30', 12],
  ] as const)('the %s of %s (fiscal start %i) parses back from its key', (kind, date, fiscalStart) => {
    const p = periodContaining(kind, date, fy(fiscalStart));
    expect(parsePeriod(p.key, fy(fiscalStart))).toEqual({ ok: true, period: p });
  });

  it('a shifted custom range parses back from its key', () => {
    const p = shiftPeriod(period('2025-03-05..2025-04-20'), 1, fy(1));
    expect(parsePeriod(p.key, fy(1))).toEqual({ ok: true, period: p });
  });
});

describe('shiftPeriod', () => {
  it.each([
    // [key, fiscal start month, steps, key, start, end]
    ['2025-12-31', 1, 1, '2026-01-01', '2026-01-01', '2026-01-01'],
    ['2024-02-28', 1, 1, '2024-02-29', '2024-02-29', '2024-02-29'],
    ['2025-W01', 1, -1, '2024-W52', '2024-12-23', '2024-12-29'],
    ['2020-W53', 1, 1, '2021-W01', '2021-01-04', '2021-01-10'],
    ['2026-W52', 1, 1, '2026-W53', '2026-12-28', '2027-01-03'],
    ['2025-W11', 1, 0, '2025-W11', '2025-03-10', '2025-03-16'],
    ['2025-01', 1, -1, '2024-12', '2024-12-01', '2024-12-31'],
    ['2025-11', 1, 3, '2026-02', '2026-02-01', '2026-02-28'],
    ['2025-03', 1, -13, '2024-02', '2024-02-01', '2024-02-29'],
    ['2025-Q1', 1, -1, '2024-Q4', '2024-10-01', '2024-12-31'],
    ['2025-Q4', 1, 1, '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2025', 1, -2, '2023', '2023-01-01', '2023-12-31'],
    ['FY2025-Q4', 4, 1, 'FY2026-Q1', '2026-04-01', '2026-06-30'],
    ['FY2025-Q1', 4, -1, 'FY2024-Q4', '2025-01-01', '2025-03-31'],
    ['FY2025', 4, -1, 'FY2024', '2024-04-01', '2025-03-31'],
    ['FY2025', 4, 1, 'FY2026', '2026-04-01', '2027-03-31'],
    // A calendar-keyed quarter or year keeps its calendar key under a fiscal start.
    ['2025-Q1', 4, -1, '2024-Q4', '2024-10-01', '2024-12-31'],
    ['2025', 4, 1, '2026', '2026-01-01', '2026-12-31'],
    // A custom range of 47 days moves by 47 days.
    ['2025-03-05..2025-04-20', 1, 1, '2025-04-21..2025-06-06', '2025-04-21', '2025-06-06'],
    ['2025-03-05..2025-04-20', 1, -1, '2025-01-17..2025-03-04', '2025-01-17', '2025-03-04'],
    ['2025-12-31..2026-01-01', 1, 1, '2026-01-02..2026-01-03', '2026-01-02', '2026-01-03'],
  ] as const)('%s (fiscal start %i) shifted by %i is %s', (from, fiscalStart, steps, key, start, end) => {
    const p = period(from, fiscalStart);
    expect(shiftPeriod(p, steps, fy(fiscalStart))).toEqual({ key, kind: p.kind, start, end });
  });

  it('refuses a fractional step', () => {
    expect(() => shiftPeriod(period('2025-03'), 0.5, fy(1))).toThrow(RangeError);
  });
});

describe('periodSeries', () => {
  it.each([
    // [kind, last date, count, fiscal start month, keys oldest first]
    [
      'month',
      '2026-11-15',
      12,
      1,
      [
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ],
    ],
    ['week', '2025-01-01', 3, 1, ['2024-W51', '2024-W52', '2025-W01']],
    ['quarter', '2026-02-10', 4, 4, ['FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3', 'FY2025-Q4']],
    ['quarter', '2026-02-10', 2, 1, ['2025-Q4', '2026-Q1']],
    ['year', '2025-06-01', 3, 4, ['FY2023', 'FY2024', 'FY2025']],
    ['day', '2025-03-01', 2, 1, ['2025-02-28', '2025-03-01']],
    ['month', '2025-03-01', 0, 1, []],
  ] as const)('%s series ending at %s, %i long (fiscal start %i)', (kind, lastDate, count, fiscalStart, keys) => {
    expect(periodSeries(kind, lastDate, count, fy(fiscalStart)).map((p) => p.key)).toEqual(keys);
  });

  it('gives whole periods, the first starting where the series starts', () => {
    const series = periodSeries('month', '2026-11-15', 12, fy(1));
    expect(series[0]).toEqual({ key: '2025-12', kind: 'month', start: '2025-12-01', end: '2025-12-31' });
    expect(series[11]).toEqual({ key: '2026-11', kind: 'month', start: '2026-11-01', end: '2026-11-30' });
  });

  it('refuses a negative count', () => {
    expect(() => periodSeries('month', '2025-03-01', -1, fy(1))).toThrow(RangeError);
  });
});

describe('datesOf', () => {
  it.each([
    ['2025-03-14', ['2025-03-14']],
    ['2025-W05', ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02']],
    ['2025-12-30..2026-01-02', ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']],
  ])('%s has the dates %j', (key, dates) => {
    expect(datesOf(period(key))).toEqual(dates);
  });

  it('a leap February has 29 dates ending on the 29th', () => {
    const dates = datesOf(period('2024-02'));
    expect(dates).toHaveLength(29);
    expect(dates[0]).toBe('2024-02-01');
    expect(dates[28]).toBe('2024-02-29');
  });

  it('a year has 365 dates', () => {
    expect(datesOf(period('2025'))).toHaveLength(365);
  });
});

describe('monthsWhollyInside', () => {
  it.each([
    // [key, fiscal start month, months]
    ['2025-Q1', 1, ['2025-01', '2025-02', '2025-03']],
    ['FY2025-Q4', 4, ['2026-01', '2026-02', '2026-03']],
    ['2024-02', 1, ['2024-02']],
    ['2025-W05', 1, []],
    ['2025-03-14', 1, []],
    ['2025-03-15..2025-05-31', 1, ['2025-04', '2025-05']],
    ['2025-03-01..2025-04-29', 1, ['2025-03']],
    ['2025-01-02..2025-01-31', 1, []],
    ['2025-12-01..2026-01-31', 1, ['2025-12', '2026-01']],
  ] as const)('%s (fiscal start %i) holds %j', (key, fiscalStart, months) => {
    expect(monthsWhollyInside(period(key, fiscalStart))).toEqual(months);
  });
});

describe('elapsedEnd', () => {
  it.each([
    // [key, today, elapsed end]
    ['2025-03', '2025-02-28', null],
    ['2025-03', '2025-03-01', '2025-03-01'],
    ['2025-03', '2025-03-14', '2025-03-14'],
    ['2025-03', '2025-03-31', '2025-03-31'],
    ['2025-03', '2025-04-01', '2025-03-31'],
    ['2025-03', '2026-01-01', '2025-03-31'],
    ['2025-03-14', '2025-03-14', '2025-03-14'],
  ])('%s on %s has elapsed up to %s', (key, today, end) => {
    expect(elapsedEnd(period(key), today)).toBe(end);
  });
});

describe('compareDates', () => {
  it.each([
    ['2025-03-14', '2025-03-15', -1],
    ['2025-03-15', '2025-03-14', 1],
    ['2025-03-14', '2025-03-14', 0],
    ['2024-12-31', '2025-01-01', -1],
    ['2025-10-01', '2025-09-30', 1],
  ])('compares %s with %s as %i', (a, b, order) => {
    expect(compareDates(a, b)).toBe(order);
  });
});
