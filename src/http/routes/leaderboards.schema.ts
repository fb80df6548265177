import { z } from 'zod';

const periodKey = z
  .string()
  .min(4)
  .max(40)
  .describe('2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, FY2025-Q1, FY2025 or 2025-03-01..2025-03-31');

export const leaderboardQuery = z.object({
  metric: z.string().min(1).max(100).describe("a metric id (built-in or custom), or 'score' for the total score"),
  scope: z
    .string()
    .min(1)
    .max(120)
    .default('company')
    .describe("'team' (the viewer's own team), 'company' or unit:<id>"),
  period: periodKey,
  by: z.enum(['person', 'unit']).default('person').describe('rank people, or the teams of the scope'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe("the first rows the viewer may see; the viewer's own row is always added"),
});
export const archivedBoardParams = z.object({ weekKey: z.string().min(4).max(20).describe('an ISO week, 2025-W11') });
export const archivedBoardQuery = z.object({
  metric: z.string().min(1).max(100).describe("an archived metric id, or 'score'"),
});
export const archiveBody = z.object({ week: z.string().min(4).max(20).describe('an ISO week that is over, 2025-W11') });

const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const periodOut = z.object({ key: z.string(), kind: z.string(), start: z.string(), end: z.string() });
const rowOut = z.object({
  rank: z.number().nullable().describe('null: N/A, unranked'),
  previousRank: z.number().nullable(),
  change: z.enum(['up', 'down', 'same', 'new']).nullable(),
  subject: z.object({ kind: z.enum(['person', 'unit']), id: z.string().nullable().describe('null when hidden') }),
  name: z.string().nullable().describe('null when the name is hidden'),
  unitName: z.string().nullable(),
  value: z.number().nullable().describe('null is N/A'),
  rating: z.string().nullable().describe('for the total score: S/A/B/C/D'),
  isOwn: z.boolean(),
  isNameHidden: z.boolean(),
  explainUrl: z.string().nullable().describe('the records behind the value, when the viewer may open them'),
});
export const leaderboardOut = z.object({
  metric: z.object({ id: z.string(), name: label, unit: z.string(), direction: z.string() }),
  period: periodOut,
  previousPeriod: periodOut,
  scope: z.object({
    kind: z.enum(['company', 'unit']),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
  }),
  by: z.enum(['person', 'unit']),
  visibility: z.object({ mode: z.enum(['public', 'top']), topN: z.number(), isNameHidden: z.boolean() }),
  totalRows: z.number().describe('rows on the whole board, before visibility'),
  visibleRows: z.number().describe('rows the viewer may see, before the limit'),
  archivedAt: z.string().optional(),
  rows: z.array(rowOut),
});
export const archivedWeeksOut = z.array(
  z.object({
    weekKey: z.string(),
    start: z.string(),
    end: z.string(),
    archivedAt: z.string(),
    metrics: z.array(z.string()),
  }),
);
export const archiveOut = z.object({
  weekKey: z.string(),
  archived: z.array(z.string()),
  alreadyArchived: z.array(z.string()),
});
