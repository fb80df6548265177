import type { RecordOf } from '../../api/records.ts';

type Membership = RecordOf<'memberships'>;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The membership a transfer starting on `startOn` ends, or why it cannot: the person's open (or
 * later-ending) membership must have started before the transfer date.
 */
export function planTransfer(
  history: readonly Membership[],
  unitId: string,
  startOn: string,
): { current?: Membership; problem?: { field: 'unitId' | 'startOn'; key: string; values?: Record<string, string> } } {
  const current = history.find((m) => (m.startOn ?? '') < startOn && (m.endOn === null || m.endOn >= startOn));
  const later = history.find((m) => (m.startOn ?? '') >= startOn);
  if (later)
    return { problem: { field: 'startOn', key: 'transfer.notAfterLatest', values: { date: later.startOn ?? '' } } };
  if (current?.unitId === unitId) return { problem: { field: 'unitId', key: 'transfer.sameUnit' } };
  return { current };
}
