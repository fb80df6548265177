// Ranks of total scores (issue 6): the highest total ranks 1; equal totals share a rank and the
// next rank skips as many places (1, 1, 3: "competition" ranking, as a sales floor reads it).
//
// Choices written down here (the spec is silent):
// - Totals are compared at 1e-9 points, the tolerance rating bands use, so that two totals equal
//   in decimal but apart by binary noise share their rank.
// - A person without a total (no scheme, or every item N/A) has no rank and does not take a place.

const TIE_TOLERANCE = 1e-9;

export type Ranked = { rank: number | null; of: number };

/** Ranks every id by its total, highest first, in one pass over the sorted totals. */
export function rankTotals(totals: ReadonlyMap<string, number | null>): Map<string, Ranked> {
  const scored = [...totals].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => b[1] - a[1]);
  const out = new Map<string, Ranked>();
  let previous: number | null = null;
  let rank = 0;
  scored.forEach(([id, total], index) => {
    if (previous === null || previous - total > TIE_TOLERANCE) rank = index + 1;
    previous = total;
    out.set(id, { rank, of: scored.length });
  });
  for (const [id, total] of totals) if (total === null) out.set(id, { rank: null, of: scored.length });
  return out;
}
