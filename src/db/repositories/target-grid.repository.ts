import type { Db } from '../database.ts';

/** Units and people with their codes (external id), for the targets grid file. */
export async function loadGridSubjects(db: Db, tenantId: string) {
  const [units, people] = await Promise.all([
    db
      .selectFrom('orgUnits')
      .select(['id', 'externalId', 'name', 'parentId', 'path', 'sortOrder'])
      .where('tenantId', '=', tenantId)
      .orderBy('sortOrder')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('people')
      .select(['id', 'externalId', 'name'])
      .where('tenantId', '=', tenantId)
      .orderBy('name')
      .execute(),
  ]);
  return { units, people };
}
