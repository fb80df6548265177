import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { logIn, type Session } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';
import { buildGoldenCompany, GOLDEN_NOW } from './golden-data.ts';

// Custom metrics on the golden company (see golden-data.ts); expectations worked out by hand.

const bigDeals = {
  key: 'big_deals',
  name: { 'zh-CN': '大单数', en: 'Big deals' },
  category: 'result',
  unit: 'count',
  definition: {
    kind: 'aggregate',
    source: 'contracts',
    aggregate: 'count',
    filters: [
      { field: 'amountCents', op: '>=', value: 50_000_00 },
      { field: 'status', op: '!=', value: 'cancelled' },
    ],
    dateField: 'signedOn',
    credit: 'split',
  },
};
const customersVisited = {
  key: 'customers_visited',
  name: { 'zh-CN': '拜访客户数', en: 'Customers visited' },
  category: 'process',
  unit: 'count',
  definition: {
    kind: 'aggregate',
    source: 'activities',
    aggregate: 'distinct_count',
    field: 'customerId',
    filters: [{ field: 'type', op: '=', value: 'visit' }],
    dateField: 'occurredOn',
    credit: 'owner',
  },
};
const perFollowUp = {
  key: 'signed_per_follow_up',
  name: { 'zh-CN': '每次跟进签约额', en: 'Signed per follow-up' },
  category: 'result',
  unit: 'cny',
  definition: { kind: 'formula', formula: 'signed_amount / max(follow_ups, 1)' },
};

describe.each(dialects)('custom metrics on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let admin: Session;
  let co: Awaited<ReturnType<typeof buildGoldenCompany>>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock(GOLDEN_NOW));
    co = await buildGoldenCompany(db.deps);
    app = await buildApp(db.deps);
    admin = await logIn(app, 'admin@golden.test');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: admin.headers, payload });
  const values = async (metric: string, subjects: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/metrics/values?metrics=${metric}&period=2025-03&subjects=${subjects}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().values as Array<{ value: number | null }>).map((v) => v.value);
  };

  it('previews a draft on live data without saving it', async () => {
    const res = await post('/api/v1/custom-metrics/preview', {
      metric: bigDeals,
      period: '2025-03',
      subjects: `tenant,person:${co.people.ann}`,
    });
    expect(res.json().values.map((v: { value: number }) => v.value)).toEqual([1, 0.6]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/custom-metrics', headers: admin.headers })).json()).toEqual(
      [],
    );
  });

  it('saves aggregates and formulas that then behave like built-in metrics', async () => {
    for (const m of [bigDeals, customersVisited, perFollowUp])
      expect((await post('/api/v1/custom-metrics', m)).statusCode).toBe(201);
    const { ann, bo } = co.people;
    // K1 (100,000, not cancelled) split 60/40; K2 is cancelled; K6 is 24,000.
    expect(await values('big_deals', `tenant,person:${ann},person:${bo},unit:${co.units.T1}`)).toEqual([
      1, 0.6, 0.4, 0.6,
    ]);
    // Ann's visits: A1 and A2 at C1, A6 at C3.
    expect(await values('customers_visited', `person:${ann}`)).toEqual([2]);
    // 6,000,000 cents over 3 follow-ups; the tenant 12,400,000 over 4; T2 4,000,000 over 3.
    const [tenant, annPer, t2] = (await values(
      'signed_per_follow_up',
      `tenant,person:${ann},unit:${co.units.T2}`,
    )) as number[];
    expect(tenant).toBeCloseTo(3_100_000, 6);
    expect(annPer).toBeCloseTo(2_000_000, 6);
    expect(t2).toBeCloseTo(4_000_000 / 3, 6);
    const catalog = (await app.inject({ method: 'GET', url: '/api/v1/metrics', headers: admin.headers })).json();
    expect(catalog.filter((m: { isCustom?: boolean }) => m.isCustom).map((m: { id: string }) => m.id)).toEqual([
      'big_deals',
      'customers_visited',
      'signed_per_follow_up',
    ]);
  });

  it('explains a custom aggregate down to its records, and a formula by its inputs', async () => {
    const agg = await app.inject({
      method: 'GET',
      url: `/api/v1/metrics/big_deals/explain?period=2025-03&subject=person:${co.people.ann}`,
      headers: admin.headers,
    });
    expect(agg.json().facts).toEqual([
      expect.objectContaining({ recordKind: 'contracts', sharePct: 60, reason: null }),
    ]);
    const formula = await app.inject({
      method: 'GET',
      url: `/api/v1/metrics/signed_per_follow_up/explain?period=2025-03&subject=person:${co.people.ann}`,
      headers: admin.headers,
    });
    expect(formula.json().inputs.map((v: { metricId: string; value: number }) => [v.metricId, v.value])).toEqual([
      ['signed_amount', 6_000_000],
      ['follow_ups', 3],
    ]);
  });

  it.each([
    [{ ...bigDeals, key: 'signed_amount' }, 'key', "a metric 'signed_amount' already exists"],
    [{ ...bigDeals, key: 'Bad Key' }, 'key', 'use 2-40 lowercase letters'],
    [
      { ...bigDeals, key: 'x_sum', definition: { ...bigDeals.definition, aggregate: 'sum', field: 'status' } },
      'definition.field',
      'sum needs a number field',
    ],
    [
      { ...bigDeals, key: 'x_src', definition: { ...bigDeals.definition, source: 'users' } },
      'definition.source',
      "'users' is not a source",
    ],
    [
      { ...bigDeals, key: 'x_date', definition: { ...bigDeals.definition, dateField: 'createdAt' } },
      'definition.dateField',
      'use signedOn or endOn',
    ],
    [
      { ...perFollowUp, key: 'x_syntax', definition: { kind: 'formula', formula: 'signed_amount +* 2' } },
      'definition.formula',
      "found '*' (column 16)",
    ],
    [
      { ...perFollowUp, key: 'x_unknown', definition: { kind: 'formula', formula: 'nope * 2' } },
      'definition.formula',
      'unknown metric: nope',
    ],
  ])('refuses a bad definition %#', async (metric, field, reason) => {
    const res = await post('/api/v1/custom-metrics', metric);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe(field);
    expect(res.json().errors[0].reason).toContain(reason);
  });

  it('refuses formulas that refer to each other in a circle, and deleting a metric a formula uses', async () => {
    const a = await post('/api/v1/custom-metrics', {
      ...perFollowUp,
      key: 'loop_a',
      definition: { kind: 'formula', formula: 'big_deals * 2' },
    });
    expect(a.statusCode).toBe(201);
    const b = await post('/api/v1/custom-metrics', {
      ...perFollowUp,
      key: 'loop_b',
      definition: { kind: 'formula', formula: 'loop_a + 1' },
    });
    expect(b.statusCode).toBe(201);
    const { key: _k, ...rest } = perFollowUp;
    const cycle = await app.inject({
      method: 'PATCH',
      url: `/api/v1/custom-metrics/${a.json().id}`,
      headers: admin.headers,
      payload: { ...rest, definition: { kind: 'formula', formula: 'loop_b * 2' } },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0].reason).toContain('loop_b -> loop_a -> loop_b');
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/custom-metrics/${a.json().id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toContain('used by loop_b');
    expect(await values('loop_b', `person:${co.people.ann}`)).toEqual([2.2]);
  });
});
