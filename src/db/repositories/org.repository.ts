import type { Db } from '../database.ts';

// The organisation as the metric engine needs it: units with their paths, effective-dated
// memberships, people's employment dates and the holiday calendar, one query each.

export function loadUnits(db: Db, tenantId: string) {
  return db
    .selectFrom('orgUnits')
    .select(['id', 'parentId', 'name', 'kind', 'path', 'sortOrder'])
    .where('tenantId', '=', tenantId)
    .orderBy('sortOrder')
    .orderBy('name')
    .execute();
}

export function loadMemberships(db: Db, tenantId: string, overlapping?: { start: string; end: string }) {
  let q = db
    .selectFrom('memberships')
    .select(['personId', 'unitId', 'startOn', 'endOn'])
    .where('tenantId', '=', tenantId);
  if (overlapping)
    q = q
      .where('startOn', '<=', overlapping.end)
      .where((w) => w.or([w('endOn', 'is', null), w('endOn', '>=', overlapping.start)]));
  return q.execute();
}

export function loadPeople(db: Db, tenantId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'hiredOn', 'leftOn', 'positionId'])
    .where('tenantId', '=', tenantId)
    .orderBy('name')
    .execute();
}

export function loadCalendar(db: Db, tenantId: string, start: string, end: string) {
  return db
    .selectFrom('calendarDays')
    .select(['date', 'kind'])
    .where('tenantId', '=', tenantId)
    .where('date', '>=', start)
    .where('date', '<=', end)
    .execute();
}
