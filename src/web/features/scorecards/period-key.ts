import dayjs, { type Dayjs } from 'dayjs';
import { periodKeyFor, periodStartOf } from '../dashboards/period-keys.ts';

// Period keys the API reads: '2026-11', '2026-Q4', '2026' (the dashboards' keys, calendar
// quarters and years), as the scorecard and target pickers use them.

export type PeriodKind = 'month' | 'quarter' | 'year';

/** '2026-11', '2026-Q4' or '2026' for a day in it. */
export const periodKeyOf = (day: Dayjs, kind: PeriodKind): string => periodKeyFor(kind, day.format('YYYY-MM-DD'));

/** The first day of a period key, for the picker's value. */
export const periodStart = (key: string): Dayjs => dayjs(periodStartOf(key));

export function kindOf(key: string): PeriodKind {
  if (/-Q\d$/.test(key)) return 'quarter';
  if (/^\d{4}$/.test(key)) return 'year';
  return 'month';
}
