import type { Db } from '../database.ts';
import type { Executor } from './records.repository.ts';

export type TenantRow = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  currency: string;
  settingsJson: string;
};

export async function findTenant(db: Db, tenantId: string): Promise<TenantRow | undefined> {
  return db
    .selectFrom('tenants')
    .select(['id', 'slug', 'name', 'timeZone', 'fiscalYearStartMonth', 'currency', 'settingsJson'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
}

export async function findTenantBySlug(db: Db, slug: string): Promise<TenantRow | undefined> {
  return db
    .selectFrom('tenants')
    .select(['id', 'slug', 'name', 'timeZone', 'fiscalYearStartMonth', 'currency', 'settingsJson'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function listTenants(db: Db): Promise<TenantRow[]> {
  return db
    .selectFrom('tenants')
    .select(['id', 'slug', 'name', 'timeZone', 'fiscalYearStartMonth', 'currency', 'settingsJson'])
    .orderBy('createdAt')
    .execute();
}

export async function insertTenant(db: Executor, row: TenantRow & { createdAt: string; updatedAt: string }) {
  await (db as Db).insertInto('tenants').values(row).execute();
}

export async function updateTenant(
  db: Executor,
  tenantId: string,
  values: { name: string; timeZone: string; fiscalYearStartMonth: number; settingsJson: string; updatedAt: string },
) {
  await (db as Db).updateTable('tenants').set(values).where('id', '=', tenantId).execute();
}
