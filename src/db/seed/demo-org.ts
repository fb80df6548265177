import { defaultTenantSettings } from '../../domain/tenant-settings.ts';
import { addDays } from '../../domain/time/dates.ts';
import type { DemoContext, DemoData } from './demo-context.ts';
import { officeStamp, stamps } from './demo-context.ts';
import { daysBetween, maxDate } from './demo-time.ts';
import { givenNames, surnames } from './demo-words.ts';
import type { Random } from './random.ts';

// The organisation: company -> 3 regions -> 8 teams, ~60 people with effective-dated
// memberships, a few transfers, leavers and new hires, and a login for everyone.

export type PositionCode = 'hunter' | 'success' | 'manager';
export type Stint = { unitId: string; startOn: string; endOn: string | null };

export type DemoPerson = {
  id: string;
  userId: string;
  name: string;
  kind: 'director' | 'regionHead' | 'teamManager' | 'rep';
  position: PositionCode;
  /** Hidden performance factor (~0.45 weak .. ~1.6 strong) behind every number the rep makes. */
  skill: number;
  hiredOn: string;
  leftOn: string | null;
  stints: Stint[];
  /** Cities the rep sells in (the team's). */
  cities: string[];
  /** Who takes over this person's customers the day after leftOn. */
  successorId: string | null;
};

export type DemoTeam = { id: string; name: string; managerId: string; cities: string[] };

export type DemoOrg = {
  people: DemoPerson[];
  reps: DemoPerson[];
  teams: DemoTeam[];
  byId: Map<string, DemoPerson>;
  rows: Pick<DemoData, 'tenants' | 'positions' | 'people' | 'orgUnits' | 'memberships' | 'users'>;
};

/** The four headline logins, in the order the start-up banner lists them. */
export const DEMO_ACCOUNT_EMAILS = ['admin@pacer.demo', 'manager@pacer.demo', 'rep@pacer.demo', 'finance@pacer.demo'];

type TeamPlan = { code: string; name: string; cities: string[] };
const regionPlans: Array<{ code: string; name: string; teams: TeamPlan[] }> = [
  {
    code: 'EAST',
    name: '华东',
    teams: [
      { code: 'SH1', name: '上海一组', cities: ['上海', '苏州', '无锡'] },
      { code: 'SH2', name: '上海二组', cities: ['上海', '南京'] },
      { code: 'HZ', name: '杭州组', cities: ['杭州', '宁波'] },
    ],
  },
  {
    code: 'SOUTH',
    name: '华南',
    teams: [
      { code: 'GZ', name: '广州组', cities: ['广州', '佛山', '珠海'] },
      { code: 'SZ', name: '深圳组', cities: ['深圳', '东莞'] },
    ],
  },
  {
    code: 'NORTH',
    name: '华北',
    teams: [
      { code: 'BJ1', name: '北京一组', cities: ['北京', '廊坊'] },
      { code: 'BJ2', name: '北京二组', cities: ['北京', '保定'] },
      { code: 'TJ', name: '天津组', cities: ['天津', '石家庄'] },
    ],
  },
];

const SLOT_POSITIONS: PositionCode[] = ['hunter', 'hunter', 'hunter', 'hunter', 'success', 'success'];
// Life events as a fraction of the history window, keyed 'TEAM:slot'.
const transfers: Record<string, { to: string; at: number }> = {
  'SH2:2': { to: 'HZ', at: 0.4 },
  'BJ2:3': { to: 'TJ', at: 0.55 },
  'GZ:4': { to: 'SZ', at: 0.7 },
};
const leavers: Record<string, number> = { 'SZ:1': 0.45, 'BJ1:2': 0.75 };
const newHires: Record<string, number> = {
  'SH2:5': 0.1,
  'HZ:3': 0.25,
  'GZ:1': 0.35,
  'SZ:5': 0.5,
  'BJ1:5': 0.6,
  'TJ:0': 0.8,
};
// Pinned skills make the demo's story stable: a star and a laggard in 上海一组 next to rep@.
const pinnedSkills: Record<string, number> = { 'SH1:0': 1.0, 'SH1:1': 1.6, 'SH1:3': 0.5, 'BJ2:0': 1.55, 'GZ:2': 0.45 };
export const REP_ACCOUNT_SLOT = 'SH1:0';

export function unitOn(person: DemoPerson, date: string): string | null {
  for (const s of person.stints) if (s.startOn <= date && (s.endOn === null || date <= s.endOn)) return s.unitId;
  return null;
}

export function isEmployedOn(person: DemoPerson, date: string): boolean {
  return person.hiredOn <= date && (person.leftOn === null || date <= person.leftOn);
}

