import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/app/auth/authenticate.ts';
import type { AppDeps } from '../src/app/context.ts';
import { saveRecords } from '../src/app/records/save-records.ts';
import { createTenant, createUser } from '../src/app/tenants/create-tenant.ts';
import type { Role } from '../src/db/repositories/record-scopes.ts';
import type { KindName } from '../src/domain/records/field.ts';
import { kindByName } from '../src/domain/records/kinds.ts';

export const PASSWORD = 'correct horse battery';

/** Saves records through the real write path as the tenant's system admin; returns ids by externalId. */
export async function seedRecords(deps: AppDeps, tenantId: string, kind: KindName, rows: Record<string, unknown>[]) {
  const actor = await systemActor(deps, tenantId);
  const report = await saveRecords(
    deps,
    actor,
    kindByName(kind),
    'upsert',
    rows.map((raw) => ({ raw })),
    { source: 'import' },
  );
  if (!report.isCommitted) throw new Error(`seeding ${kind} failed: ${JSON.stringify(report.issues)}`);
  const ids: Record<string, string> = {};
  for (const r of report.records) ids[String(r.externalId ?? r.id)] = String(r.id);
  return ids;
}

export type TestCompany = Awaited<ReturnType<typeof buildTestCompany>>;

/**
 * 示例 org for scope tests:
 *   Company
 *   ├─ East (head: Rita)  ├─ Team 1 (head: Mia): Alice, Bob   └─ Team 2 (head: Max): Carol
 *   └─ North: Team 3: Dave
 */
export async function buildTestCompany(deps: AppDeps, slug = 'acme') {
  const tenantId = await createTenant(deps, { slug, name: `${slug} 公司` });
  const people = await seedRecords(deps, tenantId, 'people', [
    { externalId: 'RITA', name: 'Rita 区域经理', email: `rita@${slug}.test` },
    { externalId: 'MIA', name: 'Mia 组长', email: `mia@${slug}.test` },
    { externalId: 'MAX', name: 'Max 组长', email: `max@${slug}.test` },
    { externalId: 'ALICE', name: 'Alice 王', email: `alice@${slug}.test` },
    { externalId: 'BOB', name: 'Bob 李', email: `bob@${slug}.test` },
    { externalId: 'CAROL', name: 'Carol 张', email: `carol@${slug}.test` },
    { externalId: 'DAVE', name: 'Dave 赵', email: `dave@${slug}.test` },
  ]);
  const units = await seedRecords(deps, tenantId, 'orgUnits', [
    { externalId: 'CO', name: '公司', kind: 'company' },
    { externalId: 'EAST', name: '华东', kind: 'region', parentId: 'CO', managerId: 'RITA' },
    { externalId: 'NORTH', name: '华北', kind: 'region', parentId: 'CO' },
    { externalId: 'T1', name: '一组', kind: 'team', parentId: 'EAST', managerId: 'MIA' },
    { externalId: 'T2', name: '二组', kind: 'team', parentId: 'EAST', managerId: 'MAX' },
    { externalId: 'T3', name: '三组', kind: 'team', parentId: 'NORTH' },
  ]);
  await seedRecords(deps, tenantId, 'people', [
    { externalId: 'RITA', unitId: 'EAST', hiredOn: '2024-01-01' },
    { externalId: 'MIA', unitId: 'T1', hiredOn: '2024-01-01' },
    { externalId: 'MAX', unitId: 'T2', hiredOn: '2024-01-01' },
    { externalId: 'ALICE', unitId: 'T1', hiredOn: '2024-01-01' },
    { externalId: 'BOB', unitId: 'T1', hiredOn: '2024-01-01' },
    { externalId: 'CAROL', unitId: 'T2', hiredOn: '2024-01-01' },
    { externalId: 'DAVE', unitId: 'T3', hiredOn: '2024-01-01' },
  ]);
  const accounts: Array<[string, Role, string | null]> = [
    ['admin', 'admin', null],
    ['finance', 'finance', null],
    ['rita', 'manager', 'RITA'],
    ['mia', 'manager', 'MIA'],
    ['alice', 'rep', 'ALICE'],
    ['bob', 'rep', 'BOB'],
    ['carol', 'rep', 'CAROL'],
    ['dave', 'rep', 'DAVE'],
  ];
  const emails: Record<string, string> = {};
  for (const [name, role, person] of accounts) {
    emails[name] = `${name}@${slug}.test`;
    await createUser(deps, tenantId, {
      email: emails[name],
      password: PASSWORD,
      role,
      displayName: name,
      personId: person ? people[person] : null,
    });
  }
  const customers = await seedRecords(deps, tenantId, 'customers', [
    { externalId: 'C-ALICE', name: '爱丽丝客户', grade: 'A', ownerId: 'ALICE' },
    { externalId: 'C-BOB', name: '鲍勃客户', grade: 'B', ownerId: 'BOB' },
    { externalId: 'C-CAROL', name: '卡罗尔客户', grade: 'C', ownerId: 'CAROL' },
    { externalId: 'C-DAVE', name: '戴夫客户', grade: 'A', ownerId: 'DAVE' },
  ]);
  return { tenantId, slug, people, units, customers, emails };
}

export type Session = { headers: Record<string, string> };

/** Logs in through the real endpoint; the headers carry the session cookie and the CSRF token. */
export async function logIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pacer_session');
  return { headers: { cookie: `pacer_session=${cookie?.value}`, 'x-csrf-token': res.json().csrfToken } };
}
