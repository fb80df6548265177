import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/tenants/create-tenant.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { logIn, PASSWORD, type Session } from '../factories.ts';
import { buildGoldenCompany, GOLDEN_NOW } from '../metrics/golden-data.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Targets on the golden company (golden-data.ts): today 2025-03-20; T1 has ann (until 03-15) and
// cy, T2 has bo and ann (from 03-16). March 2025 has 21 weekdays plus the make-up Saturday 03-08.

describe.each(dialects)('targets on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let admin: Session;
  let ann: Session;
  let co: Awaited<ReturnType<typeof buildGoldenCompany>>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock(GOLDEN_NOW));
    co = await buildGoldenCompany(db.deps);
    await createUser(db.deps, co.tenantId, {
      email: 'ann@golden.test',
      password: PASSWORD,
      role: 'rep',
      displayName: 'Ann',
      personId: co.people.ann,
    });
    app = await buildApp(db.deps);
    admin = await logIn(app, 'admin@golden.test');
    ann = await logIn(app, 'ann@golden.test');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (who: Session, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const put = (targets: object[]) => call(admin, 'PUT', '/api/v1/targets', { targets });
  const unit = (u: 'CO' | 'T1' | 'T2') => `unit:${co.units[u]}`;
  const person = (p: 'ann' | 'bo' | 'cy') => `person:${co.people[p]}`;

  it('sets a target and keeps its history', async () => {
    const first = await put([
      { metricId: 'signed_amount', subject: unit('CO'), periodKey: '2025-03', value: 100_000_00, reason: '年度规划' },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    await put([
      { metricId: 'signed_amount', subject: unit('CO'), periodKey: '2025-03', value: 120_000_00, reason: '市场向好' },
    ]);
    const history = await call(admin, 'GET', `/api/v1/targets/${first.json()[0].id}/history`);
    expect(
      history
        .json()
        .map((h: { oldValue: number | null; newValue: number; reason: string }) => [h.oldValue, h.newValue, h.reason]),
    ).toEqual([
      [null, 100_000_00, '年度规划'],
      [100_000_00, 120_000_00, '市场向好'],
    ]);
  });

  it('previews, then applies, a split among child units; parts sum exactly to the whole', async () => {
    const body = { metricId: 'signed_amount', unitId: co.units.CO, periodKey: '2025-03', method: 'equal' };
    const preview = await call(admin, 'POST', '/api/v1/targets/decompose-org', body);
    expect(preview.json().parts.map((p: { value: number }) => p.value)).toEqual([60_000_00, 60_000_00]);
    expect((await call(admin, 'GET', `/api/v1/targets?subject=${unit('T1')}`)).json()).toEqual([]);
    const locked = await call(admin, 'POST', '/api/v1/targets/decompose-org', {
      ...body,
      locks: { [co.units.T1]: 70_000_01 },
      apply: true,
    });
    expect(locked.json().parts.map((p: { value: number; isLocked: boolean }) => [p.value, p.isLocked])).toEqual([
      [70_000_01, true],
      [49_999_99, false],
    ]);
    const t1 = (await call(admin, 'GET', `/api/v1/targets?subject=${unit('T1')}&metricId=signed_amount`)).json();
    expect(t1[0]).toMatchObject({ value: 70_000_01, isLocked: true, source: 'decomposed' });
  });

  it('refuses locks above the whole and manual shares not summing to 100, naming the numbers', async () => {
    const base = { metricId: 'signed_amount', unitId: co.units.CO, periodKey: '2025-03' };
    const over = await call(admin, 'POST', '/api/v1/targets/decompose-org', {
      ...base,
      method: 'equal',
      locks: { [co.units.T1]: 130_000_00 },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0].reason).toContain('13000000');
    const manual = await call(admin, 'POST', '/api/v1/targets/decompose-org', {
      ...base,
      method: 'manual',
      manualPct: { [co.units.T1]: 60, [co.units.T2]: 30 },
    });
    expect(manual.statusCode).toBe(422);
    expect(manual.json().errors[0].reason).toContain('90');
  });

  it('splits a team among its members; a rate target is inherited unchanged', async () => {
    await put([
      { metricId: 'follow_ups', subject: unit('T1'), periodKey: '2025-03', value: 41 },
      { metricId: 'collection_rate', subject: unit('T1'), periodKey: '2025-03', value: 0.9 },
    ]);
    const counts = await call(admin, 'POST', '/api/v1/targets/decompose-org', {
      metricId: 'follow_ups',
      unitId: co.units.T1,
      periodKey: '2025-03',
      method: 'equal',
    });
    // 41 equally: Ann 21 (the earlier part takes the odd unit), Cy 20. Ann left T1 on 03-15: 11 of
    // March's 22 working days (with the make-up Saturday 03-08), 21 x 11/22 = 10.5 -> 11; Cy, there
    // the whole month, absorbs the 10 she gives up: 30 (spec 4, pro-rating; docs/targets-and-scoring.md).
    expect(
      counts
        .json()
        .parts.map((p: { name: string; value: number; proration: object }) => [p.name, p.value, p.proration]),
    ).toEqual([
      ['Ann', 11, { full: 21, memberDays: 11, periodDays: 22, absorbed: 0, isWholePeriod: false }],
      ['Cy', 30, { full: 20, memberDays: 22, periodDays: 22, absorbed: 10, isWholePeriod: true }],
    ]);
    const rate = await call(admin, 'POST', '/api/v1/targets/decompose-org', {
      metricId: 'collection_rate',
      unitId: co.units.T1,
      periodKey: '2025-03',
      method: 'equal',
    });
    expect(rate.json().parts.map((p: { value: number }) => p.value)).toEqual([0.9, 0.9]);
  });

  it('splits a fiscal year into months evenly when last year had nothing', async () => {
    await put([{ metricId: 'knowledge_shares', subject: person('ann'), periodKey: 'FY2024', value: 14 }]);
    const res = await call(admin, 'POST', '/api/v1/targets/decompose-time', {
      metricId: 'knowledge_shares',
      subject: person('ann'),
      periodKey: 'FY2024',
      apply: true,
    });
    const parts = res.json().parts as Array<{ periodKey: string; value: number }>;
    expect(parts.map((p) => p.periodKey)).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(parts.map((p) => p.value)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('paces a month from its daily targets; a week sums its days', async () => {
    // 30 over 22 working days: 1 each, and the 8 left over to the first 8 working days.
    await put([{ metricId: 'follow_ups', subject: person('ann'), periodKey: '2025-03', value: 30 }]);
    const month = (
      await call(admin, 'GET', `/api/v1/targets/pace?metricId=follow_ups&subject=${person('ann')}&period=2025-03`)
    ).json();
    // Elapsed working days to 03-20: 15, the first 8 with 2 = 23. Ann has 3 follow-ups.
    expect(month).toMatchObject({
      target: 30,
      actual: 3,
      expectedToDate: 23,
      status: 'red',
      gapToTarget: 27,
      gapToPace: 20,
    });
    expect(month.ratio).toBeCloseTo(3 / 23, 12);
    // 2025-W11 is 03-10..03-16: 03-10 and 03-11 have 2, 03-12..14 have 1.
    const week = (
      await call(admin, 'GET', `/api/v1/targets/pace?metricId=follow_ups&subject=${person('ann')}&period=2025-W11`)
    ).json();
    expect(week).toMatchObject({ target: 7, expectedToDate: 7 });
  });

  it('a quarter of monthly rate targets takes their mean; a week inside a month inherits it', async () => {
    await put([
      { metricId: 'win_rate', subject: person('ann'), periodKey: '2025-01', value: 0.4 },
      { metricId: 'win_rate', subject: person('ann'), periodKey: '2025-02', value: 0.5 },
      { metricId: 'win_rate', subject: person('ann'), periodKey: '2025-03', value: 0.6 },
    ]);
    const quarter = (
      await call(admin, 'GET', `/api/v1/targets/pace?metricId=win_rate&subject=${person('ann')}&period=2025-Q1`)
    ).json();
    expect(quarter.target).toBeCloseTo(0.5, 12);
    const week = (
      await call(admin, 'GET', `/api/v1/targets/pace?metricId=win_rate&subject=${person('ann')}&period=2025-W11`)
    ).json();
    expect(week).toMatchObject({ target: 0.6 });
  });

  it('refuses bad targets with the field and reason, and writes none of the batch', async () => {
    const res = await put([
      { metricId: 'follow_ups', subject: person('bo'), periodKey: '2025-04', value: 10 },
      { metricId: 'follow_ups', subject: person('bo'), periodKey: '2025-05', value: -3 },
      { metricId: 'signed_amount', subject: person('bo'), periodKey: '2025-05', value: 10.5 },
      { metricId: 'nope', subject: person('bo'), periodKey: '2025-05', value: 1 },
      { metricId: 'csat', subject: person('bo'), periodKey: '2025-02-30', value: 4 },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([
      [1, 'value'],
      [2, 'value'],
      [3, 'metricId'],
      [4, 'periodKey'],
    ]);
    expect((await call(admin, 'GET', `/api/v1/targets?subject=${person('bo')}`)).json()).toEqual([]);
  });

  it('a rep sees their own targets and pace but sets none', async () => {
    expect(
      (
        await call(ann, 'PUT', '/api/v1/targets', {
          targets: [{ metricId: 'follow_ups', subject: person('ann'), periodKey: '2025-04', value: 1 }],
        })
      ).statusCode,
    ).toBe(403);
    const mine = await call(ann, 'GET', `/api/v1/targets?subject=${person('ann')}&metricId=follow_ups`);
    expect(mine.json().map((t: { periodKey: string }) => t.periodKey)).toEqual(['2025-03']);
    expect(
      (await call(ann, 'GET', `/api/v1/targets/pace?metricId=follow_ups&subject=${person('bo')}&period=2025-03`))
        .statusCode,
    ).toBe(404);
  });
});
