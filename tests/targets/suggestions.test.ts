import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, seedRecords, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Target suggestions 智能目标调整 on the acme company (factories.ts). Today is Thursday 2025-03-20.
// March 2025 (no holidays): 14 working days elapsed (3-7, 10-14, 17-20 March), 7 remaining
// (21, 24-28, 31 March). Contracts (yuan; 100% to the owner):
//   Alice: 2025-01-15 10,000; 2025-02-10 20,000; 2025-03-05 14,000;
//          last year 2024-03-10 6,000 (elapsed part), 2024-03-25 9,000 (remaining part)
//   Bob:   2025-03-12 7,000 (nothing last year)

type Suggestion = {
  id: string;
  name: string;
  subject: { id: string };
  status: string;
  proposedValue: number;
  currentValue: number | null;
  valueWhenProposed: number | null;
  reasoning: Record<string, unknown>;
  decisionReason: string | null;
  decidedByUserId: string | null;
};

describe.each(dialects)('target suggestions on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let admin: Session;
  let mia: Session;
  let alice: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2025-03-20T04:00:00Z'));
    co = await buildTestCompany(db.deps);
    const contract = (id: string, owner: string, amountCents: number, signedOn: string) => ({
      externalId: id,
      customerId: `C-${owner}`,
      ownerId: owner,
      title: id,
      amountCents,
      signedOn,
    });
    await seedRecords(db.deps, co.tenantId, 'contracts', [
      contract('K1', 'ALICE', 10_000, '2025-01-15'),
      contract('K2', 'ALICE', 20_000, '2025-02-10'),
      contract('K3', 'ALICE', 14_000, '2025-03-05'),
      contract('K4', 'ALICE', 6_000, '2024-03-10'),
      contract('K5', 'ALICE', 9_000, '2024-03-25'),
      contract('K6', 'BOB', 7_000, '2025-03-12'),
    ]);
    app = await buildApp(db.deps);
    admin = await logIn(app, co.emails.admin as string);
    mia = await logIn(app, co.emails.mia as string);
    alice = await logIn(app, co.emails.alice as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (who: Session, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const person = (code: string) => co.people[code] as string;
  const generate = (who: Session, body: object) =>
    call(who, 'POST', '/api/v1/targets/suggestions', { metricId: 'signed_amount', periodKey: '2025-03', ...body });
  const targetsOf = async (code: string) =>
    (await call(admin, 'GET', `/api/v1/targets?subject=person:${person(code)}&metricId=signed_amount`)).json();

  let byName: Map<string, Suggestion>;

  it("proposes the rest of March for a team's people, beside the current target, changing nothing", async () => {
    await call(admin, 'PUT', '/api/v1/targets', {
      targets: [
        { metricId: 'signed_amount', subject: `person:${person('ALICE')}`, periodKey: '2025-03', value: 3_000_000 },
      ],
    });
    const res = await generate(mia, { unitId: co.units.T1, method: 'rest_of_period', marketFactor: 1.1 });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json().suggestions as Suggestion[];
    byName = new Map(list.map((s) => [s.name, s]));
    expect(list.map((s) => [s.name, s.status, s.proposedValue, s.currentValue])).toEqual([
      // Alice: 1,400,000 to date; last year 600,000 then 900,000: 1,400,000 x 900,000 / 600,000
      // = 2,100,000, x 1.1 = 2,310,000; 1,400,000 + 2,310,000.
      ['Alice 王', 'proposed', 3_710_000, 3_000_000],
      // Bob: nothing last year, so the run rate: 700,000 x 7 / 14 = 350,000, x 1.1 = 385,000.
      ['Bob 李', 'proposed', 1_085_000, null],
      ['Mia 组长', 'proposed', 0, null],
    ]);
    expect(byName.get('Alice 王')?.reasoning).toEqual({
      method: 'rest_of_period',
      basis: 'seasonality',
      actualToDate: 1_400_000,
      elapsedWorkingDays: 14,
      remainingWorkingDays: 7,
      runRatePerDay: 100_000,
      runRateRemaining: 700_000,
      lastYearElapsed: 600_000,
      lastYearRemaining: 900_000,
      lastYearRemainingShare: 0.6,
      seasonalRemaining: 2_100_000,
      marketFactor: 1.1,
      projectedRemaining: 2_310_000,
      proposal: 3_710_000,
    });
    expect(byName.get('Bob 李')?.reasoning).toMatchObject({ basis: 'run_rate', runRateRemaining: 350_000 });
    expect((await targetsOf('ALICE')).map((t: { value: number }) => t.value)).toEqual([3_000_000]);
    expect(await targetsOf('BOB')).toEqual([]);
  });

  it('approving writes the target through set-targets, with who, when, old, new and why', async () => {
    const id = byName.get('Alice 王')?.id as string;
    const res = await call(mia, 'POST', `/api/v1/targets/suggestions/${id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', currentValue: 3_710_000, valueWhenProposed: 3_000_000 });
    const [target] = await targetsOf('ALICE');
    expect(target).toMatchObject({ value: 3_710_000, source: 'suggestion' });
    const history = (await call(admin, 'GET', `/api/v1/targets/${target.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({
      oldValue: 3_000_000,
      newValue: 3_710_000,
      source: 'suggestion',
      reason: `from suggestion ${id}: rest of period by seasonality, market factor 1.1`,
      actorUserId: res.json().decidedByUserId,
      at: '2025-03-20T04:00:00.000Z',
    });
    expect(res.json().decidedByUserId).not.toBeNull();
  });

  it('refuses approving twice, and changes nothing', async () => {
    const id = byName.get('Alice 王')?.id as string;
    const again = await call(admin, 'POST', `/api/v1/targets/suggestions/${id}/approve`, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(`suggestion ${id} is already approved`);
    const [target] = await targetsOf('ALICE');
    expect((await call(admin, 'GET', `/api/v1/targets/${target.id}/history`)).json()).toHaveLength(2);
  });

  it("refuses a manager approving someone else's team, and a rep approving at all", async () => {
    const other = await generate(admin, { unitId: co.units.T2, method: 'rest_of_period' });
    const carol = (other.json().suggestions as Suggestion[]).find((s) => s.name === 'Carol 张') as Suggestion;
    const byMia = await call(mia, 'POST', `/api/v1/targets/suggestions/${carol.id}/approve`, {});
    expect(byMia.statusCode).toBe(404); // Carol's suggestions are as private as her targets
    const bob = byName.get('Bob 李')?.id as string;
    const byAlice = await call(alice, 'POST', `/api/v1/targets/suggestions/${bob}/approve`, {});
    expect(byAlice.statusCode).toBe(404);
    const byMiaForT2 = await generate(mia, { unitId: co.units.T2, method: 'rest_of_period' });
    expect(byMiaForT2.statusCode).toBe(403);
    const carolNow = (await call(admin, 'GET', '/api/v1/targets/suggestions?status=proposed')).json() as Suggestion[];
    expect(carolNow.find((s) => s.id === carol.id)?.status).toBe('proposed');
    expect(await targetsOf('CAROL')).toEqual([]);
  });

  it('rejecting keeps who and why; the target stays as it was', async () => {
    const id = byName.get('Bob 李')?.id as string;
    expect((await call(mia, 'POST', `/api/v1/targets/suggestions/${id}/reject`, { reason: '' })).statusCode).toBe(422);
    const res = await call(mia, 'POST', `/api/v1/targets/suggestions/${id}/reject`, { reason: '大客户已流失' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: '大客户已流失' });
    expect(res.json().decidedByUserId).not.toBeNull();
    expect(await targetsOf('BOB')).toEqual([]);
    expect((await call(mia, 'POST', `/api/v1/targets/suggestions/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('proposes a new month from a percentile of past months; proposing again supersedes', async () => {
    // Alice's last 3 months: 1,000,000, 2,000,000, 1,400,000; sorted, P60 has rank 0.6 x 2 = 1.2:
    // 1,400,000 + 0.2 x 600,000 = 1,520,000.
    const res = await generate(admin, {
      unitId: co.units.T1,
      periodKey: '2025-04',
      method: 'history',
      historyCount: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    const aliceApril = (res.json().suggestions as Suggestion[]).find((s) => s.name === 'Alice 王');
    expect(aliceApril?.proposedValue).toBe(1_520_000);
    expect(aliceApril?.reasoning).toMatchObject({
      history: [
        { periodKey: '2025-01', actual: 1_000_000 },
        { periodKey: '2025-02', actual: 2_000_000 },
        { periodKey: '2025-03', actual: 1_400_000 },
      ],
      percentile: 60,
      lowerRank: 2,
      upperRank: 3,
    });
    const p75 = await generate(admin, {
      unitId: co.units.T1,
      periodKey: '2025-04',
      method: 'history',
      historyCount: 3,
      percentile: 75,
    });
    // rank 1.5: 1,400,000 + 0.5 x 600,000.
    expect((p75.json().suggestions as Suggestion[]).find((s) => s.name === 'Alice 王')?.proposedValue).toBe(1_700_000);
    const april = (
      await call(admin, 'GET', '/api/v1/targets/suggestions?period=2025-04&metricId=signed_amount')
    ).json();
    expect(
      april
        .filter((s: Suggestion) => s.name === 'Alice 王')
        .map((s: Suggestion) => s.status)
        .sort(),
    ).toEqual(['proposed', 'superseded']);
    // Alice sees her own suggestion but approves nothing.
    const own = (p75.json().suggestions as Suggestion[]).find((s) => s.name === 'Alice 王') as Suggestion;
    const byAlice = await call(alice, 'POST', `/api/v1/targets/suggestions/${own.id}/approve`, {});
    expect(byAlice.statusCode).toBe(403);
    expect(await targetsOf('ALICE')).toHaveLength(1);
  });

  it('refuses a rate metric, a period that has ended and a bad market factor, with the field', async () => {
    const rate = await generate(admin, { unitId: co.units.T1, metricId: 'collection_rate', method: 'rest_of_period' });
    expect(rate.statusCode).toBe(422);
    expect(rate.json().errors[0]).toMatchObject({
      field: 'metricId',
      reason: 'suggestions are for additive targets; collection_rate is a rate',
    });
    const ended = await generate(admin, { unitId: co.units.T1, periodKey: '2025-02', method: 'rest_of_period' });
    expect(ended.json().errors[0]).toMatchObject({ field: 'periodKey' });
    const factor = await generate(admin, { unitId: co.units.T1, method: 'rest_of_period', marketFactor: 0 });
    expect(factor.statusCode).toBe(200);
    expect(factor.json().suggestions).toEqual([]);
    expect(factor.json().skipped[0].reason).toBe('the market factor must be above 0 and at most 10, got 0');
  });
});
