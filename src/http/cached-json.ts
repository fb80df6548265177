import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Actor, AppDeps } from '../app/context.ts';
import { cachedRead } from '../app/live/live.ts';

/** What a response may depend on about its viewer: their role, person and the units they head. */
export function viewerKey(actor: Actor): string {
  if (actor.role === 'admin' || actor.role === 'finance') return `all|${actor.today}`;
  return `${actor.role}|${actor.personId ?? ''}|${actor.managedUnitPaths.join(',')}|${actor.today}`;
}

/**
 * A hot read (a leaderboard, a team view, the wall) served as the JSON text made the first time it
 * was asked since the tenant last changed: checked against the route's response schema once, then
 * sent as is to every viewer with the same view, without recomputing or re-serialising.
 */
export async function sendCachedJson<S extends z.ZodType>(
  reply: FastifyReply,
  deps: AppDeps,
  input: { tenantId: string; key: string; schema: S; compute: () => Promise<z.input<S>> },
) {
  const json = await cachedRead(deps, input.tenantId, `json|${input.key}`, async () =>
    JSON.stringify(input.schema.parse(await input.compute())),
  );
  return reply.type('application/json; charset=utf-8').send(json);
}
