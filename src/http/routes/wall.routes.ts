import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { wallActor, wallBoard } from '../../app/wall/wall-board.ts';
import { createLink, linkOfToken, listLinks, revokeLink } from '../../app/wall/wall-links.ts';
import { actorOf } from '../auth-hook.ts';
import { sendCachedJson } from '../cached-json.ts';
import { streamTenantChanges } from '../sse.ts';
import { wallLinkBody, wallLinkCreated, wallLinkOut, wallOut } from './wall.schema.ts';

const tags = ['wall'];
const tokenParams = z.object({ token: z.string().min(10).max(100) });

/**
 * 激励墙: admins manage read-only links; an office screen opens /wall/<token> with no login and
 * reads the wall and its live stream by the token alone (the auth hook lets /api/v1/wall/ through).
 */
export function wallRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/wall-links', { schema: { tags, response: { 200: z.array(wallLinkOut) } } }, async (request) =>
    listLinks(deps, actorOf(request)),
  );
  r.post(
    '/api/v1/wall-links',
    { schema: { tags, summary: 'Make a read-only wall link', body: wallLinkBody, response: { 201: wallLinkCreated } } },
    async (request, reply) => reply.status(201).send(await createLink(deps, actorOf(request), request.body)),
  );
  r.delete(
    '/api/v1/wall-links/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a wall link',
        params: z.object({ id: z.string() }),
        response: { 200: wallLinkOut },
      },
    },
    async (request) => revokeLink(deps, actorOf(request), request.params.id),
  );
  r.get(
    '/api/v1/wall/:token',
    {
      schema: {
        tags,
        summary: 'The wall of a link (no login: the token is the key)',
        params: tokenParams,
        response: { 200: wallOut },
      },
    },
    async (request, reply) => {
      const link = await linkOfToken(deps, request.params.token);
      const actor = await wallActor(deps, link);
      return sendCachedJson(reply, deps, {
        tenantId: link.tenantId,
        key: `wall|${link.id}|${actor.today}`,
        schema: wallOut,
        compute: () => wallBoard(deps, link, actor),
      });
    },
  );
  r.get(
    '/api/v1/wall/:token/live',
    {
      schema: {
        tags,
        summary: 'Server-sent events: `change` when the wall should refetch',
        params: tokenParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const link = await linkOfToken(deps, request.params.token);
      if (!deps.live) throw new Error('live updates need the live hub (buildApp creates it)');
      streamTenantChanges(request, reply, deps.live.hub, link.tenantId);
    },
  );
}
