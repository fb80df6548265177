import { addDays } from '../src/domain/time/dates.ts';

// The fixed clock of the synthetic tenant: "today" never moves, so every run sees the same
// periods, the same elapsed working days and the same "not due yet" proposals.

export const TIME_ZONE = 'Asia/Shanghai';
export const TODAY = '2026-11-20';
/** 10:00 in Shanghai on TODAY. */
export const NOW = '2026-11-20T02:00:00.000Z';
/** About 18 months of history up to TODAY. */
export const FIRST_DAY = addDays(TODAY, -547);
/** The month every built-in metric is measured over (the last complete one). */
export const MEASURED_MONTH = '2026-10';
/** Writes land today, in the current month. */
export const CURRENT_MONTH = TODAY.slice(0, 7);

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export type Day = { date: string; isWeekend: boolean; midnightUtcMs: number };

/** Every date from FIRST_DAY to TODAY with its weekday and its local midnight as a UTC instant. */
export function historyDays(): Day[] {
  const days: Day[] = [];
  for (let date = FIRST_DAY; date <= TODAY; date = addDays(date, 1)) {
    const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
    const weekday = new Date(utcMidnight).getUTCDay();
    days.push({ date, isWeekend: weekday === 0 || weekday === 6, midnightUtcMs: utcMidnight - SHANGHAI_OFFSET_MS });
  }
  return days;
}

export const instantOf = (day: Day, minuteOfDay: number) => new Date(day.midnightUtcMs + minuteOfDay * 60_000);
export const dayMs = DAY_MS;

/** Months wholly inside the history (peer ratings are given per month). */
export function completeMonths(): string[] {
  const months: string[] = [];
  let [y, m] = FIRST_DAY.split('-').map(Number) as [number, number];
  m += 1;
  for (;;) {
    if (m > 12) {
      y += 1;
      m = 1;
    }
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key >= CURRENT_MONTH) return months;
    months.push(key);
    m += 1;
  }
}

/** A few Chinese public holidays and make-up working days (调休) inside the history. */
export const CALENDAR: Array<{ date: string; kind: 'holiday' | 'workday'; name: string }> = [
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
    date: `2025-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2025-09-28', kind: 'workday', name: '国庆节调休' },
  { date: '2025-10-11', kind: 'workday', name: '国庆节调休' },
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  ...['16', '17', '18', '19', '20', '23'].map((d) => ({
    date: `2026-02-${d}`,
    kind: 'holiday' as const,
    name: '春节',
  })),
  { date: '2026-02-14', kind: 'workday', name: '春节调休' },
  ...['01', '04', '05'].map((d) => ({ date: `2026-05-${d}`, kind: 'holiday' as const, name: '劳动节' })),
  ...['01', '02', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2026-09-27', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
