import { addDays } from '../../domain/time/dates.ts';
import type { DemoContext, DemoData } from './demo-context.ts';
import { officeStamp, stamps } from './demo-context.ts';
import type { DemoOrg } from './demo-org.ts';
import { daysBetween, maxDate } from './demo-time.ts';
import { companyWords, contactTitles, givenNames, industries, surnames } from './demo-words.ts';

// ~600 customers, each owned by one rep (a leaver's pass to a teammate the day after leaving);
// a hunter's book grows during the history, a success rep's book is mostly older accounts.

export type Grade = 'A' | 'B' | 'C';
export type DemoCustomer = {
  id: string;
  shortName: string;
  grade: Grade;
  /** The day the customer entered the CRM; nothing happens with it before. */
  since: string;
  owners: Array<{ personId: string; from: string }>;
};

export type DemoCustomers = {
  customers: DemoCustomer[];
  /** Every customer a rep owned at some point, in creation order. */
  byRep: Map<string, DemoCustomer[]>;
  rows: Pick<DemoData, 'customers' | 'contacts'>;
};

export const gradeAmountFactor: Record<Grade, number> = { A: 1.8, B: 1, C: 0.55 };
export const gradeAttention: Record<Grade, number> = { A: 3, B: 2, C: 1 };

export function ownerOn(customer: DemoCustomer, date: string): string | null {
  if (date < customer.since) return null;
  let owner: string | null = null;
  for (const o of customer.owners) if (o.from <= date) owner = o.personId;
  return owner;
}

/** The rep's customers on a date (owned and already in the CRM). */
export function bookOn(customers: DemoCustomers, personId: string, date: string): DemoCustomer[] {
  return (customers.byRep.get(personId) ?? []).filter((c) => ownerOn(c, date) === personId);
}

export type Book = { customers: DemoCustomer[]; weights: number[] };

/**
 * bookOn for days visited in increasing order: the book only changes when a customer arrives
 * or changes hands, so it is rebuilt on those days alone (the activity loop asks ~20,000 times).
 */
export function bookTracker(customers: DemoCustomers, personId: string): (date: string) => Book {
  const own = customers.byRep.get(personId) ?? [];
  const changes = [...new Set(own.flatMap((c) => [c.since, ...c.owners.map((o) => o.from)]))].sort();
  let book: Book = { customers: [], weights: [] };
  let next = 0;
  let built = false;
  return (date) => {
    if (!built || (next < changes.length && (changes[next] as string) <= date)) {
      while (next < changes.length && (changes[next] as string) <= date) next++;
      const list = bookOn(customers, personId, date);
      book = { customers: list, weights: list.map((c) => gradeAttention[c.grade]) };
      built = true;
    }
    return book;
  };
}

export function generateCustomers(ctx: DemoContext, org: DemoOrg): DemoCustomers {
  const random = ctx.stream(2);
  const { tenantId } = ctx;
  const usedNames = new Set<string>();
  const customers: DemoCustomer[] = [];
  const rows: DemoCustomers['rows'] = { customers: [], contacts: [] };
  const byRep = new Map<string, DemoCustomer[]>();
  const addToBook = (personId: string, customer: DemoCustomer) => {
    const book = byRep.get(personId) ?? [];
    book.push(customer);
    byRep.set(personId, book);
  };

  for (const rep of org.reps) {
    const isNewHire = rep.hiredOn >= ctx.start;
    const base = rep.position === 'hunter' ? random.int(12, 16) : random.int(10, 13);
    const count = isNewHire ? Math.round(base * 0.6) : base;
    const newShare = isNewHire ? 1 : rep.position === 'hunter' ? 0.5 : 0.1;
    const lastDay = addDays(rep.leftOn ?? ctx.today, -10);
    const firstNew = maxDate(rep.hiredOn, ctx.start);
    for (let i = 0; i < count; i++) {
      const isNew = random.chance(newShare) && firstNew < lastDay;
      // New hires get their first accounts within their first weeks.
      const since = isNew
        ? addDays(firstNew, i < 3 ? random.int(0, 20) : random.int(0, daysBetween(firstNew, lastDay)))
        : addDays(ctx.start, -random.int(30, 1000));
      const industry = random.weighted(
        industries,
        industries.map((x) => x.weight),
      );
      const city = random.pick(rep.cities);
      let shortName = '';
      let name = '';
      do {
        shortName = random.pick(companyWords);
        name = `${city}${shortName}${random.pick(industry.kinds)}有限公司`;
      } while (usedNames.has(name));
      usedNames.add(name);
      // Strong reps are trusted with more key accounts; overall ~20/45/35.
      const grade = random.weighted<Grade>(['A', 'B', 'C'], [20 * rep.skill, 45, 35 / rep.skill]);
      const createdAt = officeStamp(random, since);
      const customer: DemoCustomer = {
        id: ctx.newId(createdAt),
        shortName,
        grade,
        since,
        owners: [{ personId: rep.id, from: since }],
      };
      let updatedAt = createdAt;
      addToBook(rep.id, customer);
      if (rep.leftOn && rep.successorId) {
        const handover = addDays(rep.leftOn, 1);
        customer.owners.push({ personId: rep.successorId, from: handover });
        addToBook(rep.successorId, customer);
        updatedAt = officeStamp(random, handover);
      }
      customers.push(customer);
      const owner = customer.owners[customer.owners.length - 1]?.personId ?? null;
      const externalId = `C${String(customers.length).padStart(4, '0')}`;
      rows.customers.push({
        tenantId,
        id: customer.id,
        externalId,
        name,
        grade,
        ownerId: owner,
        industry: industry.name,
        region: city,
        ...stamps(createdAt, updatedAt),
      });
      const contactCount = random.weighted([1, 2, 3], [40, 40, 20]);
      for (let k = 1; k <= contactCount; k++) {
        rows.contacts.push({
          tenantId,
          id: ctx.newId(createdAt),
          externalId: `${externalId}-${k}`,
          customerId: customer.id,
          name: random.pick(surnames) + random.pick(givenNames),
          title: random.pick(contactTitles),
          phone: `1${random.pick(['36', '37', '50', '88', '89'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
          email: random.chance(0.7) ? `${externalId.toLowerCase()}-${k}@example.cn` : null,
          ...stamps(createdAt),
        });
      }
    }
  }
  return { customers, byRep, rows };
}
