import { z } from 'zod';

const role = z.enum(['admin', 'manager', 'rep', 'finance']);

export const userOut = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  personId: z.string().nullable(),
  displayName: z.string(),
  locale: z.string().nullable(),
  isDisabled: z.boolean(),
  createdAt: z.string(),
});
export const userCreate = z.strictObject({
  email: z.string().max(200),
  password: z.string().max(200).describe('at least 8 characters'),
  role,
  displayName: z.string().max(100),
  personId: z.string().nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).nullable().optional(),
});
export const userPatch = z.strictObject({
  email: z.string().max(200).optional(),
  password: z.string().max(200).optional(),
  role: role.optional(),
  displayName: z.string().max(100).optional(),
  personId: z.string().nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).nullable().optional(),
  isDisabled: z.boolean().optional(),
});

const settings = z.object({
  gradeWeights: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  minNotesLength: z.number(),
  effectiveVisitMinutes: z.number(),
  pace: z.object({ green: z.number(), yellow: z.number() }),
  leaderboard: z.object({ mode: z.enum(['public', 'top']), topN: z.number(), hideNamesFor: z.array(z.string()) }),
});
export const tenantOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  fiscalYearStartMonth: z.number(),
  currency: z.string(),
  settings,
});
export const tenantPatch = z.strictObject({
  name: z.string().max(200).optional(),
  timeZone: z.string().max(100).optional().describe('IANA time zone, e.g. Asia/Shanghai'),
  fiscalYearStartMonth: z.number().int().optional(),
  settings: z
    .strictObject({
      gradeWeights: z
        .strictObject({ A: z.number().optional(), B: z.number().optional(), C: z.number().optional() })
        .optional(),
      minNotesLength: z.number().int().optional(),
      effectiveVisitMinutes: z.number().int().optional(),
      pace: z.strictObject({ green: z.number().optional(), yellow: z.number().optional() }).optional(),
      leaderboard: z
        .strictObject({
          mode: z
            .enum(['public', 'top'])
            .optional()
            .describe("'public' 数据公开, or 'top': reps see the top N and their own row"),
          topN: z.number().int().optional(),
          hideNamesFor: z
            .array(z.string().max(100))
            .max(200)
            .optional()
            .describe("metric ids (or 'score') whose names are hidden"),
        })
        .optional(),
    })
    .optional(),
});
export const loadHolidaysBody = z.object({ year: z.number().int().min(2000).max(2100) });
export const loadHolidaysOut = z.object({
  year: z.number(),
  isProvisional: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
