import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app/context.ts';
import { seedDemoPerformance } from '../../src/app/demo/seed-performance.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/seed-demo.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { DIST, SEED_TODAY } from './support/server.ts';

// Two `pacer serve` processes on one PostgreSQL, behind one address: a small proxy sends reads
// (the page, its data, its live stream) to process A and writes to process B. A contract written
// through B must appear on the wall page served by A, without a reload: the change travels from
// B to A by PostgreSQL LISTEN/NOTIFY.

const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl)
  throw new Error('CI must set TEST_DATABASE_URL: this suite may not be skipped');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

function serve(port: number, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--no-seed'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'warn', PACER_WEB_DIST: DIST },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) {
          clearInterval(poll);
          resolve(child);
        }
      } catch {
        if (child.exitCode !== null || Date.now() - started > 60_000) {
          clearInterval(poll);
          reject(new Error(`pacer serve on ${port} did not start: ${output}`));
        }
      }
    }, 250);
  });
}

/** One address in front of both: reads go to A, writes to B. */
function proxy(readPort: number, writePort: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const port = req.method === 'GET' || req.method === 'HEAD' ? readPort : writePort;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': String(port) });
        answer.pipe(res);
        // An upstream that dies mid-stream ends the downstream too, as a real proxy does.
        answer.on('close', () => {
          if (!answer.complete) res.destroy();
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.runIf(pgUrl)('live updates across two server processes on PostgreSQL', () => {
  const name = `pacer_e2e_${Date.now().toString(36)}`;
  let databaseUrl = '';
  let a: ChildProcess | undefined;
  let b: ChildProcess | undefined;
  let front: http.Server | undefined;
  let base = '';
  let portA = 0;
  let browser: Browser;

  beforeAll(async () => {
    const admin = openDatabase({ dialect: 'postgres', url: pgUrl as string, poolSize: 1 });
    await sql`create database ${sql.id(name)}`.execute(admin.db);
    await admin.destroy();
    const url = new URL(pgUrl as string);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const handle = openDatabase({ dialect: 'postgres', url: databaseUrl, poolSize: 4 });
    await migrateToLatest(handle.db);
    const { tenantId } = await seedDemo(handle.db, { today: SEED_TODAY });
    await seedDemoPerformance({ db: handle.db, dialect: 'postgres', clock: systemClock }, tenantId, SEED_TODAY);
    await handle.destroy();
    portA = await freePort();
    const portB = await freePort();
    [a, b] = await Promise.all([serve(portA, databaseUrl), serve(portB, databaseUrl)]);
    front = await proxy(portA, portB);
    base = `http://127.0.0.1:${(front.address() as net.AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    front?.close();
    for (const child of [a, b]) child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    const cleanup = openDatabase({ dialect: 'postgres', url: pgUrl as string, poolSize: 1 });
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup.db);
    await cleanup.destroy();
  });

  it('a contract written through process B shows on the wall page served by process A, without a reload, also after A restarts', async () => {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pacer.demo', password: 'pacer-demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const call = async (method: string, path: string, body?: object) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const link = (await call('POST', '/api/v1/wall-links', { name: '双进程测试大屏' })) as { token: string };
    const people = (await call('GET', '/api/v1/people?limit=3')) as { items: Array<{ id: string }> };
    const ownerId = people.items[0]?.id;

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const servedBy = new Set<string>();
    page.on('response', (r) => {
      const by = r.headers()['x-served-by'];
      if (by) servedBy.add(by);
    });
    await page.goto(`${base}/wall/${link.token}`);
    await page.locator('[data-testid=wall-live][data-status=live]').waitFor();
    await page.evaluate(() => Object.assign(window, { wallMark: 'no reload' }));

    const customer = (await call('POST', '/api/v1/customers', { name: '双进程客户', grade: 'B', ownerId })) as {
      record: { id: string };
    };
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await call('POST', '/api/v1/contracts', {
      customerId: customer.record.id,
      ownerId,
      title: '双进程合同',
      amountCents: 98_765_400,
      signedOn: today,
    });
    await page.getByText('签下 双进程客户').waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { wallMark?: string }).wallMark)).toBe('no reload');
    // The page and its stream came only from A; the writes went only to B.
    expect([...servedBy]).toHaveLength(1);
    await screenshot(page, 'zh-CN-wall-two-processes');

    // The screen runs unattended: when the process serving it restarts, it reconnects by itself.
    const stopped = new Promise((r) => a?.once('exit', r));
    a?.kill('SIGTERM');
    await stopped;
    await page.locator('[data-testid=wall-live][data-status=offline]').waitFor();
    a = await serve(portA, databaseUrl);
    await page.locator('[data-testid=wall-live][data-status=live]').waitFor({ timeout: 20_000 });
    const later = (await call('POST', '/api/v1/customers', { name: '重连后客户', grade: 'A', ownerId })) as {
      record: { id: string };
    };
    await call('POST', '/api/v1/contracts', {
      customerId: later.record.id,
      ownerId,
      title: '重连后合同',
      amountCents: 55_500_000,
      signedOn: today,
    });
    await page.getByText('签下 重连后客户').waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { wallMark?: string }).wallMark)).toBe('no reload');
    await context.close();
  });
});
