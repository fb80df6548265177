import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKinds } from '../../src/domain/records/kinds.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

describe.each(dialects)('records API on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    admin = await logIn(app, co.emails.admin as string);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('creates, reads, updates and deletes a record, with an audit trail', async () => {
    const created = await call('POST', '/api/v1/contacts', { customerId: 'C-ALICE', name: '王经理', title: '采购' });
    expect(created.statusCode).toBe(201);
    const id = created.json().record.id as string;
    expect(created.json().record.customerId).toBe(co.customers['C-ALICE']);
    const patched = await call('PATCH', `/api/v1/contacts/${id}`, { title: '采购总监' });
    expect(patched.json().record).toMatchObject({ name: '王经理', title: '采购总监' });
    expect((await call('DELETE', `/api/v1/contacts/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/contacts/${id}`)).statusCode).toBe(404);
    const audit = await call('GET', `/api/v1/audit-log?recordId=${id}&sort=at`);
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses deleting a record others refer to, and says why', async () => {
    expect((await call('POST', '/api/v1/contacts', { customerId: 'C-DAVE', name: '赵总' })).statusCode).toBe(201);
    const res = await call('DELETE', `/api/v1/customers/${co.customers['C-DAVE']}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('still referenced');
  });

  it('lists with filters, search, sort and cursor pagination', async () => {
    const page1 = await call('GET', '/api/v1/customers?sort=-name&limit=3');
    expect(page1.json().items.map((c: { name: string }) => c.name)).toEqual(['鲍勃客户', '爱丽丝客户', '戴夫客户']);
    const page2 = await call('GET', `/api/v1/customers?sort=-name&limit=3&cursor=${page1.json().nextCursor}`);
    expect(page2.json().items.map((c: { name: string }) => c.name)).toEqual(['卡罗尔客户']);
    expect(page2.json().nextCursor).toBeNull();
    const gradeA = await call('GET', '/api/v1/customers?grade=A&sort=name');
    expect(gradeA.json().items.map((c: { name: string }) => c.name)).toEqual(['戴夫客户', '爱丽丝客户']);
    const search = await call('GET', `/api/v1/customers?q=${encodeURIComponent('鲍勃')}`);
    expect(search.json().items).toHaveLength(1);
    const team1 = await call('GET', `/api/v1/people?unitId=${co.units.T1}&sort=name`);
    expect(team1.json().items.map((p: { externalId: string }) => p.externalId)).toEqual(['ALICE', 'BOB', 'MIA']);
  });

  it('refuses a deal team whose shares do not sum to 100%, naming the field, and changes nothing', async () => {
    const before = (await call('GET', '/api/v1/deals')).json().items.length;
    const bad = await call('POST', '/api/v1/deals', {
      customerId: 'C-ALICE',
      name: '年度框架',
      amountCents: 50_000_00,
      stage: 'proposal',
      ownerId: 'ALICE',
      team: [
        { personId: 'ALICE', role: 'owner', sharePct: 60 },
        { personId: 'BOB', role: 'assist', sharePct: 30 },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({
      record: 'deals',
      errors: [{ field: 'team', code: 'shares_sum', reason: 'shares sum to 90%, they must sum to exactly 100%' }],
    });
    expect((await call('GET', '/api/v1/deals')).json().items.length).toBe(before);
    const good = await call('POST', '/api/v1/deals', {
      customerId: 'C-ALICE',
      name: '年度框架',
      amountCents: 50_000_00,
      stage: 'proposal',
      ownerId: 'ALICE',
      team: [
        { personId: 'ALICE', role: 'owner', sharePct: 60 },
        { personId: 'BOB', role: 'assist', sharePct: 40 },
      ],
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().record.team).toEqual([
      { personId: co.people.ALICE, role: 'owner', sharePct: 60 },
      { personId: co.people.BOB, role: 'assist', sharePct: 40 },
    ]);
  });

  it('a contract from a deal starts with the deal team’s shares', async () => {
    const deal = await call('POST', '/api/v1/deals', {
      customerId: 'C-BOB',
      name: '续约',
      amountCents: 10_000_00,
      stage: 'closed',
      outcome: 'won',
      createdOn: '2026-01-05',
      closedOn: '2026-03-01',
      ownerId: 'BOB',
      team: [
        { personId: 'BOB', role: 'owner', sharePct: 70 },
        { personId: 'CAROL', role: 'assist', sharePct: 30 },
      ],
    });
    expect(deal.statusCode).toBe(201);
    const contract = await call('POST', '/api/v1/contracts', {
      customerId: 'C-BOB',
      dealId: deal.json().record.id,
      ownerId: 'BOB',
      title: '续约合同',
      amountCents: 10_000_00,
      signedOn: '2026-03-01',
    });
    expect(contract.statusCode).toBe(201);
    expect(contract.json().record.splits).toEqual([
      { personId: co.people.BOB, sharePct: 70 },
      { personId: co.people.CAROL, sharePct: 30 },
    ]);
  });

  it.each([
    ['a negative amount', { amountCents: -1 }, 'amountCents', 'range'],
    ['a date that does not exist', { signedOn: '2025-02-29' }, 'signedOn', 'date'],
    ['an unknown customer', { customerId: 'NOPE' }, 'customerId', 'unknown_ref'],
    ['an end before the start', { startOn: '2026-03-01', endOn: '2026-02-01' }, 'endOn', 'order'],
  ])('refuses a contract with %s', async (_name, override, field, code) => {
    const res = await call('POST', '/api/v1/contracts', {
      customerId: 'C-ALICE',
      ownerId: 'ALICE',
      title: '坏合同',
      amountCents: 1000_00,
      signedOn: '2026-03-01',
      ...override,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('accepts a payment above what is left to collect with a warning flag, refuses an oversized refund', async () => {
    const contract = await call('POST', '/api/v1/contracts', {
      customerId: 'C-DAVE',
      ownerId: 'DAVE',
      title: '小合同',
      amountCents: 1000_00,
      signedOn: '2026-02-01',
      externalId: 'K-SMALL',
    });
    expect(contract.statusCode).toBe(201);
    const first = await call('POST', '/api/v1/payments', {
      contractId: 'K-SMALL',
      receivedOn: '2026-02-10',
      amountCents: 800_00,
    });
    expect(first.json().record.exceedsOutstanding).toBe(0);
    const over = await call('POST', '/api/v1/payments', {
      contractId: 'K-SMALL',
      receivedOn: '2026-02-20',
      amountCents: 300_00,
    });
    expect(over.statusCode).toBe(201);
    expect(over.json().record.exceedsOutstanding).toBe(1);
    expect(over.json().warnings[0].reason).toContain('more than its amount');
    const refund = await call('POST', '/api/v1/payments', {
      contractId: 'K-SMALL',
      receivedOn: '2026-03-01',
      amountCents: -2000_00,
    });
    expect(refund.statusCode).toBe(422);
    expect(refund.json().errors[0]).toMatchObject({ field: 'amountCents', code: 'range' });
    const future = await call('POST', '/api/v1/payments', {
      contractId: 'K-SMALL',
      receivedOn: '2026-03-11',
      amountCents: 1_00,
    });
    expect(future.json().errors[0]).toMatchObject({ field: 'receivedOn', code: 'future' });
  });

  it('sets logged_at on the server and never lets the API change it', async () => {
    const res = await call('POST', '/api/v1/activities', {
      personId: 'ALICE',
      customerId: 'C-ALICE',
      type: 'visit',
      occurredAt: '2026-03-09T16:30:00Z',
      durationMin: 30,
      notes: '上门拜访，确认需求',
    });
    expect(res.json().record).toMatchObject({ loggedAt: '2026-03-10T02:00:00.000Z', occurredOn: '2026-03-10' });
    const forged = await call('POST', '/api/v1/activities', {
      personId: 'ALICE',
      type: 'call',
      occurredAt: '2026-03-09T01:00:00Z',
      notes: '电话',
      loggedAt: '2026-03-09T01:00:00Z',
    });
    expect(forged.statusCode).toBe(422);
    const edit = await call('PATCH', `/api/v1/activities/${res.json().record.id}`, {
      loggedAt: '2026-03-09T17:00:00Z',
    });
    expect(edit.statusCode).toBe(422);
  });

  it('batch upsert by externalId is idempotent: the same batch twice changes nothing', async () => {
    const batch = {
      records: [
        { externalId: 'CRM-1', name: '同步客户一', grade: 'A', ownerId: 'ALICE' },
        { externalId: 'CRM-2', name: '同步客户二', grade: 'B', ownerId: 'BOB' },
      ],
    };
    const first = await call('POST', '/api/v1/customers/batch', batch);
    expect(first.json()).toMatchObject({ isCommitted: true, total: 2, issues: [] });
    expect(first.json().created).toHaveLength(2);
    const second = await call('POST', '/api/v1/customers/batch', batch);
    expect(second.json()).toMatchObject({ isCommitted: true, created: [], updated: [] });
    expect(second.json().unchanged).toEqual(first.json().created);
    const changed = await call('POST', '/api/v1/customers/batch', { records: [{ externalId: 'CRM-2', grade: 'C' }] });
    expect(changed.json().updated).toEqual([first.json().created[1]]);
  });

  it('refuses a batch with a duplicate externalId, all or nothing; skipInvalid writes the rest', async () => {
    const records = [
      { externalId: 'DUP-1', name: '一', grade: 'A' },
      { externalId: 'DUP-1', name: '二', grade: 'B' },
      { externalId: 'DUP-2', name: '三', grade: 'B' },
    ];
    const refused = await call('POST', '/api/v1/customers/batch', { records });
    expect(refused.json()).toMatchObject({ isCommitted: false, created: [] });
    expect(refused.json().issues).toEqual([
      expect.objectContaining({ index: 1, field: 'externalId', code: 'duplicate_key' }),
    ]);
    expect((await call('GET', '/api/v1/customers?externalId=DUP-2')).json().items).toHaveLength(0);
    const skipped = await call('POST', '/api/v1/customers/batch', { records, skipInvalid: true });
    expect(skipped.json()).toMatchObject({ isCommitted: true, skippedRows: [1] });
    expect(skipped.json().created).toHaveLength(2);
  });

  it('a transfer sets the person’s unit from today and keeps the history', async () => {
    const res = await call('PATCH', `/api/v1/people/${co.people.BOB}`, { unitId: 'T2' });
    expect(res.json().record.unitId).toBe(co.units.T2);
    const history = await call('GET', `/api/v1/memberships?personId=${co.people.BOB}&sort=startOn`);
    expect(history.json().items.map((m: { startOn: string; endOn: string | null }) => [m.startOn, m.endOn])).toEqual([
      ['2024-01-01', '2026-03-09'],
      ['2026-03-10', null],
    ]);
  });

  it('refuses moving a unit under its own descendant', async () => {
    const res = await call('PATCH', `/api/v1/org-units/${co.units.EAST}`, { parentId: 'T1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'parentId', code: 'rule' });
  });

  it('moving a unit moves its descendants', async () => {
    expect((await call('PATCH', `/api/v1/org-units/${co.units.T2}`, { parentId: 'NORTH' })).statusCode).toBe(200);
    const t2 = (await call('GET', `/api/v1/org-units/${co.units.T2}`)).json();
    expect(t2.path).toBe(`/${co.units.CO}/${co.units.NORTH}/${co.units.T2}/`);
  });

  it('unknown ids are 404 problems naming the record', async () => {
    const res = await call('GET', '/api/v1/deals/01900000-0000-7000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ record: 'deals', status: 404 });
  });

  it('documents every route in /api/openapi.json', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    for (const kind of recordKinds) {
      const base = `/api/v1/${kind.path}`;
      const reads = [`GET ${base}`, `GET ${base}/:id`, `GET ${base}/export`];
      const writes = [
        `POST ${base}`,
        `PATCH ${base}/:id`,
        `DELETE ${base}/:id`,
        `POST ${base}/batch`,
        `POST ${base}/import`,
        `GET ${base}/template`,
      ];
      for (const route of kind.isReadOnly ? reads : [...reads, ...writes]) expect(documented).toContain(route);
    }
    for (const route of [
      'POST /api/v1/auth/login',
      'GET /api/v1/auth/me',
      'POST /api/v1/auth/tokens',
      'GET /api/health',
    ])
      expect(documented).toContain(route);
  });
});
