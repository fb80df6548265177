import { addDays, daysBetween, daysInMonth, type IsoDate, isoWeekday, isValidIsoDate } from './dates.ts';

// Periods are closed date ranges named by a key (spec 1). Choices written down here:
// - A fiscal year is named by the calendar year in which it STARTS: with an April start,
//   FY2025 = 2025-04-01..2026-03-31, FY2025-Q1 = 2025-04-01..2025-06-30, FY2025-Q4 = 2026-01-01..2026-03-31.
// - With a fiscal start month other than January, quarters and years are fiscal (`FY` keys), but a
//   plain `2025-Q1` / `2025` key is still accepted and means the calendar quarter / year; such a
//   period keeps its calendar flavour when shifted. With a January start, `FY2025` is accepted and
//   normalised to the calendar key `2025`, so one period has one key.
// - Keys are accepted only in their canonical spelling (no spaces, upper-case W/Q/FY, two-digit
//   weeks), because they travel in URLs and stored results and must compare as strings.
// - Key years lie in 1000..9998 so that every date of a period (a fiscal year or an ISO week may
//   spill into the next year) is an ordinary four-digit ISO date.
// - A custom range `start..end` may span at most 3 years: its end is before the same date three
//   years after its start (2024-02-29 counts on to 2027-03-01).
// - An out-of-range fiscal start month or an invalid date passed in by code is a programming error
//   (settings and inputs are validated where they enter), so it throws a RangeError.

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'custom';
export type Period = { key: string; kind: PeriodKind; start: IsoDate; end: IsoDate };
export type FiscalOptions = { fiscalYearStartMonth: number };
export type PeriodParse = { ok: true; period: Period } | { ok: false; reason: string };

type FixedKind = Exclude<PeriodKind, 'custom'>;

const MIN_YEAR = 1000;
const MAX_YEAR = 9998;
const MAX_CUSTOM_YEARS = 3;
const KEY_FORMS = '2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, FY2025-Q1, FY2025 or 2025-03-05..2025-04-20';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(FY)?(\d{4})-Q(\d)$/;
const YEAR_RE = /^(FY)?(\d{4})$/;
const RANGE_RE = /^(.+)\.\.(.+)$/;

export function compareDates(a: IsoDate, b: IsoDate): number {
  // Four-digit ISO dates order as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function parsePeriod(key: string, opts: FiscalOptions): PeriodParse {
  const fiscalStart = fiscalStartMonth(opts);
  const fail = (why: string): PeriodParse => ({ ok: false, reason: `"${key}" is not a valid period key: ${why}` });
  const yearProblem = (year: number) =>
    year < MIN_YEAR || year > MAX_YEAR ? `the year must be between ${MIN_YEAR} and ${MAX_YEAR}` : null;

  if (DAY_RE.test(key)) {
    if (!isValidIsoDate(key)) return fail(`${key} is not a calendar date`);
    const bad = yearProblem(yearOf(key));
    return bad ? fail(bad) : { ok: true, period: dayPeriod(key) };
  }
  let m = WEEK_RE.exec(key);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    const bad = yearProblem(year);
    if (bad) return fail(bad);
    const weeks = isoWeeksInYear(year);
    if (week < 1 || week > weeks) return fail(`ISO week-year ${year} has weeks 01 to ${weeks}`);
    return { ok: true, period: weekPeriod(addDays(isoWeekOneMonday(year), 7 * (week - 1))) };
  }
  m = MONTH_RE.exec(key);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    const bad = yearProblem(year);
    if (bad) return fail(bad);
    if (month < 1 || month > 12) return fail('the month must be 01 to 12');
    return { ok: true, period: monthPeriod(year * 12 + month - 1) };
  }
  m = QUARTER_RE.exec(key);
  if (m) {
    const [isFiscal, year, quarter] = [m[1] === 'FY', Number(m[2]), Number(m[3])];
    const bad = yearProblem(year);
    if (bad) return fail(bad);
    if (quarter < 1 || quarter > 4) return fail('the quarter must be 1 to 4');
    const start = isFiscal ? fiscalStart : 1;
    return { ok: true, period: quarterPeriod(year * 12 + start - 1 + 3 * (quarter - 1), start) };
  }
  m = YEAR_RE.exec(key);
  if (m) {
    const [isFiscal, year] = [m[1] === 'FY', Number(m[2])];
    const bad = yearProblem(year);
    if (bad) return fail(bad);
    const start = isFiscal ? fiscalStart : 1;
    return { ok: true, period: yearPeriod(year * 12 + start - 1, start) };
  }
  m = RANGE_RE.exec(key);
  if (m) {
    const [start, end] = [m[1] ?? '', m[2] ?? ''];
    for (const date of [start, end]) {
      if (!DAY_RE.test(date) || !isValidIsoDate(date)) return fail(`${date} is not a calendar date (YYYY-MM-DD)`);
      const bad = yearProblem(yearOf(date));
      if (bad) return fail(bad);
    }
    if (compareDates(end, start) < 0) return fail(`the range ends (${end}) before it starts (${start})`);
    if (compareDates(end, sameDateYearsLater(start, MAX_CUSTOM_YEARS)) >= 0) {
      return fail(`a custom range may span at most ${MAX_CUSTOM_YEARS} years`);
    }
    return { ok: true, period: customPeriod(start, end) };
  }
  return fail(`expected a key like ${KEY_FORMS}`);
}

