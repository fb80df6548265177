import { describe, expect, it } from 'vitest';
import { isoWeekday } from '../time/dates.ts';
import { type CalendarEntry, chineseHolidayCalendar, provisionalYears } from './cn-holidays.ts';

function entryOn(date: string): CalendarEntry | undefined {
  return chineseHolidayCalendar(Number(date.slice(0, 4))).find((e) => e.date === date);
}

describe('chineseHolidayCalendar', () => {
  it.each([
    // [date, kind, name]
    ['2025-01-01', 'holiday', '元旦'],
    ['2025-01-28', 'holiday', '春节'],
    ['2025-02-04', 'holiday', '春节'],
    ['2025-01-26', 'workday', '调休上班'],
    ['2025-02-08', 'workday', '调休上班'],
    ['2025-04-04', 'holiday', '清明节'],
    ['2025-04-27', 'workday', '调休上班'],
    ['2025-05-05', 'holiday', '劳动节'],
    ['2025-05-31', 'holiday', '端午节'],
    ['2025-06-02', 'holiday', '端午节'],
    ['2025-09-28', 'workday', '调休上班'],
    ['2025-10-06', 'holiday', '中秋节'],
    ['2025-10-08', 'holiday', '国庆节'],
    ['2025-10-11', 'workday', '调休上班'],
    ['2026-01-03', 'holiday', '元旦'],
    ['2026-01-04', 'workday', '调休上班'],
    ['2026-02-14', 'workday', '调休上班'],
    ['2026-02-15', 'holiday', '春节'],
    ['2026-02-23', 'holiday', '春节'],
    ['2026-02-28', 'workday', '调休上班'],
    ['2026-04-06', 'holiday', '清明节'],
    ['2026-05-05', 'holiday', '劳动节'],
    ['2026-05-09', 'workday', '调休上班'],
    ['2026-06-19', 'holiday', '端午节'],
    ['2026-09-20', 'workday', '调休上班'],
    ['2026-09-25', 'holiday', '中秋节'],
    ['2026-10-07', 'holiday', '国庆节'],
    ['2026-10-10', 'workday', '调休上班'],
    ['2027-02-06', 'holiday', '春节'],
    ['2027-04-05', 'holiday', '清明节'],
    ['2027-06-09', 'holiday', '端午节'],
    ['2027-09-15', 'holiday', '中秋节'],
    ['2024-02-18', 'workday', '调休上班'],
  ])('%s is a %s (%s)', (date, kind, name) => {
    expect(entryOn(date)).toEqual({ date, kind, name });
  });

  it.each([
    '2025-01-02', // the day after 元旦 2025 (one day only)
    '2025-10-09', // back to work after the 8-day 国庆 break
    '2026-02-24', // the day after 春节 2026
    '2026-10-08',
  ])('%s is an ordinary day (not listed)', (date) => {
    expect(entryOn(date)).toBeUndefined();
  });

  it.each([
    [2024, 28, 8],
    [2025, 28, 5],
    [2026, 33, 6],
    [2027, 13, 0],
  ])('%i has %i holidays and %i make-up working days', (year, holidays, workdays) => {
    const entries = chineseHolidayCalendar(year);
    expect(entries.filter((e) => e.kind === 'holiday')).toHaveLength(holidays);
    expect(entries.filter((e) => e.kind === 'workday')).toHaveLength(workdays);
  });

  it('lists make-up working days only on weekends, dates sorted and unique', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const entries = chineseHolidayCalendar(year);
      const dates = entries.map((e) => e.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(entries.filter((e) => e.kind === 'workday' && isoWeekday(e.date) < 6)).toEqual([]);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('marks 2027 as provisional and returns nothing for unknown years', () => {
    expect(provisionalYears).toEqual([2027]);
    expect(chineseHolidayCalendar(2023)).toEqual([]);
    expect(chineseHolidayCalendar(2030)).toEqual([]);
  });
});
