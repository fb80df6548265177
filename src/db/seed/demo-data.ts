import { chineseHolidayCalendar } from '../../domain/calendar/cn-holidays.ts';
import { addDays, isValidIsoDate, localDate } from '../../domain/time/dates.ts';
import { generateActivities } from './demo-activities.ts';
import { generateCommunity } from './demo-community.ts';
import { createDemoContext, type DemoContext, type DemoData, type DemoOptions, stamps } from './demo-context.ts';
import { generateContracts } from './demo-contracts.ts';
import { generateCustomers } from './demo-customers.ts';
import { type DemoOrg, generateOrg } from './demo-org.ts';
import { generateSales } from './demo-sales.ts';
import { DEMO_TIME_ZONE, instantAt } from './demo-time.ts';

// 示例科技有限公司: 18 months of a living sales organisation, generated from a seed and a date
// alone (no clock, no I/O), so the same inputs always give the same company.

export type { DemoData, DemoOptions, DemoTable } from './demo-context.ts';
export { demoTables } from './demo-context.ts';

export function generateDemoCompany(options: DemoOptions & { slug?: string }): DemoData {
  if (!isValidIsoDate(options.today)) throw new Error(`today must be a date 'YYYY-MM-DD' (got '${options.today}')`);
  const ctx = createDemoContext(options);
  const org = generateOrg(ctx, options.passwordHash, options.slug ?? 'demo');
  const customers = generateCustomers(ctx, org);
  const sales = generateSales(ctx, org, customers);
  const contracts = generateContracts(ctx, org, customers, sales);
  const activities = generateActivities(ctx, org, customers);
  const community = generateCommunity(ctx, org, customers);
  const data: DemoData = {
    ...org.rows,
    ...customers.rows,
    ...sales.rows,
    ...contracts,
    activities,
    ...community,
    calendarDays: calendarDays(ctx, org.rows.tenants[0]?.createdAt ?? instantAt(ctx.start, 9 * 60)),
    usageEvents: [],
  };
  data.usageEvents = usageEvents(ctx, org, data);
  return data;
}

/** The Chinese holiday calendar for every year the data touches, and the next year. */
function calendarDays(ctx: DemoContext, at: string): DemoData['calendarDays'] {
  const rows: DemoData['calendarDays'] = [];
  // The book of yearly contracts reaches up to a year before the history's start.
  for (let year = Number(addDays(ctx.start, -365).slice(0, 4)); year <= Number(ctx.today.slice(0, 4)) + 1; year++) {
    for (const e of chineseHolidayCalendar(year)) {
      rows.push({ tenantId: ctx.tenantId, id: ctx.newId(at), date: e.date, kind: e.kind, name: e.name, ...stamps(at) });
    }
  }
  return rows;
}

/** One event per write a person made in the system, the source of CRM活跃度. */
function usageEvents(ctx: DemoContext, org: DemoOrg, data: DemoData): DemoData['usageEvents'] {
  const writes: Array<{ personId: string; at: string; action: string; recordKind: string; recordId: string }> = [];
  const add = (personId: string | null, at: string | null, recordKind: string, recordId: string, action = 'create') => {
    if (personId && at && at >= instantAt(ctx.start, 0)) writes.push({ personId, at, action, recordKind, recordId });
  };
  for (const r of data.customers) add(r.ownerId, r.createdAt, 'customers', r.id);
  for (const r of data.deals) add(r.ownerId, r.createdAt, 'deals', r.id);
  for (const r of data.activities) add(r.personId, r.loggedAt, 'activities', r.id);
  for (const r of data.proposals) {
    add(r.personId, r.createdAt, 'proposals', r.id);
    add(r.personId, r.sentAt, 'proposals', r.id, 'update');
  }
  for (const r of data.knowledgePosts) add(r.authorId, r.publishedAt, 'knowledge_posts', r.id);
  for (const r of data.knowledgeVotes) add(r.voterId, r.votedAt, 'knowledge_votes', r.id);
  for (const r of data.peerRatings) add(r.raterId, r.createdAt, 'peer_ratings', r.id);
  writes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return writes.map((w) => ({
    tenantId: ctx.tenantId,
    id: ctx.newId(w.at),
    userId: org.byId.get(w.personId)?.userId ?? null,
    personId: w.personId,
    at: w.at,
    onDate: localDate(w.at, DEMO_TIME_ZONE),
    action: w.action,
    recordKind: w.recordKind,
    recordId: w.recordId,
  }));
}
