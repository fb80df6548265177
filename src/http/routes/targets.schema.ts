import { z } from 'zod';

const subject = z
  .string()
  .regex(/^(tenant|person:[\w-]+|unit:[\w-]+)$/, 'a subject is tenant, person:<id> or unit:<id>');
const periodKey = z.string().min(4).max(40);

export const targetOut = z.object({
  id: z.string(),
  metricId: z.string(),
  subject: z.object({ kind: z.enum(['person', 'unit', 'tenant']), id: z.string().optional() }),
  periodKey: z.string(),
  start: z.string(),
  end: z.string(),
  value: z.number().describe('money in cents, counts as units, rates as ratios (0.9 = 90%)'),
  isLocked: z.boolean(),
  source: z.string(),
  updatedAt: z.string(),
});
export const targetsQuery = z.object({
  metricId: z.string().max(60).optional(),
  subject: subject.optional(),
  period: periodKey.optional(),
});
export const setTargetsBody = z.object({
  targets: z
    .array(
      z.object({
        metricId: z.string().max(60),
        subject,
        periodKey,
        value: z.number(),
        isLocked: z.boolean().optional(),
        reason: z.string().max(500).optional(),
      }),
    )
    .min(1)
    .max(5000),
});
export const decomposeOrgBody = z.object({
  metricId: z.string().max(60),
  unitId: z.string().max(100),
  periodKey,
  method: z.enum(['equal', 'headcount', 'last_year', 'manual']),
  locks: z.record(z.string(), z.number()).optional().describe('child id -> value kept as is'),
  manualPct: z.record(z.string(), z.number()).optional().describe('child id -> percentage (manual method)'),
  apply: z.boolean().default(false).describe('false: preview only'),
  reason: z.string().max(500).optional(),
});
export const decomposeTimeBody = z.object({
  metricId: z.string().max(60),
  subject,
  periodKey: periodKey.describe('a year: 2026 or FY2026'),
  locks: z.record(z.string(), z.number()).optional().describe('month key -> value kept as is'),
  apply: z.boolean().default(false),
  reason: z.string().max(500).optional(),
});
const periodOut = z.object({ key: z.string(), kind: z.string(), start: z.string(), end: z.string() });
const subjectOut = z.object({ kind: z.enum(['person', 'unit', 'tenant']), id: z.string().optional() });
export const decomposeOrgOut = z.object({
  whole: z.number(),
  period: periodOut,
  parts: z.array(
    z.object({
      subject: subjectOut,
      name: z.string(),
      value: z.number(),
      isLocked: z.boolean(),
      proration: z
        .object({
          full: z.number().describe('the share for the whole period'),
          memberDays: z.number(),
          periodDays: z.number(),
          absorbed: z.number().describe('taken over from members who joined or left mid-period'),
          isWholePeriod: z.boolean(),
        })
        .optional()
        .describe("a member's share of a team target: pro-rated by working days of membership"),
    }),
  ),
  unallocated: z
    .number()
    .optional()
    .describe('what pro-rated members gave up when nobody was there the whole period to absorb it'),
});
export const decomposeTimeOut = z.object({
  whole: z.number(),
  period: periodOut,
  parts: z.array(z.object({ periodKey: z.string(), value: z.number(), isLocked: z.boolean() })),
});
export const paceQuery = z.object({ metricId: z.string().max(60), subject, period: periodKey });
export const paceOut = z.object({
  period: periodOut,
  metricId: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  expectedToDate: z.number().optional(),
  ratio: z.number().nullable().optional(),
  status: z.enum(['green', 'yellow', 'red', 'none']).optional(),
  gapToTarget: z.number().nullable().optional(),
  gapToPace: z.number().nullable().optional(),
});
export const historyOut = z.array(
  z.object({
    id: z.string(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    oldValue: z.number().nullable(),
    newValue: z.number(),
    source: z.string(),
    reason: z.string().nullable(),
  }),
);
