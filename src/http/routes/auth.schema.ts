import { z } from 'zod';

export const loginBody = z.object({
  email: z.string().min(3).max(200),
  password: z.string().min(1).max(200),
  tenant: z.string().max(100).optional().describe('tenant slug, needed only when the email exists in several tenants'),
});

export const meResponse = z.object({
  userId: z.string().nullable(),
  tenantId: z.string(),
  role: z.enum(['admin', 'manager', 'rep', 'finance']),
  personId: z.string().nullable(),
  displayName: z.string(),
  email: z.string(),
  locale: z.string().nullable(),
  timeZone: z.string(),
  today: z.string(),
  csrfToken: z
    .string()
    .nullable()
    .describe('echo it in the x-csrf-token header on writes made with the session cookie'),
});

export const tokenBody = z.object({ name: z.string().min(1).max(100) });
export const tokenCreated = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().describe('shown once; store it safely'),
});
export const tokenList = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  }),
);
