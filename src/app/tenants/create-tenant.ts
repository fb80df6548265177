import { uuidv7 } from 'uuidv7';
import type { Role } from '../../db/repositories/record-scopes.ts';
import { findTenantBySlug, insertTenant } from '../../db/repositories/tenants.repository.ts';
import { insertUser } from '../../db/repositories/users.repository.ts';
import { defaultTenantSettings } from '../../domain/tenant-settings.ts';
import { isValidTimeZone } from '../../domain/time/dates.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppDeps } from '../context.ts';
import { ConflictError, ValidationError } from '../errors.ts';

export type NewTenant = {
  slug: string;
  name: string;
  timeZone?: string;
  fiscalYearStartMonth?: number;
  currency?: string;
};

export async function createTenant(deps: AppDeps, input: NewTenant) {
  const timeZone = input.timeZone ?? 'Asia/Shanghai';
  const fiscal = input.fiscalYearStartMonth ?? 1;
  const issues = [
    ...(/^[a-z0-9-]{2,40}$/.test(input.slug)
      ? []
      : [{ field: 'slug', reason: 'use 2-40 lowercase letters, digits or -' }]),
    ...(isValidTimeZone(timeZone) ? [] : [{ field: 'timeZone', reason: `'${timeZone}' is not an IANA time zone` }]),
    ...(Number.isInteger(fiscal) && fiscal >= 1 && fiscal <= 12
      ? []
      : [{ field: 'fiscalYearStartMonth', reason: 'must be 1 to 12' }]),
  ];
  if (issues.length > 0)
    throw new ValidationError(
      'tenants',
      issues.map((i) => ({ ...i, index: 0, code: 'format' as const })),
    );
  if (await findTenantBySlug(deps.db, input.slug))
    throw new ConflictError(`a tenant with slug '${input.slug}' exists`, 'tenants');
  const now = deps.clock.now().toISOString();
  const id = uuidv7();
  await insertTenant(deps.db, {
    id,
    slug: input.slug,
    name: input.name,
    timeZone,
    fiscalYearStartMonth: fiscal,
    currency: input.currency ?? 'CNY',
    settingsJson: JSON.stringify(defaultTenantSettings),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export async function createUser(
  deps: AppDeps,
  tenantId: string,
  input: {
    email: string;
    password: string;
    role: Role;
    displayName: string;
    personId?: string | null;
    locale?: string;
  },
) {
  const now = deps.clock.now().toISOString();
  const id = uuidv7();
  await insertUser(deps.db, {
    tenantId,
    id,
    email: input.email.trim().toLowerCase(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    personId: input.personId ?? null,
    displayName: input.displayName,
    locale: input.locale ?? null,
    isDisabled: 0,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}
