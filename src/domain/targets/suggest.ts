import { add, div, mul, type Ratio, ratioOf, roundHalfUp, sub, toNumber } from './exact-ratio.ts';
import { type Refusal, refuse } from './largest-remainder.ts';

// Target suggestions 智能目标调整 (issue 5). Two proposals, each with its reasoning as data (the
// inputs and every step of the arithmetic), so the screen can show it in either language:
//
// - rest of period: the actual to date (rounded half up to a whole unit, A) plus a projection of
//   the remaining working days, times the market factor f the director enters:
//     run rate     remaining = A x R / E            (E elapsed, R remaining working days)
//     seasonality  remaining = A x Ly_rem / Ly_el   (last year's actual over the same remaining
//                                                    and elapsed dates of the period)
//   proposal = A + round_half_up(remaining x f), never below 0.
// - history: for a new period, the p-th percentile of the person's last N periods' actuals
//   (linear between the closest ranks, as Excel's PERCENTILE.INC: rank = p/100 x (N-1)), times f,
//   rounded half up.
//
// Choices written down here (the spec and the issue are silent):
// - Seasonality is the basis whenever last year gives one (its elapsed part is positive); the run
//   rate is the fallback, and the reasoning carries both so the director sees the other.
// - Nothing elapsed yet (no working day of the period is past) is refused: there is no run rate,
//   and last year's share of nothing is nothing. A history-based proposal serves a new period.
// - Only additive targets (money in cents, counts) are proposed; all amounts are whole units.
// - The market factor is a decimal between 0 (exclusive) and 10; 1 leaves the projection as is.

export type RestOfPeriodInput = {
  actualToDate: number;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  /** Last year's actual over the same elapsed dates, and over the same remaining dates (null: unknown). */
  lastYearElapsed: number | null;
  lastYearRemaining: number | null;
  marketFactor: number;
};

export type RestOfPeriodReasoning = {
  method: 'rest_of_period';
  basis: 'seasonality' | 'run_rate';
  actualToDate: number;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  /** A / E, for display. */
  runRatePerDay: number;
  /** A x R / E, rounded half up. */
  runRateRemaining: number;
  lastYearElapsed: number | null;
  lastYearRemaining: number | null;
  /** Ly_rem / (Ly_el + Ly_rem): last year's share of the period still to come, for display. */
  lastYearRemainingShare: number | null;
  /** A x Ly_rem / Ly_el, rounded half up; null without a seasonal basis. */
  seasonalRemaining: number | null;
  marketFactor: number;
  /** The basis' remaining x f, rounded half up. */
  projectedRemaining: number;
  proposal: number;
};

export type HistoryInput = {
  /** The person's actual in each of the last N periods, oldest first. */
  history: ReadonlyArray<{ periodKey: string; actual: number }>;
  percentile: number;
  marketFactor: number;
};

export type HistoryReasoning = {
  method: 'history';
  history: Array<{ periodKey: string; actual: number }>;
  percentile: number;
  /** 1-based positions in the sorted actuals between which the percentile lies (equal when exact). */
  lowerRank: number;
  upperRank: number;
  lower: number;
  upper: number;
  /** The percentile before the market factor, for display. */
  percentileValue: number;
  marketFactor: number;
  proposal: number;
};

export type Reasoning = RestOfPeriodReasoning | HistoryReasoning;
export type Proposal<R> = { ok: true; proposal: number; reasoning: R } | Refusal;

export const MAX_MARKET_FACTOR = 10;

function checkFactor(marketFactor: number): Refusal | null {
  if (!Number.isFinite(marketFactor) || marketFactor <= 0 || marketFactor > MAX_MARKET_FACTOR)
    return refuse(
      'bad_market_factor',
      `the market factor must be above 0 and at most ${MAX_MARKET_FACTOR}, got ${marketFactor}`,
      { marketFactor },
    );
  return null;
}

