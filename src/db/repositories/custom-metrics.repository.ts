import { sql } from 'kysely';
import type {
  AggregateDefinition,
  CustomDefinition,
  CustomMetric,
  Filter,
} from '../../domain/metrics/custom-metric.ts';
import { customSource } from '../../domain/metrics/custom-sources.ts';
import type { Db, DialectName } from '../database.ts';
import type { Executor } from './records.repository.ts';

// Storage of custom metrics, and the SQL of an aggregate definition. Identifiers come only from
// the whitelist in custom-sources.ts; every value is a bound parameter.

type Row = {
  id: string;
  key: string;
  nameZh: string;
  nameEn: string;
  category: string;
  unit: string;
  direction: string;
  definitionJson: string;
};

const toMetric = (r: Row): CustomMetric => ({
  id: r.id,
  key: r.key,
  name: { 'zh-CN': r.nameZh, en: r.nameEn },
  category: r.category as CustomMetric['category'],
  unit: r.unit as CustomMetric['unit'],
  direction: r.direction as CustomMetric['direction'],
  definition: JSON.parse(r.definitionJson) as CustomDefinition,
});

export async function listCustomMetrics(db: Db, tenantId: string): Promise<CustomMetric[]> {
  const rows = await db
    .selectFrom('customMetrics')
    .select(['id', 'key', 'nameZh', 'nameEn', 'category', 'unit', 'direction', 'definitionJson'])
    .where('tenantId', '=', tenantId)
    .orderBy('key')
    .execute();
  return rows.map(toMetric);
}

export async function insertCustomMetric(db: Executor, tenantId: string, m: CustomMetric, now: string) {
  await (db as Db)
    .insertInto('customMetrics')
    .values({
      tenantId,
      id: m.id,
      key: m.key,
      nameZh: m.name['zh-CN'],
      nameEn: m.name.en,
      category: m.category,
      unit: m.unit,
      direction: m.direction,
      definitionJson: JSON.stringify(m.definition),
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

export async function updateCustomMetric(db: Executor, tenantId: string, m: CustomMetric, now: string) {
  await (db as Db)
    .updateTable('customMetrics')
    .set({
      nameZh: m.name['zh-CN'],
      nameEn: m.name.en,
      category: m.category,
      unit: m.unit,
      direction: m.direction,
      definitionJson: JSON.stringify(m.definition),
      updatedAt: now,
    })
    .where('tenantId', '=', tenantId)
    .where('id', '=', m.id)
    .execute();
}

export async function deleteCustomMetric(db: Executor, tenantId: string, id: string) {
  await (db as Db).deleteFrom('customMetrics').where('tenantId', '=', tenantId).where('id', '=', id).execute();
}

export type CustomFact = {
  personId: string;
  factOn: string;
  value: number | string | null;
  share: number;
  recordId: string;
};

function filterSql(f: Filter, column: string) {
  const ref = sql.raw(`t.${column}`);
  if (f.op === 'in') return sql`${ref} in (${sql.join(f.value as Array<string | number>)})`;
  return sql`${ref} ${sql.raw(f.op === '!=' ? '<>' : f.op)} ${f.value as string | number}`;
}

/** Every fact of an aggregate definition in a date range, with the credited person and share. */
export async function loadCustomFacts(
  db: Executor,
  _dialect: DialectName,
  d: AggregateDefinition,
  p: { tenantId: string; start: string; end: string; personIds?: readonly string[] },
): Promise<CustomFact[]> {
  const source = customSource(d.source);
  if (!source) throw new Error(`unknown source ${d.source}`);
  const date = sql.raw(source.dateFields.find((f) => f.name === d.dateField)?.sql ?? 'NULL');
  const field = source.fields.find((f) => f.name === d.field);
  const value = d.aggregate === 'count' || !field ? sql`1` : sql.raw(`t.${field.column}`);
  const isSplit = d.credit === 'split' && source.split;
  const person = sql.raw(isSplit ? 's.person_id' : `t.${source.credits[d.credit]}`);
  const join = isSplit
    ? sql`join ${sql.raw(source.split?.table ?? '')} s on s.tenant_id = t.tenant_id and ${sql.raw(`s.${source.split?.key} = t.${source.split?.via}`)}`
    : sql``;
  const share = isSplit ? sql`s.share_bp / 10000.0` : sql`1`;
  const filters = d.filters.map((f) => {
    const column = source.fields.find((x) => x.name === f.field)?.column ?? 'id';
    return sql` and ${filterSql(f, column)}`;
  });
  const people =
    p.personIds === undefined
      ? sql``
      : p.personIds.length === 0
        ? sql` and 1 = 0`
        : sql` and ${person} in (${sql.join(p.personIds)})`;
  const { rows } = await sql<CustomFact>`
    select ${person} as "personId", ${date} as "factOn", ${value} as "value", ${share} as "share", t.id as "recordId"
    from ${sql.raw(source.table)} t ${join}
    where t.tenant_id = ${p.tenantId} and ${person} is not null and ${date} between ${p.start} and ${p.end}${sql.join(filters, sql``)}${people}`.execute(
    db as never,
  );
  return rows.map((r) => ({
    ...r,
    share: Number(r.share),
    value:
      typeof r.value === 'string' && field?.type !== 'number' && field?.type !== 'money'
        ? r.value
        : r.value === null
          ? null
          : Number(r.value),
  }));
}
