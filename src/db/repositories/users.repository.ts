import type { Db } from '../database.ts';

export type UserRow = {
  tenantId: string;
  id: string;
  email: string;
  passwordHash: string | null;
  role: string;
  personId: string | null;
  displayName: string;
  locale: string | null;
  isDisabled: number;
};

const userColumns = [
  'tenantId',
  'id',
  'email',
  'passwordHash',
  'role',
  'personId',
  'displayName',
  'locale',
  'isDisabled',
] as const;

/** Users with this email across tenants (login names a tenant only when the email is ambiguous). */
export function findUsersByEmail(db: Db, email: string, tenantSlug?: string): Promise<UserRow[]> {
  let q = db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenantId')
    .select(userColumns.map((c) => `users.${c}` as const))
    .where('users.email', '=', email.trim().toLowerCase());
  if (tenantSlug) q = q.where('tenants.slug', '=', tenantSlug);
  return q.execute();
}

export function findUser(db: Db, tenantId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(userColumns)
    .where('tenantId', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow & { createdAt: string; updatedAt: string }) {
  await db.insertInto('users').values(row).execute();
}

export function listUsers(db: Db, tenantId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'personId', 'displayName', 'locale', 'isDisabled', 'createdAt'])
    .where('tenantId', '=', tenantId)
    .orderBy('email')
    .execute();
}

export async function managedUnitPaths(db: Db, tenantId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('orgUnits')
    .select('path')
    .where('tenantId', '=', tenantId)
    .where('managerId', '=', personId)
    .execute();
  return rows.map((r) => r.path);
}

// ---- sessions and API tokens: only hashes of the secrets are stored

export async function insertSession(
  db: Db,
  row: { tenantId: string; id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
) {
  await db.insertInto('sessions').values(row).execute();
}

export function findSession(db: Db, idHash: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', idHash).executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string) {
  await db.deleteFrom('sessions').where('id', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
}

export async function insertApiToken(
  db: Db,
  row: { tenantId: string; id: string; userId: string; name: string; tokenHash: string; createdAt: string },
) {
  await db
    .insertInto('apiTokens')
    .values({ ...row, lastUsedAt: null, revokedAt: null })
    .execute();
}

export function findApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('apiTokens')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
}

export function listApiTokens(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .where('tenantId', '=', tenantId)
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .execute();
}

export async function revokeApiToken(db: Db, tenantId: string, userId: string, id: string, now: string) {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: now })
    .where('tenantId', '=', tenantId)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function updateUser(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Omit<UserRow, 'tenantId' | 'id'>> & { updatedAt: string },
) {
  await db.updateTable('users').set(values).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  if (values.isDisabled === 1 || values.passwordHash)
    await db.deleteFrom('sessions').where('tenantId', '=', tenantId).where('userId', '=', id).execute();
}
