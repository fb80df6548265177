import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveDueBoards } from '../../src/app/leaderboards/archive-boards.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, seedRecords, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Leaderboards on the test company (factories.ts) plus Erin, who joins Team 3 on 2025-03-01.
// Today is Thursday 2025-03-20. Contract amounts are entered in yuan; values are in cents:
//   March: Bob 500_00, Alice 300_00, Carol 300_00, Dave 200_00, Erin 100_00; Max, Mia, Rita 0.
//     ranks 1, 2, 2, 4, 5, 6, 6, 6
//   February: Bob 900_00, Alice 500_00, Dave 200_00; Carol, Max, Mia, Rita 0 (Erin not there).
//     ranks 1, 2, 3, 4, 4, 4, 4
// Week 2025-W11 (03-10..03-16): Dave 200_00, Erin 100_00, everyone else 0.

type Row = {
  rank: number | null;
  previousRank: number | null;
  change: string | null;
  subject: { kind: string; id: string | null };
  name: string | null;
  unitName: string | null;
  value: number | null;
  rating: string | null;
  isOwn: boolean;
  isNameHidden: boolean;
  explainUrl: string | null;
};

describe.each(dialects)('leaderboards on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let as: Record<'admin' | 'rita' | 'mia' | 'alice' | 'dave', Session>;
  let erin: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2025-03-20T04:00:00Z'));
    co = await buildTestCompany(db.deps);
    erin = (
      await seedRecords(db.deps, co.tenantId, 'people', [
        { externalId: 'ERIN', name: 'Erin 钱', email: 'erin@acme.test', unitId: 'T3', hiredOn: '2025-03-01' },
      ])
    ).ERIN as string;
    const contract = (id: string, owner: string, customer: string, amountCents: number, signedOn: string) => ({
      externalId: id,
      title: id,
      ownerId: owner,
      customerId: customer,
      amountCents,
      signedOn,
    });
    await seedRecords(db.deps, co.tenantId, 'contracts', [
      contract('FA', 'ALICE', 'C-ALICE', 500, '2025-02-10'),
      contract('FB', 'BOB', 'C-BOB', 900, '2025-02-11'),
      contract('FD', 'DAVE', 'C-DAVE', 200, '2025-02-12'),
      contract('MA', 'ALICE', 'C-ALICE', 300, '2025-03-05'),
      contract('MB', 'BOB', 'C-BOB', 500, '2025-03-06'),
      contract('MC', 'CAROL', 'C-CAROL', 300, '2025-03-07'),
      contract('MD', 'DAVE', 'C-DAVE', 200, '2025-03-10'),
      contract('ME', 'ERIN', 'C-DAVE', 100, '2025-03-11'),
    ]);
    app = await buildApp(db.deps);
    as = {
      admin: await logIn(app, co.emails.admin as string),
      rita: await logIn(app, co.emails.rita as string),
      mia: await logIn(app, co.emails.mia as string),
      alice: await logIn(app, co.emails.alice as string),
      dave: await logIn(app, co.emails.dave as string),
    };
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (who: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const board = async (who: Session, query: string) => {
    const res = await call(who, 'GET', `/api/v1/leaderboards?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: Row[]; totalRows: number; visibility: { mode: string; isNameHidden: boolean } };
  };
  const names = (rows: Row[]) => rows.map((r) => `${r.rank ?? '-'} ${r.name ?? '—'}${r.isOwn ? ' *' : ''}`);
  const setBoards = async (leaderboard: object) => {
    const res = await call(as.admin, 'PATCH', '/api/v1/tenant', { settings: { leaderboard } });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('ranks the company by a metric: ties share a rank, change against the previous month', async () => {
    const { rows } = await board(as.admin, 'metric=signed_amount&scope=company&period=2025-03');
    expect(rows.map((r) => [r.name, r.unitName, r.value, r.rank, r.previousRank, r.change])).toEqual([
      ['Bob 李', '一组', 500_00, 1, 1, 'same'],
      ['Alice 王', '一组', 300_00, 2, 2, 'same'],
      ['Carol 张', '二组', 300_00, 2, 4, 'up'],
      ['Dave 赵', '三组', 200_00, 4, 3, 'down'],
      ['Erin 钱', '三组', 100_00, 5, null, 'new'],
      ['Max 组长', '二组', 0, 6, 4, 'down'],
      ['Mia 组长', '一组', 0, 6, 4, 'down'],
      ['Rita 区域经理', '华东', 0, 6, 4, 'down'],
    ]);
  });

  it("sends a page of the board (limit) with the viewer's own row below it", async () => {
    const page = await board(as.admin, 'metric=signed_amount&scope=company&period=2025-03&limit=2');
    expect(names(page.rows)).toEqual(['1 Bob 李', '2 Alice 王']);
    expect(page).toMatchObject({ totalRows: 8, visibleRows: 8 });
    const dave = await board(as.dave, 'metric=signed_amount&scope=company&period=2025-03&limit=2');
    expect(names(dave.rows)).toEqual(['1 Bob 李', '2 Alice 王', '4 Dave 赵 *']);
    const bad = await call(as.admin, 'GET', '/api/v1/leaderboards?metric=signed_amount&period=2025-03&limit=0');
    expect(bad.statusCode).toBe(422);
  });

  it("links each value to the records behind it, and the viewer's own team is 'team'", async () => {
    const { rows } = await board(as.admin, 'metric=signed_amount&scope=company&period=2025-03');
    const alice = rows.find((r) => r.name === 'Alice 王') as Row;
    const explained = await call(as.admin, 'GET', alice.explainUrl as string);
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json().value.value).toBe(300_00);
    expect(explained.json().facts.map((f: { recordId: string }) => f.recordId)).toHaveLength(1);
    const team = await board(as.alice, 'metric=signed_amount&scope=team&period=2025-03');
    expect(names(team.rows)).toEqual(['1 Bob 李', '2 Alice 王 *', '3 Mia 组长']);
  });

  it('ranks teams by a metric (a unit sums its people)', async () => {
    const { rows } = await board(as.alice, 'metric=signed_amount&scope=company&period=2025-03&by=unit');
    expect(rows.map((r) => [r.name, r.value, r.rank, r.isOwn])).toEqual([
      ['一组', 800_00, 1, true],
      ['二组', 300_00, 2, false],
      ['三组', 300_00, 2, false],
    ]);
    expect(rows[1]?.explainUrl).toContain(`subject=unit:${co.units.T2}`);
  });

  it('puts lower-is-better metrics the other way round, with N/A last and unranked', async () => {
    const created = await call(as.admin, 'POST', '/api/v1/custom-metrics', {
      key: 'smallest_contract',
      name: { 'zh-CN': '最小合同额', en: 'Smallest contract' },
      category: 'result',
      unit: 'cny',
      direction: 'lower',
      definition: {
        kind: 'aggregate',
        source: 'contracts',
        aggregate: 'min',
        field: 'amountCents',
        filters: [],
        dateField: 'signedOn',
        credit: 'owner',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { rows } = await board(as.admin, 'metric=smallest_contract&scope=company&period=2025-03');
    expect(rows.map((r) => [r.name, r.value, r.rank])).toEqual([
      ['Erin 钱', 100_00, 1],
      ['Dave 赵', 200_00, 2],
      ['Alice 王', 300_00, 3],
      ['Carol 张', 300_00, 3],
      ['Bob 李', 500_00, 5],
      ['Max 组长', null, null],
      ['Mia 组长', null, null],
      ['Rita 区域经理', null, null],
    ]);
  });

  it("in 'top' mode a rep sees the top N and their own row; a manager their people; admin everyone", async () => {
    await setBoards({ mode: 'top', topN: 2 });
    const q = 'metric=signed_amount&scope=company&period=2025-03';
    // A tie at the boundary (Alice and Carol share rank 2) keeps both.
    expect(names((await board(as.alice, q)).rows)).toEqual(['1 Bob 李', '2 Alice 王 *', '2 Carol 张']);
    expect(names((await board(as.dave, q)).rows)).toEqual(['1 Bob 李', '2 Alice 王', '2 Carol 张', '4 Dave 赵 *']);
    expect(names((await board(as.mia, q)).rows)).toEqual(['1 Bob 李', '2 Alice 王', '2 Carol 张', '6 Mia 组长 *']);
    expect(names((await board(as.rita, q)).rows)).toEqual([
      '1 Bob 李',
      '2 Alice 王',
      '2 Carol 张',
      '6 Max 组长',
      '6 Mia 组长',
      '6 Rita 区域经理 *',
    ]);
    const all = await board(as.admin, q);
    expect(all.rows).toHaveLength(8);
    expect(all.totalRows).toBe(8);
    // A rep opens only their own records; another person's value has no link.
    const daveRows = (await board(as.dave, q)).rows;
    expect(daveRows.map((r) => r.explainUrl !== null)).toEqual([false, false, false, true]);
    await setBoards({ mode: 'public', topN: 10 });
  });

  it('hides names for the metrics the tenant chose, except one’s own and one’s people', async () => {
    await setBoards({ hideNamesFor: ['signed_amount'] });
    const q = 'metric=signed_amount&scope=company&period=2025-03';
    const alice = await board(as.alice, q);
    expect(alice.visibility.isNameHidden).toBe(true);
    expect(names(alice.rows)).toEqual(['1 —', '2 Alice 王 *', '2 —', '4 —', '5 —', '6 —', '6 —', '6 —']);
    expect(alice.rows[0]).toMatchObject({ subject: { kind: 'person', id: null }, unitName: null, explainUrl: null });
    expect(alice.rows[0]?.value).toBe(500_00);
    expect(names((await board(as.mia, q)).rows)).toEqual([
      '1 Bob 李',
      '2 Alice 王',
      '2 —',
      '4 —',
      '5 —',
      '6 —',
      '6 Mia 组长 *',
      '6 —',
    ]);
    expect(names((await board(as.admin, q)).rows).filter((n) => n.includes('—'))).toEqual([]);
    // Another metric keeps its names.
    expect(names((await board(as.alice, 'metric=follow_ups&scope=company&period=2025-03')).rows)).not.toContain('1 —');
    await setBoards({ hideNamesFor: [] });
  });

  it('refuses a leaderboard setting naming an unknown metric, changing nothing', async () => {
    const res = await call(as.admin, 'PATCH', '/api/v1/tenant', {
      settings: { leaderboard: { mode: 'top', topN: 0, hideNamesFor: ['nope'] } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'settings.leaderboard.topN',
      'settings.leaderboard.hideNamesFor[0]',
    ]);
    expect((await call(as.admin, 'GET', '/api/v1/tenant')).json().settings.leaderboard).toEqual({
      mode: 'public',
      topN: 10,
      hideNamesFor: [],
    });
  });

  it('ranks the total score of each person’s scheme, with the rating', async () => {
    await seedRecords(db.deps, co.tenantId, 'positions', [{ externalId: 'sales', code: 'sales', name: '销售' }]);
    await seedRecords(db.deps, co.tenantId, 'people', [
      { externalId: 'ALICE', positionId: 'sales' },
      { externalId: 'BOB', positionId: 'sales' },
      { externalId: 'CAROL', positionId: 'sales' },
    ]);
    const positionId = (await call(as.admin, 'GET', '/api/v1/positions')).json().items[0].id;
    const scheme = (await call(as.admin, 'POST', '/api/v1/schemes', { positionId, name: '销售考核' })).json();
    const version = await call(as.admin, 'POST', `/api/v1/schemes/${scheme.id}/versions`, {
      effectiveFrom: '2025-01-01',
      items: [{ metricId: 'signed_amount', weight: 100, role: 'primary', mode: 'linear' }],
    });
    expect(version.statusCode, version.body).toBe(201);
    await call(as.admin, 'POST', `/api/v1/schemes/${scheme.id}/versions/${version.json().id}/publish`);
    const person = (p: string) => `person:${co.people[p]}`;
    const targets = await call(as.admin, 'PUT', '/api/v1/targets', {
      targets: [
        { metricId: 'signed_amount', subject: person('ALICE'), periodKey: '2025-03', value: 300_00 },
        { metricId: 'signed_amount', subject: person('BOB'), periodKey: '2025-03', value: 1000_00 },
        { metricId: 'signed_amount', subject: person('CAROL'), periodKey: '2025-03', value: 200_00 },
      ],
    });
    expect(targets.statusCode, targets.body).toBe(200);
    const { rows } = await board(as.admin, 'metric=score&scope=company&period=2025-03');
    // Carol 300/200 = 1.5, capped at 1.2 -> 120 (S); Alice 1.0 -> 100 (A); Bob 0.5 -> 50 (D).
    expect(
      rows.map((r) => [r.name, r.value === null ? null : Math.round(r.value * 1e6) / 1e6, r.rating, r.rank]),
    ).toEqual([
      ['Carol 张', 120, 'S', 1],
      ['Alice 王', 100, 'A', 2],
      ['Bob 李', 50, 'D', 3],
      ['Dave 赵', null, null, null],
      ['Erin 钱', null, null, null],
      ['Max 组长', null, null, null],
      ['Mia 组长', null, null, null],
      ['Rita 区域经理', null, null, null],
    ]);
    // The same total as the person's scorecard, which the row links to.
    const card = await call(as.admin, 'GET', rows[0]?.explainUrl as string);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().total).toBeCloseTo(rows[0]?.value as number, 9);
  });

  it.each([
    ['metric=nope&period=2025-03', 'metric'],
    ['metric=signed_amount&period=2025-13', 'period'],
    ['metric=signed_amount&period=2025-03&scope=galaxy', 'scope'],
    ['metric=signed_amount&period=2025-03&scope=unit:nope', 'scope'],
    ['metric=signed_amount&period=2025-03&scope=team', 'scope'],
    ['metric=signed_amount&period=2025-03&by=department', 'by'],
    ['metric=score&period=2025-03&by=unit', 'by'],
    ['metric=signed_amount', 'period'],
  ])('refuses %s naming %s as problem+json', async (query, field) => {
    const res = await call(as.admin, 'GET', `/api/v1/leaderboards?${query}`);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('archives a past week once: a second run changes nothing; archived boards keep visibility', async () => {
    const notOver = await call(as.admin, 'POST', '/api/v1/leaderboards/archive', { week: '2025-W12' });
    expect(notOver.statusCode).toBe(422);
    expect(notOver.json().errors[0].field).toBe('week');
    const notAWeek = await call(as.admin, 'POST', '/api/v1/leaderboards/archive', { week: '2025-03' });
    expect(notAWeek.json().errors.map((e: { field: string }) => e.field)).toEqual(['week']);
    expect((await call(as.alice, 'POST', '/api/v1/leaderboards/archive', { week: '2025-W11' })).statusCode).toBe(403);

    // The scheduler's check: last week (today is Thursday 2025-03-20) is not archived yet.
    const [first] = await archiveDueBoards(db.deps);
    expect(first).toMatchObject({ tenantId: co.tenantId, weekKey: '2025-W11', alreadyArchived: [] });
    expect(first?.archived).toEqual([
      'signed_amount',
      'weighted_signed_amount',
      'collected_amount',
      'new_customers',
      'follow_ups',
      'effective_visits',
      'pipeline_added',
      'assists',
      'knowledge_shares',
      'knowledge_useful',
      'score',
    ]);
    const stored = () =>
      db.deps.db
        .selectFrom('leaderboardArchives')
        .select(['metricId', 'rowsJson', 'archivedAt'])
        .orderBy('metricId')
        .execute();
    const before = await stored();
    expect(before.map((b) => b.metricId)).toEqual([...(first?.archived ?? [])].sort());

    // A write after archiving does not touch the snapshot.
    await seedRecords(db.deps, co.tenantId, 'contracts', [
      {
        externalId: 'LATE',
        title: 'LATE',
        ownerId: 'ALICE',
        customerId: 'C-ALICE',
        amountCents: 999,
        signedOn: '2025-03-12',
      },
    ]);
    const second = await call(as.admin, 'POST', '/api/v1/leaderboards/archive', { week: '2025-W11' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ weekKey: '2025-W11', archived: [] });
    expect(second.json().alreadyArchived).toHaveLength(11);
    expect(await archiveDueBoards(db.deps)).toEqual([]);
    expect(await stored()).toEqual(before);

    const weeks = (await call(as.alice, 'GET', '/api/v1/leaderboards/archive')).json();
    expect(weeks.map((w: { weekKey: string; start: string; end: string }) => [w.weekKey, w.start, w.end])).toEqual([
      ['2025-W11', '2025-03-10', '2025-03-16'],
    ]);
    await setBoards({ mode: 'top', topN: 1 });
    const archived = await call(as.alice, 'GET', '/api/v1/leaderboards/archive/2025-W11?metric=signed_amount');
    expect(archived.statusCode, archived.body).toBe(200);
    expect(names(archived.json().rows)).toEqual(['1 Dave 赵', '3 Alice 王 *']);
    const full = await call(as.admin, 'GET', '/api/v1/leaderboards/archive/2025-W11?metric=signed_amount');
    expect(full.json().rows.map((r: Row) => r.value)).toEqual([200_00, 100_00, 0, 0, 0, 0, 0, 0]);
    await setBoards({ mode: 'public', topN: 10 });
    const missing = await call(as.admin, 'GET', '/api/v1/leaderboards/archive/2025-W10?metric=signed_amount');
    expect(missing.statusCode).toBe(404);
  });

  it('shows a write on the next read (the cached board is dropped)', async () => {
    const q = 'metric=signed_amount&scope=company&period=2025-03';
    // Alice's late contract of 999.00 (signed 03-12) put her first; Erin is 5th.
    const before = (await board(as.admin, q)).rows.find((r) => r.name === 'Erin 钱');
    expect(before?.rank).toBe(5);
    const res = await call(as.admin, 'POST', '/api/v1/contracts', {
      title: 'BIG',
      ownerId: erin,
      customerId: co.customers['C-DAVE'],
      amountCents: 5000_00, // the API takes cents (an import takes yuan)
      signedOn: '2025-03-19',
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await board(as.admin, q)).rows[0];
    expect([after?.name, after?.value, after?.rank]).toEqual(['Erin 钱', 5100_00, 1]);
  });
});
