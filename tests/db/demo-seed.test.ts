import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/app/auth/passwords.ts';
import { type DatabaseHandle, type Db, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/schema.ts';
import { type DemoTable, demoTables, generateDemoCompany } from '../../src/db/seed/demo-data.ts';
import { DEMO_PASSWORD, type DemoSummary, hasAnyTenant, seedDemo } from '../../src/db/seed/seed-demo.ts';
import { isValidIsoDate, localDate } from '../../src/domain/time/dates.ts';

const TODAY = '2026-11-27';
const TODAY_END = '2026-11-27T15:59:59.999Z'; // 23:59:59.999 in Asia/Shanghai
const SEED = 20260101;
const HISTORY_START = '2025-05-01'; // the first of the month 18 months before TODAY

// The exact output of seed 20260101 up to 2026-11-27: pinned so both dialects load the very
// same company and any change to the generator is a deliberate one.
const EXPECTED_COUNTS: Record<DemoTable, number> = {
  tenants: 1,
  positions: 3,
  people: 60,
  orgUnits: 12,
  memberships: 63,
  users: 62,
  customers: 598,
  contacts: 1097,
  deals: 1_894,
  dealMembers: 2_577,
  contracts: 899,
  contractSplits: 1_148,
  installments: 2_203,
  payments: 1_851,
  activities: 32_709,
  proposals: 1_364,
  surveys: 552,
  knowledgePosts: 80,
  knowledgeVotes: 551,
  peerRatings: 1_208,
  calendarDays: 121,
  usageEvents: 39_083,
};

const DAY_MS = 24 * 60 * 60 * 1000;

function sumBy<T>(rows: T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + value(r));
  return sums;
}

type Coverage = { dueOn: string; amountCents: number; paidOnTime: number; paid: number; paidLate: boolean };

/** Spec 3 collection allocation, written independently here: payments cover installments FIFO. */
function allocate(
  installments: Array<{ id: string; dueOn: string; amountCents: number }>,
  payments: Array<{ receivedOn: string; amountCents: number }>,
): Coverage[] {
  const plan = [...installments].sort((a, b) =>
    a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1,
  );
  const cover = plan.map((i) => ({
    dueOn: i.dueOn,
    amountCents: i.amountCents,
    paidOnTime: 0,
    paid: 0,
    paidLate: false,
  }));
  for (const p of [...payments].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1))) {
    let left = p.amountCents;
    for (const c of cover) {
      const take = Math.min(left, c.amountCents - c.paid);
      if (take <= 0) continue;
      c.paid += take;
      if (p.receivedOn <= c.dueOn) c.paidOnTime += take;
      else c.paidLate = true;
      left -= take;
    }
  }
  return cover;
}

