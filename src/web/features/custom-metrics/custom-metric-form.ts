import type { CustomMetric, CustomMetricInput, CustomSource } from '../../api/custom-metrics.ts';

// The definition form holds what a person types (money in yuan, a list as separate values); these
// turn it into the request body and back.

type FilterValue = string | number | Array<string | number>;
export type FilterRow = { field?: string; op?: string; value?: FilterValue };
export type CustomMetricForm = {
  key: string;
  name: { 'zh-CN': string; en: string };
  category: CustomMetricInput['category'];
  unit: CustomMetricInput['unit'];
  direction: 'higher' | 'lower';
  definition: {
    kind: 'aggregate' | 'formula';
    source?: string;
    aggregate?: 'count' | 'distinct_count' | 'sum' | 'mean' | 'min' | 'max';
    field?: string;
    filters?: FilterRow[];
    dateField?: string;
    credit?: 'owner' | 'split' | 'author';
    formula?: string;
  };
};

export const EMPTY_FORM: CustomMetricForm = {
  key: '',
  name: { 'zh-CN': '', en: '' },
  category: 'result',
  unit: 'count',
  direction: 'higher',
  definition: { kind: 'formula', formula: '', filters: [], aggregate: 'count' },
};

type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in';

function typedValue(raw: string | number, type: string | undefined): string | number {
  const text = String(raw).trim();
  if (type === 'money' && text !== '' && !Number.isNaN(Number(text))) return Math.round(Number(text) * 100);
  if (type === 'number' && text !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

export function toInput(values: CustomMetricForm, sources: readonly CustomSource[]): CustomMetricInput {
  const d = values.definition;
  const common = {
    key: values.key.trim(),
    name: { 'zh-CN': values.name['zh-CN'].trim(), en: values.name.en.trim() },
    category: values.category,
    unit: values.unit,
    direction: values.direction,
  };
  if (d.kind === 'formula') return { ...common, definition: { kind: 'formula', formula: d.formula ?? '' } };
  const source = sources.find((s) => s.name === d.source);
  const typeOf = (field?: string) => source?.fields.find((f) => f.name === field)?.type;
  return {
    ...common,
    definition: {
      kind: 'aggregate',
      source: d.source ?? '',
      aggregate: d.aggregate ?? 'count',
      ...(d.field && d.aggregate !== 'count' ? { field: d.field } : {}),
      filters: (d.filters ?? []).map((f) => {
        const type = typeOf(f.field);
        const raw = f.value ?? '';
        const list = Array.isArray(raw) ? raw : f.op === 'in' ? String(raw).split(/[,，]/) : null;
        return {
          field: f.field ?? '',
          op: (f.op ?? '=') as Op,
          value: list ? list.map((v) => typedValue(v, type)) : typedValue(raw as string | number, type),
        };
      }),
      dateField: d.dateField ?? '',
      credit: d.credit ?? 'owner',
    },
  };
}

export function fromMetric(m: CustomMetric, sources: readonly CustomSource[]): CustomMetricForm {
  const common = { key: m.key, name: m.name, category: m.category, unit: m.unit, direction: m.direction };
  const d = m.definition;
  if (d.kind === 'formula') return { ...common, definition: { kind: 'formula', formula: d.formula, filters: [] } };
  const source = sources.find((s) => s.name === d.source);
  const typeOf = (field?: string) => source?.fields.find((f) => f.name === field)?.type;
  const shown = (v: string | number, type?: string) => (type === 'money' && typeof v === 'number' ? v / 100 : v);
  return {
    ...common,
    definition: {
      kind: 'aggregate',
      source: d.source,
      aggregate: d.aggregate,
      field: d.field,
      dateField: d.dateField,
      credit: d.credit,
      filters: d.filters.map((f) => {
        const type = typeOf(f.field);
        const isEnum = !!source?.fields.find((x) => x.name === f.field)?.values;
        const value = Array.isArray(f.value)
          ? isEnum
            ? f.value
            : f.value.map((v) => shown(v, type)).join(',')
          : shown(f.value, type);
        return { field: f.field, op: f.op, value };
      }),
    },
  };
}

/** A short text of what the metric counts, for the list. */
export function definitionSummary(m: CustomMetric): string {
  const d = m.definition;
  if (d.kind === 'formula') return d.formula;
  const field = d.field ? `(${d.field})` : '';
  const where = d.filters.length
    ? ` where ${d.filters.map((f) => `${f.field} ${f.op} ${Array.isArray(f.value) ? f.value.join(',') : f.value}`).join(' and ')}`
    : '';
  return `${d.aggregate}${field} of ${d.source}${where}`;
}
