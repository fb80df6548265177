import type { Db } from '../database.ts';
import type { Executor } from './records.repository.ts';

export type SchemeRow = { id: string; positionId: string; name: string };
export type VersionRow = {
  id: string;
  schemeId: string;
  version: number;
  effectiveFrom: string;
  status: string;
  definitionJson: string;
  createdAt: string;
  publishedAt: string | null;
};

export function listSchemes(db: Db, tenantId: string): Promise<SchemeRow[]> {
  return db
    .selectFrom('schemes')
    .select(['id', 'positionId', 'name'])
    .where('tenantId', '=', tenantId)
    .orderBy('name')
    .execute();
}

export function listVersions(db: Db, tenantId: string, schemeIds?: readonly string[]): Promise<VersionRow[]> {
  let q = db
    .selectFrom('schemeVersions')
    .select(['id', 'schemeId', 'version', 'effectiveFrom', 'status', 'definitionJson', 'createdAt', 'publishedAt'])
    .where('tenantId', '=', tenantId);
  if (schemeIds) q = q.where('schemeId', 'in', schemeIds.length ? schemeIds : ['']);
  return q.orderBy('schemeId').orderBy('version').execute();
}

export async function insertScheme(db: Executor, tenantId: string, row: SchemeRow, now: string) {
  await (db as Db)
    .insertInto('schemes')
    .values({ tenantId, ...row, createdAt: now, updatedAt: now })
    .execute();
}

export async function insertVersion(db: Executor, tenantId: string, row: VersionRow) {
  await (db as Db)
    .insertInto('schemeVersions')
    .values({ tenantId, ...row })
    .execute();
}

export async function updateVersion(
  db: Executor,
  tenantId: string,
  id: string,
  values: Partial<Pick<VersionRow, 'effectiveFrom' | 'definitionJson' | 'status' | 'publishedAt'>>,
) {
  await (db as Db)
    .updateTable('schemeVersions')
    .set(values)
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