export function proposeRestOfPeriod(input: RestOfPeriodInput): Proposal<RestOfPeriodReasoning> {
  const bad = checkFactor(input.marketFactor);
  if (bad) return bad;
  const { elapsedWorkingDays: e, remainingWorkingDays: r } = input;
  for (const [name, days] of [
    ['elapsedWorkingDays', e],
    ['remainingWorkingDays', r],
  ] as const) {
    if (!Number.isSafeInteger(days) || days < 0)
      return refuse('bad_days', `${name} must be a whole number of at least 0, got ${days}`, { [name]: days });
  }
  if (e === 0)
    return refuse(
      'nothing_elapsed',
      'no working day of the period has passed yet: there is no run rate; propose from history instead',
      {},
    );
  if (!Number.isFinite(input.actualToDate))
    return refuse('bad_actual', `the actual to date must be a number, got ${input.actualToDate}`, {});
  const actual = roundHalfUp(ratioOf(input.actualToDate));
  const a = ratioOf(actual);
  const factor = ratioOf(input.marketFactor);
  const runRate = div(mul(a, ratioOf(r)), ratioOf(e));
  const { lastYearElapsed: le, lastYearRemaining: lr } = input;
  const hasSeason = le !== null && lr !== null && Number.isFinite(le) && Number.isFinite(lr) && le > 0 && lr >= 0;
  const seasonal = hasSeason ? div(mul(a, ratioOf(lr)), ratioOf(le)) : null;
  const remaining = seasonal ?? runRate;
  const projected = roundHalfUp(mul(remaining, factor));
  const proposal = Math.max(0, actual + projected);
  return {
    ok: true,
    proposal,
    reasoning: {
      method: 'rest_of_period',
      basis: seasonal ? 'seasonality' : 'run_rate',
      actualToDate: actual,
      elapsedWorkingDays: e,
      remainingWorkingDays: r,
      runRatePerDay: toNumber(div(a, ratioOf(e))),
      runRateRemaining: roundHalfUp(runRate),
      lastYearElapsed: le,
      lastYearRemaining: lr,
      lastYearRemainingShare: hasSeason ? toNumber(div(ratioOf(lr), add(ratioOf(le), ratioOf(lr)))) : null,
      seasonalRemaining: seasonal ? roundHalfUp(seasonal) : null,
      marketFactor: input.marketFactor,
      projectedRemaining: projected,
      proposal,
    },
  };
}

export function proposeFromHistory(input: HistoryInput): Proposal<HistoryReasoning> {
  const bad = checkFactor(input.marketFactor);
  if (bad) return bad;
  const p = input.percentile;
  if (!Number.isSafeInteger(p) || p < 0 || p > 100)
    return refuse('bad_percentile', `the percentile must be a whole number from 0 to 100, got ${p}`, { percentile: p });
  if (input.history.length === 0) return refuse('no_history', 'there are no past periods to take a percentile of', {});
  const badActual = input.history.find((h) => !Number.isFinite(h.actual));
  if (badActual)
    return refuse('bad_actual', `the actual of ${badActual.periodKey} is not a number`, {
      periodKey: badActual.periodKey,
    });
  const sorted = input.history.map((h) => h.actual).sort((x, y) => x - y);
  const n = sorted.length;
  // rank = p/100 x (n-1) as a fraction: lower index and the fraction of the way to the next.
  const scaled = p * (n - 1);
  const lo = Math.floor(scaled / 100);
  const hi = Math.min(n - 1, lo + (scaled % 100 === 0 ? 0 : 1));
  const lower = ratioOf(sorted[lo] as number);
  const upper = ratioOf(sorted[hi] as number);
  const frac: Ratio = { num: BigInt(scaled % 100), den: 100n };
  const value = add(lower, mul(frac, sub(upper, lower)));
  const proposal = Math.max(0, roundHalfUp(mul(value, ratioOf(input.marketFactor))));
  return {
    ok: true,
    proposal,
    reasoning: {
      method: 'history',
      history: input.history.map((h) => ({ periodKey: h.periodKey, actual: h.actual })),
      percentile: p,
      lowerRank: lo + 1,
      upperRank: hi + 1,
      lower: sorted[lo] as number,
      upper: sorted[hi] as number,
      percentileValue: toNumber(value),
      marketFactor: input.marketFactor,
      proposal,
    },
  };
}
