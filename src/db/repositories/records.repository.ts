import { type Kysely, sql, type Transaction } from 'kysely';
import type { FieldDef, KindName, RecordKind, RecordValues } from '../../domain/records/field.ts';
import type { ShareEntry } from '../../domain/records/rules.ts';
import type { Db } from '../database.ts';
import { type AccessScope, inVisiblePeople, readScope, writeScope } from './record-scopes.ts';

// Generic SQL for every record kind. Each query filters by tenant; reads also by the caller's
// data scope. Everything works on sets of rows: one query per batch, never one per record.

// biome-ignore lint/suspicious/noExplicitAny: generic over every table
type AnyDb = Kysely<any> | Transaction<any>;
export type Executor = Db | Transaction<unknown> | AnyDb;
const any = (db: Executor) => db as AnyDb;

/** Parameters per statement stay under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
const IN_CHUNK = 5_000;

const isChildField = (f: FieldDef) => f.type === 'team' || f.type === 'splits';
export function storedColumns(kind: RecordKind): string[] {
  const cols = kind.fields.filter((f) => !isChildField(f) && !f.isVirtual).map((f) => f.name);
  return [
    'id',
    ...(kind.hasExternalId ? ['externalId'] : []),
    ...cols,
    ...(kind.hasNoStamps ? [] : ['createdAt', 'updatedAt']),
  ];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------- reads

export type ListQuery = {
  filters: Record<string, string>;
  q?: string;
  sort?: string;
  limit: number;
  cursor?: string;
};

export type ListResult = { items: RecordValues[]; nextCursor: string | null };

const encodeCursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

export function decodeCursor(cursor: string): [string | number, string] | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string')
      return parsed as [string, string];
  } catch {
    // fall through: an unreadable cursor is reported by the caller
  }
  return undefined;
}

const isTextLike = (f: FieldDef | undefined) => !f || !['integer', 'money'].includes(f.type);

export async function listRecords(
  db: Executor,
  scope: AccessScope,
  kind: RecordKind,
  query: ListQuery,
): Promise<ListResult> {
  const desc = query.sort?.startsWith('-') ?? false;
  const sortName = (query.sort ?? kind.defaultSort).replace(/^-/, '');
  const sortField = kind.fields.find((f) => f.name === sortName);
  // Nullable text sorts through coalesce so both dialects order NULL the same way.
  const sortExpr = `coalesce(t.${snake(sortName)}, ${isTextLike(sortField) ? "''" : '0'})`;
  let qb = any(db)
    .selectFrom(`${kind.name} as t`)
    .selectAll('t')
    .select(sql.raw(sortExpr).as('sortKey'))
    .where('t.tenantId', '=', scope.tenantId)
    .where((eb) => readScope(eb, kind.name, scope) ?? eb.lit(true));

  for (const [name, value] of Object.entries(query.filters)) {
    const [fieldName, bound] = name.endsWith('From')
      ? [name.slice(0, -4), '>=']
      : name.endsWith('To')
        ? [name.slice(0, -2), '<=']
        : [name, '='];
    if (fieldName === 'unitId' && kind.name === 'people') {
      const units = value.split(',');
      qb = qb.where((eb) =>
        eb(
          't.id',
          'in',
          eb
            .selectFrom('memberships as m')
            .select('m.personId')
            .where('m.tenantId', '=', scope.tenantId)
            .where('m.unitId', 'in', units)
            .where('m.startOn', '<=', scope.today)
            .where((w) => w.or([w('m.endOn', 'is', null), w('m.endOn', '>=', scope.today)])),
        ),
      );
    } else if (bound === '=' && value.includes(',')) qb = qb.where(`t.${fieldName}`, 'in', value.split(','));
    else qb = qb.where(`t.${fieldName}`, bound as '=' | '>=' | '<=', value);
  }
  const searchable = kind.fields.filter((f) => f.isSearchable);
  if (query.q && searchable.length > 0) {
    const needle = `%${query.q.toLowerCase().replace(/[%_]/g, (c) => `\\${c}`)}%`;
    qb = qb.where((eb) =>
      eb.or(searchable.map((f) => sql<boolean>`lower(${sql.ref(`t.${f.name}`)}) like ${needle} escape '\\'`)),
    );
  }
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor) ?? ['', ''];
    const op = desc ? '<' : '>';
    qb = qb.where((eb) =>
      eb.or([eb(sql.raw(sortExpr), op, value), eb.and([eb(sql.raw(sortExpr), '=', value), eb('t.id', op, id)])]),
    );
  }
  const rows = await qb
    .orderBy(sql.raw(sortExpr), desc ? 'desc' : 'asc')
    .orderBy('t.id', desc ? 'desc' : 'asc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items = await withExtras(
    db,
    scope.tenantId,
    kind,
    page.map((r) => toRecord(kind, r)),
    scope.today,
  );
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sortKey, last.id) : null,
  };
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function toRecord(kind: RecordKind, row: Record<string, unknown>): RecordValues {
  const out: RecordValues = {};
  for (const col of storedColumns(kind)) out[col] = row[col] ?? null;
  return out;
}

/** Records by id within the tenant, optionally limited to what a scope may read. */
export function getRecords(
  db: Executor,
  tenantId: string,
  kind: RecordKind,
  ids: readonly string[],
  options: { scope?: AccessScope; today: string },
): Promise<Map<string, RecordValues>> {
  return findByColumn(db, tenantId, kind, 'id', ids, options.today, options.scope);
}

