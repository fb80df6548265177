import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, seedRecords, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Dashboards on the small company of tests/factories.ts, on Friday 14 March 2025 (Shanghai).
// March 2025 has 21 working days (no holidays loaded); 10 have elapsed (3-7 and 10-14 March).
//
// Scheme for everyone but the managers: signed_amount 60 (linear), follow_ups 40 (linear).
// March targets: signed 10,000,000 cents and 10 follow-ups each; team 一组 (T1) signed 20,000,000.
//   Alice: signed 6,000,000 on 3 March; follow-ups on 3, 4, 5, 6, 7 March (+ one with short notes).
//          60% -> 60, 50% -> 50: total 0.6 x 60 + 0.4 x 50 = 56 (D). Also 3,000,000 on 10 February.
//   Bob:   signed 6,000,000 on 10 March; five follow-ups of five types on 11 March: 56 (D).
//   Carol: signed 12,000,000 on 5 March (120%, the cap), no follow-ups: 0.6 x 120 = 72 (C).
//   Dave:  nothing signed; a follow-up every working day (10): 0.4 x 100 = 40 (D).
// Ranks: Carol 1, Alice 2, Bob 2 (tied), Dave 4; in 一组 Alice and Bob share rank 1 of 2.
//
// Daily targets (spec 4, largest remainder, ties to the earlier day): signed 10,000,000 / 21 days
// = 476,190 rest 10, so the first 10 working days carry 476,191: expected by 14 March 4,761,910.
// Follow-ups 10 / 21: the first 10 working days carry 1 each: expected by 14 March 10.
// Carol moves to 一组 on 17 March: 二组's target (none of its own) is her daily targets up to then.
// Red since (follow-ups): Alice keeps pace to Friday 7 March (5 of 5), red from Monday 10 March
// (5 of 6); Bob is red from 3 March (0 of 1) and stays red after 11 March (5 of 7 = 71%).

const NOW = '2025-03-14T04:00:00Z';

