import { chineseHolidayCalendar } from '../../domain/calendar/cn-holidays.ts';
import { addDays, daysInMonth, isoWeekday } from '../../domain/time/dates.ts';

// Date arithmetic for the demo generator. The demo tenant lives in Asia/Shanghai, which has had
// no daylight saving since 1991, so a fixed +08:00 offset turns local clock times into instants.

export const DEMO_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function dateMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateMs(b) - dateMs(a)) / DAY_MS);
}

/** The same day n months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One year's term: start .. start + 1 year - 1 day. */
export function yearEnd(start: string): string {
  return addDays(addMonths(start, 12), -1);
}

/** The instant of a local (Shanghai) wall-clock time, minutes after midnight, as ISO UTC. */
export function instantAt(date: string, minuteOfDay: number): string {
  return new Date(dateMs(date) + minuteOfDay * 60_000 - OFFSET_MS).toISOString();
}

export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export type WorkCalendar = {
  isWorkingDay: (date: string) => boolean;
  /** Working days in [from, to], in order. */
  workingDays: (from: string, to: string) => string[];
};

/** Monday to Friday, minus Chinese public holidays, plus 调休 make-up days (spec 1). */
export function chineseWorkCalendar(): WorkCalendar {
  const kinds = new Map<string, 'holiday' | 'workday'>();
  const loaded = new Set<number>();
  const isWorkingDay = (date: string) => {
    const year = Number(date.slice(0, 4));
    if (!loaded.has(year)) {
      loaded.add(year);
      for (const e of chineseHolidayCalendar(year)) kinds.set(e.date, e.kind);
    }
    const kind = kinds.get(date);
    if (kind) return kind === 'workday';
    return isoWeekday(date) <= 5;
  };
  // Every rep asks for nearly the same ranges; memoising keeps the generator fast.
  const ranges = new Map<string, string[]>();
  return {
    isWorkingDay,
    workingDays: (from, to) => {
      const key = `${from}|${to}`;
      let out = ranges.get(key);
      if (!out) {
        out = [];
        for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
        ranges.set(key, out);
      }
      return out;
    },
  };
}
