import { z } from 'zod';

const periodKey = z
  .string()
  .min(4)
  .max(40)
  .describe('2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, FY2025-Q1, FY2025 or 2025-03-01..2025-03-31');
export const periodQuery = z.object({ period: periodKey });
export const companyQuery = z.object({
  period: periodKey,
  metric: z.string().max(60).optional().describe('the metric of the org tree and the trend (default signed_amount)'),
});
export const personParams = z.object({ id: z.string().max(100) });
export const unitParams = z.object({ unitId: z.string().max(100) });

const periodOut = z.object({ key: z.string(), kind: z.string(), start: z.string(), end: z.string() });
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const status = z.enum(['green', 'yellow', 'red', 'none']);
const rank = z.object({ rank: z.number().nullable(), of: z.number() }).nullable();
const metricOut = z.object({
  id: z.string(),
  name: label,
  unit: z.string(),
  aggregation: z.string(),
  direction: z.string(),
});
const paceOut = z.object({
  target: z.number(),
  expectedToDate: z.number(),
  ratio: z.number().nullable(),
  status,
  gapToTarget: z.number().nullable().describe('还差: how far the actual is from the target (never negative)'),
  gapToPace: z.number().nullable().describe('还差: how far the actual is from the expected-to-date'),
});
const ownTarget = z.object({
  metricId: z.string(),
  name: label,
  unit: z.string(),
  actual: z.number().nullable(),
  previousActual: z.number().nullable(),
  target: z.number().nullable(),
  expectedToDate: z.number().nullable(),
  ratio: z.number().nullable(),
  status,
  gapToTarget: z.number().nullable(),
  gapToPace: z.number().nullable(),
});

export const personDashboardOut = z.object({
  person: z.object({ id: z.string(), name: z.string(), unitId: z.string().nullable() }),
  period: periodOut,
  previousPeriod: periodOut,
  scorecard: z
    .object({
      schemeId: z.string(),
      version: z.number(),
      total: z.number().nullable(),
      rating: z.string().nullable(),
      isFrozen: z.boolean(),
    })
    .nullable()
    .describe('null when the person has no position with a scheme'),
  previous: z.object({ total: z.number().nullable(), rating: z.string().nullable() }).nullable(),
  items: z.array(
    z.object({
      metricId: z.string(),
      name: label,
      unit: z.string(),
      aggregation: z.string(),
      direction: z.string(),
      isScored: z.boolean().describe('an item of the scorecard (else a metric with a target only)'),
      weight: z.number().nullable(),
      actual: z.number().nullable(),
      previousActual: z.number().nullable(),
      target: z.number().nullable(),
      attainment: z.number().nullable(),
      score: z.number().nullable(),
      pace: paceOut.nullable(),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      occurredAt: z.string(),
      customerId: z.string().nullable(),
      customerName: z.string().nullable(),
      notes: z.string(),
      reason: z.string().nullable().describe('null: counts as a follow-up; else why not'),
    }),
  ),
});

export const personTrendsOut = z.object({
  period: periodOut,
  today: z.string(),
  rank: z.object({ team: rank, company: rank, previousTeam: rank, previousCompany: rank }),
  metrics: z.array(
    z.object({
      metricId: z.string(),
      name: label,
      unit: z.string(),
      aggregation: z.string(),
      target: z.number().nullable(),
      series: z.array(
        z.object({
          period: periodOut,
          points: z.array(z.number().nullable()).describe('the running value on day 1, 2, ... of the period'),
          atSamePoint: z.number().nullable().describe('the value reached by the same day as today'),
        }),
      ),
    }),
  ),
});

const cell = z.object({
  metricId: z.string(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  ratio: z.number().nullable(),
  status,
  gapToPace: z.number().nullable(),
  redSince: z.string().nullable().describe('red: the first day from which the pace stayed red'),
});
export const teamDashboardOut = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  period: periodOut,
  previousPeriod: periodOut,
  metrics: z.array(metricOut),
  members: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      unitId: z.string().nullable(),
      unitName: z.string(),
      total: z.number().nullable(),
      rating: z.string().nullable(),
      previousTotal: z.number().nullable(),
      teamRank: z.number().nullable(),
      cells: z.array(cell),
    }),
  ),
  redLines: z.array(cell.extend({ personId: z.string(), name: z.string() })),
  unitTargets: z.array(ownTarget),
});

const measure = {
  actual: z.number().nullable(),
  previousActual: z.number().nullable(),
  target: z.number().nullable(),
  targetSource: z.enum(['own', 'people', 'none']).describe("people: the sum of its people's targets"),
  attainment: z.number().nullable(),
  status,
  ratings: z.record(z.string(), z.number()),
};
export const companyDashboardOut = z.object({
  period: periodOut,
  previousPeriod: periodOut,
  metric: metricOut,
  company: z.object(measure),
  units: z.array(
    z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), kind: z.string(), ...measure }),
  ),
  ratingScale: z.array(z.string()),
  trend: z.object({
    year: z.string(),
    months: z.array(
      z.object({
        key: z.string(),
        actual: z.number().nullable(),
        target: z.number().nullable(),
        cumulativeActual: z.number().nullable().optional(),
        cumulativeTarget: z.number().optional(),
      }),
    ),
  }),
  funnel: z.array(z.object({ stage: z.string(), count: z.number(), amountCents: z.number() })),
  companyTargets: z.array(ownTarget),
});
