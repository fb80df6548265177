import { z } from 'zod';

const periodKey = z.string().min(4).max(40);
const subjectOut = z.object({ kind: z.enum(['person', 'unit', 'tenant']), id: z.string().optional() });

export const generateSuggestionsBody = z.object({
  metricId: z.string().max(60),
  unitId: z.string().max(100).describe("the unit whose people get a suggestion (its sub-units' people too)"),
  periodKey,
  method: z
    .enum(['rest_of_period', 'history'])
    .describe('rest_of_period: actual to date + run rate or seasonality; history: a percentile of past periods'),
  marketFactor: z.number().default(1).describe('e.g. 1.1 for a market growing 10%'),
  percentile: z.number().int().default(60).describe('history: the percentile of past actuals (0-100)'),
  historyCount: z.number().int().min(1).max(24).default(12).describe('history: how many past periods'),
});

const restOfPeriod = z.object({
  method: z.literal('rest_of_period'),
  basis: z.enum(['seasonality', 'run_rate']),
  actualToDate: z.number(),
  elapsedWorkingDays: z.number(),
  remainingWorkingDays: z.number(),
  runRatePerDay: z.number(),
  runRateRemaining: z.number(),
  lastYearElapsed: z.number().nullable(),
  lastYearRemaining: z.number().nullable(),
  lastYearRemainingShare: z.number().nullable(),
  seasonalRemaining: z.number().nullable(),
  marketFactor: z.number(),
  projectedRemaining: z.number(),
  proposal: z.number(),
});
const history = z.object({
  method: z.literal('history'),
  history: z.array(z.object({ periodKey: z.string(), actual: z.number() })),
  percentile: z.number(),
  lowerRank: z.number(),
  upperRank: z.number(),
  lower: z.number(),
  upper: z.number(),
  percentileValue: z.number(),
  marketFactor: z.number(),
  proposal: z.number(),
});

export const suggestionOut = z.object({
  id: z.string(),
  metricId: z.string(),
  subject: subjectOut,
  name: z.string(),
  periodKey: z.string(),
  method: z.enum(['rest_of_period', 'history']),
  valueWhenProposed: z.number().nullable().describe('the target when the suggestion was made'),
  currentValue: z.number().nullable().describe('the target now'),
  proposedValue: z.number(),
  reasoning: z.discriminatedUnion('method', [restOfPeriod, history]),
  status: z.enum(['proposed', 'approved', 'rejected', 'superseded']),
  createdAt: z.string(),
  createdByUserId: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByUserId: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export const generateSuggestionsOut = z.object({
  suggestions: z.array(suggestionOut),
  skipped: z.array(z.object({ personId: z.string(), name: z.string(), code: z.string(), reason: z.string() })),
});
export const suggestionsQuery = z.object({
  metricId: z.string().max(60).optional(),
  period: periodKey.optional(),
  status: z.enum(['proposed', 'approved', 'rejected', 'superseded']).optional(),
});
export const approveBody = z.object({ reason: z.string().max(500).optional() });
export const rejectBody = z.object({ reason: z.string().min(1).max(500) });