function uniqueName(random: Random, used: Set<string>): string {
  for (;;) {
    const name = random.pick(surnames) + random.pick(givenNames);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function generateOrg(ctx: DemoContext, passwordHash: string, slug: string): DemoOrg {
  const random = ctx.stream(1);
  const windowDays = daysBetween(ctx.start, ctx.today);
  const dateAt = (fraction: number) => addDays(ctx.start, Math.floor(windowDays * fraction));
  const foundedOn = addDays(ctx.start, -3000);
  const foundedAt = officeStamp(random, foundedOn);
  const tenantId = ctx.tenantId;

  const positions = (['hunter', 'success', 'manager'] as const).map((code, i) => ({
    tenantId,
    id: ctx.newId(foundedAt),
    externalId: `POS-${code.toUpperCase()}`,
    code,
    name: ['新客开发', '客户成功', '销售经理'][i] as string,
    ...stamps(foundedAt),
  }));
  const positionId = (code: PositionCode) => positions.find((p) => p.code === code)?.id ?? null;

  const usedNames = new Set<string>();
  const people: DemoPerson[] = [];
  const addPerson = (kind: DemoPerson['kind'], position: PositionCode, hiredOn: string, skill: number) => {
    const person: DemoPerson = {
      id: ctx.newId(officeStamp(random, hiredOn)),
      userId: '',
      name: uniqueName(random, usedNames),
      kind,
      position,
      skill,
      hiredOn,
      leftOn: null,
      stints: [],
      cities: [],
      successorId: null,
    };
    people.push(person);
    return person;
  };
  const veteranHire = (minDays: number, maxDays: number) => addDays(ctx.start, -random.int(minDays, maxDays));

  // Units: ids first, so paths can be built top-down.
  const rootId = ctx.newId(foundedAt);
  type UnitDraft = { id: string; parentId: string | null; name: string; kind: string; code: string; path: string };
  const units: UnitDraft[] = [
    { id: rootId, parentId: null, name: '示例科技有限公司', kind: 'company', code: 'ROOT', path: `/${rootId}/` },
  ];
  const managerOf = new Map<string, string>();
  const director = addPerson('director', 'manager', veteranHire(2000, 2600), 1.2);
  managerOf.set(rootId, director.id);
  director.stints.push({ unitId: rootId, startOn: director.hiredOn, endOn: null });

  const teams: DemoTeam[] = [];
  const teamByCode = new Map<string, DemoTeam>();
  const slots: Array<{ key: string; team: DemoTeam }> = [];
  for (const region of regionPlans) {
    const regionId = ctx.newId(foundedAt);
    units.push({ id: regionId, parentId: rootId, name: region.name, kind: 'region', code: region.code, path: '' });
    const head = addPerson('regionHead', 'manager', veteranHire(1500, 2400), 1.1);
    head.stints.push({ unitId: regionId, startOn: head.hiredOn, endOn: null });
    managerOf.set(regionId, head.id);
    for (const plan of region.teams) {
      const teamId = ctx.newId(foundedAt);
      units.push({ id: teamId, parentId: regionId, name: plan.name, kind: 'team', code: plan.code, path: '' });
      const manager = addPerson('teamManager', 'manager', veteranHire(700, 2000), 1.1);
      manager.stints.push({ unitId: teamId, startOn: manager.hiredOn, endOn: null });
      manager.cities = plan.cities;
      managerOf.set(teamId, manager.id);
      const team = { id: teamId, name: plan.name, managerId: manager.id, cities: plan.cities };
      teams.push(team);
      teamByCode.set(plan.code, team);
      for (let slot = 0; slot < SLOT_POSITIONS.length; slot++) slots.push({ key: `${plan.code}:${slot}`, team });
    }
  }

  const slotPeople = new Map<string, DemoPerson>();
  for (const { key, team } of slots) {
    const hireAt = newHires[key];
    const hiredOn = hireAt === undefined ? veteranHire(60, 1800) : dateAt(hireAt);
    const skill = pinnedSkills[key] ?? Math.min(1.7, Math.max(0.45, random.normal(1, 0.3)));
    const rep = addPerson('rep', SLOT_POSITIONS[Number(key.split(':')[1])] as PositionCode, hiredOn, skill);
    slotPeople.set(key, rep);
    const transfer = transfers[key];
    const target = transfer ? teamByCode.get(transfer.to) : undefined;
    if (transfer && target) {
      const movedOn = dateAt(transfer.at);
      rep.stints.push({ unitId: team.id, startOn: hiredOn, endOn: addDays(movedOn, -1) });
      rep.stints.push({ unitId: target.id, startOn: movedOn, endOn: null });
      rep.cities = target.cities;
    } else {
      rep.stints.push({ unitId: team.id, startOn: hiredOn, endOn: null });
      rep.cities = team.cities;
    }
    const leftAt = leavers[key];
    if (leftAt !== undefined) {
      rep.leftOn = dateAt(leftAt);
      const last = rep.stints[rep.stints.length - 1];
      if (last) last.endOn = rep.leftOn;
    }
  }
  // A leaver's customers go to the next teammate who stays in the team and was there already.
  for (const [key, rep] of slotPeople) {
    if (rep.leftOn === null) continue;
    const [code, slot] = key.split(':') as [string, string];
    for (let k = 1; k < SLOT_POSITIONS.length && rep.successorId === null; k++) {
      const mateKey = `${code}:${(Number(slot) + k) % SLOT_POSITIONS.length}`;
      const mate = slotPeople.get(mateKey);
      if (mate && mate.leftOn === null && !(mateKey in transfers) && mate.hiredOn < rep.leftOn)
        rep.successorId = mate.id;
    }
  }

  // Paths, sort orders and manager links.
  const unitById = new Map(units.map((u) => [u.id, u]));
  const siblings = new Map<string, number>();
  const orgUnits = units.map((u) => {
    const parent = u.parentId ? unitById.get(u.parentId) : undefined;
    if (parent) u.path = `${parent.path}${u.id}/`;
    const key = u.parentId ?? '';
    const sortOrder = siblings.get(key) ?? 0;
    siblings.set(key, sortOrder + 1);
    return {
      tenantId,
      id: u.id,
      externalId: `U-${u.code}`,
      parentId: u.parentId,
      name: u.name,
      kind: u.kind,
      managerId: managerOf.get(u.id) ?? null,
      path: u.path,
      sortOrder,
      ...stamps(foundedAt),
    };
  });
  const unitManager = (unitId: string) => managerOf.get(unitId) ?? null;
  const parentManager = (unitId: string) => {
    const parentId = unitById.get(unitId)?.parentId;
    return parentId ? unitManager(parentId) : null;
  };

  const peopleRows = people.map((p, i) => {
    const last = p.stints[p.stints.length - 1] as Stint;
    const managerId = p.kind === 'rep' ? unitManager(last.unitId) : parentManager(last.unitId);
    const code = String(i + 1).padStart(3, '0');
    const createdAt = officeStamp(random, p.hiredOn);
    return {
      tenantId,
      id: p.id,
      externalId: `P${code}`,
      name: p.name,
      email: `p${code}@pacer.demo`,
      phone: `1${random.pick(['38', '39', '58', '86', '35'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      positionId: positionId(p.position),
      managerId,
      hiredOn: p.hiredOn,
      leftOn: p.leftOn,
      ...stamps(createdAt, p.leftOn ? officeStamp(random, p.leftOn) : createdAt),
    };
  });

  let membershipNo = 0;
  const memberships = people.flatMap((p) =>
    p.stints.map((s) => {
      membershipNo += 1;
      const createdAt = officeStamp(random, s.startOn);
      return {
        tenantId,
        id: ctx.newId(createdAt),
        externalId: `M${String(membershipNo).padStart(3, '0')}`,
        personId: p.id,
        unitId: s.unitId,
        startOn: s.startOn,
        endOn: s.endOn,
        ...stamps(createdAt, s.endOn ? officeStamp(random, maxDate(s.startOn, addDays(s.endOn, -7))) : createdAt),
      };
    }),
  );

  // Logins: the four headline accounts, then one per remaining person with their own email.
  const sh1 = teamByCode.get('SH1') as DemoTeam;
  const repAccount = slotPeople.get(REP_ACCOUNT_SLOT) as DemoPerson;
  const special = new Map<string, { email: string; role: string }>([
    [sh1.managerId, { email: 'manager@pacer.demo', role: 'manager' }],
    [repAccount.id, { email: 'rep@pacer.demo', role: 'rep' }],
  ]);
  const users: DemoData['users'] = [];
  const addUser = (email: string, role: string, displayName: string, personId: string | null, at: string) => {
    const id = ctx.newId(at);
    users.push({
      tenantId,
      id,
      email,
      passwordHash,
      role,
      personId,
      displayName,
      locale: 'zh-CN',
      isDisabled: 0,
      ...stamps(at),
    });
    return id;
  };
  addUser('admin@pacer.demo', 'admin', '系统管理员', null, foundedAt);
  addUser('finance@pacer.demo', 'finance', '财务专员', null, foundedAt);
  people.forEach((p, i) => {
    const row = peopleRows[i] as (typeof peopleRows)[number];
    const account = special.get(p.id) ?? { email: row.email, role: p.kind === 'rep' ? 'rep' : 'manager' };
    p.userId = addUser(account.email, account.role, p.name, p.id, row.createdAt);
    if (p.leftOn) (users[users.length - 1] as DemoData['users'][number]).isDisabled = 1;
  });
  const tenants = [
    {
      id: tenantId,
      slug,
      name: '示例科技有限公司',
      timeZone: 'Asia/Shanghai',
      fiscalYearStartMonth: 1,
      currency: 'CNY',
      settingsJson: JSON.stringify(defaultTenantSettings),
      ...stamps(foundedAt),
    },
  ];

  return {
    people,
    reps: people.filter((p) => p.kind === 'rep'),
    teams,
    byId: new Map(people.map((p) => [p.id, p])),
    rows: { tenants, positions, people: peopleRows, orgUnits, memberships, users },
  };
}
