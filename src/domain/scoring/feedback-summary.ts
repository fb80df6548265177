// 参与设计: what the people scored think of each item of a scheme version, for the director
// before publishing. Items come in the version's order; feedback on a metric no longer among the
// items (the draft changed since) is kept apart rather than dropped.

export type FeedbackEntry = {
  metricId: string;
  personId: string;
  personName: string;
  rating: number;
  comment: string | null;
  updatedAt: string;
};

export type ItemFeedback = {
  metricId: string;
  isItem: boolean;
  count: number;
  /** Mean of the ratings (1-5), unrounded; null when nobody rated the item. */
  averageRating: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
  /** Newest first, as given. */
  comments: FeedbackEntry[];
};

export function summarizeFeedback(itemIds: readonly string[], entries: readonly FeedbackEntry[]): ItemFeedback[] {
  const others = [...new Set(entries.map((e) => e.metricId).filter((id) => !itemIds.includes(id)))];
  return [...itemIds.map((id) => [id, true] as const), ...others.map((id) => [id, false] as const)].map(
    ([metricId, isItem]) => {
      const mine = entries.filter((e) => e.metricId === metricId);
      const countOf = (rating: number) => mine.filter((e) => e.rating === rating).length;
      const distribution: ItemFeedback['distribution'] = [countOf(1), countOf(2), countOf(3), countOf(4), countOf(5)];
      const sum = mine.reduce((s, e) => s + e.rating, 0);
      return {
        metricId,
        isItem,
        count: mine.length,
        averageRating: mine.length > 0 ? sum / mine.length : null,
        distribution,
        comments: mine.filter((e) => (e.comment ?? '').trim() !== ''),
      };
    },
  );
}
