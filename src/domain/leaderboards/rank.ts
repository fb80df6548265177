// Ranking a leaderboard (排行榜). Choices written down here:
// - Standard competition ranking: equal values share a rank and the next rank skips (1, 1, 3).
// - Values closer than a billionth (relative) are equal: credited sums of value x share may differ
//   only in the last bits of a float, and a person must not lose a tie to rounding noise.
// - N/A values (null) go last, unranked, in the order given; so do equal values among themselves.
// - Rank change compares with the previous period's rank: a smaller number is 'up'; a subject
//   unranked (or absent) before and ranked now is 'new'; a subject unranked now has no change.

export type Direction = 'higher' | 'lower';
export type RankChange = 'up' | 'down' | 'same' | 'new';

export type Ranked<T> = T & { rank: number | null };

const EPSILON = 1e-9;

export function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Ranks entries by value in the metric's direction; the input order breaks ties for display. */
export function rankByValue<T extends { value: number | null }>(
  entries: readonly T[],
  direction: Direction,
): Ranked<T>[] {
  const valued = entries
    .map((entry, index) => ({ entry, index }))
    .filter((e): e is { entry: T & { value: number }; index: number } => e.entry.value !== null);
  valued.sort((a, b) => {
    if (isTie(a.entry.value, b.entry.value)) return a.index - b.index;
    return direction === 'higher' ? b.entry.value - a.entry.value : a.entry.value - b.entry.value;
  });
  const ranked: Ranked<T>[] = [];
  valued.forEach(({ entry }, position) => {
    const previous = ranked[position - 1];
    const tied = previous && previous.value !== null && isTie(previous.value, entry.value);
    ranked.push({ ...entry, rank: tied ? (previous.rank as number) : position + 1 });
  });
  for (const entry of entries) if (entry.value === null) ranked.push({ ...entry, rank: null });
  return ranked;
}

export function rankChange(rank: number | null, previousRank: number | null): RankChange | null {
  if (rank === null) return null;
  if (previousRank === null) return 'new';
  return rank < previousRank ? 'up' : rank > previousRank ? 'down' : 'same';
}
