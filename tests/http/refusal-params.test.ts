import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { logIn, type Session } from '../factories.ts';
import { buildGoldenCompany, GOLDEN_NOW } from '../metrics/golden-data.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Refusals whose reason the web app words in its own language: each carries a code and the raw
// values (positions, counts, cents) in `params`, not only an English sentence.

const formulaMetric = (key: string, formula: string) => ({
  key,
  name: { 'zh-CN': '公式', en: 'Formula' },
  category: 'result',
  unit: 'count',
  definition: { kind: 'formula', formula },
});

describe.each(dialects)('refusal params on %s', (dialect) => {
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

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });

  it.each([
    ['signed_amount +* 2', { position: 15, column: 16, expected: 'operand', found: '*' }],
    ['max（signed_amount, 1)', { position: 3, column: 4, expected: 'ascii', found: '（', suggestion: '(' }],
    ['(follow_ups + 1', { position: 15, column: 16, expected: 'close_paren' }],
    ['if(follow_ups, 1)', { position: 0, column: 1, expected: 'arguments', found: 'if', count: 2, needed: 3 }],
  ])('a formula that does not parse: %s gives its position and what was expected', async (formula, params) => {
    const res = await call('POST', '/api/v1/custom-metrics', formulaMetric('x_parse', formula));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'definition.formula', code: 'formula', params }),
    ]);
  });

  it('an unknown metric and a circle of formulas name the metrics', async () => {
    const unknown = await call('POST', '/api/v1/custom-metrics', formulaMetric('x_unknown', 'nope + nada * 2'));
    expect(unknown.json().errors[0]).toMatchObject({
      code: 'unknown_metric',
      params: { metrics: 'nope, nada', count: 2 },
    });
    const a = await call('POST', '/api/v1/custom-metrics', formulaMetric('ring_a', 'follow_ups * 2'));
    expect(a.statusCode).toBe(201);
    expect((await call('POST', '/api/v1/custom-metrics', formulaMetric('ring_b', 'ring_a + 1'))).statusCode).toBe(201);
    const { key: _k, ...rest } = formulaMetric('ring_a', 'ring_b * 2');
    const cycle = await call('PATCH', `/api/v1/custom-metrics/${a.json().id}`, rest);
    expect(cycle.json().errors[0]).toMatchObject({
      code: 'formula_cycle',
      params: { cycle: 'ring_b → ring_a → ring_b' },
    });
  });

  it('deleting a metric a formula uses: 409 with usedBy and count', async () => {
    const list = (await call('GET', '/api/v1/custom-metrics')).json() as Array<{ id: string; key: string }>;
    const ringA = list.find((m) => m.key === 'ring_a');
    const res = await call('DELETE', `/api/v1/custom-metrics/${ringA?.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ code: 'in_use', params: { usedBy: 'customMetrics', count: 1, names: 'ring_b' } }),
    ]);
  });

  it('deleting a record others point to: 409 naming the kind that uses it and how many', async () => {
    const customer = await call('POST', '/api/v1/customers', { name: '引用测试客户', grade: 'B' });
    expect(customer.statusCode, customer.body).toBe(201);
    const customerId = customer.json().record.id as string;
    for (const name of ['甲', '乙'])
      expect((await call('POST', '/api/v1/contacts', { customerId, name })).statusCode).toBe(201);
    const res = await call('DELETE', `/api/v1/customers/${customerId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ record: 'customers', recordId: customerId });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ code: 'in_use', params: { usedBy: 'contacts', count: 2 } }),
    ]);
    expect((await call('GET', `/api/v1/customers/${customerId}`)).statusCode).toBe(200);
  });

  it('a decomposition refused: locks above the whole give { locked, whole } in cents', async () => {
    const set = await call('PUT', '/api/v1/targets', {
      targets: [{ metricId: 'signed_amount', subject: `unit:${co.units.CO}`, periodKey: '2025-03', value: 100_000_00 }],
    });
    expect(set.statusCode, set.body).toBe(200);
    const base = { metricId: 'signed_amount', unitId: co.units.CO, periodKey: '2025-03' };
    const over = await call('POST', '/api/v1/targets/decompose-org', {
      ...base,
      method: 'equal',
      locks: { [co.units.T1]: 130_000_00 },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0]).toMatchObject({
      field: 'locks',
      code: 'decomposition',
      params: { refusal: 'locked_exceed_whole', locked: 130_000_00, whole: 100_000_00 },
    });
    const manual = await call('POST', '/api/v1/targets/decompose-org', {
      ...base,
      method: 'manual',
      manualPct: { [co.units.T1]: 60, [co.units.T2]: 30 },
    });
    expect(manual.json().errors[0]).toMatchObject({
      field: 'manualPct',
      code: 'decomposition',
      params: { refusal: 'percentages_not_100', total: 90 },
    });
    const noWhole = await call('POST', '/api/v1/targets/decompose-org', {
      ...base,
      periodKey: '2025-04',
      method: 'equal',
    });
    expect(noWhole.json().errors[0]).toMatchObject({
      field: 'periodKey',
      code: 'decomposition',
      params: { refusal: 'no_whole', metricId: 'signed_amount', periodKey: '2025-04' },
    });
  });
});
