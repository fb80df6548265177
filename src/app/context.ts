import type { Db, DialectName } from '../db/database.ts';
import type { AccessScope } from '../db/repositories/record-scopes.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';

export type Clock = { now: () => Date };
export const systemClock: Clock = { now: () => new Date() };

/** What every use case gets: the database and the clock (tests inject a fixed one). */
export type AppDeps = { db: Db; dialect: DialectName; clock: Clock };

/** Who is acting, in which tenant, seeing what, and when (tenant-local today). */
export type Actor = AccessScope & {
  timeZone: string;
  fiscalYearStartMonth: number;
  now: string;
  settings: TenantSettings;
};
