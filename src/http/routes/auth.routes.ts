import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFromSession, createApiToken, logIn, logOut, SESSION_DAYS } from '../../app/auth/authenticate.ts';
import type { AppDeps } from '../../app/context.ts';
import { NotFoundError } from '../../app/errors.ts';
import { findUser, listApiTokens, revokeApiToken } from '../../db/repositories/users.repository.ts';
import { actorOf, SESSION_COOKIE } from '../auth-hook.ts';
import { loginBody, meResponse, tokenBody, tokenCreated, tokenList } from './auth.schema.ts';

const tags = ['auth'];

export function authRoutes(app: FastifyInstance, deps: AppDeps, options: { secureCookies: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies };

  async function me(actor: ReturnType<typeof actorOf>, csrfToken: string | null) {
    const user = actor.userId ? await findUser(deps.db, actor.tenantId, actor.userId) : undefined;
    return {
      userId: actor.userId,
      tenantId: actor.tenantId,
      role: actor.role,
      personId: actor.personId,
      displayName: user?.displayName ?? '',
      email: user?.email ?? '',
      locale: user?.locale ?? null,
      timeZone: actor.timeZone,
      today: actor.today,
      csrfToken,
    };
  }

  r.post(
    '/api/v1/auth/login',
    { schema: { tags, body: loginBody, response: { 200: meResponse } } },
    async (request, reply) => {
      const { tokens, actor } = await logIn(deps, request.body.email, request.body.password, request.body.tenant);
      reply.setCookie(SESSION_COOKIE, tokens.sessionToken, { ...cookieOptions, maxAge: SESSION_DAYS * 86_400 });
      return me(actor, tokens.csrfToken);
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await logOut(deps, cookie);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send(null);
  });

  r.get('/api/v1/auth/me', { schema: { tags, response: { 200: meResponse } } }, async (request) => {
    const actor = actorOf(request);
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie && !request.headers.authorization ? await actorFromSession(deps, cookie) : undefined;
    return me(actor, session?.csrfToken ?? null);
  });

  r.get('/api/v1/auth/tokens', { schema: { tags, response: { 200: tokenList } } }, async (request) => {
    const actor = actorOf(request);
    return actor.userId ? listApiTokens(deps.db, actor.tenantId, actor.userId) : [];
  });

  r.post(
    '/api/v1/auth/tokens',
    { schema: { tags, body: tokenBody, response: { 201: tokenCreated } } },
    async (request, reply) => {
      const created = await createApiToken(deps, actorOf(request), request.body.name);
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/api/v1/auth/tokens/:id',
    { schema: { tags, params: z.object({ id: z.string() }), response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const ok =
        actor.userId && (await revokeApiToken(deps.db, actor.tenantId, actor.userId, request.params.id, actor.now));
      if (!ok) throw new NotFoundError('apiTokens', request.params.id);
      return reply.code(204).send(null);
    },
  );
}
