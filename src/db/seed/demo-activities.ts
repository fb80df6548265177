import { deriveActivity } from '../../domain/records/activity-kinds.ts';
import type { DemoContext, DemoData } from './demo-context.ts';
import { stamps } from './demo-context.ts';
import { bookTracker, type DemoCustomer, type DemoCustomers } from './demo-customers.ts';
import type { DemoOrg, DemoPerson } from './demo-org.ts';
import { addMinutes, instantAt, maxDate, minDate } from './demo-time.ts';
import { activityNotes, invalidNotes, products } from './demo-words.ts';
import type { Random } from './random.ts';

// 跟进记录: every rep logs 0–4 activities on most working days (strong reps more, and more
// punctually). The data keeps the flaws the metrics must cope with: entries logged days late,
// notes too short to count, no customer, and the same follow-up entered twice.

type ActivityRow = DemoData['activities'][number];

const TYPES = ['call', 'message', 'visit', 'email', 'meeting', 'other'];
const TYPE_WEIGHTS = [35, 20, 20, 10, 10, 5];
const DUPLICATE_RATE = 0.02;
const NO_CUSTOMER_RATE = 0.012;

function durationFor(random: Random, type: string): number | null {
  switch (type) {
    case 'call':
      return random.int(2, 30);
    case 'visit':
      // Some visits are a quick drop-in under the 15-minute 有效拜访 threshold.
      return random.int(10, 120);
    case 'meeting':
      return random.int(20, 120);
    case 'other':
      return random.int(5, 60);
    default:
      return null;
  }
}

function notesFor(random: Random, type: string): string {
  return random.pick(activityNotes[type] ?? activityNotes.other ?? ['']).replace('{p}', random.pick(products));
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function generateActivities(ctx: DemoContext, org: DemoOrg, customers: DemoCustomers): ActivityRow[] {
  const random = ctx.stream(5);
  const rows: ActivityRow[] = [];
  for (const rep of org.reps) generateForRep(ctx, random, rep, customers, rows);
  return rows;
}

function generateForRep(
  ctx: DemoContext,
  random: Random,
  rep: DemoPerson,
  customers: DemoCustomers,
  rows: ActivityRow[],
): void {
  const perSlot = clamp(0.45 * rep.skill, 0.12, 0.85);
  const lateRate = clamp(0.06 + 0.08 * (1 - rep.skill), 0.01, 0.16);
  const invalidRate = clamp(0.025 + 0.04 * (1 - rep.skill), 0.005, 0.06);
  const from = maxDate(rep.hiredOn, ctx.start);
  const to = minDate(rep.leftOn ?? ctx.today, ctx.today);

  const push = (
    row: Omit<
      ActivityRow,
      'tenantId' | 'id' | 'externalId' | 'createdAt' | 'updatedAt' | 'notesLength' | 'isLoggedOnTime'
    >,
  ) => {
    const full = {
      tenantId: ctx.tenantId,
      id: ctx.newId(row.loggedAt),
      externalId: `A${String(rows.length + 1).padStart(6, '0')}`,
      ...row,
      // The same derived values the write path sets (notes length, logged within 24 h).
      ...(deriveActivity(row, 'Asia/Shanghai') as Pick<ActivityRow, 'notesLength' | 'isLoggedOnTime'>),
      occurredOn: row.occurredOn,
      ...stamps(row.loggedAt),
    };
    rows.push(full);
    return full;
  };

  const bookOn = bookTracker(customers, rep.id);
  for (const day of ctx.work.workingDays(from, to)) {
    let count = 0;
    for (let k = 0; k < 4; k++) if (random.chance(perSlot)) count++;
    if (count === 0) continue;
    const book = bookOn(day);
    const minutes = Array.from({ length: count }, () => random.int(9 * 60, 18 * 60 + 30)).sort((a, b) => a - b);
    const seen = new Set<string>();
    for (const minute of minutes) {
      let type = random.weighted(TYPES, TYPE_WEIGHTS);
      let customer: DemoCustomer | null = null;
      if (book.customers.length > 0 && !random.chance(NO_CUSTOMER_RATE)) {
        // Avoid accidental same-day repeats, so duplicates stay the deliberate ~2%.
        for (let attempt = 0; attempt < 4; attempt++) {
          customer = random.weighted(book.customers, book.weights);
          if (!seen.has(`${customer.id}|${type}`)) break;
          type = random.weighted(TYPES, TYPE_WEIGHTS);
        }
      }
      if (customer) seen.add(`${customer.id}|${type}`);
      // A local wall-clock time on `day`, so occurredOn = localDate(occurredAt) is `day` itself.
      const occurredAt = instantAt(day, minute);
      const isLate = random.chance(lateRate);
      let loggedAt = isLate
        ? addMinutes(occurredAt, random.int(2 * 1440, 10 * 1440))
        : addMinutes(occurredAt, random.chance(0.8) ? random.int(3, 240) : random.int(240, 1200));
      // Nothing can be logged after today: a late entry of the last days simply is not in yet,
      // so it is logged on time instead.
      if (loggedAt > ctx.todayEnd) loggedAt = minDateTime(addMinutes(occurredAt, random.int(3, 120)), ctx.todayEnd);
      const isInvalidNote = random.chance(invalidRate);
      const row = push({
        personId: rep.id,
        customerId: customer?.id ?? null,
        type,
        occurredAt,
        occurredOn: day,
        durationMin: durationFor(random, type),
        notes: isInvalidNote ? random.pick(invalidNotes) : notesFor(random, type),
        loggedAt,
      });
      if (customer && !isInvalidNote && random.chance(DUPLICATE_RATE)) {
        // Entered twice (e.g. from the phone and again from the desktop).
        const againAt = addMinutes(occurredAt, random.int(1, 30));
        const { personId, customerId, durationMin, notes } = row;
        push({
          personId,
          customerId,
          type,
          occurredAt: againAt,
          occurredOn: day,
          durationMin,
          notes,
          loggedAt: minDateTime(addMinutes(maxDateTime(loggedAt, againAt), random.int(1, 90)), ctx.todayEnd),
        });
      }
    }
  }
}

function minDateTime(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDateTime(a: string, b: string): string {
  return a > b ? a : b;
}
