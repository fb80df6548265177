import { type Day, historyDays } from './calendar.ts';
import { createRng, type Rng } from './rng.ts';

// What the generators share: the seed's random stream, the days of history, and the people,
// units and customers already made (as indexes into arrays, so millions of rows cost no objects).

export type Sizes = {
  people: number;
  regions: number;
  teams: number;
  customers: number;
  deals: number;
  contracts: number;
  activities: number;
  proposals: number;
  surveys: number;
  posts: number;
  votes: number;
};

export function sizesFor(scale: number): Sizes {
  const n = (full: number, min: number) => Math.max(min, Math.round(full * scale));
  return {
    people: n(10_000, 40),
    regions: n(25, 2),
    teams: n(800, 4),
    customers: n(100_000, 200),
    deals: n(200_000, 200),
    contracts: n(500_000, 500),
    activities: n(5_000_000, 5_000),
    proposals: n(100_000, 100),
    surveys: n(50_000, 50),
    posts: n(20_000, 20),
    votes: n(100_000, 100),
  };
}

/** Table prefixes of the deterministic ids (uuid-shaped, ascending in creation order). */
export const KIND = {
  unit: 1,
  person: 2,
  membership: 3,
  customer: 4,
  deal: 5,
  contract: 6,
  installment: 7,
  payment: 8,
  activity: 9,
  proposal: 10,
  survey: 11,
  post: 12,
  vote: 13,
  rating: 14,
  usage: 15,
  calendar: 16,
} as const;

export function uid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${(0x10000000 + kind).toString(16)}-b000-7000-8000-${hex}`;
}

export type World = {
  rng: Rng;
  tenantId: string;
  sizes: Sizes;
  days: Day[];
  workingDayIndexes: number[];
  personIds: string[];
  /** Index of the day a person left (after their last day), or days.length. */
  personLeftAt: number[];
  teamIds: string[];
  customerIds: string[];
  customerOwner: number[];
  /** Customers owned by each person (indexes into customerIds). */
  ownedBy: number[][];
};

export function createWorld(seed: number, scale: number, tenantId: string): World {
  const days = historyDays();
  return {
    rng: createRng(seed),
    tenantId,
    sizes: sizesFor(scale),
    days,
    workingDayIndexes: days.flatMap((d, i) => (d.isWeekend ? [] : [i])),
    personIds: [],
    personLeftAt: [],
    teamIds: [],
    customerIds: [],
    customerOwner: [],
    ownedBy: [],
  };
}

/** A day of history, mostly a weekday. */
export function someDay(w: World): number {
  return w.rng.chance(0.93) ? w.rng.pick(w.workingDayIndexes) : w.rng.int(0, w.days.length - 1);
}

/** A person still employed on a day. */
export function somePersonOn(w: World, dayIndex: number): number {
  for (let tries = 0; tries < 10; tries++) {
    const p = w.rng.int(0, w.personIds.length - 1);
    if ((w.personLeftAt[p] ?? 0) > dayIndex) return p;
  }
  return 0;
}

/** One of the person's customers, else any customer. */
export function customerOf(w: World, person: number): number {
  const own = w.ownedBy[person] ?? [];
  if (own.length > 0 && w.rng.chance(0.8)) return w.rng.pick(own);
  return w.rng.int(0, w.customerIds.length - 1);
}

export const stamp = (date: string) => `${date}T02:00:00.000Z`;
