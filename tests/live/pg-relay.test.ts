import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHub, type TenantChange } from '../../src/app/live/live-hub.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

// Two hubs on one PostgreSQL stand for two server processes: a change published by one reaches the
// other through LISTEN/NOTIFY, and neither hears its own change twice. (The browser test
// tests/e2e/live-two-processes.e2e.test.ts proves the same with two real `pacer serve` processes.)
describe.runIf(dialects.includes('postgres'))('the live hub across processes on PostgreSQL', () => {
  let db: TestDatabase;
  const a = new LiveHub();
  const b = new LiveHub();

  beforeAll(async () => {
    db = await createTestDatabase('postgres', fixedClock('2026-03-10T02:00:00Z'));
    const url = new URL(pgUrl as string);
    url.pathname = `/${(await db.handle.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow()).name}`;
    await a.listenAcrossProcesses(db.handle.db, url.toString());
    await b.listenAcrossProcesses(db.handle.db, url.toString());
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db?.drop();
  });

  it('relays a change to the other process once, and not back to its own', async () => {
    const heardByA: TenantChange[] = [];
    const heardByB: TenantChange[] = [];
    a.subscribe((c) => heardByA.push(c));
    const arrived = new Promise<TenantChange>((resolve) =>
      b.subscribe((c) => {
        heardByB.push(c);
        resolve(c);
      }),
    );
    const change = { tenantId: 't1', topics: ['activities'], at: '2026-03-10T02:00:00.000Z' };
    a.publish(change);
    expect(await arrived).toEqual(change);
    // A second change from B: A hears it; by then A's own first change would have come back too.
    const back = new Promise<void>((resolve) => a.subscribe(() => resolve()));
    b.publish({ ...change, topics: ['targets'] });
    await back;
    expect(heardByA.map((c) => c.topics[0])).toEqual(['activities', 'targets']);
    expect(heardByB.map((c) => c.topics[0])).toEqual(['activities', 'targets']);
  });
});
