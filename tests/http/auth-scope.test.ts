import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKinds } from '../../src/domain/records/kinds.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

describe.each(dialects)('auth and data scopes on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let acme: TestCompany;
  let other: TestCompany;
  const as: Record<string, Session> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    acme = await buildTestCompany(db.deps, 'acme');
    other = await buildTestCompany(db.deps, 'other');
    app = await buildApp(db.deps);
    for (const name of ['admin', 'finance', 'rita', 'mia', 'alice', 'bob', 'carol'])
      as[name] = await logIn(app, acme.emails[name] as string);
    as.otherAdmin = await logIn(app, other.emails.admin as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: as[who]?.headers });
  const names = async (who: string, url: string) =>
    ((await get(who, url)).json().items as Array<{ name: string }>).map((c) => c.name).sort();

  it('refuses a wrong password and an unknown email alike, as problem+json', async () => {
    for (const payload of [
      { email: acme.emails.alice, password: 'wrong' },
      { email: 'nobody@acme.test', password: 'wrong' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe('email or password is wrong');
    }
  });

  it('sets an HTTP-only SameSite session cookie', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: acme.emails.bob, password: 'correct horse battery' },
    });
    const cookie = res.cookies.find((c) => c.name === 'pacer_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('needs a session or token for every API route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/customers' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a cookie write without the CSRF header, accepts it with', async () => {
    const payload = { name: '新客户', grade: 'B' };
    const cookieOnly = { cookie: as.alice?.headers.cookie as string };
    const refused = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: cookieOnly, payload });
    expect(refused.statusCode).toBe(403);
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: as.alice?.headers,
      payload,
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().record.ownerId).toBe(acme.people.ALICE);
  });

  it('a rep sees only their own customers, and another rep’s customer by URL is not found', async () => {
    expect(await names('alice', '/api/v1/customers')).toEqual(['新客户', '爱丽丝客户']);
    const res = await get('alice', `/api/v1/customers/${acme.customers['C-BOB']}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().record).toBe('customers');
  });

  it('a rep cannot give a customer to another rep or edit another rep’s customer', async () => {
    const give = await app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: as.alice?.headers,
      payload: { name: '转给鲍勃', grade: 'C', ownerId: acme.people.BOB },
    });
    expect(give.statusCode).toBe(403);
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${acme.customers['C-BOB']}`,
      headers: as.alice?.headers,
      payload: { grade: 'A' },
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().errors[0].reason).toContain('does not exist');
    expect(await names('bob', '/api/v1/customers')).toEqual(['鲍勃客户']);
  });

  it('a team manager sees their team; a region manager the teams below', async () => {
    expect(await names('mia', '/api/v1/customers')).toEqual(['新客户', '爱丽丝客户', '鲍勃客户']);
    expect(await names('rita', '/api/v1/customers')).toEqual(['卡罗尔客户', '新客户', '爱丽丝客户', '鲍勃客户']);
  });

  it('admin and finance see the whole tenant; finance cannot write customers', async () => {
    expect((await names('admin', '/api/v1/customers')).length).toBe(5);
    expect((await names('finance', '/api/v1/customers')).length).toBe(5);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: as.finance?.headers,
      payload: { name: 'x', grade: 'A' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('no one reads another tenant’s records: list excludes them, by id is 404', async () => {
    expect(await names('otherAdmin', '/api/v1/customers')).toEqual([
      '卡罗尔客户',
      '戴夫客户',
      '爱丽丝客户',
      '鲍勃客户',
    ]);
    const foreign = acme.customers['C-ALICE'];
    expect((await get('otherAdmin', `/api/v1/customers/${foreign}`)).statusCode).toBe(404);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${foreign}`,
      headers: as.otherAdmin?.headers,
      payload: { grade: 'C' },
    });
    expect(patch.statusCode).toBe(422);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${foreign}`,
      headers: as.otherAdmin?.headers,
    });
    expect(del.statusCode).toBe(404);
    expect((await get('admin', `/api/v1/customers/${foreign}`)).json().grade).toBe('A');
  });

  it('a reference to another tenant’s record does not resolve', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: as.otherAdmin?.headers,
      payload: { name: '越界联系人', customerId: acme.customers['C-ALICE'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'customerId', code: 'unknown_ref' });
  });

  it('API tokens: a rep’s token reads only the rep’s customers; a revoked token is refused', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: as.bob?.headers,
      payload: { name: 'sync' },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const list = await app.inject({ method: 'GET', url: '/api/v1/customers', headers: bearer });
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual(['鲍勃客户']);
    const alices = await app.inject({
      method: 'GET',
      url: `/api/v1/customers/${acme.customers['C-ALICE']}`,
      headers: bearer,
    });
    expect(alices.statusCode).toBe(404);
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: bearer,
      payload: { type: 'call', customerId: 'C-BOB', occurredAt: '2026-03-10T01:00:00Z', notes: '电话沟通需求' },
    });
    expect(write.statusCode).toBe(201);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${created.json().id}`,
      headers: as.bob?.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/customers', headers: bearer })).statusCode).toBe(401);
  });

  it('no token reads anything of another tenant, in any record kind', async () => {
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: as.otherAdmin?.headers,
        payload: { name: 'x' },
      })
    ).json().token;
    const bearer = { authorization: `Bearer ${token}` };
    const acmeIds: Array<[string, string]> = [];
    for (const kind of recordKinds) {
      const items = (await get('admin', `/api/v1/${kind.path}?limit=500`)).json().items as Array<{ id: string }>;
      for (const item of items) acmeIds.push([kind.path, item.id]);
      const theirs = (
        await app.inject({ method: 'GET', url: `/api/v1/${kind.path}?limit=500`, headers: bearer })
      ).json().items as Array<{ id: string }>;
      const acmeOfKind = new Set(items.map((i) => i.id));
      expect(
        theirs.filter((i) => acmeOfKind.has(i.id)),
        kind.path,
      ).toEqual([]);
    }
    expect(acmeIds.length).toBeGreaterThan(30);
    for (const [path, id] of acmeIds) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/${path}/${id}`, headers: bearer });
      expect(res.statusCode, `${path}/${id}`).toBe(404);
    }
  });

  it('logout ends the session', async () => {
    const s = await logIn(app, acme.emails.carol as string);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).json().role).toBe('rep');
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(401);
  });
});
