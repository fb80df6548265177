import { z } from 'zod';
import type { Subject } from '../../app/metrics/compute-metrics.ts';

const subjectText = z
  .string()
  .regex(/^(tenant|person:[\w-]+|unit:[\w-]+)$/, 'a subject is tenant, person:<id> or unit:<id>')
  .describe('tenant, person:<id> or unit:<id>');

export const parseSubject = (text: string): Subject => {
  if (text === 'tenant') return { kind: 'tenant' };
  const [kind, id = ''] = text.split(':');
  return kind === 'person' ? { kind: 'person', id } : { kind: 'unit', id };
};

const metricList = z.string().min(1).max(2000).describe('metric ids separated by commas');
const periodKey = z
  .string()
  .min(4)
  .max(40)
  .describe('2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, FY2025-Q1, FY2025 or 2025-03-01..2025-03-31');

export const valuesQuery = z.object({
  metrics: metricList,
  subjects: z.string().max(20_000).describe('subjects separated by commas: tenant, person:<id>, unit:<id>'),
  period: periodKey,
});
export const breakdownQuery = z.object({
  metrics: metricList,
  unitId: z.string().max(100),
  by: z.enum(['member', 'child']).default('member'),
  period: periodKey,
});
export const seriesQuery = z.object({
  metrics: metricList,
  subject: subjectText,
  kind: z.enum(['day', 'week', 'month', 'quarter', 'year']).default('month'),
  count: z.coerce.number().int().min(1).max(60).default(12),
  lastDate: z.string().optional().describe('a date in the last period (default: today)'),
});
export const explainQuery = z.object({ subject: subjectText, period: periodKey });

const subjectOut = z.object({ kind: z.enum(['person', 'unit', 'tenant']), id: z.string().optional() });
const periodOut = z.object({ key: z.string(), kind: z.string(), start: z.string(), end: z.string() });
export const valueOut = z.object({
  metricId: z.string(),
  subject: subjectOut,
  value: z.number().nullable().describe('null is N/A'),
  numerator: z.number(),
  denominator: z.number().nullable(),
  note: z.enum(['person_only', 'no_data']).optional(),
});
export const valuesOut = z.object({ period: periodOut, values: z.array(valueOut) });
export const seriesOut = z.object({
  periods: z.array(periodOut),
  values: z.array(valueOut.extend({ period: z.string() })),
});
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
export const metricDefOut = z.object({
  id: z.string(),
  name: label,
  category: z.string(),
  unit: z.string(),
  direction: z.string(),
  aggregation: z.string(),
  isPersonOnly: z.boolean().optional(),
  factDate: z.string(),
  description: label,
  isCustom: z.boolean().optional(),
  customId: z.string().optional(),
});
export const explainOut = z.object({
  metric: metricDefOut,
  period: periodOut,
  value: valueOut,
  inputs: z.array(valueOut).describe('for a formula: the values it was computed from'),
  counted: z.number(),
  excluded: z.number(),
  facts: z.array(
    z.object({
      personId: z.string(),
      factOn: z.string(),
      num: z.number(),
      den: z.number(),
      recordKind: z.string(),
      recordId: z.string(),
      reason: z.string().nullable().describe('null = counted; otherwise why it is excluded'),
      sharePct: z.number().nullable(),
    }),
  ),
});
