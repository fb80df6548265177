import { z } from 'zod';

const entry = z.object({
  metricId: z.string(),
  personId: z.string(),
  personName: z.string(),
  rating: z.number(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});

export const feedbackSummaryOut = z.object({
  schemeId: z.string(),
  versionId: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  people: z.number().describe('how many people gave feedback on this version'),
  items: z.array(
    z.object({
      metricId: z.string(),
      isItem: z.boolean().describe('false for feedback on a metric the version no longer scores'),
      count: z.number(),
      averageRating: z.number().nullable().describe('mean rating 1-5, unrounded; null when nobody rated'),
      distribution: z.array(z.number()).describe('how many rated 1, 2, 3, 4 and 5'),
      comments: z.array(entry).describe('newest first'),
    }),
  ),
});
