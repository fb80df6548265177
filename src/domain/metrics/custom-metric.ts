import type { Label } from '../records/field.ts';
import type { Aggregation, MetricCategory, MetricDef, MetricUnit } from './catalog.ts';
import { type CreditRule, customSource, type SourceField } from './custom-sources.ts';
import { describeFormulaError, findCycle, parseFormula, referencedMetrics } from './formula.ts';

// A custom metric is an admin's definition (spec 3): an aggregate over one record kind with
// filters, or a formula over other metrics. This module checks a definition and says exactly
// what is wrong with it; nothing here runs a query.

export type FilterOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in';
export type Filter = { field: string; op: FilterOp; value: string | number | Array<string | number> };
export type AggregateKind = 'count' | 'distinct_count' | 'sum' | 'mean' | 'min' | 'max';

export type AggregateDefinition = {
  kind: 'aggregate';
  source: string;
  aggregate: AggregateKind;
  field?: string;
  filters: Filter[];
  dateField: string;
  credit: CreditRule;
};
export type FormulaDefinition = { kind: 'formula'; formula: string };
export type CustomDefinition = AggregateDefinition | FormulaDefinition;

export type CustomMetric = {
  id: string;
  key: string;
  name: Label;
  category: MetricCategory;
  unit: MetricUnit;
  direction: 'higher' | 'lower';
  definition: CustomDefinition;
};

/** `code` and `params` let a UI word the reason in its own language (formula errors, unknown metrics, cycles). */
export type DefinitionIssue = {
  field: string;
  reason: string;
  code?: 'formula' | 'unknown_metric' | 'formula_cycle';
  params?: Record<string, string | number>;
};

export const KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export function aggregationOf(definition: CustomDefinition): Aggregation | 'min' | 'max' | 'distinct' | 'formula' {
  if (definition.kind === 'formula') return 'formula';
  switch (definition.aggregate) {
    case 'count':
    case 'sum':
      return 'sum';
    case 'mean':
      return 'mean';
    case 'distinct_count':
      return 'distinct';
    default:
      return definition.aggregate;
  }
}

/** The catalog entry of a custom metric, like a built-in one (formulas and extremes count as 'rate'-like: no summing). */
export function customMetricDef(m: CustomMetric): MetricDef & { isCustom: true } {
  const agg = aggregationOf(m.definition);
  return {
    id: m.key,
    name: m.name,
    category: m.category,
    unit: m.unit,
    direction: m.direction,
    aggregation: agg === 'sum' || agg === 'mean' ? agg : 'rate',
    factDate: m.definition.kind === 'aggregate' ? m.definition.dateField : 'formula',
    description: m.name,
    isCustom: true,
  };
}

const NUMERIC_OPS: FilterOp[] = ['=', '!=', '>', '>=', '<', '<=', 'in'];
const TEXT_OPS: FilterOp[] = ['=', '!=', 'in'];

export function checkAggregate(d: AggregateDefinition): DefinitionIssue[] {
  const source = customSource(d.source);
  if (!source) return [{ field: 'definition.source', reason: `'${d.source}' is not a source a metric can read` }];
  const issues: DefinitionIssue[] = [];
  const field = d.field ? source.fields.find((f) => f.name === d.field) : undefined;
  if (d.aggregate !== 'count') {
    if (!d.field) issues.push({ field: 'definition.field', reason: `${d.aggregate} needs a field` });
    else if (!field) issues.push({ field: 'definition.field', reason: `${d.source} has no field '${d.field}'` });
    else if (d.aggregate !== 'distinct_count' && field.type !== 'number' && field.type !== 'money')
      issues.push({
        field: 'definition.field',
        reason: `${d.aggregate} needs a number field; '${d.field}' is ${field.type}`,
      });
  }
  if (!source.dateFields.some((f) => f.name === d.dateField))
    issues.push({
      field: 'definition.dateField',
      reason: `'${d.dateField}' is not a date of ${d.source}; use ${source.dateFields.map((f) => f.name).join(' or ')}`,
    });
  if (!source.credits[d.credit])
    issues.push({
      field: 'definition.credit',
      reason: `${d.source} cannot be credited by '${d.credit}'; use ${Object.keys(source.credits).join(' or ')}`,
    });
  d.filters.forEach((f, i) => {
    const problem = filterProblem(
      source.fields.find((x) => x.name === f.field),
      f,
      d.source,
    );
    if (problem) issues.push({ field: `definition.filters[${i}].${problem.field}`, reason: problem.reason });
  });
  return issues;
}

function filterProblem(
  sf: SourceField | undefined,
  f: Filter,
  source: string,
): { field: string; reason: string } | undefined {
  if (!sf) return { field: 'field', reason: `${source} has no field '${f.field}'` };
  const numeric = sf.type === 'number' || sf.type === 'money';
  if (!(numeric ? NUMERIC_OPS : TEXT_OPS).includes(f.op))
    return { field: 'op', reason: `'${f.op}' does not apply to ${sf.type} field ${f.field}` };
  const values = Array.isArray(f.value) ? f.value : [f.value];
  if (f.op === 'in' ? !Array.isArray(f.value) || values.length === 0 : Array.isArray(f.value))
    return { field: 'value', reason: f.op === 'in' ? "'in' needs a non-empty list" : 'one value expected' };
  if (numeric && values.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    return { field: 'value', reason: `${f.field} compares with numbers` };
  if (sf.values && values.some((v) => !sf.values?.includes(String(v))))
    return { field: 'value', reason: `${f.field} is one of ${sf.values.join(', ')}` };
  return undefined;
}

/**
 * A formula must parse, name only known metrics and create no cycle among custom metrics.
 * `known` holds every metric id (built-in and custom); `formulas` every custom formula's references.
 */
export function checkFormula(
  key: string,
  d: FormulaDefinition,
  known: ReadonlySet<string>,
  formulas: ReadonlyMap<string, readonly string[]>,
): DefinitionIssue[] {
  const parsed = parseFormula(d.formula);
  if (!parsed.ok)
    return [
      {
        field: 'definition.formula',
        reason: describeFormulaError(d.formula, parsed.error),
        code: 'formula',
        params: {
          position: parsed.error.position,
          column: parsed.error.position + 1,
          expected: parsed.error.expected,
          ...parsed.error.params,
        },
      },
    ];
  const refs = referencedMetrics(parsed.ast);
  const unknown = refs.filter((r) => !known.has(r) && r !== key);
  if (unknown.length > 0)
    return [
      {
        field: 'definition.formula',
        reason: `unknown metric${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
        code: 'unknown_metric',
        params: { metrics: unknown.join(', '), count: unknown.length },
      },
    ];
  const cycle = findCycle(new Map([...formulas, [key, refs]]));
  if (cycle)
    return [
      {
        field: 'definition.formula',
        reason: `formulas refer to each other in a circle: ${cycle.join(' -> ')}`,
        code: 'formula_cycle',
        params: { cycle: cycle.join(' → ') },
      },
    ];
  return [];
}
