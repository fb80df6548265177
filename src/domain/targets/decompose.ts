import type { Aggregation } from '../metrics/catalog.ts';
import { type Refusal, refuse, type SplitOptions, splitWhole } from './largest-remainder.ts';

// Decomposition of a target by organisation (spec 4): a unit's target is split among its
// children by weights, exactly, by the largest-remainder method. Only additive metrics (kind sum)
// are split; a rate or mean target is inherited unchanged (`inheritedTarget`).
//
// Choices written down here (the spec is silent):
// - headcount: a missing headcount counts 0; a negative or fractional one is refused. All-zero
//   headcounts weigh the same (the split's own rule).
// - last_year: "last year's total" is the total of the unlocked children, the ones being weighted
//   (locked children take no share). When it is not positive, the children weigh the same. When it
//   is positive, a child whose own actual was negative (refunds) weighs 0: a negative share of a
//   target has no meaning.
// - manual: a missing percentage counts 0%. The percentages of all children, locked ones included
//   (the grid shows one column of them), must sum to 100, within 1e-9 to absorb decimal input such
//   as 33.33 + 33.33 + 33.34; a negative percentage is refused. Locked cells then override their
//   percentage and the unlocked children share the rest in proportion to theirs.
// - Two children with one id are refused: the result is keyed by id.

export type OrgMethod = 'equal' | 'headcount' | 'last_year' | 'manual';

export type OrgChild = {
  id: string;
  headcount?: number | undefined;
  lastYearActual?: number | undefined;
  manualPct?: number | undefined;
  locked?: number | undefined;
};

export type Allocation = { id: string; amount: number };
export type OrgSplit = { ok: true; parts: Allocation[] } | Refusal;

const PCT_TOLERANCE = 1e-9;

export function decomposeByOrg(
  whole: number,
  children: readonly OrgChild[],
  method: OrgMethod,
  opts: SplitOptions = {},
): OrgSplit {
  const seen = new Set<string>();
  for (const child of children) {
    if (seen.has(child.id)) return refuse('duplicate_child', `child ${child.id} is listed twice`, { id: child.id });
    seen.add(child.id);
  }
  const weights = orgWeights(children, method);
  if (!Array.isArray(weights)) return weights;
  const split = splitWhole(
    whole,
    children.map((child, i) => ({ weight: weights[i] ?? 0, locked: child.locked })),
    opts,
  );
  if (!split.ok) return split;
  return { ok: true, parts: children.map((child, i) => ({ id: child.id, amount: split.amounts[i] ?? 0 })) };
}

function orgWeights(children: readonly OrgChild[], method: OrgMethod): number[] | Refusal {
  switch (method) {
    case 'equal':
      return children.map(() => 1);
    case 'headcount': {
      for (const child of children) {
        const n = child.headcount ?? 0;
        if (!Number.isSafeInteger(n) || n < 0) {
          return refuse(
            'bad_headcount',
            `child ${child.id} has headcount ${n}; it must be a whole number of at least 0`,
            {
              id: child.id,
              headcount: n,
            },
          );
        }
      }
      return children.map((child) => child.headcount ?? 0);
    }
    case 'last_year':
      return shareWeights(
        children.map((child) => child.lastYearActual ?? 0),
        children.map((child) => child.locked !== undefined),
      );
    case 'manual': {
      let total = 0;
      for (const child of children) {
        const pct = child.manualPct ?? 0;
        if (!Number.isFinite(pct) || pct < 0) {
          return refuse('bad_percentage', `child ${child.id} has percentage ${pct}; it must be at least 0`, {
            id: child.id,
            pct,
          });
        }
        total += pct;
      }
      if (Math.abs(total - 100) > PCT_TOLERANCE) {
        return refuse('percentages_not_100', `manual percentages sum to ${total}%, not 100%`, { total });
      }
      return children.map((child) => child.manualPct ?? 0);
    }
  }
}

/**
 * Weights from last year's actuals: the values themselves when the total of the weighted
 * (unlocked) entries is positive, negatives counting 0; otherwise all the same.
 */
export function shareWeights(actuals: readonly number[], isLocked: readonly boolean[] = []): number[] {
  const total = actuals.reduce((sum, v, i) => (isLocked[i] ? sum : sum + v), 0);
  if (!(total > 0)) return actuals.map(() => 1);
  return actuals.map((v) => Math.max(0, v));
}

/** Only additive metrics are split into parts; rates and means are inherited unchanged. */
export function isSplitByParts(aggregation: Aggregation): boolean {
  return aggregation === 'sum';
}

/** A rate or mean target (e.g. 回款率 90%) is the same for every child unit, person and sub-period. */
export function inheritedTarget<K>(target: number, keys: readonly K[]): Array<{ key: K; target: number }> {
  return keys.map((key) => ({ key, target }));
}