function describeSeededDatabase(name: string, isEnabled: boolean, open: () => Promise<DatabaseHandle>) {
  describe.runIf(isEnabled)(`seedDemo on ${name}`, () => {
    let handle: DatabaseHandle;
    let db: Db;
    let summary: DemoSummary;
    let tenantId: string;

    beforeAll(async () => {
      handle = await open();
      db = handle.db;
      await migrateToLatest(db);
      expect(await hasAnyTenant(db)).toBe(false);
      const started = performance.now();
      summary = await seedDemo(db, { seed: SEED, today: TODAY });
      console.info(`seedDemo on ${name}: ${Math.round(performance.now() - started)} ms`);
      tenantId = summary.tenantId;
    });
    afterAll(async () => {
      await handle?.destroy();
    });

    // One reader for every demo table; the cast stands in for Kysely's per-table overloads.
    const rowsOf = <K extends DemoTable>(table: K) =>
      db
        .selectFrom(table as 'deals')
        .selectAll()
        .where('tenantId', '=', tenantId)
        .execute() as unknown as Promise<Database[K][]>;

    it('loads the pinned counts, and the database holds exactly those rows', async () => {
      expect(summary.slug).toBe('demo');
      expect(summary.counts).toEqual(EXPECTED_COUNTS);
      for (const table of demoTables) {
        const column = table === 'tenants' ? 'id' : 'tenantId';
        const row = await db
          // biome-ignore lint/suspicious/noExplicitAny: counting any demo table
          .selectFrom(table as any)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column, '=', tenantId)
          .executeTakeFirstOrThrow();
        expect([table, Number(row.n)]).toEqual([table, EXPECTED_COUNTS[table]]);
      }
    });

    it('has the organisation of the brief', async () => {
      const units = await rowsOf('orgUnits');
      expect(units.filter((u) => u.kind === 'company').map((u) => u.name)).toEqual(['示例科技有限公司']);
      expect(
        units
          .filter((u) => u.kind === 'region')
          .map((u) => u.name)
          .sort(),
      ).toEqual(['华东', '华北', '华南']);
      const teams = units.filter((u) => u.kind === 'team');
      expect(teams.length).toBeGreaterThanOrEqual(7);
      expect(teams.length).toBeLessThanOrEqual(9);
      expect(units.filter((u) => u.kind !== 'company' && u.managerId === null)).toEqual([]);
      const root = units.find((u) => u.kind === 'company');
      expect(teams.every((t) => t.path.startsWith(`/${root?.id}/${t.parentId}/${t.id}/`))).toBe(true);

      const people = await rowsOf('people');
      expect(people.length).toBeGreaterThanOrEqual(55);
      expect(people.length).toBeLessThanOrEqual(65);
      const positions = await rowsOf('positions');
      const codeOf = new Map(positions.map((p) => [p.id, p.code]));
      const repCodes = new Set(people.map((p) => codeOf.get(p.positionId ?? '')).filter((c) => c !== 'manager'));
      expect([...repCodes].sort()).toEqual(['hunter', 'success']);
      expect(people.filter((p) => (p.hiredOn ?? '') >= HISTORY_START).length).toBeGreaterThanOrEqual(3);

      const memberships = await rowsOf('memberships');
      const byPerson = new Map<string, typeof memberships>();
      for (const m of memberships) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m]);
      const transferred = [...byPerson.values()].filter((ms) => ms.length >= 2);
      expect(transferred.length).toBeGreaterThanOrEqual(3);
      for (const ms of transferred) {
        const [first, second] = [...ms].sort((a, b) => (a.startOn < b.startOn ? -1 : 1));
        // The old membership ends the day before the new one starts.
        expect(Date.parse(second?.startOn ?? '') - Date.parse(first?.endOn ?? '')).toBe(DAY_MS);
      }
      const leavers = people.filter((p) => p.leftOn !== null);
      expect(leavers.length).toBe(2);
      expect(leavers.filter((p) => !(byPerson.get(p.id) ?? []).some((m) => m.endOn === p.leftOn))).toEqual([]);
      for (const p of people) {
        const current = (byPerson.get(p.id) ?? []).filter((m) => m.endOn === null);
        expect([p.externalId, current.length]).toEqual([p.externalId, p.leftOn ? 0 : 1]);
      }
    });

    it('gives each deal a team whose shares sum to 10000 with exactly one owner, the deal owner', async () => {
      const deals = await rowsOf('deals');
      const members = await rowsOf('dealMembers');
      const shares = sumBy(
        members,
        (m) => m.dealId,
        (m) => m.shareBp,
      );
      const owners = new Map(members.filter((m) => m.role === 'owner').map((m) => [m.dealId, m.personId]));
      expect(members.filter((m) => m.role === 'owner').length).toBe(deals.length);
      expect(deals.filter((d) => shares.get(d.id) !== 10_000 || owners.get(d.id) !== d.ownerId)).toEqual([]);
      expect(members.filter((m) => m.role === 'assist').length).toBeGreaterThan(deals.length * 0.15);
      const closed = deals.filter((d) => d.outcome !== 'open');
      expect(closed.filter((d) => d.stage !== 'closed' || !d.closedOn || d.closedOn < d.createdOn)).toEqual([]);
      expect(deals.filter((d) => d.outcome === 'open' && (d.stage === 'closed' || d.closedOn !== null))).toEqual([]);
      expect(deals.filter((d) => !Number.isInteger(d.amountCents) || d.amountCents < 3_000_000)).toEqual([]);
    });

    it('keeps contract splits at 10000, installment plans at the contract amount, payments within it', async () => {
      const contracts = await rowsOf('contracts');
      const splits = sumBy(
        await rowsOf('contractSplits'),
        (s) => s.contractId,
        (s) => s.shareBp,
      );
      expect(contracts.filter((c) => splits.get(c.id) !== 10_000)).toEqual([]);
      const installments = await rowsOf('installments');
      const planned = sumBy(
        installments,
        (i) => i.contractId,
        (i) => i.amountCents,
      );
      const withPlan = contracts.filter((c) => planned.has(c.id));
      expect(withPlan.filter((c) => planned.get(c.id) !== c.amountCents)).toEqual([]);
      expect(withPlan.length).toBeLessThan(contracts.length);
      const payments = await rowsOf('payments');
      const paid = sumBy(
        payments,
        (p) => p.contractId,
        (p) => p.amountCents,
      );
      expect(contracts.filter((c) => (paid.get(c.id) ?? 0) > c.amountCents)).toEqual([]);
      expect(payments.filter((p) => p.exceedsOutstanding !== 0)).toEqual([]);
    });

    it('contains the situations the metrics must handle', async () => {
      const contracts = await rowsOf('contracts');
      expect(contracts.filter((c) => c.status === 'cancelled').length).toBeGreaterThanOrEqual(10);
      const renewals = contracts.filter((c) => c.renewalOf !== null);
      expect(renewals.length).toBeGreaterThanOrEqual(20);
      const byId = new Map(contracts.map((c) => [c.id, c]));
      expect(renewals.filter((r) => (byId.get(r.renewalOf ?? '')?.signedOn ?? '9999') >= r.signedOn)).toEqual([]);
      expect(contracts.filter((c) => c.status === 'completed' && !((c.endOn ?? '9999') < TODAY))).toEqual([]);

      const installments = await rowsOf('installments');
      const payments = await rowsOf('payments');
      const coverage = contracts
        .filter((c) => c.status !== 'cancelled')
        .flatMap((c) => {
          const plan = installments.filter((i) => i.contractId === c.id);
          const own = payments.filter((p) => p.contractId === c.id);
          return allocate(plan.length ? plan : [{ id: c.id, dueOn: c.signedOn, amountCents: c.amountCents }], own);
        });
      expect(coverage.filter((c) => c.paidLate).length).toBeGreaterThanOrEqual(20);
      expect(coverage.filter((c) => c.dueOn < TODAY && c.paid < c.amountCents).length).toBeGreaterThanOrEqual(20);
      expect(coverage.filter((c) => c.paid > 0 && c.paid < c.amountCents).length).toBeGreaterThanOrEqual(5);

      const activities = await rowsOf('activities');
      const hours = (a: { loggedAt: string; occurredAt: string }) =>
        (Date.parse(a.loggedAt) - Date.parse(a.occurredAt)) / 3_600_000;
      expect(activities.filter((a) => hours(a) > 24).length).toBeGreaterThan(activities.length * 0.02);
      expect(activities.filter((a) => hours(a) < 0)).toEqual([]);
      const invalid = activities.filter((a) => a.notes.trim().length < 5 || a.customerId === null);
      expect(invalid.length).toBeGreaterThan(100);
      const sameDay = sumBy(
        activities.filter((a) => a.customerId !== null),
        (a) => `${a.personId}|${a.customerId}|${a.type}|${a.occurredOn}`,
        () => 1,
      );
      expect([...sameDay.values()].filter((n) => n > 1).length).toBeGreaterThan(100);
      expect(
        activities.filter((a) => a.type === 'visit' && a.durationMin !== null && a.durationMin < 15).length,
      ).toBeGreaterThan(10);
      expect(activities.filter((a) => localDate(a.occurredAt, 'Asia/Shanghai') !== a.occurredOn)).toEqual([]);

      const posts = await rowsOf('knowledgePosts');
      const authorOf = new Map(posts.map((p) => [p.id, p.authorId]));
      const votes = await rowsOf('knowledgeVotes');
      expect(votes.filter((v) => authorOf.get(v.postId) === v.voterId).length).toBe(3);
      const ratings = await rowsOf('peerRatings');
      expect(ratings.filter((r) => r.raterId === r.rateeId).length).toBe(2);
      expect(ratings.filter((r) => r.score < 1 || r.score > 5)).toEqual([]);
      const surveys = await rowsOf('surveys');
      expect(surveys.filter((s) => s.score < 1 || s.score > 5)).toEqual([]);
      expect(surveys.filter((s) => s.score <= 3).length).toBeGreaterThan(10);
    });

    it('dates nothing after today and starts the history about 18 months back', async () => {
      const facts: Array<[DemoTable, string, string]> = [
        ['people', 'hiredOn', TODAY],
        ['memberships', 'startOn', TODAY],
        ['deals', 'createdOn', TODAY],
        ['deals', 'closedOn', TODAY],
        ['contracts', 'signedOn', TODAY],
        ['payments', 'receivedOn', TODAY],
        ['activities', 'occurredOn', TODAY],
        ['activities', 'loggedAt', TODAY_END],
        ['proposals', 'sentAt', TODAY_END],
        ['surveys', 'respondedOn', TODAY],
        ['knowledgePosts', 'publishedAt', TODAY_END],
        ['knowledgeVotes', 'votedAt', TODAY_END],
        ['peerRatings', 'month', TODAY.slice(0, 7)],
        ['usageEvents', 'at', TODAY_END],
        ...demoTables
          .filter((t) => !['dealMembers', 'contractSplits', 'usageEvents'].includes(t))
          .flatMap(
            (t): Array<[DemoTable, string, string]> => [
              [t, 'createdAt', TODAY_END],
              [t, 'updatedAt', TODAY_END],
            ],
          ),
      ];
      for (const [table, column, limit] of facts) {
        const row = await db
          // biome-ignore lint/suspicious/noExplicitAny: one probe over many tables and columns
          .selectFrom(table as any)
          .select(sql<string>`max(${sql.ref(column)})`.as('latest'))
          .where(table === 'tenants' ? 'id' : 'tenantId', '=', tenantId)
          .executeTakeFirstOrThrow();
        expect([table, column, row.latest <= limit]).toEqual([table, column, true]);
      }
      const activities = await rowsOf('activities');
      const firstActivity = activities.map((a) => a.occurredOn).sort()[0] ?? '';
      expect(firstActivity >= HISTORY_START && firstActivity <= '2025-05-10').toBe(true);
      expect(activities.filter((a) => !isValidIsoDate(a.occurredOn))).toEqual([]);
      const deals = await rowsOf('deals');
      expect((deals.map((d) => d.createdOn).sort()[0] ?? '') >= '2025-01-31').toBe(true);
      expect(deals.some((d) => d.createdOn >= '2026-11-01')).toBe(true);
    });

    it('lets every role log in with the demo password', async () => {
      expect(summary.accounts.map((a) => [a.email, a.role])).toEqual([
        ['admin@pacer.demo', 'admin'],
        ['manager@pacer.demo', 'manager'],
        ['rep@pacer.demo', 'rep'],
        ['finance@pacer.demo', 'finance'],
      ]);
      expect(summary.accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
      const users = await rowsOf('users');
      const rep = users.find((u) => u.email === 'rep@pacer.demo');
      expect(await verifyPassword(rep?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
      expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
      const units = await rowsOf('orgUnits');
      const sh1 = units.find((u) => u.name === '上海一组');
      expect(users.find((u) => u.email === 'manager@pacer.demo')?.personId).toBe(sh1?.managerId);
      const memberships = await rowsOf('memberships');
      expect(memberships.some((m) => m.personId === rep?.personId && m.unitId === sh1?.id && m.endOn === null)).toBe(
        true,
      );
      expect(users.filter((u) => u.isDisabled === 1).length).toBe(2);
    });

    it('refuses to seed a second tenant with the same slug', async () => {
      expect(await hasAnyTenant(db)).toBe(true);
      await expect(seedDemo(db, { today: TODAY })).rejects.toThrow("A tenant with slug 'demo' already exists");
    });
  });
}

