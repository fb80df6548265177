import { addDays } from '../src/domain/time/dates.ts';
import type { BulkWriter } from './bulk-writer.ts';
import { CALENDAR, NOW } from './calendar.ts';
import { KIND, stamp, uid, type World } from './world.ts';

// The organisation: one company, regions, teams; people with effective-dated memberships
// (5% transferred once, 2% left); customers owned by people; the holiday calendar.

const HIRED_ON = '2024-01-01';

export function generateOrg(w: World, out: BulkWriter): { rootUnitId: string; regionIds: string[] } {
  const { rng, tenantId, sizes, days } = w;
  const unit = out.table('org_units', [
    'tenant_id',
    'id',
    'parent_id',
    'name',
    'kind',
    'path',
    'sort_order',
    'created_at',
    'updated_at',
  ]);
  const rootUnitId = uid(KIND.unit, 0);
  unit([tenantId, rootUnitId, null, '公司', 'company', `/${rootUnitId}/`, 0, NOW, NOW]);
  const regionIds: string[] = [];
  for (let r = 0; r < sizes.regions; r++) {
    const id = uid(KIND.unit, 1 + r);
    regionIds.push(id);
    unit([tenantId, id, rootUnitId, `大区${r + 1}`, 'region', `/${rootUnitId}/${id}/`, r, NOW, NOW]);
  }
  for (let t = 0; t < sizes.teams; t++) {
    const id = uid(KIND.unit, 1 + sizes.regions + t);
    const region = regionIds[t % sizes.regions] as string;
    w.teamIds.push(id);
    unit([tenantId, id, region, `销售${t + 1}组`, 'team', `/${rootUnitId}/${region}/${id}/`, t, NOW, NOW]);
  }

  const person = out.table('people', [
    'tenant_id',
    'id',
    'name',
    'email',
    'hired_on',
    'left_on',
    'created_at',
    'updated_at',
  ]);
  const membership = out.table('memberships', [
    'tenant_id',
    'id',
    'person_id',
    'unit_id',
    'start_on',
    'end_on',
    'created_at',
    'updated_at',
  ]);
  let memberships = 0;
  for (let p = 0; p < sizes.people; p++) {
    const id = uid(KIND.person, p);
    const leaves = rng.chance(0.02);
    const leftAt = leaves ? rng.int(30, days.length - 1) : days.length;
    const leftOn = leaves ? (days[leftAt]?.date ?? null) : null;
    w.personIds.push(id);
    w.personLeftAt.push(leftAt);
    w.ownedBy.push([]);
    person([tenantId, id, `销售员${p + 1}`, `p${p + 1}@bench.test`, HIRED_ON, leftOn, NOW, NOW]);
    const team = w.teamIds[p % sizes.teams] as string;
    const lastDay = leftOn ? addDays(leftOn, -1) : null;
    if (rng.chance(0.05)) {
      const moveAt = rng.int(1, Math.min(leftAt, days.length) - 1);
      const moveOn = days[moveAt]?.date as string;
      const next = rng.pick(w.teamIds);
      membership([tenantId, uid(KIND.membership, memberships++), id, team, HIRED_ON, addDays(moveOn, -1), NOW, NOW]);
      membership([tenantId, uid(KIND.membership, memberships++), id, next, moveOn, lastDay, NOW, NOW]);
    } else membership([tenantId, uid(KIND.membership, memberships++), id, team, HIRED_ON, lastDay, NOW, NOW]);
  }

  const customer = out.table('customers', [
    'tenant_id',
    'id',
    'name',
    'grade',
    'owner_id',
    'industry',
    'region',
    'created_at',
    'updated_at',
  ]);
  const industries = ['制造', '零售', '金融', '医疗', '教育', '物流'];
  for (let c = 0; c < sizes.customers; c++) {
    const id = uid(KIND.customer, c);
    const owner = rng.int(0, sizes.people - 1);
    const g = rng.next();
    const grade = g < 0.2 ? 'A' : g < 0.65 ? 'B' : 'C';
    w.customerIds.push(id);
    w.customerOwner.push(owner);
    w.ownedBy[owner]?.push(c);
    customer([tenantId, id, `客户${c + 1}`, grade, w.personIds[owner] as string, rng.pick(industries), null, NOW, NOW]);
  }

  const calendar = out.table('calendar_days', ['tenant_id', 'id', 'date', 'kind', 'name', 'created_at', 'updated_at']);
  CALENDAR.forEach((d, i) => {
    calendar([tenantId, uid(KIND.calendar, i), d.date, d.kind, d.name, stamp(d.date), stamp(d.date)]);
  });
  return { rootUnitId, regionIds };
}