describe.each(dialects)('dashboards on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  const as: Record<string, Session> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock(NOW));
    co = await buildTestCompany(db.deps);
    const seed = (kind: Parameters<typeof seedRecords>[2], rows: Record<string, unknown>[]) =>
      seedRecords(db.deps, co.tenantId, kind, rows);
    await seed('positions', [{ externalId: 'seller', code: 'seller', name: '销售' }]);
    await seed(
      'people',
      ['ALICE', 'BOB', 'CAROL', 'DAVE'].map((externalId) => ({ externalId, positionId: 'seller' })),
    );
    // Carol moves from 二组 (T2) to 一组 (T1) on Monday 17 March, after today.
    await db.deps.db
      .updateTable('memberships')
      .set({ endOn: '2025-03-16' })
      .where('tenantId', '=', co.tenantId)
      .where('personId', '=', co.people.CAROL as string)
      .execute();
    await seed('memberships', [{ externalId: 'carol-T1', personId: 'CAROL', unitId: 'T1', startOn: '2025-03-17' }]);
    const contract = (id: string, customer: string, owner: string, yuan: number, signedOn: string) => ({
      externalId: id,
      customerId: customer,
      ownerId: owner,
      title: id,
      amountCents: yuan,
      signedOn,
    });
    await seed('contracts', [
      contract('K-A', 'C-ALICE', 'ALICE', 60_000, '2025-03-03'),
      contract('K-A-FEB', 'C-ALICE', 'ALICE', 30_000, '2025-02-10'),
      contract('K-B', 'C-BOB', 'BOB', 60_000, '2025-03-10'),
      contract('K-C', 'C-CAROL', 'CAROL', 120_000, '2025-03-05'),
    ]);
    const act = (
      id: string,
      person: string,
      customer: string,
      type: string,
      day: string,
      notes = '电话沟通需求细节',
    ) => ({
      externalId: id,
      personId: person,
      customerId: customer,
      type,
      occurredAt: `${day}T02:00:00Z`,
      loggedAt: `${day}T03:00:00Z`,
      notes,
    });
    const weekdays = ['03', '04', '05', '06', '07', '10', '11', '12', '13', '14'].map((d) => `2025-03-${d}`);
    await seed('activities', [
      ...weekdays.slice(0, 5).map((day, i) => act(`A-${i}`, 'ALICE', 'C-ALICE', 'call', day)),
      act('A-SHORT', 'ALICE', 'C-ALICE', 'visit', '2025-03-12', '好'),
      ...['call', 'visit', 'meeting', 'message', 'email'].map((type) =>
        act(`B-${type}`, 'BOB', 'C-BOB', type, '2025-03-11'),
      ),
      ...weekdays.map((day, i) => act(`D-${i}`, 'DAVE', 'C-DAVE', 'call', day)),
    ]);
    const deal = (id: string, owner: string, customer: string, yuan: number, stage: string, outcome = 'open') => ({
      externalId: id,
      customerId: customer,
      name: id,
      amountCents: yuan,
      stage,
      outcome,
      createdOn: '2025-03-01',
      ...(outcome === 'open' ? {} : { closedOn: '2025-03-04' }),
      ownerId: owner,
    });
    await seed('deals', [
      deal('D-A', 'ALICE', 'C-ALICE', 10_000, 'lead'),
      deal('D-B', 'BOB', 'C-BOB', 20_000, 'proposal'),
      deal('D-C', 'CAROL', 'C-CAROL', 5_000, 'proposal'),
      deal('D-WON', 'DAVE', 'C-DAVE', 99_000, 'closed', 'won'),
    ]);

    app = await buildApp(db.deps);
    for (const name of ['admin', 'finance', 'rita', 'mia', 'alice', 'bob'])
      as[name] = await logIn(app, co.emails[name] as string);
    const scheme = await call('admin', 'POST', '/api/v1/schemes', {
      positionId: (await seed('positions', [{ externalId: 'seller' }])).seller,
      name: '销售考核',
    });
    expect(scheme.statusCode, scheme.body).toBe(201);
    const version = await call('admin', 'POST', `/api/v1/schemes/${scheme.json().id}/versions`, {
      effectiveFrom: '2025-01-01',
      items: [
        { metricId: 'signed_amount', weight: 60, role: 'primary', mode: 'linear' },
        { metricId: 'follow_ups', weight: 40, role: 'auxiliary', mode: 'linear' },
      ],
    });
    expect(version.statusCode, version.body).toBe(201);
    await call('admin', 'POST', `/api/v1/schemes/${scheme.json().id}/versions/${version.json().id}/publish`);
    const person = (p: string) => `person:${co.people[p]}`;
    const targets = await call('admin', 'PUT', '/api/v1/targets', {
      targets: [
        ...['ALICE', 'BOB', 'CAROL', 'DAVE'].flatMap((p) => [
          { metricId: 'signed_amount', subject: person(p), periodKey: '2025-03', value: 10_000_000 },
          { metricId: 'follow_ups', subject: person(p), periodKey: '2025-03', value: 10 },
        ]),
        { metricId: 'signed_amount', subject: `unit:${co.units.T1}`, periodKey: '2025-03', value: 20_000_000 },
      ],
    });
    expect(targets.statusCode, targets.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    return app.inject({ method, url, headers: as[who]?.headers ?? {}, ...(payload ? { payload } : {}) });
  }
  const get = (who: string, url: string) => call(who, 'GET', url);

  describe('personal dashboard', () => {
    it("shows a rep their scorecard items with pace and gaps, last period's actual, and both ranks", async () => {
      const res = await get('alice', `/api/v1/dashboards/person/${co.people.ALICE}?period=2025-03`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.person).toMatchObject({ id: co.people.ALICE, unitId: co.units.T1 });
      expect(body.previousPeriod.key).toBe('2025-02');
      expect(body.scorecard).toMatchObject({ rating: 'D', isFrozen: false });
      expect(body.scorecard.total).toBeCloseTo(56, 9);
      // February had no targets: every item N/A, no total.
      expect(body.previous).toEqual({ total: null, rating: null });
      const [signed, follow] = body.items;
      expect(signed).toMatchObject({
        metricId: 'signed_amount',
        isScored: true,
        weight: 60,
        actual: 6_000_000,
        previousActual: 3_000_000,
        target: 10_000_000,
        attainment: 0.6,
        score: 60,
        pace: { target: 10_000_000, expectedToDate: 4_761_910, status: 'green', gapToTarget: 4_000_000, gapToPace: 0 },
      });
      expect(signed.pace.ratio).toBeCloseTo(6_000_000 / 4_761_910, 12);
      expect(follow).toMatchObject({
        metricId: 'follow_ups',
        actual: 5,
        previousActual: 0,
        target: 10,
        score: 50,
        pace: { expectedToDate: 10, ratio: 0.5, status: 'red', gapToTarget: 5, gapToPace: 5 },
      });
    });

    it('lists the latest activities, newest first, saying which do not count and why', async () => {
      const body = (await get('alice', `/api/v1/dashboards/person/${co.people.ALICE}?period=2025-03`)).json();
      expect(
        body.activities.map((a: { occurredAt: string; reason: string | null }) => [
          a.occurredAt.slice(0, 10),
          a.reason,
        ]),
      ).toEqual([
        ['2025-03-12', 'short_notes'],
        ['2025-03-07', null],
        ['2025-03-06', null],
        ['2025-03-05', null],
        ['2025-03-04', null],
        ['2025-03-03', null],
      ]);
    });

    it('ranks the total in the team and the company with the trends; ties share a rank', async () => {
      const rank = async (who: string, person: string) =>
        (await get(who, `/api/v1/dashboards/person/${co.people[person]}/trends?period=2025-03`)).json().rank;
      // February had no targets: nobody has a total, so nobody a rank.
      expect(await rank('alice', 'ALICE')).toEqual({
        team: { rank: 1, of: 2 },
        company: { rank: 2, of: 4 },
        previousTeam: { rank: null, of: 0 },
        previousCompany: { rank: null, of: 0 },
      });
      // Bob has the same total as Alice (56): the same ranks.
      const bob = (await get('mia', `/api/v1/dashboards/person/${co.people.BOB}?period=2025-03`)).json();
      expect(bob.scorecard.total).toBeCloseTo(56, 9);
      expect(await rank('mia', 'BOB')).toMatchObject({ team: { rank: 1, of: 2 }, company: { rank: 2, of: 4 } });
      const carol = (await get('admin', `/api/v1/dashboards/person/${co.people.CAROL}?period=2025-03`)).json();
      expect(carol.scorecard).toMatchObject({ rating: 'C' });
      expect((await rank('admin', 'CAROL')).company).toEqual({ rank: 1, of: 4 });
      expect((await rank('finance', 'DAVE')).company).toEqual({ rank: 4, of: 4 });
    });

    it("runs this period's values day by day against earlier periods at the same point", async () => {
      const res = await get('alice', `/api/v1/dashboards/person/${co.people.ALICE}/trends?period=2025-03`);
      expect(res.statusCode, res.body).toBe(200);
      const signed = res.json().metrics.find((m: { metricId: string }) => m.metricId === 'signed_amount');
      expect(signed.series.map((s: { period: { key: string } }) => s.period.key)).toEqual([
        '2025-03',
        '2025-02',
        '2025-01',
        '2024-12',
      ]);
      const [march, february] = signed.series;
      // 1 to 14 March: nothing on the 1st and 2nd, 6,000,000 from the 3rd.
      expect(march.points).toEqual([0, 0, ...Array(12).fill(6_000_000)]);
      expect(march.atSamePoint).toBe(6_000_000);
      expect(february.points).toHaveLength(28);
      expect(february.points[8]).toBe(0); // 9 February
      expect(february.points[9]).toBe(3_000_000); // 10 February
      expect(february.atSamePoint).toBe(3_000_000); // by 14 February
    });

    it('refuses what the viewer may not see: another rep, or a person outside the manager’s units', async () => {
      expect((await get('alice', `/api/v1/dashboards/person/${co.people.BOB}?period=2025-03`)).statusCode).toBe(404);
      expect((await get('mia', `/api/v1/dashboards/person/${co.people.CAROL}?period=2025-03`)).statusCode).toBe(404);
      expect((await get('alice', `/api/v1/dashboards/person/${co.people.BOB}/trends?period=2025-03`)).statusCode).toBe(
        404,
      );
      const bad = await get('alice', `/api/v1/dashboards/person/${co.people.ALICE}?period=2025-13`);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ field: 'period' });
      expect(bad.json().errors[0].reason).toContain('the month must be 01 to 12');
    });
  });

  describe('team view', () => {
    it('shows members x metrics coloured by pace, red lines since when, and the team’s own target', async () => {
      const res = await get('mia', `/api/v1/dashboards/team/${co.units.T1}?period=2025-03`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.metrics.map((m: { id: string }) => m.id)).toEqual(['signed_amount', 'follow_ups']);
      const byName = Object.fromEntries(body.members.map((m: { name: string }) => [m.name, m]));
      expect(Object.keys(byName).sort()).toEqual(['Alice 王', 'Bob 李', 'Mia 组长']);
      // Mia has no targets: her actuals show, uncoloured.
      expect(
        byName['Mia 组长'].cells.map((c: { target: number | null; status: string }) => [c.target, c.status]),
      ).toEqual([
        [null, 'none'],
        [null, 'none'],
      ]);
      expect(byName['Alice 王'].cells.map((c: { status: string; actual: number }) => [c.actual, c.status])).toEqual([
        [6_000_000, 'green'],
        [5, 'red'],
      ]);
      expect(
        byName['Bob 李'].cells.map((c: { status: string; redSince: string | null }) => [c.status, c.redSince]),
      ).toEqual([
        ['green', null],
        ['red', '2025-03-03'],
      ]);
      expect(byName['Bob 李'].teamRank).toBe(1);
      expect(
        body.redLines.map((r: { name: string; metricId: string; redSince: string }) => [
          r.name,
          r.metricId,
          r.redSince,
        ]),
      ).toEqual([
        ['Bob 李', 'follow_ups', '2025-03-03'],
        ['Alice 王', 'follow_ups', '2025-03-10'],
      ]);
      // 一组: 12,000,000 of 20,000,000; expected by 14 March 10 x 952,381 = 9,523,810.
      expect(body.unitTargets).toEqual([
        expect.objectContaining({
          metricId: 'signed_amount',
          actual: 12_000_000,
          previousActual: 3_000_000,
          target: 20_000_000,
          expectedToDate: 9_523_810,
          status: 'green',
          gapToTarget: 8_000_000,
          gapToPace: 0,
        }),
      ]);
    });

    it('shows a regional manager the red line of a member of a sub-team: Dave is no one’s, Carol is Rita’s', async () => {
      const body = (await get('rita', `/api/v1/dashboards/team/${co.units.EAST}?period=2025-03`)).json();
      expect(body.members.map((m: { name: string }) => m.name).sort()).toEqual([
        'Alice 王',
        'Bob 李',
        'Carol 张',
        'Max 组长',
        'Mia 组长',
        'Rita 区域经理',
      ]);
      // Carol: nothing by 3 March's expected 1, never a follow-up since.
      expect(body.redLines.find((r: { name: string }) => r.name === 'Carol 张')).toMatchObject({
        metricId: 'follow_ups',
        redSince: '2025-03-03',
      });
    });

    it('refuses a rep, and a manager outside their units; an unknown unit is not found', async () => {
      const rep = await get('alice', `/api/v1/dashboards/team/${co.units.T1}?period=2025-03`);
      expect(rep.statusCode).toBe(403);
      const other = await get('mia', `/api/v1/dashboards/team/${co.units.T2}?period=2025-03`);
      expect(other.statusCode).toBe(403);
      expect(other.json().detail).toContain('二组');
      expect((await get('mia', '/api/v1/dashboards/team/nope?period=2025-03')).statusCode).toBe(404);
      expect((await get('admin', `/api/v1/dashboards/team/${co.units.T3}?period=2025-03`)).statusCode).toBe(200);
    });
  });

  describe('company view', () => {
    it('shows the org tree with attainment, ratings per unit, the year against target and the pipeline', async () => {
      const res = await get('finance', '/api/v1/dashboards/company?period=2025-03');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.metric.id).toBe('signed_amount');
      // No company target: measured against the sum of the four people's targets.
      expect(body.company).toMatchObject({
        actual: 24_000_000,
        previousActual: 3_000_000,
        target: 40_000_000,
        targetSource: 'people',
        attainment: 0.6,
        ratings: { S: 0, A: 0, B: 0, C: 1, D: 3, none: 0 },
      });
      const unit = (id: string | undefined) => body.units.find((u: { id: string }) => u.id === id);
      expect(unit(co.units.EAST)).toMatchObject({
        actual: 24_000_000,
        target: 30_000_000,
        targetSource: 'people',
        attainment: 0.8,
        ratings: { C: 1, D: 2 },
      });
      expect(unit(co.units.T1)).toMatchObject({
        actual: 12_000_000,
        target: 20_000_000,
        targetSource: 'own',
        attainment: 0.6,
      });
      // 二组 has no target: Carol's daily targets of her days there (3-14 March, 10 x 476,191).
      expect(unit(co.units.T2)).toMatchObject({ actual: 12_000_000, target: 4_761_910, targetSource: 'people' });
      expect(unit(co.units.NORTH)).toMatchObject({ actual: 0, target: 10_000_000, attainment: 0, ratings: { D: 1 } });
      expect(body.trend.year).toBe('2025');
      expect(body.trend.months.slice(0, 4)).toEqual([
        { key: '2025-01', actual: 0, target: null, cumulativeActual: 0, cumulativeTarget: 0 },
        { key: '2025-02', actual: 3_000_000, target: null, cumulativeActual: 3_000_000, cumulativeTarget: 0 },
        {
          key: '2025-03',
          actual: 24_000_000,
          target: 40_000_000,
          cumulativeActual: 27_000_000,
          cumulativeTarget: 40_000_000,
        },
        { key: '2025-04', actual: null, target: null, cumulativeActual: null, cumulativeTarget: 40_000_000 },
      ]);
      expect(body.funnel).toEqual([
        { stage: 'lead', count: 1, amountCents: 1_000_000 },
        { stage: 'qualify', count: 0, amountCents: 0 },
        { stage: 'proposal', count: 2, amountCents: 2_500_000 },
        { stage: 'negotiate', count: 0, amountCents: 0 },
      ]);
    });

    it('refuses managers and reps, and names an unknown metric', async () => {
      expect((await get('rita', '/api/v1/dashboards/company?period=2025-03')).statusCode).toBe(403);
      expect((await get('alice', '/api/v1/dashboards/company?period=2025-03')).statusCode).toBe(403);
      const bad = await get('admin', '/api/v1/dashboards/company?period=2025-03&metric=nope');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0]).toMatchObject({ field: 'metric', reason: "no metric 'nope'" });
    });

    it('switches to a week and a custom range, each compared with the one before', async () => {
      const week = (await get('admin', '/api/v1/dashboards/company?period=2025-W11')).json();
      // Week 11 = 10-16 March: Bob's 6,000,000; week 10 (3-9 March): Alice's and Carol's 18,000,000.
      expect(week.company).toMatchObject({ actual: 6_000_000, previousActual: 18_000_000 });
      expect(week.previousPeriod.key).toBe('2025-W10');
      const range = (await get('admin', '/api/v1/dashboards/company?period=2025-03-01..2025-03-05')).json();
      // 1-5 March: Alice 6,000,000 + Carol 12,000,000; the five days before: nothing.
      expect(range.company).toMatchObject({ actual: 18_000_000, previousActual: 0 });
      expect(range.previousPeriod.key).toBe('2025-02-24..2025-02-28');
    });

    it("takes the company's target from its root unit once a director sets one", async () => {
      const set = await call('admin', 'PUT', '/api/v1/targets', {
        targets: [
          { metricId: 'signed_amount', subject: `unit:${co.units.CO}`, periodKey: '2025-03', value: 50_000_000 },
        ],
      });
      expect(set.statusCode, set.body).toBe(200);
      const body = (await get('admin', '/api/v1/dashboards/company?period=2025-03')).json();
      expect(body.company).toMatchObject({ target: 50_000_000, targetSource: 'own', attainment: 0.48 });
      expect(body.units.find((u: { id: string }) => u.id === co.units.CO)).toMatchObject({
        target: 50_000_000,
        targetSource: 'own',
      });
      expect(body.trend.months[2]).toMatchObject({ key: '2025-03', target: 50_000_000 });
    });

    it('sees a write at once: the cached view is dropped when the tenant changes', async () => {
      const before = (await get('admin', '/api/v1/dashboards/company?period=2025-03')).json();
      expect(before.funnel[0]).toEqual({ stage: 'lead', count: 1, amountCents: 1_000_000 });
      const created = await call('admin', 'POST', '/api/v1/deals', {
        customerId: co.customers['C-DAVE'],
        name: '新商机',
        amountCents: 700_000, // the API takes cents
        stage: 'lead',
        ownerId: co.people.DAVE,
      });
      expect(created.statusCode, created.body).toBe(201);
      const after = (await get('admin', '/api/v1/dashboards/company?period=2025-03')).json();
      expect(after.funnel[0]).toEqual({ stage: 'lead', count: 2, amountCents: 1_700_000 });
    });
  });
});
