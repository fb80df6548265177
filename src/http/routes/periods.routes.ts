import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { closePeriod, periodStatus, recalculatePeriod, reopenPeriod } from '../../app/scoring/close-period.ts';
import { actorOf } from '../auth-hook.ts';

const tags = ['periods'];
const params = z.object({ key: z.string().max(40).describe('a period key, e.g. 2025-03 or FY2025-Q1') });
const body = z.object({ reason: z.string().max(1000).optional() });
const statusOut = z.object({
  periodKey: z.string(),
  status: z.enum(['open', 'closed', 'reopened']),
  revision: z.number(),
  at: z.string().nullable(),
  reason: z.string().nullable(),
  scorecards: z.number().optional().describe('scorecards frozen by this revision'),
});

/** Period close 结算: close, reopen and recalculate, each audit-logged; earlier snapshots stay. */
export function periodRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/periods/:key', { schema: { tags, params, response: { 200: statusOut } } }, async (request) =>
    periodStatus(deps, actorOf(request), request.params.key),
  );
  r.post(
    '/api/v1/periods/:key/close',
    {
      schema: {
        tags,
        summary: 'Freeze the period: values, targets, scores and ratings',
        params,
        body,
        response: { 200: statusOut },
      },
    },
    async (request) => closePeriod(deps, actorOf(request), request.params.key, request.body.reason),
  );
  r.post(
    '/api/v1/periods/:key/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed period (a reason is required)',
        params,
        body,
        response: { 200: statusOut },
      },
    },
    async (request) => reopenPeriod(deps, actorOf(request), request.params.key, request.body.reason),
  );
  r.post(
    '/api/v1/periods/:key/recalculate',
    {
      schema: {
        tags,
        summary: 'Freeze a closed period again from today’s records (a reason is required; the earlier snapshot stays)',
        params,
        body,
        response: { 200: statusOut },
      },
    },
    async (request) => recalculatePeriod(deps, actorOf(request), request.params.key, request.body.reason),
  );
}
