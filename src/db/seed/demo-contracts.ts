import { addDays } from '../../domain/time/dates.ts';
import type { DemoContext, DemoData } from './demo-context.ts';
import { officeStamp, stamps } from './demo-context.ts';
import { type DemoCustomer, type DemoCustomers, gradeAmountFactor, ownerOn } from './demo-customers.ts';
import type { DemoOrg } from './demo-org.ts';
import type { DemoSales } from './demo-sales.ts';
import { daysBetween, maxDate, minDate, yearEnd } from './demo-time.ts';
import type { Random } from './random.ts';

// Contracts from won deals, the success reps' yearly subscriptions with their renewal chains,
// the 回款计划 (installments) and the payments against them, with the usual slips: late and
// partial payments, overdue installments, a few cancelled contracts.

type ContractDraft = {
  customer: DemoCustomer;
  dealId: string | null;
  ownerId: string;
  title: string;
  amountCents: number;
  signedOn: string;
  startOn: string | null;
  endOn: string | null;
  renews: ContractDraft | null;
  splits: Array<{ personId: string; shareBp: number }>;
};

type ContractRows = Pick<DemoData, 'contracts' | 'contractSplits' | 'installments' | 'payments'>;

const CANCEL_RATE = 0.04;

function thousandYuanCents(yuan: number): number {
  return Math.max(30_000, Math.round(yuan / 1000) * 1000) * 100;
}

