import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { ForbiddenError } from '../../app/errors.ts';
import { actorOf } from '../auth-hook.ts';
import { streamTenantChanges } from '../sse.ts';

/**
 * `GET /api/v1/live`: server-sent events telling an open page that its tenant's numbers changed,
 * so it refetches what it shows. The events carry no data a page could not read anyway.
 */
export function liveRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/api/v1/live',
    {
      schema: {
        tags: ['live'],
        summary: 'Server-sent events: `change` when a write changed the tenant (topics: records, targets, ...)',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!deps.live) throw new Error('live updates need the live hub (buildApp creates it)');
      streamTenantChanges(request, reply, deps.live.hub, actor.tenantId);
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/live/stats',
    {
      schema: {
        tags: ['live'],
        summary: 'Open live streams and listeners in this server process (admin)',
        response: { 200: z.object({ listeners: z.number() }) },
      },
    },
    async (request) => {
      if (actorOf(request).role !== 'admin') throw new ForbiddenError('only an admin sees the live statistics');
      return { listeners: deps.live?.hub.listenerCount ?? 0 };
    },
  );
}
