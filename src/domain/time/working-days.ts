import { addDays, daysBetween, type IsoDate, isoWeekday, isValidIsoDate } from './dates.ts';

// Working days (spec 1): Monday to Friday, minus the tenant's holidays, plus the tenant's make-up
// working days (调休). A date in both lists is a working day: the make-up day is the more specific
// decision, and an admin who lists a date as worked means people work.

export type TenantCalendar = { holidays: ReadonlySet<IsoDate>; workdays: ReadonlySet<IsoDate> };

export function calendarFrom(entries: ReadonlyArray<{ date: IsoDate; kind: 'holiday' | 'workday' }>): TenantCalendar {
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const entry of entries) {
    // A malformed date would silently never match, so it is refused here.
    if (!isValidIsoDate(entry.date)) {
      throw new RangeError(`calendar ${entry.kind} entry ${entry.date} is not a calendar date (YYYY-MM-DD)`);
    }
    (entry.kind === 'holiday' ? holidays : workdays).add(entry.date);
  }
  return { holidays, workdays };
}

export function isWorkingDay(date: IsoDate, calendar: TenantCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  return isoWeekday(date) <= 5 && !calendar.holidays.has(date);
}

/** The working days from `start` to `end`, both included; [] when `end` is before `start`. */
export function workingDaysBetween(start: IsoDate, end: IsoDate, calendar: TenantCalendar): IsoDate[] {
  assertDates(start, end);
  const days: IsoDate[] = [];
  const length = daysBetween(start, end) + 1;
  for (let i = 0; i < length; i++) {
    const date = addDays(start, i);
    if (isWorkingDay(date, calendar)) days.push(date);
  }
  return days;
}

/** As `workingDaysBetween(...).length`, without walking every day (pro-rating calls it per person). */
export function countWorkingDays(start: IsoDate, end: IsoDate, calendar: TenantCalendar): number {
  assertDates(start, end);
  if (end < start) return 0;
  let count = weekdaysBefore(addDays(end, 1)) - weekdaysBefore(start);
  for (const date of calendar.holidays) {
    if (inRange(date, start, end) && isoWeekday(date) <= 5 && !calendar.workdays.has(date)) count--;
  }
  for (const date of calendar.workdays) {
    if (inRange(date, start, end) && isoWeekday(date) > 5) count++;
  }
  return count;
}

// 1970-01-05 is a Monday: counting from it makes every 7 days hold exactly 5 weekdays.
const REFERENCE_MONDAY = '1970-01-05';

/** Monday-to-Friday days from the reference Monday up to, not including, `date` (negative before it). */
function weekdaysBefore(date: IsoDate): number {
  const days = daysBetween(REFERENCE_MONDAY, date);
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

function inRange(date: IsoDate, start: IsoDate, end: IsoDate): boolean {
  return date >= start && date <= end;
}

function assertDates(...dates: IsoDate[]): void {
  for (const date of dates) {
    if (!isValidIsoDate(date)) throw new RangeError(`${date} is not a calendar date (YYYY-MM-DD)`);
  }
}
