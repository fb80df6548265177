import type { Database } from '../schema.ts';
import { addMonths, chineseWorkCalendar, instantAt, type WorkCalendar } from './demo-time.ts';
import { createIdFactory, createRandom, type Random } from './random.ts';

/** The tables the demo fills, in foreign-key order (parents before children). */
export const demoTables = [
  'tenants',
  'positions',
  'people',
  'orgUnits',
  'memberships',
  'users',
  'customers',
  'contacts',
  'deals',
  'dealMembers',
  'contracts',
  'contractSplits',
  'installments',
  'payments',
  'activities',
  'proposals',
  'surveys',
  'knowledgePosts',
  'knowledgeVotes',
  'peerRatings',
  'calendarDays',
  'usageEvents',
] as const satisfies ReadonlyArray<keyof Database>;

export type DemoTable = (typeof demoTables)[number];

export type DemoData = { [K in DemoTable]: Database[K][] };

export type DemoOptions = { seed: number; today: string; tenantId: string; passwordHash: string };

/** What every part of the generator shares: the window of history, the calendar, ids. */
export type DemoContext = {
  tenantId: string;
  today: string;
  /** First day of history: the first of the month 18 months before today. */
  start: string;
  /** The last instant of today in the tenant zone; nothing happens after it. */
  todayEnd: string;
  work: WorkCalendar;
  newId: (at: string) => string;
  /** An independent random stream per part, so parts do not shift each other's draws. */
  stream: (label: number) => Random;
};

export const HISTORY_MONTHS = 18;

export function createDemoContext(options: DemoOptions): DemoContext {
  const root = createRandom(options.seed);
  const idRandom = root.fork(0);
  return {
    tenantId: options.tenantId,
    today: options.today,
    start: `${addMonths(options.today, -HISTORY_MONTHS).slice(0, 7)}-01`,
    todayEnd: new Date(Date.parse(instantAt(options.today, 24 * 60)) - 1).toISOString(),
    work: chineseWorkCalendar(),
    newId: createIdFactory(idRandom),
    stream: (label) => createRandom((options.seed ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0),
  };
}

/** An instant during office hours (09:00–18:00 local) on a date. */
export function officeStamp(random: Random, date: string): string {
  return instantAt(date, random.int(9 * 60, 18 * 60));
}

export function stamps(at: string, updatedAt = at): { createdAt: string; updatedAt: string } {
  return { createdAt: at, updatedAt };
}
