import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Role } from '../../db/repositories/record-scopes.ts';
import { findTenant } from '../../db/repositories/tenants.repository.ts';
import * as users from '../../db/repositories/users.repository.ts';
import { defaultTenantSettings, type TenantSettings } from '../../domain/tenant-settings.ts';
import { localDate } from '../../domain/time/dates.ts';
import type { Actor, AppDeps, Identity } from '../context.ts';
import { UnauthorizedError } from '../errors.ts';
import { verifyPassword } from './passwords.ts';

// Log-in, sessions (a random token in an HTTP-only cookie, stored as a SHA-256 hash, with a CSRF
// token the browser echoes in a header) and API tokens for integrations (Bearer, also hashed).

export const SESSION_DAYS = 14;
const ROLES: Role[] = ['admin', 'manager', 'rep', 'finance'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export type SessionTokens = { sessionToken: string; csrfToken: string; expiresAt: string };

export async function logIn(deps: AppDeps, email: string, password: string, tenantSlug?: string) {
  const candidates = await users.findUsersByEmail(deps.db, email, tenantSlug);
  // Check every candidate's password so the answer takes the same time whoever exists.
  const matches = [];
  for (const user of candidates) {
    if (user.isDisabled || !user.passwordHash) continue;
    if (await verifyPassword(user.passwordHash, password)) matches.push(user);
  }
  if (candidates.length === 0)
    await verifyPassword(
      '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      password,
    );
  if (matches.length !== 1) {
    throw new UnauthorizedError(
      matches.length > 1 ? 'this email has accounts in several tenants: name the tenant' : 'email or password is wrong',
    );
  }
  const user = matches[0] as users.UserRow;
  const now = deps.clock.now();
  // Expired sessions are dead weight; a log-in is a natural, infrequent moment to drop them.
  await users.deleteExpiredSessions(deps.db, now.toISOString());
  const tokens: SessionTokens = {
    sessionToken: secret('ps_'),
    csrfToken: secret(''),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
  };
  await users.insertSession(deps.db, {
    tenantId: user.tenantId,
    id: sha256(tokens.sessionToken),
    userId: user.id,
    csrfToken: tokens.csrfToken,
    createdAt: now.toISOString(),
    expiresAt: tokens.expiresAt,
  });
  return { tokens, actor: await loadActor(deps, user.tenantId, user.id) };
}

export async function actorFromSession(deps: AppDeps, sessionToken: string) {
  const hash = sha256(sessionToken);
  const now = deps.clock.now();
  const cached = deps.live?.actors.get(hash, now.getTime(), now.toISOString());
  if (cached) return { actor: withClock(cached.identity, now), csrfToken: cached.csrfToken as string };
  const session = await users.findSession(deps.db, hash);
  if (!session || session.expiresAt < now.toISOString()) return undefined;
  const identity = await loadIdentity(deps, session.tenantId, session.userId);
  deps.live?.actors.set(hash, {
    tenantId: session.tenantId,
    value: { identity, csrfToken: session.csrfToken },
    expiresAt: session.expiresAt,
    at: now.getTime(),
  });
  return { actor: withClock(identity, now), csrfToken: session.csrfToken };
}

export async function logOut(deps: AppDeps, sessionToken: string) {
  deps.live?.actors.evict(sha256(sessionToken));
  await users.deleteSession(deps.db, sha256(sessionToken));
}

export async function actorFromApiToken(deps: AppDeps, token: string) {
  const hash = sha256(token);
  const now = deps.clock.now();
  const cached = deps.live?.actors.get(hash, now.getTime(), now.toISOString());
  if (cached) return withClock(cached.identity, now);
  const row = await users.findApiToken(deps.db, hash);
  if (!row) return undefined;
  const identity = await loadIdentity(deps, row.tenantId, row.userId);
  deps.live?.actors.set(hash, {
    tenantId: row.tenantId,
    value: { identity, csrfToken: null },
    expiresAt: null,
    at: now.getTime(),
  });
  return withClock(identity, now);
}

export async function createApiToken(deps: AppDeps, actor: Actor, name: string) {
  if (!actor.userId) throw new UnauthorizedError('only a user can create API tokens');
  const token = secret('pt_');
  const id = uuidv7();
  await users.insertApiToken(deps.db, {
    tenantId: actor.tenantId,
    id,
    userId: actor.userId,
    name,
    tokenHash: sha256(token),
    createdAt: actor.now,
  });
  return { id, name, token };
}

export async function loadActor(deps: AppDeps, tenantId: string, userId: string): Promise<Actor> {
  return withClock(await loadIdentity(deps, tenantId, userId), deps.clock.now());
}

/** The actor at a moment: tenant-local today comes from the clock, everything else from the identity. */
function withClock(identity: Identity, now: Date): Actor {
  return { ...identity, now: now.toISOString(), today: localDate(now, identity.timeZone) };
}

async function loadIdentity(deps: AppDeps, tenantId: string, userId: string): Promise<Identity> {
  const [user, tenant] = await Promise.all([users.findUser(deps.db, tenantId, userId), findTenant(deps.db, tenantId)]);
  if (!user || !tenant || user.isDisabled) throw new UnauthorizedError('the account is not active');
  const role = ROLES.includes(user.role as Role) ? (user.role as Role) : 'rep';
  const settings: TenantSettings = {
    ...defaultTenantSettings,
    ...(JSON.parse(tenant.settingsJson) as Partial<TenantSettings>),
  };
  return {
    tenantId,
    role,
    userId: user.id,
    personId: user.personId,
    managedUnitPaths:
      role === 'manager' && user.personId ? await users.managedUnitPaths(deps.db, tenantId, user.personId) : [],
    timeZone: tenant.timeZone,
    fiscalYearStartMonth: tenant.fiscalYearStartMonth,
    settings,
  };
}

/** The actor of the command line and of integrations run by the operator: a tenant admin. */
export async function systemActor(deps: AppDeps, tenantId: string): Promise<Actor> {
  const tenant = await findTenant(deps.db, tenantId);
  if (!tenant) throw new UnauthorizedError(`tenant ${tenantId} does not exist`);
  const now = deps.clock.now();
  return {
    tenantId,
    role: 'admin',
    userId: null,
    personId: null,
    managedUnitPaths: [],
    today: localDate(now, tenant.timeZone),
    now: now.toISOString(),
    timeZone: tenant.timeZone,
    fiscalYearStartMonth: tenant.fiscalYearStartMonth,
    settings: { ...defaultTenantSettings, ...(JSON.parse(tenant.settingsJson) as Partial<TenantSettings>) },
  };
}
