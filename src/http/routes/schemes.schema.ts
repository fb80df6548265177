import { z } from 'zod';

const step = z.object({ threshold: z.number(), score: z.number() });
const item = z.discriminatedUnion('mode', [
  z.object({
    metricId: z.string().max(60),
    weight: z.number(),
    role: z.enum(['primary', 'auxiliary']),
    mode: z.literal('linear'),
    floor: z.number().optional().describe('attainment below which the item scores 0 (default 0)'),
    cap: z.number().optional().describe('the highest attainment that counts (default 1.2 = 120%)'),
  }),
  z.object({
    metricId: z.string().max(60),
    weight: z.number(),
    role: z.enum(['primary', 'auxiliary']),
    mode: z.literal('steps'),
    steps: z.array(step).max(20),
  }),
]);
const gate = z.object({
  metricId: z.string().max(60),
  op: z.enum(['<', '<=', '>', '>=']),
  value: z.number(),
  factor: z.number(),
  appliesTo: z.enum(['all', 'result', 'process', 'collaboration', 'data']),
});
const band = z.object({ rating: z.string().max(10), min: z.number().nullable() });
export const versionBody = z.object({
  effectiveFrom: z.string().max(10).describe('YYYY-MM-DD'),
  items: z.array(item).max(30),
  gates: z.array(gate).max(20).optional(),
  ratingBands: z.array(band).max(10).optional(),
});
export const versionOut = versionBody.extend({
  id: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
});
export const schemeOut = z.object({
  id: z.string(),
  positionId: z.string(),
  name: z.string(),
  versions: z.array(versionOut),
});
export const schemeCreate = z.object({ positionId: z.string().max(100), name: z.string().max(100) });
const periodOut = z.object({ key: z.string(), kind: z.string(), start: z.string(), end: z.string() });
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
export const scorecardOut = z.object({
  personId: z.string(),
  period: periodOut,
  schemeId: z.string(),
  version: z.number(),
  versionStatus: z.string(),
  total: z.number().nullable(),
  rating: z.string().nullable(),
  names: z.record(z.string(), label),
  isFrozen: z.boolean().optional().describe('true: the period is closed and this is its snapshot'),
  closeRevision: z.number().optional(),
  items: z.array(
    z.object({
      metricId: z.string(),
      role: z.string(),
      mode: z.string(),
      actual: z.number().nullable(),
      target: z.number().nullable(),
      attainment: z.number().nullable(),
      isUnbounded: z.boolean(),
      isNA: z.boolean(),
      baseScore: z.number().nullable(),
      gates: z.array(
        z.object({ metricId: z.string(), op: z.string(), value: z.number(), factor: z.number(), actual: z.number() }),
      ),
      gateFactor: z.number(),
      score: z.number().nullable(),
      weight: z.number(),
      reweightedWeight: z.number().nullable(),
      contribution: z.number().nullable(),
    }),
  ),
});
const short = z.object({ total: z.number().nullable(), rating: z.string().nullable() });
export const trialOut = z.object({
  period: periodOut,
  schemeId: z.string(),
  liveVersion: z.number().nullable(),
  trialVersion: z.number(),
  rows: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      live: short.nullable(),
      trial: short,
      difference: z.number().nullable(),
    }),
  ),
});
