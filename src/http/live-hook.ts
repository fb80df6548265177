import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app/context.ts';
import { publishChange } from '../app/live/live.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writes that change no number anyone watches.
// (A token made or revoked is a change: it empties the identity caches of every process.)
const QUIET = [/^\/api\/v1\/auth\/(login|logout)$/, /\/dry-run$/, /[?&]dryRun=true/, /\/preview$/, /\/trial$/];

/**
 * Every successful write through the API is a change of its tenant: published before the
 * response leaves (onSend), so the writer's next read already misses the emptied cache, and live
 * pages (this process and, on PostgreSQL, the others) refetch.
 */
export function registerChangePublishing(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (READS.has(request.method) || reply.statusCode >= 400) return payload;
    const actor = request.actorOrNull;
    if (!actor || QUIET.some((re) => re.test(request.url))) return payload;
    const area = request.url.split('?')[0]?.split('/')[3] ?? 'records';
    publishChange(deps, actor.tenantId, [area]);
    return payload;
  });
}
