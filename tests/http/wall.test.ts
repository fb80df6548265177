import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// The incentive wall 激励墙: read-only links an admin makes and revokes, the wall a link shows
// (boards, team progress against target and pace, honour roll), by token with no login.

describe.each(dialects)('the incentive wall on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let admin: Session;
  let alice: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    admin = await logIn(app, co.emails.admin as string);
    alice = await logIn(app, co.emails.alice as string);
    const contract = (ownerId: string, customerId: string, amountCents: number, signedOn: string, status = 'active') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/contracts',
        headers: admin.headers,
        payload: { customerId, ownerId, title: `${ownerId} 合同`, amountCents, signedOn, status },
      });
    for (const res of await Promise.all([
      contract('ALICE', 'C-ALICE', 30_000_000, '2026-03-02'),
      contract('CAROL', 'C-CAROL', 10_000_000, '2026-03-05'),
      contract('DAVE', 'C-DAVE', 8_000_000, '2026-03-08'),
      contract('BOB', 'C-BOB', 50_000_000, '2026-03-09', 'cancelled'),
    ]))
      expect(res.statusCode, res.body).toBe(201);
    const targets = await app.inject({
      method: 'PUT',
      url: '/api/v1/targets',
      headers: admin.headers,
      payload: {
        targets: [
          { metricId: 'signed_amount', subject: `person:${co.people.ALICE}`, periodKey: '2026-03', value: 25_000_000 },
          { metricId: 'signed_amount', subject: `person:${co.people.CAROL}`, periodKey: '2026-03', value: 20_000_000 },
          { metricId: 'signed_amount', subject: `unit:${co.units.T1}`, periodKey: '2026-03', value: 60_000_000 },
        ],
      },
    });
    expect(targets.statusCode, targets.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const makeLink = async (payload: object, who = admin) =>
    app.inject({ method: 'POST', url: '/api/v1/wall-links', headers: who.headers, payload });
  const wall = (token: string) => app.inject({ method: 'GET', url: `/api/v1/wall/${token}` });

  it('shows the company wall to a screen holding only the token', async () => {
    const link = await makeLink({ name: '总部大屏' });
    expect(link.statusCode, link.body).toBe(201);
    const res = await wall(link.json().token);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ key: '2026-03', start: '2026-03-01', end: '2026-03-31' });
    const signed = body.boards.find((b: { metric: { id: string } }) => b.metric.id === 'signed_amount');
    // Bob's contract is cancelled; nobody with nothing signed stands on the wall.
    expect(signed.rows.map((r: { rank: number; name: string; value: number }) => [r.rank, r.name, r.value])).toEqual([
      [1, 'Alice 王', 30_000_000],
      [2, 'Carol 张', 10_000_000],
      [3, 'Dave 赵', 8_000_000],
    ]);
    // 一组's March target of 600,000 yuan over 22 working days (weekends off): 16 cents of
    // remainder go to the first 16 days, so the 7 elapsed days by 10 March expect 7 x 2,727,273.
    expect(body.teams).toEqual([
      {
        unitId: co.units.T1,
        name: '一组',
        actual: 30_000_000,
        target: 60_000_000,
        expectedToDate: 19_090_911,
        status: 'green',
      },
      { unitId: co.units.T2, name: '二组', actual: 10_000_000, target: null, expectedToDate: null, status: 'none' },
      { unitId: co.units.T3, name: '三组', actual: 8_000_000, target: null, expectedToDate: null, status: 'none' },
    ]);
    expect(body.honours.reached).toEqual([{ name: 'Alice 王', unitName: '一组', attainment: 1.2 }]);
    expect(
      body.honours.contracts.map((c: { ownerName: string; signedOn: string; amountCents: number }) => [
        c.ownerName,
        c.signedOn,
        c.amountCents,
      ]),
    ).toEqual([
      ['Dave 赵', '2026-03-08', 8_000_000],
      ['Carol 张', '2026-03-05', 10_000_000],
      ['Alice 王', '2026-03-02', 30_000_000],
    ]);
  });

  it("shows a region's wall with only that region's people, teams and contracts", async () => {
    const link = await makeLink({ name: '华东办公室', unitId: co.units.EAST });
    const body = (await wall(link.json().token)).json();
    expect(body.scope).toEqual({ unitId: co.units.EAST, name: '华东' });
    const signed = body.boards.find((b: { metric: { id: string } }) => b.metric.id === 'signed_amount');
    expect(signed.rows.map((r: { name: string }) => r.name)).toEqual(['Alice 王', 'Carol 张']);
    expect(body.teams.map((t: { name: string }) => t.name)).toEqual(['一组', '二组']);
    expect(body.honours.contracts.map((c: { ownerName: string }) => c.ownerName)).toEqual(['Carol 张', 'Alice 王']);
  });

  it('hides names on the wall for the metrics the tenant hides them for', async () => {
    const settings = await app.inject({
      method: 'PATCH',
      url: '/api/v1/tenant',
      headers: admin.headers,
      payload: { settings: { leaderboard: { mode: 'public', topN: 10, hideNamesFor: ['signed_amount'] } } },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const link = await makeLink({ name: '匿名墙' });
    const body = (await wall(link.json().token)).json();
    const signed = body.boards.find((b: { metric: { id: string } }) => b.metric.id === 'signed_amount');
    expect(signed.rows.map((r: { name: string | null }) => r.name)).toEqual([null, null, null]);
    await app.inject({
      method: 'PATCH',
      url: '/api/v1/tenant',
      headers: admin.headers,
      payload: { settings: { leaderboard: { mode: 'public', topN: 10, hideNamesFor: [] } } },
    });
  });

  it('lists links without their tokens, and a revoked link opens nothing', async () => {
    const link = await makeLink({ name: '待撤销' });
    const token = link.json().token as string;
    const list = await app.inject({ method: 'GET', url: '/api/v1/wall-links', headers: admin.headers });
    const listed = list.json().find((l: { id: string }) => l.id === link.json().id);
    expect(listed).toMatchObject({ name: '待撤销', revokedAt: null });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/wall-links/${link.json().id}`,
      headers: admin.headers,
    });
    expect(revoked.json().revokedAt).toBe('2026-03-10T02:00:00.000Z');
    const res = await wall(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toContain('revoked');
    expect((await wall('pw_not-a-real-token-at-all')).statusCode).toBe(401);
  });

  it('refuses a rep, and a link to a unit that does not exist, naming the field', async () => {
    expect((await makeLink({ name: '我的墙' }, alice)).statusCode).toBe(403);
    const bad = await makeLink({ name: '错误', unitId: 'no-such-unit' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'unitId', code: 'unknown_ref' });
  });
});