/** Existing records of a kind whose `column` (id, externalId or a natural key) is one of `values`. */
export async function findByColumn(
  db: Executor,
  tenantId: string,
  kind: RecordKind,
  column: string,
  values: readonly string[],
  today: string,
  scope?: AccessScope,
): Promise<Map<string, RecordValues>> {
  const found = new Map<string, RecordValues>();
  for (const part of chunk([...new Set(values)], IN_CHUNK)) {
    const rows = await any(db)
      .selectFrom(`${kind.name} as t`)
      .selectAll('t')
      .where('t.tenantId', '=', tenantId)
      .where(`t.${column}`, 'in', part)
      .where((eb) => (scope ? readScope(eb, kind.name, scope) : undefined) ?? eb.lit(true))
      .execute();
    const records = await withExtras(
      db,
      tenantId,
      kind,
      rows.map((r) => toRecord(kind, r)),
      today,
    );
    for (const r of records) found.set(String(r[column]), r);
  }
  return found;
}

/**
 * Maps the keys people use to name a record (its id, its externalId, a person's email) to ids,
 * for one kind, in one query per chunk.
 */
export async function resolveKeys(db: Executor, tenantId: string, kind: KindName, keys: readonly string[]) {
  const resolved = new Map<string, string>();
  const columns = [
    'id',
    'externalId',
    ...(kind === 'people' ? ['email'] : []),
    ...(kind === 'positions' ? ['code'] : []),
  ];
  for (const part of chunk([...new Set(keys)], IN_CHUNK)) {
    const rows = await any(db)
      .selectFrom(`${kind} as t`)
      .select(columns.map((c) => `t.${c}`))
      .where('t.tenantId', '=', tenantId)
      .where((eb) => eb.or(columns.map((c) => eb(`t.${c}`, 'in', part))))
      .execute();
    // An id match wins over an externalId match, which wins over the rest.
    for (const col of [...columns].reverse())
      for (const row of rows)
        if (row[col] !== null && part.includes(String(row[col]))) resolved.set(String(row[col]), row.id);
  }
  return resolved;
}

