import { describe, expect, it } from 'vitest';
import { type FeedbackEntry, summarizeFeedback } from './feedback-summary.ts';

const entry = (metricId: string, personId: string, rating: number, comment: string | null = null): FeedbackEntry => ({
  metricId,
  personId,
  personName: personId,
  rating,
  comment,
  updatedAt: '2026-03-10T02:00:00Z',
});

describe('summarizeFeedback', () => {
  it.each([
    [
      'no feedback: every item with count 0 and no average',
      ['signed_amount', 'follow_ups'],
      [],
      [
        ['signed_amount', true, 0, null, [0, 0, 0, 0, 0], 0],
        ['follow_ups', true, 0, null, [0, 0, 0, 0, 0], 0],
      ],
    ],
    [
      'averages per item, unrounded; only written comments are listed',
      ['signed_amount', 'follow_ups'],
      [entry('follow_ups', 'a', 2, '太高'), entry('follow_ups', 'b', 4, '  '), entry('follow_ups', 'c', 5)],
      [
        ['signed_amount', true, 0, null, [0, 0, 0, 0, 0], 0],
        ['follow_ups', true, 3, 11 / 3, [0, 1, 0, 1, 1], 1],
      ],
    ],
    [
      'feedback on a metric the draft no longer scores comes last, marked',
      ['signed_amount'],
      [entry('csat', 'a', 1, '去掉了？'), entry('signed_amount', 'a', 5)],
      [
        ['signed_amount', true, 1, 5, [0, 0, 0, 0, 1], 0],
        ['csat', false, 1, 1, [1, 0, 0, 0, 0], 1],
      ],
    ],
  ] as const)('%s', (_case, items, entries, expected) => {
    expect(
      summarizeFeedback(items, entries).map((s) => [
        s.metricId,
        s.isItem,
        s.count,
        s.averageRating,
        s.distribution,
        s.comments.length,
      ]),
    ).toEqual(expected);
  });
});
