import type { FieldMeta, KindMeta, Locale } from './kind-meta.ts';
import { recordKindMeta } from './record-kinds.gen.ts';

// Labels of record kinds, fields and enum values, in both languages, from the server's kinds.

const byPath = new Map(recordKindMeta.map((k) => [k.path, k]));
const byName = new Map(recordKindMeta.map((k) => [k.name, k]));

export function kindMeta(path: string): KindMeta {
  const kind = byPath.get(path) ?? byName.get(path);
  if (!kind) throw new Error(`unknown record kind ${path}`);
  return kind;
}

export function fieldMeta(path: string, field: string): FieldMeta | undefined {
  return kindMeta(path).fields.find((f) => f.name === field);
}

export function fieldLabel(path: string, field: string, locale: Locale): string {
  return fieldMeta(path, field)?.label[locale] ?? field;
}

export function valueLabel(path: string, field: string, value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  return fieldMeta(path, field)?.valueLabels?.[value]?.[locale] ?? value;
}

export function enumOptions(path: string, field: string, locale: Locale) {
  const meta = fieldMeta(path, field);
  return (meta?.values ?? []).map((v) => ({ value: v, label: meta?.valueLabels?.[v]?.[locale] ?? v }));
}

export const importableKinds = recordKindMeta.filter((k) => !k.isReadOnly);
