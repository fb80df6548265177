import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInMetrics } from '../../src/domain/metrics/catalog.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { logIn, type Session } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';
import { buildGoldenCompany, GOLDEN_NOW } from './golden-data.ts';

// Expected values are worked out by hand from the comments in golden-data.ts (money in cents).
// Period 2025-03 unless stated; today is 2025-03-20, so payments up to 03-20 cover installments.

type Who = 'ann' | 'bo' | 'cy' | 'T1' | 'T2' | 'CO' | 'tenant';
const NA = null;

const march: Array<[string, Partial<Record<Who, number | null>>]> = [
  [
    'signed_amount',
    { ann: 60_000_00, bo: 40_000_00, cy: 24_000_00, T1: 84_000_00, T2: 40_000_00, CO: 124_000_00, tenant: 124_000_00 },
  ],
  ['weighted_signed_amount', { ann: 72_000_00, bo: 48_000_00, cy: 28_800_00, tenant: 148_800_00 }],
  // ann: 15,000 + 24,000 (60% of 40,000) in T1, then 5,000 on 03-18 after moving to T2.
  ['collected_amount', { ann: 44_000_00, bo: 16_000_00, cy: 0, T1: 39_000_00, T2: 21_000_00, tenant: 60_000_00 }],
  // ann: I2 fully (10,000 of 10,000 after I1 took the first 10,000), I3 nothing, K1 24,000 of 60,000.
  [
    'collection_rate',
    {
      ann: 34_000 / 80_000,
      bo: 16_000 / 40_000,
      cy: 0,
      T1: 34_000 / 94_000,
      T2: 16_000 / 50_000,
      tenant: 50_000 / 144_000,
    },
  ],
  ['new_customers', { ann: 0.6, bo: 0.4, cy: 0, T1: 0.6, T2: 0.4, tenant: 1 }],
  ['repurchase_rate', { ann: 0, bo: NA, cy: 1, T1: NA, tenant: NA }],
  ['renewal_rate', { ann: NA, bo: NA, cy: 1, T1: 1, T2: NA }],
  ['avg_order_value', { ann: 100_000_00, bo: 100_000_00, cy: 24_000_00, tenant: 62_000_00 }],
  ['win_rate', { ann: 0.5, bo: NA, cy: NA, tenant: 0.5 }],
  ['csat', { ann: 4, bo: NA, tenant: 4 }],
  ['follow_ups', { ann: 3, bo: 1, cy: 0, T1: 1, T2: 3, CO: 4 }],
  ['effective_visits', { ann: 1, bo: 0, tenant: 1 }],
  ['proposal_on_time_rate', { ann: 1 / 3, bo: NA }],
  ['customer_coverage', { ann: 1, bo: 1, cy: 0, T2: NA }],
  ['pipeline_added', { ann: 130_000_00, bo: 0, cy: 50_000_00, T1: 180_000_00, tenant: 180_000_00 }],
  ['assists', { ann: 0, bo: 1, T2: 1 }],
  ['knowledge_shares', { ann: 1, T1: 1, T2: 0 }],
  ['knowledge_useful', { ann: 2, tenant: 2 }],
  ['peer_rating', { ann: 4.5, bo: NA }],
  ['entry_timeliness', { ann: 6 / 7, bo: 1, cy: NA, T2: 3 / 3 }],
  // Working days elapsed: 14 weekdays from 03-03 to 03-20 plus Saturday 03-08 (调休) = 15.
  ['crm_active_days', { ann: 3 / 15, bo: 0 }],
];

const other: Array<[string, string, Who, number | null]> = [
  ['follow_ups', '2025-W09', 'bo', 1],
  ['follow_ups', '2025-02', 'bo', 0],
  ['follow_ups', '2025-03-04', 'ann', 1],
  ['signed_amount', 'FY2024', 'ann', 90_000_00],
  ['signed_amount', 'FY2024-Q4', 'ann', 90_000_00],
  ['signed_amount', '2025-Q1', 'ann', 90_000_00],
  ['signed_amount', 'FY2024', 'cy', 24_000_00],
  ['signed_amount', '2025-03-05..2025-03-14', 'T1', 60_000_00],
  ['peer_rating', 'FY2024-Q4', 'ann', 4.5],
  ['peer_rating', '2025-W11', 'ann', NA],
  ['win_rate', '2025-02', 'bo', 1],
];

