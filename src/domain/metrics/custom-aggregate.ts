import { ancestry, type Membership, membershipIndex, type UnitNode } from './credit.ts';
import type { AggregateKind } from './custom-metric.ts';

// Reducing an aggregate custom metric's facts for a person, a unit (credited by membership on
// the fact's date, descendants included) or the tenant. Counts and sums take the credit share;
// a mean is weighted by it; min, max and distinct counts look at the values themselves.

export type ValueFact = { personId: string; factOn: string; value: number | string | null; share: number };
export type Reduced = { value: number | null; numerator: number; denominator: number | null };

export function reduceFacts(aggregate: AggregateKind, facts: readonly ValueFact[]): Reduced {
  const numbers = facts.map((f) => (typeof f.value === 'number' ? f.value : Number(f.value)));
  switch (aggregate) {
    case 'count': {
      const n = facts.reduce((s, f) => s + f.share, 0);
      return { value: n, numerator: n, denominator: null };
    }
    case 'sum': {
      const n = facts.reduce((s, f, i) => s + (numbers[i] ?? 0) * f.share, 0);
      return { value: n, numerator: n, denominator: null };
    }
    case 'mean': {
      const num = facts.reduce((s, f, i) => s + (numbers[i] ?? 0) * f.share, 0);
      const den = facts.reduce((s, f) => s + f.share, 0);
      return { value: den === 0 ? null : num / den, numerator: num, denominator: den };
    }
    case 'min':
    case 'max': {
      const present = numbers.filter((n) => Number.isFinite(n));
      if (present.length === 0) return { value: null, numerator: 0, denominator: 0 };
      const v = aggregate === 'min' ? Math.min(...present) : Math.max(...present);
      return { value: v, numerator: v, denominator: present.length };
    }
    case 'distinct_count': {
      const n = new Set(facts.filter((f) => f.value !== null).map((f) => String(f.value))).size;
      return { value: n, numerator: n, denominator: null };
    }
  }
}

/** Groups facts by subject key: 'person:<id>', 'unit:<id>' for the unit on the fact's date and its ancestors, 'tenant'. */
export function groupBySubject(
  facts: readonly ValueFact[],
  memberships: readonly Membership[],
  units: readonly UnitNode[],
): Map<string, ValueFact[]> {
  const unitAt = membershipIndex(memberships);
  const lineage = ancestry(units);
  const groups = new Map<string, ValueFact[]>();
  const put = (key: string, f: ValueFact) => {
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  };
  for (const f of facts) {
    put('tenant', f);
    put(`person:${f.personId}`, f);
    const unit = unitAt(f.personId, f.factOn);
    if (unit) for (const id of lineage.get(unit) ?? [unit]) put(`unit:${id}`, f);
  }
  return groups;
}
