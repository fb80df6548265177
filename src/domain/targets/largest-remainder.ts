// Splitting a whole number of units (cents or counts) into parts that sum to it exactly (spec 4):
// rest = whole - sum(locked parts); each unlocked part gets floor(rest x weight / total weight);
// the units left over go one each to the largest fractional remainders, ties to the larger weight,
// then to the earlier part. Unlocked parts whose weights are all 0 weigh the same.
//
// Choices written down here:
// - Weights may be any finite, non-negative numbers (headcounts, percentages, last year's cents).
//   Every double is an exact binary fraction, so the weights are scaled by a common power of two
//   into BigInts: the split is exact whatever the weights, and no product can lose precision.
// - The whole and every locked part must be non-negative safe integers (targets for money and
//   counts are never negative); a bad weight or value is refused, never guessed.
// - A locked part's weight is ignored (it is not checked either): the lock overrides it.
// - No parts at all: a whole of 0 splits into nothing; any other whole is refused.

export type SplitPart = { weight: number; locked?: number | undefined };

export type RefusalCode =
  | 'whole_not_integer'
  | 'negative_whole'
  | 'locked_not_integer'
  | 'negative_locked'
  | 'bad_weight'
  | 'locked_exceed_whole'
  | 'locked_mismatch'
  | 'no_parts'
  | 'duplicate_child'
  | 'bad_headcount'
  | 'bad_percentage'
  | 'percentages_not_100'
  | 'bad_seasonality'
  | 'lock_outside_period'
  | 'bad_market_factor'
  | 'bad_days'
  | 'nothing_elapsed'
  | 'bad_actual'
  | 'bad_percentile'
  | 'no_history';

/** A refused split: `reason` reads as a sentence; `params` carries the raw numbers for i18n. */
export type Refusal = { ok: false; code: RefusalCode; reason: string; params: Record<string, number | string> };

export type SplitResult = { ok: true; amounts: number[] } | Refusal;

/** `formatAmount` renders units in reasons (e.g. cents as 120.00); the default prints the integer. */
export type SplitOptions = { formatAmount?: (units: number) => string };

export function refuse(code: RefusalCode, reason: string, params: Refusal['params']): Refusal {
  return { ok: false, code, reason, params };
}

export function splitWhole(whole: number, parts: readonly SplitPart[], opts: SplitOptions = {}): SplitResult {
  const fmt = opts.formatAmount ?? String;
  if (!Number.isSafeInteger(whole)) {
    return refuse('whole_not_integer', `the whole ${whole} is not a whole number of units`, { whole });
  }
  if (whole < 0) return refuse('negative_whole', `the whole ${fmt(whole)} is negative`, { whole });

  let lockedSum = 0;
  const unlocked: number[] = [];
  for (const [index, part] of parts.entries()) {
    const { locked, weight } = part;
    if (locked === undefined) {
      if (!Number.isFinite(weight) || weight < 0) {
        return refuse('bad_weight', `part ${index + 1} has weight ${weight}; a weight must be a number of at least 0`, {
          index,
          weight,
        });
      }
      unlocked.push(index);
      continue;
    }
    if (!Number.isSafeInteger(locked)) {
      return refuse('locked_not_integer', `locked part ${index + 1} (${locked}) is not a whole number of units`, {
        index,
        locked,
      });
    }
    if (locked < 0) {
      return refuse('negative_locked', `locked part ${index + 1} (${fmt(locked)}) is negative`, { index, locked });
    }
    lockedSum += locked;
  }

  if (lockedSum > whole) {
    return refuse('locked_exceed_whole', `locked parts sum to ${fmt(lockedSum)}, more than the whole ${fmt(whole)}`, {
      lockedSum,
      whole,
    });
  }
  if (unlocked.length === 0 && lockedSum !== whole) {
    if (parts.length === 0) return refuse('no_parts', `there are no parts to split ${fmt(whole)} into`, { whole });
    return refuse('locked_mismatch', `all parts are locked and sum to ${fmt(lockedSum)}, not the whole ${fmt(whole)}`, {
      lockedSum,
      whole,
    });
  }

  const amounts = parts.map((p) => p.locked ?? 0);
  const weights = exactIntegers(unlocked.map((i) => parts[i]?.weight ?? 0));
  let totalWeight = weights.reduce((a, b) => a + b, 0n);
  if (totalWeight === 0n) {
    weights.fill(1n);
    totalWeight = BigInt(weights.length);
  }

  const rest = BigInt(whole - lockedSum);
  let given = 0n;
  const remainders: bigint[] = [];
  for (const [k, index] of unlocked.entries()) {
    const share = rest * (weights[k] ?? 0n);
    const floor = share / totalWeight; // both non-negative: BigInt division is floor
    remainders.push(share % totalWeight);
    given += floor;
    amounts[index] = Number(floor);
  }

  // Remainders share the denominator totalWeight, so they compare as integers.
  const order = unlocked
    .map((_, k) => k)
    .sort((a, b) => cmpDesc(remainders[a], remainders[b]) || cmpDesc(weights[a], weights[b]) || a - b);
  const leftover = Number(rest - given); // < number of unlocked parts
  for (const k of order.slice(0, leftover)) {
    const index = unlocked[k] as number;
    amounts[index] = (amounts[index] ?? 0) + 1;
  }
  return { ok: true, amounts };
}

function cmpDesc(a: bigint | undefined, b: bigint | undefined): number {
  const [x, y] = [a ?? 0n, b ?? 0n];
  return x > y ? -1 : x < y ? 1 : 0;
}

/** Scales finite non-negative doubles by one power of two into exact integers (same ratios). */
function exactIntegers(values: readonly number[]): bigint[] {
  const dyadic = values.map((value) => {
    let scaled = value;
    let shift = 0;
    // Doubling is exact, and any finite double becomes an integer within 1,074 doublings.
    while (!Number.isInteger(scaled)) {
      scaled *= 2;
      shift++;
    }
    return { int: BigInt(scaled), shift };
  });
  const maxShift = Math.max(0, ...dyadic.map((d) => d.shift));
  return dyadic.map((d) => d.int << BigInt(maxShift - d.shift));
}