export function periodContaining(kind: FixedKind, date: IsoDate, opts: FiscalOptions): Period {
  assertDate(date);
  return containing(kind, date, kind === 'quarter' || kind === 'year' ? fiscalStartMonth(opts) : 1);
}

/** Moves a period by whole periods of its kind; a custom range moves by its own length in days. */
export function shiftPeriod(period: Period, steps: number, opts: FiscalOptions): Period {
  if (!Number.isInteger(steps)) throw new RangeError(`shiftPeriod: steps must be an integer, got ${steps}`);
  const { kind, start, end } = period;
  switch (kind) {
    case 'custom': {
      const length = daysBetween(start, end) + 1;
      return customPeriod(addDays(start, steps * length), addDays(end, steps * length));
    }
    case 'day':
      return dayPeriod(addDays(start, steps));
    case 'week':
      return weekPeriod(addDays(start, 7 * steps));
    case 'month':
      return monthPeriod(monthIndex(start) + steps);
    case 'quarter':
    case 'year': {
      // A calendar-keyed quarter or year stays calendar even when the tenant has a fiscal start.
      const fiscalStart = period.key.startsWith('FY') ? fiscalStartMonth(opts) : 1;
      const months = (kind === 'quarter' ? 3 : 12) * steps;
      return containing(kind, firstOfMonth(monthIndex(start) + months), fiscalStart);
    }
  }
}

/** `count` consecutive periods, oldest first; the last one contains `lastDate`. */
export function periodSeries(kind: FixedKind, lastDate: IsoDate, count: number, opts: FiscalOptions): Period[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`periodSeries: count must be a whole number, got ${count}`);
  }
  const last = periodContaining(kind, lastDate, opts);
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, i - (count - 1), opts));
}

export function datesOf(period: Period): IsoDate[] {
  const length = daysBetween(period.start, period.end) + 1;
  return Array.from({ length: Math.max(0, length) }, (_, i) => addDays(period.start, i));
}

/** 'YYYY-MM' of the calendar months lying wholly inside the period (peer ratings, spec 3). */
export function monthsWhollyInside(period: Period): string[] {
  const startIdx = monthIndex(period.start);
  const endIdx = monthIndex(period.end);
  const first = period.start.endsWith('-01') ? startIdx : startIdx + 1;
  const last = period.end === lastOfMonth(endIdx) ? endIdx : endIdx - 1;
  const months: string[] = [];
  for (let idx = first; idx <= last; idx++) months.push(monthKey(idx));
  return months;
}

/** The last elapsed date of the period (today counts as elapsed), or null before it starts. */
export function elapsedEnd(period: Period, today: IsoDate): IsoDate | null {
  if (compareDates(today, period.start) < 0) return null;
  return compareDates(today, period.end) < 0 ? today : period.end;
}

// --- construction -------------------------------------------------------------------------------

