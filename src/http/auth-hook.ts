import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFromApiToken, actorFromSession } from '../app/auth/authenticate.ts';
import type { Actor, AppDeps } from '../app/context.ts';
import { ForbiddenError, UnauthorizedError } from '../app/errors.ts';

export const SESSION_COOKIE = 'pacer_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actorOrNull: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The wall's own routes check its link token (an office screen has no login).
const PUBLIC = [
  /^\/api\/v1\/wall\//,
  /^\/api\/v1\/auth\/login$/,
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/docs/,
];

/** The acting user of a request; routes call it, so no route can forget authentication. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actorOrNull) throw new UnauthorizedError('log in or send an API token');
  return request.actorOrNull;
}

/**
 * Authenticates every /api request: a Bearer API token, or the session cookie. Cookie-authenticated
 * writes must echo the session's CSRF token in a header, which another site cannot read or forge.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actorOrNull', null);
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || PUBLIC.some((re) => re.test(path))) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await actorFromApiToken(deps, header.slice(7).trim());
      if (!actor) throw new UnauthorizedError('the API token is unknown or revoked');
      request.actorOrNull = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) throw new UnauthorizedError('log in or send an API token');
    const session = await actorFromSession(deps, cookie);
    if (!session) throw new UnauthorizedError('the session has expired; log in again');
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken)
      throw new ForbiddenError(`a write with a session cookie needs the ${CSRF_HEADER} header from /api/v1/auth/me`);
    request.actorOrNull = session.actor;
  });
}
