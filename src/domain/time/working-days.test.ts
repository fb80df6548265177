import { describe, expect, it } from 'vitest';
import {
  calendarFrom,
  countWorkingDays,
  isWorkingDay,
  type TenantCalendar,
  workingDaysBetween,
} from './working-days.ts';

// 2025 National Day: 1-8 October off (Wednesday to Wednesday); Sunday 28 September and
// Saturday 11 October are make-up working days (调休).
const nationalDay = calendarFrom([
  { date: '2025-09-28', kind: 'workday' },
  { date: '2025-10-01', kind: 'holiday' },
  { date: '2025-10-02', kind: 'holiday' },
  { date: '2025-10-03', kind: 'holiday' },
  { date: '2025-10-04', kind: 'holiday' },
  { date: '2025-10-05', kind: 'holiday' },
  { date: '2025-10-06', kind: 'holiday' },
  { date: '2025-10-07', kind: 'holiday' },
  { date: '2025-10-08', kind: 'holiday' },
  { date: '2025-10-11', kind: 'workday' },
]);

// Wednesday 8 October and Sunday 12 October are in both lists: both are working days.
const inBothLists = calendarFrom([
  { date: '2025-10-08', kind: 'holiday' },
  { date: '2025-10-08', kind: 'workday' },
  { date: '2025-10-12', kind: 'workday' },
  { date: '2025-10-12', kind: 'holiday' },
]);

const plain = calendarFrom([]);

const calendars: Record<string, TenantCalendar> = { nationalDay, inBothLists, plain };

describe('calendarFrom', () => {
  it('sorts entries into holidays and make-up working days', () => {
    const calendar = calendarFrom([
      { date: '2025-10-01', kind: 'holiday' },
      { date: '2025-10-11', kind: 'workday' },
      { date: '2025-10-01', kind: 'holiday' },
    ]);
    expect([...calendar.holidays]).toEqual(['2025-10-01']);
    expect([...calendar.workdays]).toEqual(['2025-10-11']);
  });

  it('refuses an entry that is not a calendar date', () => {
    expect(() => calendarFrom([{ date: '2025-02-30', kind: 'holiday' }])).toThrow(
      'calendar holiday entry 2025-02-30 is not a calendar date (YYYY-MM-DD)',
    );
  });
});

describe('isWorkingDay', () => {
  it.each([
    // [date, calendar, working?]
    ['2025-09-26', 'nationalDay', true], // Friday
    ['2025-09-27', 'nationalDay', false], // Saturday
    ['2025-09-28', 'nationalDay', true], // Sunday, make-up day
    ['2025-10-01', 'nationalDay', false], // Wednesday, holiday
    ['2025-10-04', 'nationalDay', false], // Saturday inside the holiday
    ['2025-10-08', 'nationalDay', false], // Wednesday, last holiday
    ['2025-10-09', 'nationalDay', true], // Thursday
    ['2025-10-11', 'nationalDay', true], // Saturday, make-up day
    ['2025-10-12', 'nationalDay', false], // Sunday
    ['2025-10-13', 'nationalDay', true], // Monday
    ['2025-10-08', 'inBothLists', true], // Wednesday in both lists
    ['2025-10-12', 'inBothLists', true], // Sunday in both lists
    ['2025-10-01', 'plain', true], // Wednesday, no tenant calendar
    ['2025-10-04', 'plain', false], // Saturday, no tenant calendar
  ])('%s with the %s calendar is a working day: %s', (date, calendar, isWorking) => {
    expect(isWorkingDay(date, calendars[calendar] as TenantCalendar)).toBe(isWorking);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    // [start, end, calendar, working days]
    [
      '2025-09-27',
      '2025-10-12',
      'nationalDay',
      ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11'],
    ],
    ['2025-10-01', '2025-10-08', 'nationalDay', []],
    [
      '2025-10-06',
      '2025-10-12',
      'inBothLists',
      ['2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09', '2025-10-10', '2025-10-12'],
    ],
    ['2025-10-11', '2025-10-11', 'nationalDay', ['2025-10-11']],
    ['2025-10-04', '2025-10-05', 'plain', []],
    ['2025-10-12', '2025-10-11', 'plain', []],
  ])('%s to %s with the %s calendar', (start, end, calendar, days) => {
    expect(workingDaysBetween(start, end, calendars[calendar] as TenantCalendar)).toEqual(days);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => workingDaysBetween('2025-02-30', '2025-03-02', plain)).toThrow('2025-02-30 is not a calendar date');
  });
});

describe('countWorkingDays', () => {
  it.each([
    // [start, end, calendar, count]
    ['2025-09-27', '2025-10-12', 'nationalDay', 6], // Sep 28, 29, 30; Oct 9, 10; Oct 11
    ['2025-10-01', '2025-10-08', 'nationalDay', 0],
    ['2025-10-01', '2025-10-31', 'nationalDay', 18], // 23 weekdays - 6 weekday holidays + Oct 11
    ['2025-09-01', '2025-09-30', 'nationalDay', 23], // 22 weekdays + Sunday Sep 28
    ['2025-10-06', '2025-10-12', 'inBothLists', 6],
    ['2025-10-11', '2025-10-11', 'nationalDay', 1],
    ['2025-10-12', '2025-10-12', 'nationalDay', 0],
    ['2025-10-12', '2025-10-11', 'nationalDay', 0], // empty range
    ['2025-01-01', '2025-01-31', 'plain', 23],
    ['2024-02-01', '2024-02-29', 'plain', 21],
    ['2024-01-01', '2024-12-31', 'plain', 262],
    ['2025-01-01', '2025-12-31', 'plain', 261],
    ['2025-01-01', '2025-12-31', 'nationalDay', 257], // 261 - 6 weekday holidays + 2 make-up days
    ['1969-12-29', '1970-01-04', 'plain', 5], // a week before 1970 counts the same
    ['1969-12-27', '1969-12-28', 'plain', 0],
  ])('%s to %s with the %s calendar: %i', (start, end, calendar, count) => {
    expect(countWorkingDays(start, end, calendars[calendar] as TenantCalendar)).toBe(count);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => countWorkingDays('2025-03-01', '2025-02-30', plain)).toThrow('2025-02-30 is not a calendar date');
  });
});
