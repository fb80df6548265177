import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// What the dispute and feedback screens need from the API (spec 6, issue 5): which number a
// dispute contests and as what value it was seen, the owner's inbox by deadline, one rating per
// person and item, and the director's summary of a version's feedback per item.

describe.each(dialects)('dispute and feedback screens on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  const as: Record<string, Session> = {};
  let versionId = '';
  let schemeId = '';

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    for (const who of ['admin', 'mia', 'alice', 'bob']) as[who] = await logIn(app, co.emails[who] as string);
    const position = await call('admin', 'POST', '/api/v1/positions', { code: 'hunter', name: '新客开发' });
    const scheme = await call('admin', 'POST', '/api/v1/schemes', {
      positionId: position.json().record.id,
      name: '新客开发考核',
    });
    schemeId = scheme.json().id;
    const version = await call('admin', 'POST', `/api/v1/schemes/${schemeId}/versions`, {
      effectiveFrom: '2026-04-01',
      items: [
        { metricId: 'signed_amount', weight: 70, role: 'primary', mode: 'linear' },
        { metricId: 'follow_ups', weight: 30, role: 'auxiliary', mode: 'linear' },
      ],
    });
    versionId = version.json().id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  function call(who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    return app.inject({ method, url, headers: as[who]?.headers, ...(payload ? { payload } : {}) });
  }

  it('a dispute names the number it contests and the value shown; the owner finds it by deadline', async () => {
    const early = await call('alice', 'POST', '/api/v1/disputes', {
      metricId: 'follow_ups',
      periodKey: '2026-03',
      aspect: 'score',
      shownValue: '85.5',
      recordRefs: 'A-17',
      description: '两次拜访被判为重复',
      deadlineOn: '2026-03-12',
    });
    expect(early.statusCode, early.body).toBe(201);
    expect(early.json().record).toMatchObject({ aspect: 'score', shownValue: '85.5', ownerId: co.people.MIA });
    const plain = await call('bob', 'POST', '/api/v1/disputes', {
      metricId: 'signed_amount',
      periodKey: '2026-03',
      description: '合同金额少算了',
    });
    expect(plain.json().record).toMatchObject({ aspect: 'actual', shownValue: null, deadlineOn: '2026-03-17' });
    const bad = await call('alice', 'POST', '/api/v1/disputes', {
      metricId: 'follow_ups',
      periodKey: '2026-03',
      aspect: 'rank',
      description: '排名不对',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'aspect', code: 'type' });

    const inbox = await call('mia', 'GET', `/api/v1/disputes?ownerId=${co.people.MIA}&status=open&sort=deadlineOn`);
    expect(inbox.json().items.map((d: { description: string }) => d.description)).toEqual([
      '两次拜访被判为重复',
      '合同金额少算了',
    ]);
    expect((await call('alice', 'GET', '/api/v1/disputes')).json().items).toHaveLength(1);
  });

  it('a raiser can neither own nor decide their own dispute, nor take it from its owner', async () => {
    const selfOwned = await call('alice', 'POST', '/api/v1/disputes', {
      metricId: 'follow_ups',
      periodKey: '2026-03',
      description: '自己处理',
      ownerId: co.people.ALICE,
    });
    expect(selfOwned.statusCode).toBe(422);
    expect(selfOwned.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'rule' });
    const selfDecided = await call('alice', 'POST', '/api/v1/disputes', {
      metricId: 'follow_ups',
      periodKey: '2026-03',
      description: '直接采纳',
      ownerId: co.people.BOB,
      status: 'accepted',
      outcome: '同意',
    });
    expect(selfDecided.json().errors[0]).toMatchObject({ field: 'status', code: 'rule' });
    const [open] = (await call('alice', 'GET', '/api/v1/disputes?status=open')).json().items;
    const taken = await call('alice', 'PATCH', `/api/v1/disputes/${open.id}`, { ownerId: co.people.BOB });
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'rule' });
    expect((await call('alice', 'GET', `/api/v1/disputes/${open.id}`)).json().ownerId).toBe(co.people.MIA);
  });

  it('feedback names an item of the version, once per person; rating again updates it', async () => {
    const notItem = await call('alice', 'POST', '/api/v1/scheme-feedback', {
      schemeVersionId: versionId,
      metricId: 'csat',
      rating: 3,
    });
    expect(notItem.statusCode).toBe(422);
    expect(notItem.json().errors[0]).toMatchObject({ field: 'metricId', code: 'unknown_ref' });
    const first = await call('alice', 'POST', '/api/v1/scheme-feedback', {
      schemeVersionId: versionId,
      metricId: 'follow_ups',
      rating: 1,
      comment: '跟进次数权重太高',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await call('alice', 'POST', '/api/v1/scheme-feedback', {
      schemeVersionId: versionId,
      metricId: 'follow_ups',
      rating: 2,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'schemeVersionId', code: 'conflict' });
    const changed = await call('alice', 'PATCH', `/api/v1/scheme-feedback/${first.json().record.id}`, { rating: 2 });
    expect(changed.json().record).toMatchObject({ rating: 2, comment: '跟进次数权重太高' });
    for (const [metricId, rating, comment] of [
      ['follow_ups', 5, null],
      ['signed_amount', 4, '合理'],
    ] as const)
      expect(
        (
          await call('bob', 'POST', '/api/v1/scheme-feedback', {
            schemeVersionId: versionId,
            metricId,
            rating,
            ...(comment ? { comment } : {}),
          })
        ).statusCode,
      ).toBe(201);
  });

  it('the director reads the feedback per item: average, count, spread and comments', async () => {
    const res = await call('admin', 'GET', `/api/v1/schemes/${schemeId}/versions/${versionId}/feedback`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ version: 1, status: 'draft', people: 2 });
    expect(
      body.items.map((i: { metricId: string; count: number; averageRating: number | null; distribution: number[] }) => [
        i.metricId,
        i.count,
        i.averageRating,
        i.distribution,
      ]),
    ).toEqual([
      ['signed_amount', 1, 4, [0, 0, 0, 1, 0]],
      ['follow_ups', 2, 3.5, [0, 1, 0, 0, 1]],
    ]);
    expect(body.items[1].comments).toEqual([
      expect.objectContaining({ personName: 'Alice 王', rating: 2, comment: '跟进次数权重太高' }),
    ]);
    expect((await call('alice', 'GET', `/api/v1/schemes/${schemeId}/versions/${versionId}/feedback`)).statusCode).toBe(
      403,
    );
    expect((await call('admin', 'GET', `/api/v1/schemes/${schemeId}/versions/nope/feedback`)).statusCode).toBe(404);
  });
});
