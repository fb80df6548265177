import dayjs, { type Dayjs } from 'dayjs';

// Period keys of the leaderboard's switch: '2026-W47', '2026-11', '2026-Q4', '2026' for a day in
// the period, and back, the first day of a key (ISO weeks start on Monday).

export type BoardPeriodKind = 'week' | 'month' | 'quarter' | 'year';

const DAY = 86_400_000;

function isoWeekKey(day: Dayjs): string {
  const ms = Date.UTC(day.year(), day.month(), day.date());
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const thursday = ms + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function boardPeriodKey(day: Dayjs, kind: BoardPeriodKind): string {
  if (kind === 'week') return isoWeekKey(day);
  if (kind === 'year') return day.format('YYYY');
  if (kind === 'quarter') return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`;
  return day.format('YYYY-MM');
}

export function boardPeriodStart(key: string): Dayjs {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (Number(week[2]) - 1) * 7 * DAY;
    return dayjs(new Date(monday).toISOString().slice(0, 10));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
  if (/^\d{4}$/.test(key)) return dayjs(`${key}-01-01`);
  return dayjs(`${key.slice(0, 7)}-01`);
}

export function boardPeriodKind(key: string): BoardPeriodKind {
  if (/-W\d{2}$/.test(key)) return 'week';
  if (/-Q\d$/.test(key)) return 'quarter';
  if (/^\d{4}$/.test(key)) return 'year';
  return 'month';
}
