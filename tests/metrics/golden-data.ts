import { uuidv7 } from 'uuidv7';
import type { AppDeps } from '../../src/app/context.ts';
import { createTenant, createUser } from '../../src/app/tenants/create-tenant.ts';
import { PASSWORD, seedRecords } from '../factories.ts';

// A small company built by hand for the golden metric tests. Today is 2025-03-20 (Shanghai);
// the fiscal year starts in April. Rows go in through the import path, so amounts are in yuan. Every expected value in golden.test.ts is worked out by hand
// from the comments here.
//
//   CO ─┬─ T1: ann (until 2025-03-15), cy
//       └─ T2: bo, ann (from 2025-03-16)
export const GOLDEN_NOW = '2025-03-20T04:00:00Z';

export async function buildGoldenCompany(deps: AppDeps) {
  const tenantId = await createTenant(deps, { slug: 'golden', name: '金标公司', fiscalYearStartMonth: 4 });
  await createUser(deps, tenantId, {
    email: 'admin@golden.test',
    password: PASSWORD,
    role: 'admin',
    displayName: 'admin',
  });
  const seed = (kind: Parameters<typeof seedRecords>[2], rows: Record<string, unknown>[]) =>
    seedRecords(deps, tenantId, kind, rows);

  await seed('orgUnits', [
    { externalId: 'CO', name: '公司', kind: 'company' },
    { externalId: 'T1', name: '一组', kind: 'team', parentId: 'CO' },
    { externalId: 'T2', name: '二组', kind: 'team', parentId: 'CO' },
  ]);
  const people = await seed('people', [
    { externalId: 'ann', name: 'Ann', unitId: 'T1', hiredOn: '2024-01-01' },
    { externalId: 'bo', name: 'Bo', unitId: 'T2', hiredOn: '2024-01-01' },
    { externalId: 'cy', name: 'Cy', unitId: 'T1', hiredOn: '2024-01-01' },
  ]);
  // Ann moves from T1 to T2 on 2025-03-16.
  await deps.db
    .updateTable('memberships')
    .set({ endOn: '2025-03-15' })
    .where('tenantId', '=', tenantId)
    .where('personId', '=', people.ann as string)
    .execute();
  await seed('memberships', [{ externalId: 'ann-T2', personId: 'ann', unitId: 'T2', startOn: '2025-03-16' }]);
  await seed('calendarDays', [{ date: '2025-03-08', kind: 'workday', name: '调休上班' }]);

  await seed('customers', [
    { externalId: 'C1', name: '客户一', grade: 'A', ownerId: 'ann' },
    { externalId: 'C2', name: '客户二', grade: 'B', ownerId: 'bo' },
    { externalId: 'C3', name: '客户三', grade: 'C', ownerId: 'ann' },
    { externalId: 'C4', name: '客户四', grade: 'A', ownerId: 'cy' },
  ]);
  const deal = (
    id: string,
    owner: string,
    amount: number,
    createdOn: string,
    outcome: string,
    closedOn: string | null,
  ) => ({
    externalId: id,
    customerId: 'C1',
    name: id,
    amountCents: amount,
    stage: outcome === 'open' ? 'negotiate' : 'closed',
    outcome,
    createdOn,
    closedOn,
    ownerId: owner,
  });
  await seed('deals', [
    // D1: won in March with bo assisting (60/40); D2 lost in March; D3 won in February; D4 open.
    {
      ...deal('D1', 'ann', 100_000, '2025-03-01', 'won', '2025-03-04'),
      team: [
        { personId: 'ann', role: 'owner', sharePct: 60 },
        { personId: 'bo', role: 'assist', sharePct: 40 },
      ],
    },
    deal('D2', 'ann', 30_000, '2025-03-02', 'lost', '2025-03-08'),
    deal('D3', 'bo', 10_000, '2025-02-01', 'won', '2025-02-20'),
    deal('D4', 'cy', 50_000, '2025-03-10', 'open', null),
  ]);
  await seed('contracts', [
    // K1 from D1: 100,000.00 split ann 60 / bo 40, no plan (one installment due on signing).
    {
      externalId: 'K1',
      customerId: 'C1',
      dealId: 'D1',
      ownerId: 'ann',
      title: 'K1',
      amountCents: 100_000,
      signedOn: '2025-03-05',
    },
    {
      externalId: 'K2',
      customerId: 'C2',
      ownerId: 'bo',
      title: 'K2',
      amountCents: 50_000,
      signedOn: '2025-03-18',
      status: 'cancelled',
    },
    { externalId: 'K3', customerId: 'C3', ownerId: 'ann', title: 'K3', amountCents: 30_000, signedOn: '2025-02-10' },
    {
      externalId: 'K5',
      customerId: 'C4',
      ownerId: 'cy',
      title: 'K5',
      amountCents: 20_000,
      signedOn: '2024-03-01',
      startOn: '2024-03-01',
      endOn: '2025-03-10',
      status: 'completed',
    },
    {
      externalId: 'K6',
      customerId: 'C4',
      ownerId: 'cy',
      title: 'K6',
      amountCents: 24_000,
      signedOn: '2025-03-15',
      renewalOf: 'K5',
    },
  ]);
  await seed('installments', [
    { externalId: 'I1', contractId: 'K3', dueOn: '2025-02-28', amountCents: 10_000 },
    { externalId: 'I2', contractId: 'K3', dueOn: '2025-03-10', amountCents: 10_000 },
    { externalId: 'I3', contractId: 'K3', dueOn: '2025-03-31', amountCents: 10_000 },
  ]);
  await seed('payments', [
    // K3: 15,000 late on 03-12 (pays I1, half of I2), 5,000 on 03-18 after ann's transfer.
    { externalId: 'P1', contractId: 'K3', receivedOn: '2025-03-12', amountCents: 15_000 },
    { externalId: 'P3', contractId: 'K3', receivedOn: '2025-03-18', amountCents: 5_000 },
    { externalId: 'P2', contractId: 'K1', receivedOn: '2025-03-15', amountCents: 40_000 },
  ]);
  const act = (
    id: string,
    person: string,
    customer: string | null,
    type: string,
    at: string,
    loggedAt: string,
    notes: string,
    durationMin?: number,
  ) => ({
    externalId: id,
    personId: person,
    customerId: customer,
    type,
    occurredAt: at,
    loggedAt,
    notes,
    ...(durationMin ? { durationMin } : {}),
  });
  const activities = await seed('activities', [
    // A1 at 00:30 Shanghai on 03-04 (16:30 UTC the day before): a valid 30-minute visit.
    act('A1', 'ann', 'C1', 'visit', '2025-03-03T16:30:00Z', '2025-03-03T17:00:00Z', '拜访客户沟通需求', 30),
    // A2: the same person, customer, type and local date: a duplicate.
    act('A2', 'ann', 'C1', 'visit', '2025-03-04T02:00:00Z', '2025-03-04T03:00:00Z', '再次拜访确认方案', 60),
    // A3: notes too short; logged 49 h later (late).
    act('A3', 'ann', 'C1', 'call', '2025-03-05T02:00:00Z', '2025-03-07T03:00:00Z', ' 好 '),
    // A4: no customer; logged exactly 24 h later (on time).
    act('A4', 'ann', null, 'call', '2025-03-06T02:00:00Z', '2025-03-07T02:00:00Z', '电话沟通报价细节'),
    act('A5', 'ann', 'C3', 'email', '2025-03-17T02:00:00Z', '2025-03-17T03:00:00Z', '发送报价邮件给客户'),
    // A6: a valid visit of 10 minutes: a follow-up, not an effective visit.
    act('A6', 'ann', 'C3', 'visit', '2025-03-18T02:00:00Z', '2025-03-18T02:30:00Z', '顺路拜访十分钟', 10),
    act('A7', 'ann', 'C1', 'other', '2025-03-19T02:00:00Z', '2025-03-19T02:10:00Z', '其他事项记录一下'),
    // A8: 00:30 Shanghai on 03-01 is in March and in week 2025-W09 (2025-02-24..03-02).
    act('A8', 'bo', 'C2', 'call', '2025-02-28T16:30:00Z', '2025-03-01T01:00:00Z', '电话回访客户情况'),
  ]);
  await seed('proposals', [
    { externalId: 'PR1', personId: 'ann', title: 'PR1', dueOn: '2025-03-10', sentAt: '2025-03-10T15:00:00Z' }, // 23:00 local: on time
    { externalId: 'PR2', personId: 'ann', title: 'PR2', dueOn: '2025-03-12', sentAt: '2025-03-12T16:30:00Z' }, // 00:30 on 03-13: late
    { externalId: 'PR3', personId: 'ann', title: 'PR3', dueOn: '2025-03-15' }, // never sent, past due: late
    { externalId: 'PR4', personId: 'ann', title: 'PR4', dueOn: '2025-03-25' }, // not sent, not yet due: left out
  ]);
  await seed('surveys', [
    { externalId: 'S1', customerId: 'C1', personId: 'ann', score: 5, respondedOn: '2025-03-10' },
    { externalId: 'S2', customerId: 'C1', personId: 'ann', score: 3, respondedOn: '2025-03-12' },
    { externalId: 'S3', customerId: 'C2', personId: 'bo', score: 4, respondedOn: '2025-02-27' },
  ]);
  await seed('knowledgePosts', [
    { externalId: 'KP1', authorId: 'ann', title: '赢单复盘', body: '正文', publishedAt: '2025-03-02T02:00:00Z' },
  ]);
  await seed('knowledgeVotes', [
    { externalId: 'V1', postId: 'KP1', voterId: 'bo', votedAt: '2025-03-03T02:00:00Z' },
    { externalId: 'V2', postId: 'KP1', voterId: 'cy', votedAt: '2025-03-04T02:00:00Z' },
    { externalId: 'V3', postId: 'KP1', voterId: 'ann', votedAt: '2025-03-05T02:00:00Z' }, // self-vote
  ]);
  await seed('peerRatings', [
    { externalId: 'R1', raterId: 'bo', rateeId: 'ann', month: '2025-03', score: 4 },
    { externalId: 'R2', raterId: 'cy', rateeId: 'ann', month: '2025-03', score: 5 },
    { externalId: 'R3', raterId: 'ann', rateeId: 'ann', month: '2025-03', score: 1 }, // self-rating
  ]);
  // Ann's writes: Monday 03-03, Tuesday 03-04 (twice) and Saturday 03-08, a make-up working day.
  const write = (on: string) => ({
    tenantId,
    id: uuidv7(),
    userId: null,
    personId: people.ann as string,
    at: `${on}T02:00:00.000Z`,
    onDate: on,
    action: 'create',
    recordKind: 'activities',
    recordId: null,
  });
  await deps.db
    .insertInto('usageEvents')
    .values([write('2025-03-03'), write('2025-03-04'), write('2025-03-04'), write('2025-03-08')])
    .execute();
  const units = await deps.db
    .selectFrom('orgUnits')
    .select(['id', 'externalId'])
    .where('tenantId', '=', tenantId)
    .execute();
  const unit = Object.fromEntries(units.map((u) => [u.externalId, u.id]));
  return {
    tenantId,
    people: people as Record<'ann' | 'bo' | 'cy', string>,
    units: unit as Record<'CO' | 'T1' | 'T2', string>,
    activities,
  };
}
