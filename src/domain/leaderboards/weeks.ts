import { addDays, type IsoDate } from '../time/dates.ts';
import { periodContaining } from '../time/periods.ts';

/** The key of the last whole ISO week (Monday to Sunday) before a tenant-local today. */
export function lastWholeWeekKey(today: IsoDate): string {
  // ISO weeks do not depend on the fiscal year.
  return periodContaining('week', addDays(today, -7), { fiscalYearStartMonth: 1 }).key;
}