async function withExtras(
  db: Executor,
  tenantId: string,
  kind: RecordKind,
  records: RecordValues[],
  today: string,
): Promise<RecordValues[]> {
  if (records.length === 0) return records;
  const ids = records.map((r) => String(r.id));
  if (kind.name === 'deals' || kind.name === 'contracts') {
    const [table, key, field] =
      kind.name === 'deals' ? ['dealMembers', 'dealId', 'team'] : ['contractSplits', 'contractId', 'splits'];
    const byParent = new Map<string, ShareEntry[]>();
    for (const part of chunk(ids, IN_CHUNK)) {
      const rows = await any(db)
        .selectFrom(table)
        .selectAll()
        .where('tenantId', '=', tenantId)
        .where(key, 'in', part)
        .orderBy('shareBp', 'desc')
        .orderBy('personId')
        .execute();
      for (const row of rows) {
        const list = byParent.get(row[key]) ?? [];
        list.push({ personId: row.personId, ...(row.role ? { role: row.role } : {}), shareBp: Number(row.shareBp) });
        byParent.set(row[key], list);
      }
    }
    for (const r of records) r[field] = byParent.get(String(r.id)) ?? [];
  }
  if (kind.name === 'people') {
    const unitOf = new Map<string, string>();
    for (const part of chunk(ids, IN_CHUNK)) {
      const rows = await any(db)
        .selectFrom('memberships')
        .select(['personId', 'unitId'])
        .where('tenantId', '=', tenantId)
        .where('personId', 'in', part)
        .where('startOn', '<=', today)
        .where((w) => w.or([w('endOn', 'is', null), w('endOn', '>=', today)]))
        .execute();
      for (const row of rows) unitOf.set(row.personId, row.unitId);
    }
    for (const r of records) r.unitId = unitOf.get(String(r.id)) ?? null;
  }
  return records;
}

/** The ids among `ids` that the scope may write (used after a write, inside its transaction). */
export async function writableIds(db: Executor, scope: AccessScope, kind: RecordKind, ids: readonly string[]) {
  const ok = new Set<string>();
  for (const part of chunk(ids, IN_CHUNK)) {
    const rows = await any(db)
      .selectFrom(`${kind.name} as t`)
      .select('t.id')
      .where('t.tenantId', '=', scope.tenantId)
      .where('t.id', 'in', part)
      .where((eb) => writeScope(eb, kind.name, scope) ?? eb.lit(true))
      .execute();
    for (const r of rows) ok.add(r.id);
  }
  return ok;
}

// ---------------------------------------------------------------- writes

function toRow(kind: RecordKind, tenantId: string, record: RecordValues): Record<string, unknown> {
  const row: Record<string, unknown> = { tenantId };
  for (const col of storedColumns(kind)) row[col] = record[col] ?? null;
  return row;
}

export async function insertRecords(db: Executor, tenantId: string, kind: RecordKind, records: RecordValues[]) {
  if (records.length === 0) return;
  const perRow = storedColumns(kind).length + 1;
  for (const part of chunk(records, Math.max(1, Math.floor(MAX_PARAMS / perRow)))) {
    await any(db)
      .insertInto(kind.name)
      .values(part.map((r) => toRow(kind, tenantId, r)))
      .execute();
  }
  await replaceChildren(db, tenantId, kind, records);
}

export async function updateRecords(db: Executor, tenantId: string, kind: RecordKind, records: RecordValues[]) {
  for (const record of records) {
    const { tenantId: _t, id, createdAt: _c, ...values } = toRow(kind, tenantId, record);
    await any(db).updateTable(kind.name).set(values).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  }
  await replaceChildren(db, tenantId, kind, records);
}

