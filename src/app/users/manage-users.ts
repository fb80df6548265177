import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import type { Role } from '../../db/repositories/record-scopes.ts';
import { getRecords } from '../../db/repositories/records.repository.ts';
import { findUser, findUsersByEmail, listUsers, updateUser } from '../../db/repositories/users.repository.ts';
import { kindByName } from '../../domain/records/kinds.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { RowIssue } from '../records/save-records.ts';
import { createUser } from '../tenants/create-tenant.ts';

// Accounts and roles, for admins. Passwords are hashed; an account is disabled, never deleted,
// so the audit log keeps naming who did what.

export type UserInput = {
  email?: string;
  password?: string;
  role?: Role;
  displayName?: string;
  personId?: string | null;
  locale?: string | null;
  isDisabled?: boolean;
};

const MIN_PASSWORD = 8;

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin manages accounts');
}

async function check(deps: AppDeps, actor: Actor, input: UserInput, userId?: string) {
  const issues: RowIssue[] = [];
  const issue = (field: string, code: RowIssue['code'], reason: string) =>
    issues.push({ index: 0, field, code, reason });
  if (input.email !== undefined) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
      issue('email', 'format', `'${input.email}' is not an email address`);
    const same = (await findUsersByEmail(deps.db, input.email)).filter(
      (u) => u.tenantId === actor.tenantId && u.id !== userId,
    );
    if (same.length > 0) issue('email', 'conflict', `an account with ${input.email} exists`);
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD)
    issue('password', 'length', `a password needs at least ${MIN_PASSWORD} characters`);
  if (input.displayName !== undefined && input.displayName.trim() === '')
    issue('displayName', 'required', 'displayName is required');
  if (input.personId) {
    const found = await getRecords(deps.db, actor.tenantId, kindByName('people'), [input.personId], {
      today: actor.today,
    });
    if (!found.has(input.personId)) issue('personId', 'unknown_ref', `no people with id '${input.personId}'`);
  }
  if (userId && userId === actor.userId && (input.isDisabled === true || (input.role && input.role !== 'admin')))
    issue('role', 'rule', 'you cannot disable your own account or take away your own admin role');
  if (issues.length > 0) throw new ValidationError('users', issues);
}

const present = (u: Awaited<ReturnType<typeof listUsers>>[number]) => ({ ...u, isDisabled: u.isDisabled === 1 });

export async function listAccounts(deps: AppDeps, actor: Actor) {
  assertAdmin(actor);
  return (await listUsers(deps.db, actor.tenantId)).map(present);
}

async function audit(deps: AppDeps, actor: Actor, action: string, id: string, before: unknown, after: unknown) {
  const strip = (u: unknown) => (u ? JSON.stringify({ ...(u as object), passwordHash: undefined }) : null);
  await appendAudit(deps.db, actor.tenantId, [
    {
      id: uuidv7(),
      at: actor.now,
      actorUserId: actor.userId,
      action,
      recordKind: 'users',
      recordId: id,
      beforeJson: strip(before),
      afterJson: strip(after),
      reason: null,
    },
  ]);
}

async function accountById(deps: AppDeps, actor: Actor, id: string) {
  const found = (await listUsers(deps.db, actor.tenantId)).find((u) => u.id === id);
  if (!found) throw new NotFoundError('users', id);
  return present(found);
}

export async function createAccount(
  deps: AppDeps,
  actor: Actor,
  input: Required<Pick<UserInput, 'email' | 'password' | 'role' | 'displayName'>> & UserInput,
) {
  assertAdmin(actor);
  await check(deps, actor, input);
  const id = await createUser(deps, actor.tenantId, {
    email: input.email,
    password: input.password,
    role: input.role,
    displayName: input.displayName.trim(),
    personId: input.personId ?? null,
    ...(input.locale ? { locale: input.locale } : {}),
  });
  const created = await accountById(deps, actor, id);
  await audit(deps, actor, 'create', id, null, created);
  return created;
}

export async function updateAccount(deps: AppDeps, actor: Actor, id: string, input: UserInput) {
  assertAdmin(actor);
  const before = await findUser(deps.db, actor.tenantId, id);
  if (!before) throw new NotFoundError('users', id);
  await check(deps, actor, input, id);
  await updateUser(deps.db, actor.tenantId, id, {
    ...(input.email !== undefined ? { email: input.email.trim().toLowerCase() } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
    ...(input.personId !== undefined ? { personId: input.personId } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
    ...(input.isDisabled !== undefined ? { isDisabled: input.isDisabled ? 1 : 0 } : {}),
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
    updatedAt: actor.now,
  });
  const after = await accountById(deps, actor, id);
  await audit(deps, actor, 'update', id, before, after);
  return after;
}
