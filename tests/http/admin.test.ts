import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

describe.each(dialects)('admin settings on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let admin: Session;
  let rep: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    admin = await logIn(app, co.emails.admin as string);
    rep = await logIn(app, co.emails.alice as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (who: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('an admin creates an account, changes its role and disables it; the account logs in until disabled', async () => {
    const created = await call(admin, 'POST', '/api/v1/users', {
      email: 'New.Rep@acme.test',
      password: 'long enough',
      role: 'rep',
      displayName: '新人',
      personId: co.people.DAVE,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: 'new.rep@acme.test',
      role: 'rep',
      isDisabled: false,
      personId: co.people.DAVE,
    });
    const session = await logIn(app, 'new.rep@acme.test', 'long enough');
    const promoted = await call(admin, 'PATCH', `/api/v1/users/${created.json().id}`, { role: 'manager' });
    expect(promoted.json().role).toBe('manager');
    await call(admin, 'PATCH', `/api/v1/users/${created.json().id}`, { isDisabled: true });
    expect((await call(session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'new.rep@acme.test', password: 'long enough' },
    });
    expect(login.statusCode).toBe(401);
    const audit = await call(admin, 'GET', `/api/v1/audit-log?recordKind=users&recordId=${created.json().id}`);
    expect(audit.json().items).toHaveLength(3);
    expect(audit.json().items[0].afterJson).not.toContain('argon2');
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough', role: 'rep', displayName: 'x' }, 'email', 'format'],
    [{ email: 'alice@acme.test', password: 'long enough', role: 'rep', displayName: 'x' }, 'email', 'conflict'],
    [{ email: 'short@acme.test', password: 'short', role: 'rep', displayName: 'x' }, 'password', 'length'],
    [
      { email: 'p@acme.test', password: 'long enough', role: 'rep', displayName: 'x', personId: 'nobody' },
      'personId',
      'unknown_ref',
    ],
  ])('refuses %j', async (payload, field, code) => {
    const res = await call(admin, 'POST', '/api/v1/users', payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field, code });
  });

  it('only admins manage accounts and settings', async () => {
    expect((await call(rep, 'GET', '/api/v1/users')).statusCode).toBe(403);
    expect((await call(rep, 'PATCH', '/api/v1/tenant', { name: 'x' })).statusCode).toBe(403);
    expect((await call(rep, 'GET', '/api/v1/tenant')).json().timeZone).toBe('Asia/Shanghai');
  });

  it('an admin cannot lock themselves out', async () => {
    const me = (await call(admin, 'GET', '/api/v1/auth/me')).json();
    const res = await call(admin, 'PATCH', `/api/v1/users/${me.userId}`, { role: 'rep' });
    expect(res.statusCode).toBe(422);
  });

  it('validates tenant settings and keeps them', async () => {
    const bad = await call(admin, 'PATCH', '/api/v1/tenant', {
      timeZone: 'Mars/Base',
      settings: { pace: { green: 0.8 } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['timeZone', 'settings.pace']);
    const ok = await call(admin, 'PATCH', '/api/v1/tenant', {
      fiscalYearStartMonth: 4,
      settings: { gradeWeights: { A: 1.5 }, minNotesLength: 3 },
    });
    expect(ok.json()).toMatchObject({
      fiscalYearStartMonth: 4,
      settings: { gradeWeights: { A: 1.5, B: 1, C: 0.6 }, minNotesLength: 3 },
    });
  });

  it('a new time zone re-dates activities', async () => {
    const created = await call(admin, 'POST', '/api/v1/activities', {
      personId: co.people.ALICE,
      customerId: 'C-ALICE',
      type: 'call',
      occurredAt: '2026-03-09T20:00:00Z',
      notes: '晚间电话沟通',
    });
    expect(created.json().record.occurredOn).toBe('2026-03-10');
    await call(admin, 'PATCH', '/api/v1/tenant', { timeZone: 'Europe/London' });
    const again = await call(admin, 'GET', `/api/v1/activities/${created.json().record.id}`);
    expect(again.json().occurredOn).toBe('2026-03-09');
    await call(admin, 'PATCH', '/api/v1/tenant', { timeZone: 'Asia/Shanghai' });
  });

  it('loads the Chinese holiday calendar of a year, idempotently', async () => {
    const first = await call(admin, 'POST', '/api/v1/calendar-days/load-cn', { year: 2025 });
    expect(first.json()).toMatchObject({ year: 2025, isProvisional: false, updated: 0, unchanged: 0 });
    expect(first.json().created).toBeGreaterThan(25);
    const second = await call(admin, 'POST', '/api/v1/calendar-days/load-cn', { year: 2025 });
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: first.json().created });
    const oct11 = await call(admin, 'GET', '/api/v1/calendar-days?date=2025-10-11');
    expect(oct11.json().items[0]).toMatchObject({ kind: 'workday' });
    const unknown = await call(admin, 'POST', '/api/v1/calendar-days/load-cn', { year: 2031 });
    expect(unknown.statusCode).toBe(422);
  });

  it('marks why an activity does not count', async () => {
    const post = (payload: object) =>
      call(admin, 'POST', '/api/v1/activities', { personId: co.people.BOB, type: 'visit', ...payload });
    const first = await post({ customerId: 'C-BOB', occurredAt: '2026-03-05T02:00:00Z', notes: '上门拜访客户' });
    const dup = await post({ customerId: 'C-BOB', occurredAt: '2026-03-05T06:00:00Z', notes: '下午再次拜访' });
    const short = await post({ customerId: 'C-BOB', occurredAt: '2026-03-06T02:00:00Z', notes: '好' });
    const none = await post({ occurredAt: '2026-03-07T02:00:00Z', notes: '没有关联客户的拜访' });
    const list = await call(admin, 'GET', `/api/v1/activities?personId=${co.people.BOB}&sort=occurredAt`);
    const reason = Object.fromEntries(
      list.json().items.map((a: { id: string; invalidReason: string | null }) => [a.id, a.invalidReason]),
    );
    expect([first, dup, short, none].map((r) => reason[r.json().record.id])).toEqual([
      null,
      'duplicate',
      'short_notes',
      'no_customer',
    ]);
    // The minimum is 3 characters now (changed above); '好' is 1.
    expect((await call(admin, 'GET', `/api/v1/activities/${short.json().record.id}`)).json().invalidReason).toBe(
      'short_notes',
    );
  });
});
