import { addDays } from '../../domain/time/dates.ts';
import type { DemoContext, DemoData } from './demo-context.ts';
import { officeStamp, stamps } from './demo-context.ts';
import { bookOn, type DemoCustomer, type DemoCustomers, gradeAmountFactor, gradeAttention } from './demo-customers.ts';
import { type DemoOrg, type DemoPerson, isEmployedOn, unitOn } from './demo-org.ts';
import { daysBetween, instantAt, maxDate, minDate } from './demo-time.ts';
import { products } from './demo-words.ts';
import type { Random } from './random.ts';

// Deals through the history with seasonality, their teams (owner + assists, shares summing to
// 10000 bp) and the proposals of deals that reached the proposal stage.

/** Relative deal creation by calendar month: Q4 budgets peak, Spring Festival empties February. */
const SEASON = [0.9, 0.45, 1, 1, 1, 1.05, 0.9, 0.85, 1.05, 0.95, 1.3, 1.5];
const DEALS_PER_MONTH: Record<string, number> = { hunter: 2.3, success: 1, manager: 0 };
const WORKING_DAYS_PER_MONTH = 21;
const WARM_UP_DAYS = 90;

export type DemoDeal = {
  row: DemoData['deals'][number];
  customer: DemoCustomer;
  product: string;
  members: Array<{ personId: string; shareBp: number }>;
};

export type DemoSales = { deals: DemoDeal[]; rows: Pick<DemoData, 'deals' | 'dealMembers' | 'proposals'> };

const ASSIST_SPLITS = [
  [7000, 3000],
  [6000, 4000],
  [8000, 2000],
  [6000, 2000, 2000],
  [5000, 3000, 2000],
];

function roundToThousandYuanCents(yuan: number): number {
  return Math.max(30_000, Math.min(2_000_000, Math.round(yuan / 1000) * 1000)) * 100;
}

/** Year-end push: deals due to close in early January often sign before 31 Dec; February slips. */
function seasonalClose(random: Random, createdOn: string, closeOn: string): string {
  const month = closeOn.slice(5, 7);
  if (month === '01' && closeOn.slice(8) <= '20' && random.chance(0.5)) {
    const push = `${Number(closeOn.slice(0, 4)) - 1}-12-${random.int(15, 30)}`;
    if (push > createdOn) return push;
  }
  if (month === '02' && random.chance(0.5)) return addDays(closeOn, random.int(14, 28));
  return closeOn;
}

function pickCustomer(random: Random, book: DemoCustomer[]): DemoCustomer {
  return random.weighted(
    book,
    book.map((c) => gradeAttention[c.grade]),
  );
}

