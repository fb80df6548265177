// Ratings distribution 评级分布 (issue 5): how many people got each rating, per unit (its
// descendants included, as unit values are) and for the whole company. A person counts in the
// unit they belong to on the period's last elapsed day; people without a rating count as "none".

export type RatingCounts = Record<string, number>;

export function ratingDistribution(
  people: ReadonlyArray<{ unitId: string | null; rating: string | null }>,
  units: ReadonlyArray<{ id: string; path: string }>,
  ratings: readonly string[],
): { company: RatingCounts; byUnit: Map<string, RatingCounts> } {
  const empty = (): RatingCounts => Object.fromEntries([...ratings, 'none'].map((r) => [r, 0]));
  const company = empty();
  const byUnit = new Map(units.map((u) => [u.id, empty()]));
  const lineage = new Map(units.map((u) => [u.id, u.path.split('/').filter(Boolean)]));
  for (const person of people) {
    const rating = person.rating !== null && ratings.includes(person.rating) ? person.rating : 'none';
    company[rating] = (company[rating] ?? 0) + 1;
    for (const unitId of person.unitId ? (lineage.get(person.unitId) ?? []) : []) {
      const counts = byUnit.get(unitId);
      if (counts) counts[rating] = (counts[rating] ?? 0) + 1;
    }
  }
  return { company, byUnit };
}
