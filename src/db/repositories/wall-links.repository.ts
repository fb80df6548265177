import type { Db } from '../database.ts';

export type WallLinkRow = {
  tenantId: string;
  id: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
};

const columns = [
  'w.tenantId',
  'w.id',
  'w.name',
  'w.unitId',
  'u.name as unitName',
  'w.createdAt',
  'w.revokedAt',
  'w.lastSeenAt',
] as const;

const base = (db: Db) =>
  db
    .selectFrom('wallLinks as w')
    .leftJoin('orgUnits as u', (j) => j.onRef('u.tenantId', '=', 'w.tenantId').onRef('u.id', '=', 'w.unitId'))
    .select(columns);

export function listWallLinks(db: Db, tenantId: string): Promise<WallLinkRow[]> {
  return base(db).where('w.tenantId', '=', tenantId).orderBy('w.createdAt', 'desc').execute();
}

export function findWallLink(db: Db, tenantId: string, id: string): Promise<WallLinkRow | undefined> {
  return base(db).where('w.tenantId', '=', tenantId).where('w.id', '=', id).executeTakeFirst();
}

/** The link a token opens, if it exists and is not revoked (looked up by hash across tenants). */
export function findActiveWallLinkByHash(db: Db, tokenHash: string): Promise<WallLinkRow | undefined> {
  return base(db).where('w.tokenHash', '=', tokenHash).where('w.revokedAt', 'is', null).executeTakeFirst();
}

export async function insertWallLink(
  db: Db,
  row: {
    tenantId: string;
    id: string;
    name: string;
    unitId: string | null;
    tokenHash: string;
    createdBy: string | null;
    createdAt: string;
  },
): Promise<void> {
  await db.insertInto('wallLinks').values(row).execute();
}

export async function revokeWallLink(db: Db, tenantId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('wallLinks')
    .set({ revokedAt: at })
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** When a screen last showed the wall: at most one write a minute per link. */
export async function touchWallLink(db: Db, tenantId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable('wallLinks')
    .set({ lastSeenAt: at })
    .where('tenantId', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * The latest signed (not cancelled) contracts of a period, newest first, for the honour roll;
 * within a unit when given: the owner belonged to it (or a unit below) on the signing day.
 */
export function latestSignedContracts(
  db: Db,
  tenantId: string,
  input: { start: string; end: string; unitPath: string | null; limit: number },
) {
  let q = db
    .selectFrom('contracts as c')
    .innerJoin('people as p', (j) => j.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.ownerId'))
    .innerJoin('customers as k', (j) => j.onRef('k.tenantId', '=', 'c.tenantId').onRef('k.id', '=', 'c.customerId'))
    .select(['c.id', 'c.signedOn', 'c.amountCents', 'p.name as ownerName', 'k.name as customerName'])
    .where('c.tenantId', '=', tenantId)
    .where('c.status', '!=', 'cancelled')
    .where('c.signedOn', '>=', input.start)
    .where('c.signedOn', '<=', input.end);
  const path = input.unitPath;
  if (path !== null)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as m')
          .innerJoin('orgUnits as u', (j) => j.onRef('u.tenantId', '=', 'm.tenantId').onRef('u.id', '=', 'm.unitId'))
          .select('m.personId')
          .whereRef('m.tenantId', '=', 'c.tenantId')
          .whereRef('m.personId', '=', 'c.ownerId')
          .whereRef('m.startOn', '<=', 'c.signedOn')
          .where((w) => w.or([w('m.endOn', 'is', null), w('m.endOn', '>=', w.ref('c.signedOn'))]))
          .where('u.path', 'like', `${path}%`),
      ),
    );
  return q.orderBy('c.signedOn', 'desc').orderBy('c.createdAt', 'desc').limit(input.limit).execute();
}
