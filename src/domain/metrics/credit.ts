import type { Aggregation } from './catalog.ts';

// Crediting counted facts to people, units and the tenant (spec 2): a unit's value is credited
// by the unit the person belonged to on the fact's date, and includes its descendants. Rates add
// numerators and denominators, means add scores and counts; never a mean of members' rates.

export type Tally = { num: number; den: number };
export type DatedTally = Tally & { personId: string; factOn: string };
export type Membership = { personId: string; unitId: string; startOn: string; endOn: string | null };
export type UnitNode = { id: string; path: string };

export const emptyTally = (): Tally => ({ num: 0, den: 0 });

function add(map: Map<string, Tally>, key: string, t: Tally) {
  const current = map.get(key);
  if (current) {
    current.num += t.num;
    current.den += t.den;
  } else map.set(key, { num: t.num, den: t.den });
}

export function creditToPeople(tallies: readonly DatedTally[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const t of tallies) add(out, t.personId, t);
  return out;
}

export function creditToTenant(tallies: readonly DatedTally[]): Tally {
  const out = emptyTally();
  for (const t of tallies) {
    out.num += t.num;
    out.den += t.den;
  }
  return out;
}

/** The unit a person belonged to on a date, from effective-dated memberships (inclusive ends). */
export function membershipIndex(memberships: readonly Membership[]) {
  const byPerson = new Map<string, Membership[]>();
  for (const m of memberships) {
    const list = byPerson.get(m.personId) ?? [];
    list.push(m);
    byPerson.set(m.personId, list);
  }
  return (personId: string, date: string): string | undefined =>
    byPerson.get(personId)?.find((m) => m.startOn <= date && (m.endOn === null || m.endOn >= date))?.unitId;
}

/** Ancestors of each unit including itself, from the materialised path. */
export function ancestry(units: readonly UnitNode[]): Map<string, string[]> {
  return new Map(units.map((u) => [u.id, u.path.split('/').filter(Boolean)]));
}

export function creditToUnits(
  tallies: readonly DatedTally[],
  memberships: readonly Membership[],
  units: readonly UnitNode[],
): Map<string, Tally> {
  const unitAt = membershipIndex(memberships);
  const lineage = ancestry(units);
  const out = new Map<string, Tally>();
  for (const t of tallies) {
    const unit = unitAt(t.personId, t.factOn);
    if (!unit) continue;
    for (const id of lineage.get(unit) ?? [unit]) add(out, id, t);
  }
  return out;
}

/** A tally's value: sums are their numerator; rates and means are N/A (null) over a zero denominator. */
export function tallyValue(aggregation: Aggregation, tally: Tally | undefined): number | null {
  const t = tally ?? emptyTally();
  if (aggregation === 'sum') return t.num;
  return t.den === 0 ? null : t.num / t.den;
}
