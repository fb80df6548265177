import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/tenants/create-tenant.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { logIn, PASSWORD, type Session, seedRecords } from '../factories.ts';
import { buildGoldenCompany, GOLDEN_NOW } from '../metrics/golden-data.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Scorecards on the golden company (golden-data.ts), March 2025. Ann: signed 6,000,000 cents,
// 3 follow-ups, csat 4, collection rate 0.425. Bo: signed 4,000,000, 1 follow-up, no survey,
// collection rate 0.4. Expected totals worked out by hand in each test.

const v1 = {
  effectiveFrom: '2025-01-01',
  items: [
    { metricId: 'signed_amount', weight: 60, role: 'primary', mode: 'linear' },
    { metricId: 'follow_ups', weight: 30, role: 'auxiliary', mode: 'linear' },
    {
      metricId: 'csat',
      weight: 10,
      role: 'auxiliary',
      mode: 'steps',
      steps: [
        { threshold: 0.8, score: 80 },
        { threshold: 1, score: 100 },
        { threshold: 1.2, score: 120 },
      ],
    },
  ],
};
const withGate = {
  ...v1,
  effectiveFrom: '2025-03-01',
  gates: [{ metricId: 'collection_rate', op: '<', value: 0.6, factor: 0.8, appliesTo: 'result' }],
};

