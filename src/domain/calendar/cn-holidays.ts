import { addDays } from '../time/dates.ts';

// The Chinese public-holiday calendar as data (spec 1: a tenant can load it, then edit it).
// Holidays are the State Council's announced break ranges; 'workday' entries are the 调休
// make-up working days (a Saturday or Sunday that is a working day).

export type CalendarEntry = { date: string; kind: 'holiday' | 'workday'; name: string };

type Schedule = { holidays: Array<[name: string, from: string, to: string]>; workdays: string[] };

const MAKE_UP_NAME = '调休上班';

const schedules: Record<number, Schedule> = {
  // 国务院办公厅关于2024年部分节假日安排的通知
  2024: {
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01'],
      ['春节', '2024-02-10', '2024-02-17'],
      ['清明节', '2024-04-04', '2024-04-06'],
      ['劳动节', '2024-05-01', '2024-05-05'],
      ['端午节', '2024-06-10', '2024-06-10'],
      ['中秋节', '2024-09-15', '2024-09-17'],
      ['国庆节', '2024-10-01', '2024-10-07'],
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  // 2025 notice: the first year with 除夕 and a second 劳动节 day as statutory holidays.
  2025: {
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01'],
      ['春节', '2025-01-28', '2025-02-04'],
      ['清明节', '2025-04-04', '2025-04-06'],
      ['劳动节', '2025-05-01', '2025-05-05'],
      ['端午节', '2025-05-31', '2025-06-02'],
      // 国庆节 and 中秋节 (10-06) share one 8-day break.
      ['国庆节', '2025-10-01', '2025-10-05'],
      ['中秋节', '2025-10-06', '2025-10-06'],
      ['国庆节', '2025-10-07', '2025-10-08'],
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  // 国务院办公厅关于2026年部分节假日安排的通知
  2026: {
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // Not yet announced: only the statutory days themselves (除夕 to 初三, two 劳动节 days, three
  // 国庆节 days), without the bridging days and make-up workdays the State Council will add.
  2027: {
    holidays: [
      ['元旦', '2027-01-01', '2027-01-01'],
      ['春节', '2027-02-05', '2027-02-08'],
      ['清明节', '2027-04-05', '2027-04-05'],
      ['劳动节', '2027-05-01', '2027-05-02'],
      ['端午节', '2027-06-09', '2027-06-09'],
      ['中秋节', '2027-09-15', '2027-09-15'],
      ['国庆节', '2027-10-01', '2027-10-03'],
    ],
    workdays: [],
  },
};

/** Years whose calendar is an estimate from the statutory rules, to be replaced once announced. */
export const provisionalYears = [2027];

/** The year's holidays and make-up working days, sorted by date; [] for a year not known. */
export function chineseHolidayCalendar(year: number): CalendarEntry[] {
  const schedule = schedules[year];
  if (!schedule) return [];
  const entries: CalendarEntry[] = [];
  for (const [name, from, to] of schedule.holidays) {
    for (let date = from; date <= to; date = addDays(date, 1)) entries.push({ date, kind: 'holiday', name });
  }
  for (const date of schedule.workdays) entries.push({ date, kind: 'workday', name: MAKE_UP_NAME });
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