describeSeededDatabase('SQLite', true, async () => openDatabase({ dialect: 'sqlite', file: ':memory:' }));

const adminUrl = process.env.TEST_DATABASE_URL;
const pgName = `pacer_test_seed_${Math.random().toString(36).slice(2, 10)}`;
describeSeededDatabase('PostgreSQL', Boolean(adminUrl), async () => {
  const admin = openDatabase({ dialect: 'postgres', url: adminUrl as string, poolSize: 1 });
  try {
    await sql`create database ${sql.id(pgName)}`.execute(admin.db);
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl as string);
  url.pathname = `/${pgName}`;
  return openDatabase({ dialect: 'postgres', url: url.toString() });
});
afterAll(async () => {
  if (!adminUrl) return;
  const admin = openDatabase({ dialect: 'postgres', url: adminUrl, poolSize: 1 });
  await sql`drop database if exists ${sql.id(pgName)}`.execute(admin.db);
  await admin.destroy();
});

describe('generateDemoCompany', () => {
  const options = { seed: SEED, today: TODAY, tenantId: '0190a000-0000-7000-8000-000000000001', passwordHash: 'h' };

  it('is deterministic for a seed and differs for another seed', () => {
    const first = generateDemoCompany(options);
    const again = generateDemoCompany(options);
    expect(again).toEqual(first);
    const other = generateDemoCompany({ ...options, seed: SEED + 1 });
    expect(other.people.map((p) => p.name)).not.toEqual(first.people.map((p) => p.name));
    expect(other.deals.map((d) => d.id)).not.toEqual(first.deals.map((d) => d.id));
  });

  it('makes UUIDv7-shaped ids whose time prefix is the record date', () => {
    const data = generateDemoCompany(options);
    const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = demoTables.flatMap((t) => (data[t] as Array<{ id?: string }>).flatMap((r) => (r.id ? [r.id] : [])));
    expect(ids.filter((id) => !uuidV7.test(id) && id !== options.tenantId)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const activity = data.activities[0] as (typeof data.activities)[number];
    expect(Number.parseInt(activity.id.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse(activity.loggedAt));
  });

  it('refuses an invalid today', () => {
    expect(() => generateDemoCompany({ ...options, today: '2026-02-30' })).toThrow("today must be a date 'YYYY-MM-DD'");
  });
});