/** Split a whole into integer parts by percentages, the remainder to the first part. */
function splitAmount(total: number, percents: number[]): number[] {
  const parts = percents.map((p) => Math.floor((total * p) / 100));
  parts[0] = (parts[0] as number) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const INSTALLMENT_PLANS = [[100], [50, 50], [30, 70], [30, 40, 30], [40, 30, 30], [25, 25, 25, 25], [30, 30, 30, 10]];

export function generateContracts(
  ctx: DemoContext,
  org: DemoOrg,
  customers: DemoCustomers,
  sales: DemoSales,
): ContractRows {
  const random = ctx.stream(4);
  const { today } = ctx;
  const isSuccess = (personId: string) => org.byId.get(personId)?.position === 'success';
  const drafts: ContractDraft[] = [];

  for (const deal of sales.deals) {
    const { row } = deal;
    if (row.outcome !== 'won' || !row.closedOn) continue;
    const yearly = isSuccess(row.ownerId);
    drafts.push({
      customer: deal.customer,
      dealId: row.id,
      ownerId: row.ownerId,
      title: yearly ? `${deal.product}年度服务合同` : `${deal.product}采购合同`,
      amountCents: row.amountCents,
      signedOn: row.closedOn,
      startOn: row.closedOn,
      endOn: yearly ? yearEnd(row.closedOn) : null,
      renews: null,
      splits: deal.members,
    });
  }
  // The success reps' book from before the history: yearly subscriptions that come up for renewal.
  for (const customer of customers.customers) {
    const ownerId = customer.owners[0]?.personId as string;
    const owner = org.byId.get(ownerId);
    if (owner?.position !== 'success' || customer.since >= ctx.start || !random.chance(0.85)) continue;
    const earliest = Math.min(330, daysBetween(owner.hiredOn, ctx.start), daysBetween(customer.since, ctx.start));
    if (earliest < 1) continue;
    const signedOn = addDays(ctx.start, -random.int(1, earliest));
    drafts.push({
      customer,
      dealId: null,
      ownerId,
      title: '年度服务合同',
      amountCents: thousandYuanCents(
        Math.exp(random.normal(Math.log(110_000), 0.5)) * gradeAmountFactor[customer.grade],
      ),
      signedOn,
      startOn: signedOn,
      endOn: yearEnd(signedOn),
      renews: null,
      splits: [{ personId: ownerId, shareBp: 10_000 }],
    });
  }

  // Renewal chains: a queue, since a renewal can itself come up for renewal.
  const ids = new Map<ContractDraft, string>();
  const cancelled = new Set<ContractDraft>();
  const all: ContractDraft[] = [];
  const queue = [...drafts];
  while (queue.length > 0) {
    const draft = queue.shift() as ContractDraft;
    all.push(draft);
    if (random.chance(CANCEL_RATE)) cancelled.add(draft);
    if (!draft.endOn || cancelled.has(draft)) continue;
    const holder = org.byId.get(ownerOn(draft.customer, draft.endOn) ?? '');
    if (!holder) continue;
    const renewRate = Math.min(0.8, Math.max(0.3, 0.35 + 0.25 * holder.skill));
    if (!random.chance(renewRate)) continue;
    const late = random.chance(0.15);
    const signedOn = addDays(draft.endOn, late ? random.int(31, 80) : random.int(-30, 25));
    const signerId = ownerOn(draft.customer, signedOn);
    if (signedOn > today || !signerId) continue;
    const startOn = addDays(draft.endOn, 1);
    queue.push({
      customer: draft.customer,
      dealId: null,
      ownerId: signerId,
      title: '年度服务续约合同',
      amountCents: thousandYuanCents((draft.amountCents / 100) * random.between(0.95, 1.15)),
      signedOn,
      startOn,
      endOn: yearEnd(startOn),
      renews: draft,
      splits: [{ personId: signerId, shareBp: 10_000 }],
    });
  }

  // Renewals are always signed after their originals, so date order is also foreign-key order.
  all.sort((a, b) => (a.signedOn < b.signedOn ? -1 : a.signedOn > b.signedOn ? 1 : 0));
  const rows: ContractRows = { contracts: [], contractSplits: [], installments: [], payments: [] };
  for (const draft of all) {
    const createdAt = officeStamp(random, draft.signedOn);
    const id = ctx.newId(createdAt);
    ids.set(draft, id);
    const isCancelled = cancelled.has(draft);
    const status = isCancelled ? 'cancelled' : draft.endOn && draft.endOn < today ? 'completed' : 'active';
    const changedOn = isCancelled
      ? minDate(today, addDays(draft.signedOn, random.int(3, 40)))
      : status === 'completed' && draft.endOn
        ? addDays(draft.endOn, 1)
        : null;
    rows.contracts.push({
      tenantId: ctx.tenantId,
      id,
      externalId: `K${String(rows.contracts.length + 1).padStart(5, '0')}`,
      customerId: draft.customer.id,
      dealId: draft.dealId,
      ownerId: draft.ownerId,
      title: draft.title,
      amountCents: draft.amountCents,
      signedOn: draft.signedOn,
      startOn: draft.startOn,
      endOn: draft.endOn,
      status,
      renewalOf: draft.renews ? (ids.get(draft.renews) ?? null) : null,
      ...stamps(createdAt, changedOn ? officeStamp(random, changedOn) : createdAt),
    });
    for (const s of draft.splits) {
      rows.contractSplits.push({ tenantId: ctx.tenantId, contractId: id, personId: s.personId, shareBp: s.shareBp });
    }
    const skill = org.byId.get(draft.ownerId)?.skill ?? 1;
    addCollections(ctx, random, { id, draft, createdAt, isCancelled, skill }, rows);
  }
  return rows;
}

type ContractRef = { id: string; draft: ContractDraft; createdAt: string; isCancelled: boolean; skill: number };
type Behaviour = 'onTime' | 'late' | 'partial' | 'unpaid';

function addCollections(ctx: DemoContext, random: Random, contract: ContractRef, rows: ContractRows): void {
  const { draft } = contract;
  // ~10% of contracts carry no plan: the spec then treats the whole amount as due on signedOn.
  const plan = random.chance(0.1) ? null : random.pick(INSTALLMENT_PLANS);
  const schedule: Array<{ dueOn: string; amountCents: number }> = [];
  if (plan) {
    const parts = splitAmount(draft.amountCents, plan);
    let dueOn = addDays(draft.signedOn, random.int(0, 14));
    parts.forEach((amountCents, i) => {
      if (i > 0) dueOn = addDays(dueOn, random.int(30, 90));
      schedule.push({ dueOn, amountCents });
      rows.installments.push({
        tenantId: ctx.tenantId,
        id: ctx.newId(contract.createdAt),
        externalId: `I${String(rows.installments.length + 1).padStart(5, '0')}`,
        contractId: contract.id,
        dueOn,
        amountCents,
        ...stamps(contract.createdAt),
      });
    });
  } else {
    schedule.push({ dueOn: draft.signedOn, amountCents: draft.amountCents });
  }
  if (contract.isCancelled) return;

  const pay = (receivedOn: string, amountCents: number, note: string | null) => {
    if (receivedOn > ctx.today || amountCents <= 0) return;
    const at = officeStamp(random, receivedOn);
    rows.payments.push({
      tenantId: ctx.tenantId,
      id: ctx.newId(at),
      externalId: `R${String(rows.payments.length + 1).padStart(5, '0')}`,
      contractId: contract.id,
      receivedOn,
      amountCents,
      note,
      exceedsOutstanding: 0,
      ...stamps(at),
    });
  };
  const sk = contract.skill - 1;
  const weights = [68 + 15 * sk, 14, 8, Math.max(2, 10 - 6 * sk)];
  schedule.forEach((item, i) => {
    const behaviour = random.weighted<Behaviour>(['onTime', 'late', 'partial', 'unpaid'], weights);
    const note = random.pick(['银行转账', '对公转账', '承兑汇票', null]);
    const early = addDays(item.dueOn, -random.int(0, 5));
    const onTimeOn = maxDate(early, draft.signedOn);
    if (behaviour === 'onTime') pay(onTimeOn, item.amountCents, note);
    if (behaviour === 'late') pay(addDays(item.dueOn, random.int(3, 60)), item.amountCents, `第${i + 1}期回款（逾期）`);
    if (behaviour === 'partial') {
      const first = Math.round(item.amountCents * random.between(0.3, 0.7));
      pay(onTimeOn, first, `第${i + 1}期部分回款`);
      if (random.chance(0.5))
        pay(addDays(item.dueOn, random.int(10, 60)), item.amountCents - first, `第${i + 1}期尾款`);
    }
  });
}
