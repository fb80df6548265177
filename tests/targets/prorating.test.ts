import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Pro-rating (spec 4) wired into team decomposition and membership changes, on the acme company:
// T1 = Alice, Bob, Mia (since 2024). April 2025 has 22 working days (no holidays in this tenant):
// 1-4, 7-11, 14-18, 21-25, 28-30 April. The team target is 3001 (cents).

type Part = { name: string; value: number; isLocked: boolean };

describe.each(dialects)('pro-rating on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2025-03-20T04:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    admin = await logIn(app, co.emails.admin as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
  const aprilOf = async (code: string) => {
    const [t] = (
      await call('GET', `/api/v1/targets?subject=person:${co.people[code]}&metricId=signed_amount&period=2025-04`)
    ).json();
    return t as { id: string; value: number; source: string; isLocked: boolean };
  };
  const endBobsMembership = async (endOn: string) => {
    const { items } = (await call('GET', `/api/v1/memberships?personId=${co.people.BOB}`)).json();
    const res = await call('PATCH', `/api/v1/memberships/${items[0].id}`, { endOn });
    expect(res.statusCode, res.body).toBe(200);
  };
  const decompose = (extra: object = {}) =>
    call('POST', '/api/v1/targets/decompose-org', {
      metricId: 'signed_amount',
      unitId: co.units.T1,
      periodKey: '2025-04',
      method: 'equal',
      apply: true,
      ...extra,
    });

  it('a member leaving mid-period is pro-rated; the whole-period members absorb the rest', async () => {
    await call('PUT', '/api/v1/targets', {
      targets: [{ metricId: 'signed_amount', subject: `unit:${co.units.T1}`, periodKey: '2025-04', value: 3001 }],
    });
    // Everyone the whole month: 3001 equally, the odd unit to the first (Alice).
    const split = await decompose();
    expect(split.json().parts.map((p: Part) => [p.name, p.value])).toEqual([
      ['Alice 王', 1001],
      ['Bob 李', 1000],
      ['Mia 组长', 1000],
    ]);
    // Bob leaves on Friday 11 April: 9 of 22 working days, 1000 x 9/22 = 409.09 -> 409. Alice and
    // Mia absorb 591 as 1001:1000: 295.65 and 295.35 -> 295 each, the unit left to Alice.
    await endBobsMembership('2025-04-11');
    expect([(await aprilOf('ALICE')).value, (await aprilOf('BOB')).value, (await aprilOf('MIA')).value]).toEqual([
      1297, 409, 1295,
    ]);
    const bob = await aprilOf('BOB');
    expect(bob.source).toBe('prorated');
    const history = (await call('GET', `/api/v1/targets/${bob.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({
      oldValue: 1000,
      newValue: 409,
      source: 'prorated',
      reason: 'membership changed: pro-rated: 9 of 22 working days',
    });
  });

  it('decomposing again pro-rates the leaver at once; a hand-set (locked) member is never touched', async () => {
    // Mia locked at 1500: 1501 equally, Alice 751, Bob 750; Bob 750 x 9/22 = 306.8 -> 307; Alice
    // (the only unlocked whole-month member) absorbs 443: 1194.
    const res = await decompose({ locks: { [co.people.MIA as string]: 1500 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parts.map((p: Part) => [p.name, p.value, p.isLocked])).toEqual([
      ['Alice 王', 1194, false],
      ['Bob 李', 307, false],
      ['Mia 组长', 1500, true],
    ]);
    expect(res.json().unallocated).toBe(0);
    // Bob stays a week longer (to 18 April: 14 of 22): 750 x 14/22 = 477.3 -> 477; Alice 751 + 273.
    await endBobsMembership('2025-04-18');
    expect([(await aprilOf('ALICE')).value, (await aprilOf('BOB')).value, (await aprilOf('MIA')).value]).toEqual([
      1024, 477, 1500,
    ]);
  });

  it('a target a manager set by hand is not pro-rated', async () => {
    await call('PUT', '/api/v1/targets', {
      targets: [{ metricId: 'signed_amount', subject: `person:${co.people.BOB}`, periodKey: '2025-04', value: 800 }],
    });
    await endBobsMembership('2025-04-04');
    expect((await aprilOf('BOB')).value).toBe(800);
  });
});
