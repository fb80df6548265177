import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

// Serves the built web app (dist/web). Vite names assets by content hash, so they may be cached
// for a year; index.html must be re-checked each time so a new build is picked up. Any GET that
// is neither /api nor a file is a client-side route: it gets index.html (the SPA fallback).

const YEAR_SECONDS = 365 * 24 * 3600;

export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'the web app is not built (run npm run build); serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes(`${join(distDir, 'assets')}`) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
      );
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  app.get('/', (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api') return reply.callNotFound();
    // A missing hashed asset is a 404, not the app (a stale tab after a deploy must fail loudly).
    if (path.startsWith('/assets/')) return reply.callNotFound();
    return sendIndex(reply);
  });
}
