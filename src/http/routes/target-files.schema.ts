import { z } from 'zod';

export const gridQuery = z.object({
  metricId: z.string().max(60),
  year: z.string().min(4).max(10).describe('2026 or FY2026'),
});
const gridIssue = z.object({
  rowNumber: z.number(),
  column: z.string(),
  header: z.string(),
  code: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
const subjectOut = z.object({ kind: z.enum(['person', 'unit', 'tenant']), id: z.string().optional() });
export const gridImportOut = z.object({
  metricId: z.string(),
  year: z.string(),
  fileName: z.string(),
  cells: z.number().describe('filled cells read'),
  changes: z.array(
    z.object({
      rowNumber: z.number(),
      column: z.string(),
      subject: subjectOut,
      periodKey: z.string(),
      oldValue: z.number().nullable(),
      newValue: z.number(),
    }),
  ),
  issues: z.array(gridIssue).describe('bad cells: any one stops the commit'),
  warnings: z.array(gridIssue).describe('worth a look, not refused (a year that is not the sum of its months)'),
  isCommitted: z.boolean(),
});

export const gridImportQuery = gridQuery.extend({
  dryRun: z.enum(['true', 'false']).default('true').describe('true: report only, write nothing'),
});
