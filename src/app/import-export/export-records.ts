import { displayKeysOf, type ListQuery } from '../../db/repositories/records.repository.ts';
import type { FieldDef, KindName, Locale, RecordKind, RecordValues } from '../../domain/records/field.ts';
import type { ShareEntry } from '../../domain/records/rules.ts';
import { localDateTime } from '../../domain/time/dates.ts';
import type { Actor, AppDeps } from '../context.ts';
import type { Cell } from '../files/read-table.ts';
import { type WriteFormat, writeTable } from '../files/write-table.ts';
import { listVisibleRecords } from '../records/read-records.ts';
import { type Column, exportColumns, headerOf, importColumns } from './columns.ts';

// Exports write what an import reads back: money in yuan, enum labels in the chosen language,
// references by the referenced record's externalId (its id when it has none), local date-times.

const PAGE = 1_000;

export async function exportRecords(
  deps: AppDeps,
  actor: Actor,
  kind: RecordKind,
  format: WriteFormat,
  locale: Locale,
  filters: Pick<ListQuery, 'filters' | 'q' | 'sort'>,
): Promise<Buffer> {
  const records: RecordValues[] = [];
  let cursor: string | undefined;
  do {
    const page = await listVisibleRecords(deps, actor, kind, {
      ...filters,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    records.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const keys = await referenceKeys(deps, actor, kind, records);
  const columns = exportColumns(kind);
  return writeTable(format, {
    sheetName: kind.label[locale],
    headers: columns.map((c) => headerOf(c, locale, false)),
    rows: records.map((r) => columns.map((c) => exportCell(c, r, locale, actor.timeZone, keys))),
  });
}

type KeyMaps = Map<KindName, Map<string, string>>;

async function referenceKeys(deps: AppDeps, actor: Actor, kind: RecordKind, records: RecordValues[]): Promise<KeyMaps> {
  const wanted = new Map<KindName, Set<string>>();
  const want = (k: KindName, id: unknown) => {
    if (typeof id === 'string') wanted.set(k, (wanted.get(k) ?? new Set()).add(id));
  };
  for (const field of kind.fields)
    for (const r of records) {
      if (field.type === 'ref' && field.refKind) want(field.refKind, r[field.name]);
      if (field.type === 'team' || field.type === 'splits')
        for (const e of (r[field.name] as ShareEntry[] | null) ?? []) want('people', e.personId);
    }
  const maps: KeyMaps = new Map();
  for (const [k, ids] of wanted) maps.set(k, await displayKeysOf(deps.db, actor.tenantId, k, [...ids]));
  return maps;
}

function exportCell(column: Column, record: RecordValues, locale: Locale, timeZone: string, keys: KeyMaps): Cell {
  const value = record[column.key];
  if (value === null || value === undefined) return null;
  const field: FieldDef | undefined = column.field;
  if (!field) return String(value);
  const person = (id: string) => keys.get('people')?.get(id) ?? id;
  switch (field.type) {
    case 'money':
      return Number(value) / 100;
    case 'enum':
      return field.valueLabels?.[String(value)]?.[locale] ?? String(value);
    case 'ref':
      return field.refKind ? (keys.get(field.refKind)?.get(String(value)) ?? String(value)) : String(value);
    case 'datetime':
      return localDateTime(String(value), timeZone);
    case 'team':
      return (value as ShareEntry[]).map((e) => `${person(e.personId)}:${e.role}:${e.shareBp / 100}`).join(';');
    case 'splits':
      return (value as ShareEntry[]).map((e) => `${person(e.personId)}:${e.shareBp / 100}`).join(';');
    case 'integer':
      return Number(value);
    default:
      return String(value);
  }
}

const TYPE_HELP: Record<FieldDef['type'], Record<Locale, string>> = {
  string: { 'zh-CN': '文本', en: 'text' },
  text: { 'zh-CN': '文本', en: 'text' },
  integer: { 'zh-CN': '整数', en: 'whole number' },
  money: {
    'zh-CN': '金额（元），最多两位小数，可写“12.5万”',
    en: 'amount in yuan, at most 2 decimals; "12.5万" works',
  },
  date: { 'zh-CN': '日期，如 2025-03-14 或 2025/3/14', en: 'date, e.g. 2025-03-14 or 2025/3/14' },
  datetime: {
    'zh-CN': '日期时间，如 2025-03-14 09:30（租户时区）',
    en: 'date and time, e.g. 2025-03-14 09:30 (tenant time zone)',
  },
  month: { 'zh-CN': '月份，如 2025-03', en: 'month, e.g. 2025-03' },
  enum: { 'zh-CN': '可选值', en: 'one of' },
  ref: { 'zh-CN': '外部编号或ID', en: 'external ID or ID' },
  team: { 'zh-CN': '人员:角色:比例', en: 'person:role:percent' },
  splits: { 'zh-CN': '人员:比例', en: 'person:percent' },
};

function columnHelp(column: Column, locale: Locale): string {
  const f = column.field;
  if (!f)
    return locale === 'zh-CN'
      ? '在其他系统中的编号；重复导入时据此更新而不新增'
      : 'the key in another system; re-importing updates by it instead of adding';
  const values = f.values?.map((v) => f.valueLabels?.[v]?.[locale] ?? v).join(' / ');
  return [TYPE_HELP[f.type][locale], values, f.help?.[locale]].filter(Boolean).join(locale === 'zh-CN' ? '；' : '; ');
}

/** An empty file with the import headers, each column explained (a note in XLSX plus a sheet). */
export function templateFile(kind: RecordKind, format: WriteFormat, locale: Locale): Promise<Buffer> {
  const columns = importColumns(kind);
  const zh = locale === 'zh-CN';
  return writeTable(format, {
    sheetName: kind.label[locale],
    headers: columns.map((c) => headerOf(c, locale)),
    rows: [],
    columnNotes: columns.map((c) => columnHelp(c, locale)),
    instructions: {
      sheetName: zh ? '填写说明' : 'Instructions',
      rows: [
        zh ? ['列', '必填', '说明'] : ['Column', 'Required', 'Meaning'],
        ...columns.map((c) => [
          headerOf(c, locale, false),
          c.isRequired ? (zh ? '是' : 'yes') : '',
          columnHelp(c, locale),
        ]),
      ],
    },
  });
}
