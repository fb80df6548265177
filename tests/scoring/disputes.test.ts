import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

describe.each(dialects)('disputes and scheme feedback on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  const as: Record<string, Session> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    for (const who of ['admin', 'mia', 'alice', 'bob']) as[who] = await logIn(app, co.emails[who] as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: as[who]?.headers, ...(payload ? { payload } : {}) });

  it('a rep raises a dispute naming records; it goes to their team head, due in 7 days', async () => {
    const res = await call('alice', 'POST', '/api/v1/disputes', {
      metricId: 'follow_ups',
      periodKey: '2026-03',
      recordRefs: 'A1, A2',
      description: '3月5日的拜访被判为重复，其实是两个不同的联系人',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().record).toMatchObject({
      personId: co.people.ALICE,
      ownerId: co.people.MIA,
      deadlineOn: '2026-03-17',
      status: 'open',
    });
  });

  it('only the owner or an admin decides it, with an outcome; other reps do not see it', async () => {
    const [dispute] = (await call('alice', 'GET', '/api/v1/disputes')).json().items;
    const self = await call('alice', 'PATCH', `/api/v1/disputes/${dispute.id}`, {
      status: 'accepted',
      outcome: '我说了算',
    });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0]).toMatchObject({ field: 'status', code: 'rule' });
    expect((await call('bob', 'GET', `/api/v1/disputes/${dispute.id}`)).statusCode).toBe(404);
    const bare = await call('mia', 'PATCH', `/api/v1/disputes/${dispute.id}`, { status: 'accepted' });
    expect(bare.json().errors[0]).toMatchObject({ field: 'outcome', code: 'required' });
    const decided = await call('mia', 'PATCH', `/api/v1/disputes/${dispute.id}`, {
      status: 'accepted',
      outcome: '核实为两位联系人，重复判定撤销',
    });
    expect(decided.json().record).toMatchObject({ status: 'accepted' });
    const audit = (
      await call('admin', 'GET', `/api/v1/audit-log?recordKind=disputes&recordId=${dispute.id}&sort=at`)
    ).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
  });

  it('reps rate and comment on the items of a scheme version; the director reads them all', async () => {
    const position = await call('admin', 'POST', '/api/v1/positions', { code: 'hunter', name: '新客开发' });
    const scheme = await call('admin', 'POST', '/api/v1/schemes', {
      positionId: position.json().record.id,
      name: '新客开发考核',
    });
    const version = await call('admin', 'POST', `/api/v1/schemes/${scheme.json().id}/versions`, {
      effectiveFrom: '2026-04-01',
      items: [
        { metricId: 'signed_amount', weight: 70, role: 'primary', mode: 'linear' },
        { metricId: 'follow_ups', weight: 30, role: 'auxiliary', mode: 'linear' },
      ],
    });
    const versionId = version.json().id;
    for (const [who, rating] of [
      ['alice', 2],
      ['bob', 4],
    ] as const)
      expect(
        (
          await call(who, 'POST', '/api/v1/scheme-feedback', {
            schemeVersionId: versionId,
            metricId: 'follow_ups',
            rating,
            comment: `${who}的意见`,
          })
        ).statusCode,
      ).toBe(201);
    const bad = await call('alice', 'POST', '/api/v1/scheme-feedback', {
      schemeVersionId: versionId,
      metricId: 'follow_ups',
      rating: 6,
    });
    expect(bad.json().errors[0]).toMatchObject({ field: 'rating', code: 'range' });
    const all = (await call('admin', 'GET', `/api/v1/scheme-feedback?schemeVersionId=${versionId}`)).json().items;
    expect(all.map((f: { rating: number }) => f.rating).sort()).toEqual([2, 4]);
    expect(
      (await call('alice', 'GET', `/api/v1/scheme-feedback?schemeVersionId=${versionId}`)).json().items,
    ).toHaveLength(1);
  });
});
