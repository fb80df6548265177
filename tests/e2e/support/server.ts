import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { systemClock } from '../../../src/app/context.ts';
import { seedDemoPerformance } from '../../../src/app/demo/seed-performance.ts';
import { openDatabase } from '../../../src/db/database.ts';
import { migrateToLatest } from '../../../src/db/migrate.ts';
import { seedDemo } from '../../../src/db/seed/seed-demo.ts';
import { buildApp } from '../../../src/http/build-app.ts';

export const SEED_TODAY = '2026-11-20';
export const DIST = resolve(process.env.PACER_WEB_DIST ?? 'dist/web');

export type E2eServer = { url: string; api: FastifyInstance; close: () => Promise<void> };

/**
 * The real API on a fresh SQLite file seeded with the demo company, and the built web app, on a
 * random port, served together exactly as `npm start` serves them.
 */
export async function startServer(): Promise<E2eServer> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/web is missing: run npm run build before npm run test:e2e');
  const dir = mkdtempSync(join(tmpdir(), 'pacer-e2e-'));
  const handle = openDatabase({ dialect: 'sqlite', file: join(dir, 'pacer.sqlite') });
  await migrateToLatest(handle.db);
  const { tenantId } = await seedDemo(handle.db, { today: SEED_TODAY });
  // Schemes and monthly targets, as `pacer seed-demo` makes them, so scorecards and pace have data.
  await seedDemoPerformance({ db: handle.db, dialect: 'sqlite', clock: systemClock }, tenantId, SEED_TODAY);
  const api = await buildApp({ db: handle.db, dialect: 'sqlite', clock: systemClock }, { webDistDir: DIST });
  const address = await api.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    api,
    close: async () => {
      await api.close();
      await handle.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A session on the API directly, to look up test data (never to drive what the test checks). */
export async function apiSession(api: FastifyInstance, email: string) {
  const res = await api.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'pacer-demo' },
  });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
  const me = res.json() as { personId: string; csrfToken: string };
  return {
    me,
    get: async <T>(url: string): Promise<T> =>
      (await api.inject({ method: 'GET', url, headers: { cookie } })).json() as T,
    getText: async (url: string): Promise<string> =>
      (await api.inject({ method: 'GET', url, headers: { cookie } })).body,
    /** A write through the API (what another user or an integration would do). */
    send: async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const res = await api.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': me.csrfToken },
        ...(payload ? { payload } : {}),
      });
      if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as unknown;
    },
  };
}

/** Whether the API accepts this email and password (an account's state seen from outside). */
export async function canLogIn(api: FastifyInstance, email: string, password: string): Promise<boolean> {
  const res = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return res.statusCode === 200;
}