describe.each(dialects)('golden metrics on %s', (dialect) => {
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

  const subject = (who: Who) =>
    who === 'tenant'
      ? 'tenant'
      : who in co.people
        ? `person:${co.people[who as 'ann']}`
        : `unit:${co.units[who as 'T1']}`;

  async function value(metric: string, period: string, who: Who) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/metrics/values?metrics=${metric}&period=${encodeURIComponent(period)}&subjects=${subject(who)}`,
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().values[0].value as number | null;
  }

  it('covers every built-in metric', () => {
    expect(march.map(([id]) => id).sort()).toEqual(builtInMetrics.map((m) => m.id).sort());
  });

  for (const [metric, expected] of march) {
    it(`${metric} for 2025-03`, async () => {
      for (const [who, want] of Object.entries(expected) as Array<[Who, number | null]>) {
        const got = await value(metric, '2025-03', who);
        if (want === null) expect(got, `${metric} ${who}`).toBeNull();
        else expect(got, `${metric} ${who}`).toBeCloseTo(want, 9);
      }
    });
  }

  it.each(other)('%s for %s of %s', async (metric, period, who, want) => {
    const got = await value(metric, period, who);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 9);
  });

  it('explains follow-ups down to each activity and why it does or does not count', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/metrics/follow_ups/explain?period=2025-03&subject=person:${co.people.ann}`,
      headers: admin.headers,
    });
    const body = res.json();
    expect(body.value.value).toBe(3);
    expect(body).toMatchObject({ counted: 3, excluded: 4 });
    const reasonOf = Object.fromEntries(
      (body.facts as Array<{ recordId: string; reason: string | null }>).map((f) => [f.recordId, f.reason]),
    );
    expect(
      Object.fromEntries(
        ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map((a) => [a, reasonOf[co.activities[a] as string]]),
      ),
    ).toEqual({
      A1: null,
      A2: 'duplicate',
      A3: 'short_notes',
      A4: 'no_customer',
      A5: null,
      A6: null,
      A7: 'type_other',
    });
  });

  it('explains a collection rate with the share credited and the cancelled contract left out', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/metrics/collection_rate/explain?period=2025-03&subject=tenant`,
      headers: admin.headers,
    });
    const facts = res.json().facts as Array<{
      recordKind: string;
      num: number;
      den: number;
      reason: string | null;
      sharePct: number;
    }>;
    const cancelled = facts.filter((f) => f.reason === 'cancelled');
    expect(cancelled).toEqual([expect.objectContaining({ recordKind: 'contracts', den: 50_000_00, sharePct: 100 })]);
    const k1 = facts.filter((f) => f.recordKind === 'contracts' && f.reason === null && f.den !== 24_000_00);
    expect(k1.map((f) => [f.sharePct, f.num, f.den]).sort()).toEqual([
      [40, 16_000_00, 40_000_00],
      [60, 24_000_00, 60_000_00],
    ]);
  });

  it('a write shows on the next read: a new follow-up and a transfer', async () => {
    const before = await value('follow_ups', '2025-03', 'cy');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: admin.headers,
      payload: {
        personId: co.people.cy,
        customerId: 'C4',
        type: 'call',
        occurredAt: '2025-03-20T01:00:00Z',
        notes: '电话沟通续约',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(await value('follow_ups', '2025-03', 'cy')).toBe((before ?? 0) + 1);
    expect(await value('follow_ups', '2025-03', 'T1')).toBe(2);
  });

  it('refuses an unknown metric and a period that does not exist, naming them', async () => {
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/metrics/values?metrics=nope&period=2025-03&subjects=tenant',
      headers: admin.headers,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].reason).toBe("no metric 'nope'");
    const badPeriod = await app.inject({
      method: 'GET',
      url: '/api/v1/metrics/values?metrics=csat&period=2025-02-30&subjects=tenant',
      headers: admin.headers,
    });
    expect(badPeriod.statusCode).toBe(422);
    expect(badPeriod.json().errors[0].reason).toContain('2025-02-30');
  });
});
