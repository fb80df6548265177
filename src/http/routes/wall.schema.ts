import { z } from 'zod';

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const pace = z.enum(['green', 'yellow', 'red', 'none']);

export const wallLinkOut = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable().describe('when a screen last loaded the wall'),
});
export const wallLinkCreated = wallLinkOut.extend({
  token: z.string().describe('shown once: open /wall/<token> on the office screen'),
});
export const wallLinkBody = z.object({
  name: z.string().min(1).max(100).describe('e.g. 华东大区办公室电视'),
  unitId: z.string().max(60).nullable().optional().describe('show one unit (and below); the whole company when empty'),
});

export const wallOut = z.object({
  tenantToday: z.string(),
  period: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  scope: z.object({ unitId: z.string().nullable(), name: z.string().nullable() }),
  linkName: z.string(),
  boards: z.array(
    z.object({
      metric: z.object({ id: z.string(), name: localized, unit: z.string(), direction: z.enum(['higher', 'lower']) }),
      rows: z.array(
        z.object({
          rank: z.number(),
          change: z.enum(['up', 'down', 'same', 'new']).nullable(),
          name: z.string().nullable().describe('null where the tenant hides names for this metric'),
          unitName: z.string().nullable(),
          value: z.number().nullable(),
        }),
      ),
    }),
  ),
  teams: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      actual: z.number().nullable(),
      target: z.number().nullable(),
      expectedToDate: z.number().nullable(),
      status: pace,
    }),
  ),
  honours: z.object({
    reached: z.array(z.object({ name: z.string(), unitName: z.string().nullable(), attainment: z.number() })),
    contracts: z.array(
      z.object({
        id: z.string(),
        signedOn: z.string(),
        amountCents: z.number(),
        ownerName: z.string(),
        customerName: z.string(),
      }),
    ),
  }),
});