describe.each(dialects)('schemes and scorecards on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let admin: Session;
  let ann: Session;
  let co: Awaited<ReturnType<typeof buildGoldenCompany>>;
  let schemeId: string;
  let draftId: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock(GOLDEN_NOW));
    co = await buildGoldenCompany(db.deps);
    await seedRecords(db.deps, co.tenantId, 'positions', [{ externalId: 'hunter', code: 'hunter', name: '新客开发' }]);
    await seedRecords(db.deps, co.tenantId, 'people', [
      { externalId: 'ann', positionId: 'hunter' },
      { externalId: 'bo', positionId: 'hunter' },
    ]);
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
    const person = (p: 'ann' | 'bo') => `person:${co.people[p]}`;
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/targets',
      headers: admin.headers,
      payload: {
        targets: [
          { metricId: 'signed_amount', subject: person('ann'), periodKey: '2025-03', value: 50_000_00 },
          { metricId: 'follow_ups', subject: person('ann'), periodKey: '2025-03', value: 30 },
          { metricId: 'csat', subject: person('ann'), periodKey: '2025-03', value: 4.5 },
          { metricId: 'signed_amount', subject: person('bo'), periodKey: '2025-03', value: 40_000_00 },
          { metricId: 'follow_ups', subject: person('bo'), periodKey: '2025-03', value: 10 },
          { metricId: 'csat', subject: person('bo'), periodKey: '2025-03', value: 4.5 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('refuses a scheme whose weights do not sum to 100, or names an unknown metric, changing nothing', async () => {
    const positionId = (await call(admin, 'GET', '/api/v1/positions')).json().items[0].id;
    const scheme = await call(admin, 'POST', '/api/v1/schemes', { positionId, name: '新客开发考核' });
    expect(scheme.statusCode).toBe(201);
    schemeId = scheme.json().id;
    const bad = await call(admin, 'POST', `/api/v1/schemes/${schemeId}/versions`, {
      ...v1,
      items: [
        { ...v1.items[0], weight: 50 },
        { ...v1.items[1], metricId: 'nope' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    const reasons = bad
      .json()
      .errors.map((e: { field: string; reason: string }) => `${e.field}: ${e.reason}`)
      .join('\n');
    expect(reasons).toContain("items[1].metricId: no metric 'nope'");
    expect(reasons).toContain('80');
    expect((await call(admin, 'GET', '/api/v1/schemes')).json()[0].versions).toEqual([]);
  });

  it('scores a person with the published version: caps, steps and weights', async () => {
    const draft = await call(admin, 'POST', `/api/v1/schemes/${schemeId}/versions`, v1);
    expect(draft.statusCode, draft.body).toBe(201);
    const before = await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`);
    expect(before.statusCode).toBe(422);
    await call(admin, 'POST', `/api/v1/schemes/${schemeId}/versions/${draft.json().id}/publish`);
    const card = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)).json();
    // signed 6,000,000 / 5,000,000 = 1.2 -> 120; follow-ups 3/30 -> 10; csat 4/4.5 = 0.89 -> step 0.8 -> 80.
    expect(
      card.items.map((i: { metricId: string; score: number }) => [i.metricId, Math.round(i.score * 1e9) / 1e9]),
    ).toEqual([
      ['signed_amount', 120],
      ['follow_ups', 10],
      ['csat', 80],
    ]);
    expect(card.total).toBeCloseTo(120 * 0.6 + 10 * 0.3 + 80 * 0.1, 9);
    expect(card).toMatchObject({ rating: 'C', version: 1 });
  });

  it('drops an N/A item and re-weights the rest', async () => {
    const card = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.bo}&period=2025-03`)).json();
    expect(card.items[2]).toMatchObject({ metricId: 'csat', isNA: true });
    // 100 x 60/90 + 10 x 30/90 = 70.
    expect(card.total).toBeCloseTo(70, 9);
    expect(card.rating).toBe('C');
  });

  it('a published version is frozen; a trial run scores a draft beside it and changes nothing', async () => {
    const published = (await call(admin, 'GET', '/api/v1/schemes')).json()[0].versions[0];
    const edit = await call(admin, 'PUT', `/api/v1/schemes/${schemeId}/versions/${published.id}`, withGate);
    expect(edit.statusCode).toBe(409);
    const draft = await call(admin, 'POST', `/api/v1/schemes/${schemeId}/versions`, withGate);
    draftId = draft.json().id;
    const trial = (
      await call(admin, 'POST', `/api/v1/schemes/${schemeId}/versions/${draftId}/trial`, { period: '2025-03' })
    ).json();
    expect(trial).toMatchObject({ liveVersion: 1, trialVersion: 2 });
    const byName = Object.fromEntries(trial.rows.map((r: { name: string }) => [r.name, r]));
    // The gate fires for both (collection rate below 0.6): result items x 0.8.
    // Ann: 96 x 0.6 + 10 x 0.3 + 64 x 0.1 = 67 (D). Bo: 80 x 60/90 + 10 x 30/90 = 56.67 (D).
    expect(byName.Ann.trial.total).toBeCloseTo(67, 9);
    expect(byName.Ann.difference).toBeCloseTo(-16, 9);
    expect(byName.Bo.trial.total).toBeCloseTo(170 / 3, 9);
    expect(byName.Bo.trial.rating).toBe('D');
    const official = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)).json();
    expect(official).toMatchObject({ version: 1, rating: 'C' });
  });

  it('scores each period with the version active on its last day', async () => {
    await call(admin, 'POST', `/api/v1/schemes/${schemeId}/versions/${draftId}/publish`);
    const march = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)).json();
    expect(march).toMatchObject({ version: 2, rating: 'D' });
    expect(march.items[0].gates).toEqual([expect.objectContaining({ metricId: 'collection_rate', factor: 0.8 })]);
    const february = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-02`)).json();
    expect(february.version).toBe(1);
  });

  it('closing a period freezes its scorecards; changes need a reason; a recalculation keeps both', async () => {
    const closed = await call(admin, 'POST', '/api/v1/periods/2025-03/close', {});
    expect(closed.json()).toMatchObject({ status: 'closed', revision: 1, scorecards: 2 });
    const frozen = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)).json();
    expect(frozen).toMatchObject({ isFrozen: true, closeRevision: 1, rating: 'D' });
    const target = { metricId: 'follow_ups', subject: `person:${co.people.ann}`, periodKey: '2025-03', value: 3 };
    const silent = await call(admin, 'PUT', '/api/v1/targets', { targets: [target] });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0]).toMatchObject({ field: 'reason', code: 'required' });
    expect(silent.json().errors[0].reason).toContain('2025-03 is closed');
    expect(
      (await call(admin, 'PUT', '/api/v1/targets', { targets: [{ ...target, reason: '目标录入错误' }] })).statusCode,
    ).toBe(200);
    // Still frozen: the follow-up item keeps its old target until the period is recalculated.
    const still = (await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)).json();
    expect(still.total).toBeCloseTo(frozen.total, 9);
    expect((await call(admin, 'POST', '/api/v1/periods/2025-03/reopen', {})).statusCode).toBe(422);
    const again = await call(admin, 'POST', '/api/v1/periods/2025-03/recalculate', { reason: '目标更正后重算' });
    expect(again.json()).toMatchObject({ status: 'closed', revision: 2, reason: '目标更正后重算' });
    const recalculated = (
      await call(admin, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)
    ).json();
    // follow-ups now 3/3 -> 100 instead of 10: +90 x 0.3 = +27.
    expect(recalculated.closeRevision).toBe(2);
    expect(recalculated.total - frozen.total).toBeCloseTo(27, 9);
    const audit = (await call(admin, 'GET', '/api/v1/audit-log?recordKind=periods&sort=at')).json().items;
    expect(audit.map((a: { action: string; reason: string | null }) => [a.action, a.reason])).toEqual([
      ['close', null],
      ['recalculate', '目标更正后重算'],
    ]);
  });

  it('a rep sees their own scorecard only', async () => {
    expect((await call(ann, 'GET', `/api/v1/scorecards?personId=${co.people.ann}&period=2025-03`)).statusCode).toBe(
      200,
    );
    expect((await call(ann, 'GET', `/api/v1/scorecards?personId=${co.people.bo}&period=2025-03`)).statusCode).toBe(404);
    expect((await call(ann, 'POST', '/api/v1/schemes', { positionId: 'x', name: 'x' })).statusCode).toBe(403);
  });
});
