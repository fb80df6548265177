import type { FieldDef, Locale, RecordKind } from '../../domain/records/field.ts';
import { writableFields } from '../../domain/records/field.ts';

// The spreadsheet columns of a record kind: the externalId first, then every field an import may
// set. Headers are accepted in Chinese or English, with or without the '*' of required columns
// and the unit in brackets, or as the API field name.

export type Column = { key: string; field?: FieldDef; isRequired: boolean };

const EXTERNAL_ID_LABEL = { 'zh-CN': '外部编号', en: 'External ID' };

export function importColumns(kind: RecordKind): Column[] {
  return [
    // An exported file carries Pacer's ids: importing it back updates those same records.
    ...(kind.hasExternalId ? [{ key: 'externalId', isRequired: false }] : []),
    ...writableFields(kind, 'import').map((f) => ({ key: f.name, field: f, isRequired: !!f.isRequired && !f.default })),
  ];
}

export function exportColumns(kind: RecordKind): Column[] {
  return [
    { key: 'id', isRequired: false },
    ...(kind.hasExternalId ? [{ key: 'externalId', isRequired: false }] : []),
    ...kind.fields.map((f) => ({ key: f.name, field: f, isRequired: false })),
  ];
}

export function headerOf(column: Column, locale: Locale, markRequired = true): string {
  const text = column.key === 'id' ? 'ID' : column.field ? column.field.label[locale] : EXTERNAL_ID_LABEL[locale];
  return markRequired && column.isRequired ? `${text}*` : text;
}

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[\s*＊_]/g, '');
}

function aliases(column: Column): string[] {
  const labels = column.field
    ? [column.field.label['zh-CN'], column.field.label.en]
    : [EXTERNAL_ID_LABEL['zh-CN'], EXTERNAL_ID_LABEL.en];
  const withoutUnit = labels.map((l) => l.replace(/\(.*\)$/, ''));
  return [...labels, ...withoutUnit, column.key, column.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)].map(
    normaliseHeader,
  );
}

export type HeaderMapping = { byIndex: Array<Column | undefined>; ignored: string[]; missing: Column[] };

export function mapHeaders(kind: RecordKind, headers: string[]): HeaderMapping {
  const columns = importColumns(kind);
  const lookup = new Map<string, Column>([['id', { key: 'id', isRequired: false }]]);
  for (const column of columns) for (const alias of aliases(column)) if (!lookup.has(alias)) lookup.set(alias, column);
  const byIndex = headers.map((h) => lookup.get(normaliseHeader(h)));
  const seen = new Set(byIndex.filter(Boolean).map((c) => c?.key));
  return {
    byIndex,
    ignored: headers.filter((_, i) => !byIndex[i]),
    missing: columns.filter((c) => c.isRequired && !seen.has(c.key)),
  };
}
