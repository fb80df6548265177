import type { Period } from '../time/periods.ts';
import { countWorkingDays, type TenantCalendar } from '../time/working-days.ts';
import { type MembershipSpan, prorate } from './decompose-time.ts';
import { splitWhole } from './largest-remainder.ts';

// Pro-rating the members of a team whose target is split among its people (spec 4): a person who
// joins or leaves mid-period gets their full-period share x working days of membership in the
// period / working days of the period, rounded half up (`prorate`).
//
// Choices written down here (the spec is silent on where the rest goes):
// - What the pro-rated members give up is absorbed by the members present for the whole period
//   whose target is not locked, in proportion to their full-period shares (largest remainder, so
//   the team's parts still sum exactly to its target). Locked members (set by hand) keep their
//   value and absorb nothing.
// - When no such member exists (everyone joined or left mid-period, or the rest are locked), the
//   rest stays with the team, unallocated: it is reported, never given to a part-period member.
// - A member is "whole-period" when their membership covers every working day of the period (a
//   person who joins on the Saturday before the first working day is whole-period).

export type MemberShare = {
  id: string;
  /** The member's share of the team target as if present the whole period (whole units). */
  full: number;
  /** A value set by hand: kept as is. */
  locked?: number | undefined;
  /** The member's span in the team, unclipped; null: the whole period. */
  membership: MembershipSpan | null;
};

export type ProratedShare = {
  id: string;
  full: number;
  amount: number;
  isLocked: boolean;
  /** Present every working day of the period (every day, when it has no working day). */
  isWholePeriod: boolean;
  /** Working days of membership in the period, and of the period (calendar days when it has none). */
  memberDays: number;
  periodDays: number;
  /** What this whole-period member took over from the pro-rated ones. */
  absorbed: number;
};

export function prorateShares(
  shares: readonly MemberShare[],
  period: Pick<Period, 'start' | 'end'>,
  calendar: TenantCalendar,
): { parts: ProratedShare[]; unallocated: number } {
  const periodDays = countWorkingDays(period.start, period.end, calendar);
  const parts: ProratedShare[] = shares.map((share) => {
    if (share.locked !== undefined)
      return {
        id: share.id,
        full: share.full,
        amount: share.locked,
        isLocked: true,
        isWholePeriod: false,
        memberDays: 0,
        periodDays,
        absorbed: 0,
      };
    const span = share.membership ?? { start: period.start, end: null };
    const start = [span.start, period.start].sort()[1] as string; // ISO dates sort as strings
    const end = span.end !== null && span.end < period.end ? span.end : period.end;
    const memberDays = start > end ? 0 : countWorkingDays(start, end, calendar);
    const isWhole = periodDays > 0 ? memberDays === periodDays : start === period.start && end === period.end;
    return {
      id: share.id,
      full: share.full,
      amount: isWhole ? share.full : prorate(share.full, span, period, calendar),
      isLocked: false,
      isWholePeriod: isWhole,
      memberDays,
      periodDays,
      absorbed: 0,
    };
  });
  const rest = parts.reduce((sum, p) => (p.isLocked ? sum : sum + p.full - p.amount), 0);
  const absorbers = parts.filter((p) => !p.isLocked && p.isWholePeriod);
  if (rest === 0 || absorbers.length === 0) return { parts, unallocated: rest };
  const split = splitWhole(
    rest,
    absorbers.map((p) => ({ weight: p.full })),
  );
  // rest >= 0 and no part is locked, so the split cannot be refused.
  if (!split.ok) throw new Error(`prorateShares: ${split.reason}`);
  absorbers.forEach((p, i) => {
    p.absorbed = split.amounts[i] ?? 0;
    p.amount += p.absorbed;
  });
  return { parts, unallocated: 0 };
}
