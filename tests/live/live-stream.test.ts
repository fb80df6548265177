import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

type Event = { event: string; data: { topics?: string[] } };

/** Opens GET /api/v1/live and hands back each event as it arrives. */
async function openStream(url: string, session: Session) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/v1/live`, { headers: session.headers, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<Event> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) return { event, data: JSON.parse(data) };
        continue; // a comment (heartbeat) or the retry line
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { next, close: () => controller.abort() };
}

describe.each(dialects)('live updates on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let acme: TestCompany;
  let alice: Session;
  let globexAdmin: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    acme = await buildTestCompany(db.deps);
    const globex = await buildTestCompany(db.deps, 'globex');
    app = await buildApp(db.deps);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    alice = await logIn(app, acme.emails.alice as string);
    globexAdmin = await logIn(app, globex.emails.admin as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it("tells an open page of its own tenant's writes, not another tenant's, and not of refused writes", async () => {
    const stream = await openStream(url, alice);
    expect((await stream.next()).event).toBe('ready');
    const post = (who: Session, path: string, payload: object) =>
      app.inject({ method: 'POST', url: path, headers: who.headers, payload });
    expect(
      (await post(globexAdmin, '/api/v1/customers', { name: '别家客户', grade: 'B', ownerId: 'ALICE' })).statusCode,
    ).toBe(201);
    const refused = await post(alice, '/api/v1/activities', { type: 'visit', occurredAt: 'yesterday' });
    expect(refused.statusCode).toBe(422);
    const ok = await post(alice, '/api/v1/activities', {
      customerId: 'C-ALICE',
      type: 'visit',
      occurredAt: '2026-03-09T16:30:00Z',
      durationMin: 30,
      notes: '上门拜访，确认需求',
    });
    expect(ok.statusCode).toBe(201);
    // The first event this page hears is Acme's activity: Globex's customer and the refusal sent nothing.
    expect(await stream.next()).toEqual({
      event: 'change',
      data: { topics: ['activities'], at: '2026-03-10T02:00:00.000Z' },
    });
    stream.close();
  });

  it('leaves no listener behind when a page closes its stream', async () => {
    const admin = await logIn(app, acme.emails.admin as string);
    const counts = await countListeners(url, admin);
    expect(counts.during).toBe(counts.after + 1);
  });
});

/** Opens a stream and closes it, reporting the listener count while open and after closing. */
async function countListeners(url: string, session: Session) {
  const probe = async () => {
    const res = await fetch(`${url}/api/v1/live/stats`, { headers: session.headers });
    return ((await res.json()) as { listeners: number }).listeners;
  };
  const stream = await openStream(url, session);
  await stream.next();
  const during = await probe();
  stream.close();
  let after = await probe();
  for (let i = 0; i < 50 && after >= during; i++) {
    await new Promise((r) => setTimeout(r, 20));
    after = await probe();
  }
  return { during, after };
}