async function replaceChildren(db: Executor, tenantId: string, kind: RecordKind, records: RecordValues[]) {
  if (kind.name !== 'deals' && kind.name !== 'contracts') return;
  const [table, key, field] =
    kind.name === 'deals'
      ? (['dealMembers', 'dealId', 'team'] as const)
      : (['contractSplits', 'contractId', 'splits'] as const);
  const touched = records.filter((r) => Array.isArray(r[field]));
  for (const part of chunk(
    touched.map((r) => String(r.id)),
    IN_CHUNK,
  ))
    await any(db).deleteFrom(table).where('tenantId', '=', tenantId).where(key, 'in', part).execute();
  const rows = touched.flatMap((r) =>
    (r[field] as ShareEntry[]).map((e) => ({
      tenantId,
      [key]: r.id,
      personId: e.personId,
      ...(kind.name === 'deals' ? { role: e.role } : {}),
      shareBp: e.shareBp,
    })),
  );
  for (const part of chunk(rows, 5_000)) await any(db).insertInto(table).values(part).execute();
}

export async function deleteRecord(db: Executor, tenantId: string, kind: RecordKind, id: string) {
  await any(db).deleteFrom(kind.name).where('tenantId', '=', tenantId).where('id', '=', id).execute();
}

/** externalId (or id when there is none) for each id of a kind: how exports name references. */
export async function displayKeysOf(db: Executor, tenantId: string, kind: KindName, ids: readonly string[]) {
  const keys = new Map<string, string>();
  const hasExternalId = kind !== 'usageEvents' && kind !== 'auditLog' && kind !== 'calendarDays';
  for (const part of chunk([...new Set(ids)], IN_CHUNK)) {
    const rows = await any(db)
      .selectFrom(kind)
      .select(hasExternalId ? ['id', 'externalId'] : ['id'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', part)
      .execute();
    for (const r of rows) keys.set(r.id, r.externalId ?? r.id);
  }
  return keys;
}

/** The ids among `personIds` whose personal records the scope may read. */
export async function peopleInScope(db: Executor, scope: AccessScope, personIds: readonly string[]) {
  const ok = new Set<string>();
  for (const part of chunk([...new Set(personIds)], IN_CHUNK)) {
    const rows = await any(db)
      .selectFrom('people as t')
      .select('t.id')
      .where('t.tenantId', '=', scope.tenantId)
      .where('t.id', 'in', part)
      .where((eb) => inVisiblePeople(eb, scope, 't.id') ?? eb.lit(true))
      .execute();
    for (const r of rows) ok.add(r.id);
  }
  return ok;
}

/**
 * Why each of these activities does not count as a valid follow-up (spec 3): no customer, notes
 * shorter than the tenant's minimum, or a later duplicate of a valid one (same person, customer,
 * type and local date). One query for the whole page.
 */
export async function activityInvalidReasons(
  db: Executor,
  tenantId: string,
  records: RecordValues[],
  minNotesLength: number,
) {
  const reasons = new Map<string, string | null>();
  const valid: string[] = [];
  for (const r of records) {
    const reason = r.customerId == null ? 'no_customer' : Number(r.notesLength) < minNotesLength ? 'short_notes' : null;
    reasons.set(String(r.id), reason);
    if (!reason) valid.push(String(r.id));
  }
  for (const part of chunk(valid, IN_CHUNK)) {
    const rows = await any(db)
      .selectFrom('activities as a')
      .select('a.id')
      .where('a.tenantId', '=', tenantId)
      .where('a.id', 'in', part)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('activities as b')
            .select('b.id')
            .whereRef('b.tenantId', '=', 'a.tenantId')
            .whereRef('b.personId', '=', 'a.personId')
            .whereRef('b.customerId', '=', 'a.customerId')
            .whereRef('b.type', '=', 'a.type')
            .whereRef('b.occurredOn', '=', 'a.occurredOn')
            .where('b.notesLength', '>=', minNotesLength)
            .where((w) =>
              w.or([
                w('b.occurredAt', '<', w.ref('a.occurredAt')),
                w.and([w('b.occurredAt', '=', w.ref('a.occurredAt')), w('b.id', '<', w.ref('a.id'))]),
              ]),
            ),
        ),
      )
      .execute();
    for (const r of rows) reasons.set(r.id, 'duplicate');
  }
  return reasons;
}
