import dayjs, { type Dayjs } from 'dayjs';

// Period keys the API reads: '2026-11', '2026-Q4', '2026'.

export type PeriodKind = 'month' | 'quarter' | 'year';

/** '2026-11', '2026-Q4' or '2026' for a day in it. */
export function periodKeyOf(day: Dayjs, kind: PeriodKind): string {
  if (kind === 'year') return day.format('YYYY');
  if (kind === 'quarter') return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`;
  return day.format('YYYY-MM');
}

/** The first day of a period key, for the picker's value. */
export function periodStart(key: string): Dayjs {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return dayjs(`${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
  if (/^\d{4}$/.test(key)) return dayjs(`${key}-01-01`);
  return dayjs(`${key}-01`);
}

export function kindOf(key: string): PeriodKind {
  if (/-Q\d$/.test(key)) return 'quarter';
  if (/^\d{4}$/.test(key)) return 'year';
  return 'month';
}