export function generateSales(ctx: DemoContext, org: DemoOrg, customers: DemoCustomers): DemoSales {
  const random = ctx.stream(3);
  const { tenantId, today } = ctx;
  const deals: DemoDeal[] = [];
  const rows: DemoSales['rows'] = { deals: [], dealMembers: [], proposals: [] };

  const teammatesOn = (owner: DemoPerson, date: string) => {
    const unit = unitOn(owner, date);
    return org.reps.filter((p) => p.id !== owner.id && isEmployedOn(p, date) && unitOn(p, date) === unit);
  };

  for (const rep of org.reps) {
    // Start the pipeline a quarter early, keeping only deals still open at the start of the
    // history, so the first months already close deals instead of ramping up from nothing.
    const from = maxDate(rep.hiredOn, addDays(ctx.start, -WARM_UP_DAYS));
    const to = minDate(rep.leftOn ?? today, today);
    const rate = (DEALS_PER_MONTH[rep.position] ?? 0) * rep.skill;
    let winCredit = random.next();
    for (const day of ctx.work.workingDays(from, to)) {
      const p = (rate * (SEASON[Number(day.slice(5, 7)) - 1] ?? 1)) / WORKING_DAYS_PER_MONTH;
      if (!random.chance(p)) continue;
      const book = bookOn(customers, rep.id, day);
      if (book.length === 0) continue;
      const customer = pickCustomer(random, book);
      const product = random.pick(products);
      const q4 = day.slice(5, 7) >= '10' ? 1.15 : 1;
      const yuan =
        Math.exp(random.normal(Math.log(150_000), 0.55)) *
        gradeAmountFactor[customer.grade] *
        q4 *
        (0.6 + 0.4 * rep.skill);
      const cycle = Math.round(random.int(14, 100) * (1.3 - 0.3 * rep.skill));
      let closeOn = seasonalClose(random, day, addDays(day, cycle));
      let stage = 'closed';
      let outcome: string;
      let closedOn: string | null = closeOn;
      if (rep.leftOn && closeOn > rep.leftOn) {
        // Deals still open when their owner leaves are lost on the last day.
        closeOn = rep.leftOn;
        closedOn = rep.leftOn;
        outcome = 'lost';
      } else if (closeOn <= today && (rep.leftOn !== null || !random.chance(0.04))) {
        // Error diffusion instead of a coin per deal: a rep's win rate tracks their skill closely
        // even over a few dozen deals, so strong and weak performers are plain to see.
        winCredit += Math.min(0.7, Math.max(0.15, 0.12 + 0.26 * rep.skill + (rep.position === 'success' ? 0.1 : 0)));
        outcome = winCredit >= 1 ? 'won' : 'lost';
        if (outcome === 'won') winCredit -= 1;
      } else {
        // Still open (a few stalled past their expected close).
        const progress = Math.min(1, daysBetween(day, today) / Math.max(1, cycle));
        stage = progress < 0.25 ? 'lead' : progress < 0.5 ? 'qualify' : progress < 0.75 ? 'proposal' : 'negotiate';
        outcome = 'open';
        closedOn = null;
      }
      if (closedOn && closedOn < ctx.start) continue;
      const createdAt = officeStamp(random, day);
      const id = ctx.newId(createdAt);
      const row = {
        tenantId,
        id,
        externalId: `D${String(rows.deals.length + 1).padStart(5, '0')}`,
        customerId: customer.id,
        name: `${customer.shortName}${product}项目`,
        amountCents: roundToThousandYuanCents(yuan),
        stage,
        outcome,
        createdOn: day,
        closedOn,
        ownerId: rep.id,
        ...stamps(createdAt, closedOn ? officeStamp(random, closedOn) : createdAt),
      };
      const members = [{ personId: rep.id, shareBp: 10_000 }];
      if (random.chance(0.25)) {
        const split = random.pick(ASSIST_SPLITS);
        const helpers = random.shuffle(teammatesOn(rep, day)).slice(0, split.length - 1);
        if (helpers.length === split.length - 1) {
          members[0] = { personId: rep.id, shareBp: split[0] as number };
          for (const [i, h] of helpers.entries()) members.push({ personId: h.id, shareBp: split[i + 1] as number });
        }
      }
      for (const [i, m] of members.entries()) {
        const role = i === 0 ? 'owner' : 'assist';
        rows.dealMembers.push({ tenantId, dealId: id, personId: m.personId, role, shareBp: m.shareBp });
      }
      const deal = { row, customer, product, members };
      rows.deals.push(row);
      deals.push(deal);
      addProposal(ctx, random, rep, deal, cycle, rows.proposals);
    }
  }
  return { deals, rows };
}

function addProposal(
  ctx: DemoContext,
  random: Random,
  rep: DemoPerson,
  deal: DemoDeal,
  cycle: number,
  proposals: DemoData['proposals'],
): void {
  const { row } = deal;
  const reached =
    row.outcome === 'won' ||
    (row.outcome === 'lost' && random.chance(0.55)) ||
    row.stage === 'proposal' ||
    row.stage === 'negotiate';
  if (!reached) return;
  let dueOn = addDays(row.createdOn, Math.max(3, Math.round(cycle * random.between(0.35, 0.6))));
  if (row.closedOn && dueOn > row.closedOn) dueOn = row.closedOn;
  // Some open deals have a proposal due in the coming days.
  if (row.outcome === 'open' && row.stage === 'proposal' && random.chance(0.4))
    dueOn = addDays(ctx.today, random.int(1, 10));
  const onTime = random.chance(Math.min(0.95, Math.max(0.4, 0.5 + 0.3 * rep.skill)));
  const sentOn = onTime ? maxDate(row.createdOn, addDays(dueOn, -random.int(0, 3))) : addDays(dueOn, random.int(1, 6));
  let sentAt: string | null = instantAt(sentOn, random.int(9 * 60, 21 * 60));
  const neverSent = row.outcome === 'open' && random.chance(0.06);
  if (sentOn > ctx.today || neverSent) sentAt = null;
  const createdOn = minDate(ctx.today, maxDate(row.createdOn, addDays(dueOn, -random.int(3, 10))));
  let createdAt = officeStamp(random, createdOn);
  if (sentAt && sentAt < createdAt) createdAt = sentAt;
  proposals.push({
    tenantId: ctx.tenantId,
    id: ctx.newId(createdAt),
    externalId: `F${String(proposals.length + 1).padStart(5, '0')}`,
    personId: row.ownerId,
    customerId: row.customerId,
    dealId: row.id,
    title: `${row.name}方案`,
    dueOn,
    sentAt,
    sentOn: sentAt ? sentOn : null,
    ...stamps(createdAt, sentAt ?? createdAt),
  });
}
