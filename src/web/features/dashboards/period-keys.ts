// Period keys (spec 1) for the dashboards' switch: week, month, quarter, fiscal year or a custom
// range, from a day in the period; and back, the first day of a key. Quarters and years follow
// the tenant's fiscal year start (keys 'FY2026-Q1', 'FY2026' unless it starts in January).

export type DashboardPeriodKind = 'week' | 'month' | 'quarter' | 'year' | 'custom';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const utc = (date: string) => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

function isoWeekKey(date: string): string {
  const ms = utc(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0
  const thursday = ms + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${pad(week)}`;
}

function fiscal(date: string, fiscalStart: number) {
  const [y, m] = parts(date);
  const offset = (m - fiscalStart + 12) % 12;
  return { year: m >= fiscalStart ? y : y - 1, quarter: Math.floor(offset / 3) + 1 };
}

/** The key of the period of a kind holding the date (custom: that single day as a range). */
export function periodKeyFor(kind: DashboardPeriodKind, date: string, fiscalStart = 1): string {
  const prefix = fiscalStart === 1 ? '' : 'FY';
  switch (kind) {
    case 'week':
      return isoWeekKey(date);
    case 'month':
      return date.slice(0, 7);
    case 'quarter': {
      const f = fiscal(date, fiscalStart);
      return `${prefix}${f.year}-Q${f.quarter}`;
    }
    case 'year':
      return `${prefix}${fiscal(date, fiscalStart).year}`;
    case 'custom':
      return `${date}..${date}`;
  }
}

export function kindOfKey(key: string): DashboardPeriodKind {
  if (key.includes('..')) return 'custom';
  if (/-W\d{2}$/.test(key)) return 'week';
  if (/-Q\d$/.test(key)) return 'quarter';
  if (/^(FY)?\d{4}$/.test(key)) return 'year';
  return 'month';
}

/** The first day of a period key (custom: its start; the end is after '..'). */
export function periodStartOf(key: string, fiscalStart = 1): string {
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (range) return range[1] as string;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    return iso(monday + (Number(week[2]) - 1) * 7 * DAY);
  }
  const quarter = /^(FY)?(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const start = quarter[1] ? fiscalStart : 1;
    const month = start - 1 + (Number(quarter[3]) - 1) * 3;
    return iso(Date.UTC(Number(quarter[2]), month, 1));
  }
  const year = /^(FY)?(\d{4})$/.exec(key);
  if (year) return iso(Date.UTC(Number(year[2]), (year[1] ? fiscalStart : 1) - 1, 1));
  return `${key.slice(0, 7)}-01`;
}

/** A custom key's last day. */
export function rangeEndOf(key: string): string | undefined {
  return key.split('..')[1];
}
