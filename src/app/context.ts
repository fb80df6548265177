import type { Db, DialectName } from '../db/database.ts';
import type { AccessScope } from '../db/repositories/record-scopes.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import type { ActorCache } from './auth/actor-cache.ts';
import type { LiveHub } from './live/live-hub.ts';
import type { ReadCache } from './live/read-cache.ts';

export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

/**
 * What every use case gets: the database and the clock (tests inject a fixed one). `live` is the
 * change bus and the read cache it empties; the HTTP app creates one when none is given, and a
 * use case called without it (a unit test, the CLI) simply computes every read.
 */
export type AppDeps = { db: Db; dialect: DialectName; clock: Clock; live?: Live };

export type Live = {
  hub: LiveHub;
  cache: ReadCache;
  actors: ActorCache<{ identity: Identity; csrfToken: string | null }>;
};

/** An actor without the clock-dependent parts, as it can be kept between requests. */
export type Identity = Omit<Actor, 'now' | 'today'>;

/** Who is acting, in which tenant, seeing what, and when (tenant-local today). */
export type Actor = AccessScope & {
  timeZone: string;
  fiscalYearStartMonth: number;
  now: string;
  settings: TenantSettings;
};
