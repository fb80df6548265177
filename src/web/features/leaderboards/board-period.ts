import dayjs, { type Dayjs } from 'dayjs';
import { kindOfKey, periodKeyFor, periodStartOf } from '../dashboards/period-keys.ts';

// Period keys of the leaderboard's switch: '2026-W47', '2026-11', '2026-Q4', '2026' for a day in
// the period, and back, the first day of a key: the dashboards' keys (calendar quarters and years).

export type BoardPeriodKind = 'week' | 'month' | 'quarter' | 'year';

export const boardPeriodKey = (day: Dayjs, kind: BoardPeriodKind): string =>
  periodKeyFor(kind, day.format('YYYY-MM-DD'));

export const boardPeriodStart = (key: string): Dayjs => dayjs(periodStartOf(key));

export function boardPeriodKind(key: string): BoardPeriodKind {
  const kind = kindOfKey(key);
  return kind === 'custom' ? 'month' : kind;
}