function containing(kind: FixedKind, date: IsoDate, fiscalStart: number): Period {
  switch (kind) {
    case 'day':
      return dayPeriod(date);
    case 'week':
      return weekPeriod(addDays(date, 1 - isoWeekday(date)));
    case 'month':
      return monthPeriod(monthIndex(date));
    case 'quarter': {
      const offset = (monthOf(date) - fiscalStart + 12) % 12;
      return quarterPeriod(monthIndex(date) - (offset % 3), fiscalStart);
    }
    case 'year': {
      const offset = (monthOf(date) - fiscalStart + 12) % 12;
      return yearPeriod(monthIndex(date) - offset, fiscalStart);
    }
  }
}

function dayPeriod(date: IsoDate): Period {
  return { key: date, kind: 'day', start: date, end: date };
}

/** `monday` must be a Monday. */
function weekPeriod(monday: IsoDate): Period {
  // The ISO week-year is the year of the week's Thursday.
  const thursday = addDays(monday, 3);
  const weekYear = yearOf(thursday);
  const week = Math.floor(daysBetween(isoWeekOneMonday(weekYear), monday) / 7) + 1;
  const key = `${pad(weekYear, 4)}-W${pad(week, 2)}`;
  return { key, kind: 'week', start: monday, end: addDays(monday, 6) };
}

function monthPeriod(idx: number): Period {
  return { key: monthKey(idx), kind: 'month', start: firstOfMonth(idx), end: lastOfMonth(idx) };
}

/** `startIdx` is the month index of a quarter's first month for the given fiscal start. */
function quarterPeriod(startIdx: number, fiscalStart: number): Period {
  const { fiscalYear, offset } = fiscalPosition(startIdx, fiscalStart);
  const name = `${pad(fiscalYear, 4)}-Q${Math.floor(offset / 3) + 1}`;
  const key = fiscalStart === 1 ? name : `FY${name}`;
  return { key, kind: 'quarter', start: firstOfMonth(startIdx), end: lastOfMonth(startIdx + 2) };
}

function yearPeriod(startIdx: number, fiscalStart: number): Period {
  const { fiscalYear } = fiscalPosition(startIdx, fiscalStart);
  const key = fiscalStart === 1 ? pad(fiscalYear, 4) : `FY${pad(fiscalYear, 4)}`;
  return { key, kind: 'year', start: firstOfMonth(startIdx), end: lastOfMonth(startIdx + 11) };
}

function customPeriod(start: IsoDate, end: IsoDate): Period {
  return { key: `${start}..${end}`, kind: 'custom', start, end };
}

/** The fiscal year (named by the calendar year it starts in) and the month's offset within it. */
function fiscalPosition(idx: number, fiscalStart: number): { fiscalYear: number; offset: number } {
  const fiscalIdx = idx - (fiscalStart - 1);
  return { fiscalYear: Math.floor(fiscalIdx / 12), offset: ((fiscalIdx % 12) + 12) % 12 };
}

// --- ISO weeks ----------------------------------------------------------------------------------

/** Week 1 is the week holding the year's first Thursday, i.e. the week of 4 January. */
function isoWeekOneMonday(year: number): IsoDate {
  const jan4 = `${pad(year, 4)}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4));
}

function isoWeeksInYear(year: number): number {
  // 28 December is always in the year's last ISO week.
  return Math.floor(daysBetween(isoWeekOneMonday(year), `${pad(year, 4)}-12-28`) / 7) + 1;
}

// --- months as indexes (year * 12 + month - 1) ---------------------------------------------------

function monthIndex(date: IsoDate): number {
  return yearOf(date) * 12 + monthOf(date) - 1;
}

function monthKey(idx: number): string {
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1, 2)}`;
}

function firstOfMonth(idx: number): IsoDate {
  return `${monthKey(idx)}-01`;
}

function lastOfMonth(idx: number): IsoDate {
  return `${monthKey(idx)}-${pad(daysInMonth(Math.floor(idx / 12), (idx % 12) + 1), 2)}`;
}

// --- small helpers --------------------------------------------------------------------------------

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

function sameDateYearsLater(date: IsoDate, years: number): IsoDate {
  // Date.UTC rolls 29 February over to 1 March in a common year.
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fiscalStartMonth(opts: FiscalOptions): number {
  const month = opts.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearStartMonth must be an integer from 1 to 12, got ${month}`);
  }
  return month;
}

function assertDate(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new RangeError(`${date} is not a calendar date (YYYY-MM-DD)`);
}
