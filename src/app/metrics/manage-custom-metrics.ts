import { uuidv7 } from 'uuidv7';
import {
  deleteCustomMetric,
  insertCustomMetric,
  listCustomMetrics,
  updateCustomMetric,
} from '../../db/repositories/custom-metrics.repository.ts';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { builtInMetric, builtInMetrics } from '../../domain/metrics/catalog.ts';
import {
  type CustomDefinition,
  type CustomMetric,
  checkAggregate,
  checkFormula,
  customMetricDef,
  type DefinitionIssue,
  KEY_PATTERN,
} from '../../domain/metrics/custom-metric.ts';
import { parseFormula, referencedMetrics } from '../../domain/metrics/formula.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { computeValues, type Subject } from './compute-metrics.ts';

// Custom metrics 零代码自定义指标: an admin defines, previews on live data, saves, edits and
// deletes them; they then behave like built-in metrics in every value, breakdown and series.

export type CustomMetricInput = Omit<CustomMetric, 'id'>;

const CATEGORIES = ['result', 'process', 'collaboration', 'data'];
const UNITS = ['cny', 'count', 'ratio', 'score'];

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin defines custom metrics');
}

const formulaRefs = (m: CustomMetric): string[] => {
  if (m.definition.kind !== 'formula') return [];
  const parsed = parseFormula(m.definition.formula);
  return parsed.ok ? referencedMetrics(parsed.ast) : [];
};

function validate(input: CustomMetricInput, others: CustomMetric[], isNew: boolean) {
  const issues: DefinitionIssue[] = [];
  if (isNew) {
    if (!KEY_PATTERN.test(input.key))
      issues.push({
        field: 'key',
        reason: 'use 2-40 lowercase letters, digits or _, starting with a letter (e.g. big_deals)',
      });
    else if (builtInMetric(input.key) || others.some((o) => o.key === input.key))
      issues.push({ field: 'key', reason: `a metric '${input.key}' already exists` });
  }
  if (!input.name['zh-CN']?.trim()) issues.push({ field: 'name.zh-CN', reason: 'the Chinese name is required' });
  if (!input.name.en?.trim()) issues.push({ field: 'name.en', reason: 'the English name is required' });
  if (!CATEGORIES.includes(input.category))
    issues.push({ field: 'category', reason: `one of ${CATEGORIES.join(', ')}` });
  if (!UNITS.includes(input.unit)) issues.push({ field: 'unit', reason: `one of ${UNITS.join(', ')}` });
  const d: CustomDefinition = input.definition;
  if (d.kind === 'aggregate') issues.push(...checkAggregate(d));
  else {
    const known = new Set([...builtInMetrics.map((m) => m.id), ...others.map((o) => o.key)]);
    const formulas = new Map(others.filter((o) => o.definition.kind === 'formula').map((o) => [o.key, formulaRefs(o)]));
    issues.push(...checkFormula(input.key, d, known, formulas));
  }
  if (issues.length > 0)
    throw new ValidationError(
      'customMetrics',
      issues.map((i) => ({
        index: 0,
        field: i.field,
        code: i.code ?? ('rule' as const),
        reason: i.reason,
        ...(i.params ? { params: i.params } : {}),
      })),
    );
}

async function audit(deps: AppDeps, actor: Actor, action: string, id: string, before: unknown, after: unknown) {
  await appendAudit(deps.db, actor.tenantId, [
    {
      id: uuidv7(),
      at: actor.now,
      actorUserId: actor.userId,
      action,
      recordKind: 'customMetrics',
      recordId: id,
      beforeJson: before ? JSON.stringify(before) : null,
      afterJson: after ? JSON.stringify(after) : null,
      reason: null,
    },
  ]);
}

/** The whole catalog: built-in metrics, then the tenant's own. */
export async function metricCatalog(deps: AppDeps, actor: Actor) {
  const customs = await listCustomMetrics(deps.db, actor.tenantId);
  return [
    ...builtInMetrics,
    ...customs.map((c) => ({ ...customMetricDef(c), customId: c.id, definition: c.definition })),
  ];
}

export async function listCustom(deps: AppDeps, actor: Actor) {
  return listCustomMetrics(deps.db, actor.tenantId);
}

export async function createCustom(deps: AppDeps, actor: Actor, input: CustomMetricInput) {
  assertAdmin(actor);
  const others = await listCustomMetrics(deps.db, actor.tenantId);
  validate(input, others, true);
  const metric: CustomMetric = { ...input, id: uuidv7() };
  await insertCustomMetric(deps.db, actor.tenantId, metric, actor.now);
  await audit(deps, actor, 'create', metric.id, null, metric);
  return metric;
}

export async function updateCustom(deps: AppDeps, actor: Actor, id: string, input: Omit<CustomMetricInput, 'key'>) {
  assertAdmin(actor);
  const all = await listCustomMetrics(deps.db, actor.tenantId);
  const before = all.find((m) => m.id === id);
  if (!before) throw new NotFoundError('customMetrics', id);
  const next: CustomMetric = { ...before, ...input, id, key: before.key };
  validate(
    next,
    all.filter((m) => m.id !== id),
    false,
  );
  await updateCustomMetric(deps.db, actor.tenantId, next, actor.now);
  await audit(deps, actor, 'update', id, before, next);
  return next;
}

export async function deleteCustom(deps: AppDeps, actor: Actor, id: string) {
  assertAdmin(actor);
  const all = await listCustomMetrics(deps.db, actor.tenantId);
  const target = all.find((m) => m.id === id);
  if (!target) throw new NotFoundError('customMetrics', id);
  const users = all.filter((m) => formulaRefs(m).includes(target.key)).map((m) => m.key);
  if (users.length > 0)
    throw new ConflictError(
      `${target.key} is used by ${users.join(', ')}; change those formulas first`,
      'customMetrics',
      id,
      { code: 'in_use', params: { usedBy: 'customMetrics', count: users.length, names: users.join(', ') } },
    );
  await deleteCustomMetric(deps.db, actor.tenantId, id);
  await audit(deps, actor, 'delete', id, target, null);
}

/** A draft evaluated on live data for a period: the company, every unit and the people in scope. */
export async function previewCustom(
  deps: AppDeps,
  actor: Actor,
  input: CustomMetricInput,
  periodKey: string,
  subjects: Subject[],
) {
  assertAdmin(actor);
  const others = await listCustomMetrics(deps.db, actor.tenantId);
  const existing = others.find((o) => o.key === input.key);
  const rest = others.filter((o) => o.key !== input.key);
  validate(input, rest, !existing);
  const draft: CustomMetric = { ...input, id: existing?.id ?? 'draft' };
  return computeValues(deps, actor, { metricIds: [input.key], subjects, periodKey, customs: [...rest, draft] });
}
