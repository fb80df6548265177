import { z } from 'zod';

const label = z.object({ 'zh-CN': z.string().max(100), en: z.string().max(100) });
const filter = z.object({
  field: z.string().max(60),
  op: z.enum(['=', '!=', '>', '>=', '<', '<=', 'in']),
  value: z.union([z.string().max(200), z.number(), z.array(z.union([z.string().max(200), z.number()])).max(100)]),
});
export const definitionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('aggregate'),
    source: z.string().max(60),
    aggregate: z.enum(['count', 'distinct_count', 'sum', 'mean', 'min', 'max']),
    field: z.string().max(60).optional(),
    filters: z.array(filter).max(20).default([]),
    dateField: z.string().max(60),
    credit: z.enum(['owner', 'split', 'author']),
  }),
  z.object({
    kind: z.literal('formula'),
    formula: z.string().max(2000).describe('e.g. signed_amount / max(follow_ups, 1)'),
  }),
]);
const common = {
  name: label,
  category: z.enum(['result', 'process', 'collaboration', 'data']),
  unit: z.enum(['cny', 'count', 'ratio', 'score']),
  direction: z.enum(['higher', 'lower']).default('higher'),
  definition: definitionSchema,
};
export const customCreate = z.object({ key: z.string().max(40).describe('the metric id, e.g. big_deals'), ...common });
export const customUpdate = z.object(common);
export const customOut = z.object({
  id: z.string(),
  key: z.string(),
  ...common,
  direction: z.enum(['higher', 'lower']),
});
export const previewBody = z.object({
  metric: customCreate,
  period: z.string().max(40),
  subjects: z.string().max(20_000).default('tenant').describe('tenant, person:<id>, unit:<id> separated by commas'),
});
export const sourceOut = z.array(
  z.object({
    name: z.string(),
    label,
    fields: z.array(z.object({ name: z.string(), type: z.string(), label, values: z.array(z.string()).optional() })),
    dateFields: z.array(z.object({ name: z.string(), label })),
    credits: z.array(z.string()),
  }),
);
