import { listCustomMetrics, loadCustomFacts } from '../../db/repositories/custom-metrics.repository.ts';
import { type FactRow, loadFacts } from '../../db/repositories/metric-facts.repository.ts';
import { loadMemberships, loadUnits } from '../../db/repositories/org.repository.ts';
import { builtInMetric, type MetricDef } from '../../domain/metrics/catalog.ts';
import { ancestry, membershipIndex } from '../../domain/metrics/credit.ts';
import { type CustomMetric, customMetricDef } from '../../domain/metrics/custom-metric.ts';
import { parseFormula, referencedMetrics } from '../../domain/metrics/formula.ts';
import type { Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { computeValues, factParams, type MetricValue, resolvePeriod, type Subject } from './compute-metrics.ts';

// The records behind a value (spec 6): every fact the metric considered for the subject and
// period, counted or excluded and why, with the share credited. The same query that computes the
// value lists them, so the explanation cannot drift from the number. A formula lists its inputs.

async function factsOf(
  deps: AppDeps,
  actor: Actor,
  metric: { id: string; custom?: CustomMetric },
  period: Period,
  people?: string[],
) {
  if (!metric.custom) return loadFacts(deps.db, deps.dialect, metric.id, factParams(actor, period, people));
  if (metric.custom.definition.kind !== 'aggregate') return [];
  const d = metric.custom.definition;
  const facts = await loadCustomFacts(deps.db, deps.dialect, d, {
    tenantId: actor.tenantId,
    start: period.start,
    end: period.end,
    ...(people ? { personIds: people } : {}),
  });
  return facts.map(
    (f): FactRow => ({
      personId: f.personId,
      factOn: f.factOn,
      num: typeof f.value === 'number' ? f.value * f.share : f.share,
      den: f.share,
      recordKind: d.source,
      recordId: f.recordId,
      reason: null,
      shareBp: Math.round(f.share * 10_000),
    }),
  );
}

export async function explainMetric(
  deps: AppDeps,
  actor: Actor,
  input: { metricId: string; subject: Subject; periodKey: string },
) {
  const period = resolvePeriod(actor, input.periodKey);
  const customs = await listCustomMetrics(deps.db, actor.tenantId);
  const custom = customs.find((c) => c.key === input.metricId);
  const def: MetricDef | undefined = builtInMetric(input.metricId) ?? (custom ? customMetricDef(custom) : undefined);
  if (!def)
    throw new ValidationError('metrics', [
      { index: 0, field: 'metricId', code: 'unknown_ref', reason: `no metric '${input.metricId}'` },
    ]);
  const { values } = await computeValues(deps, actor, {
    metricIds: [input.metricId],
    subjects: [input.subject],
    periodKey: period.key,
    customs,
  });

  let inputs: MetricValue[] = [];
  if (custom?.definition.kind === 'formula') {
    const parsed = parseFormula(custom.definition.formula);
    const refs = parsed.ok ? referencedMetrics(parsed.ast) : [];
    if (refs.length)
      inputs = (
        await computeValues(deps, actor, { metricIds: refs, subjects: [input.subject], periodKey: period.key, customs })
      ).values;
  }

  const metric = { id: input.metricId, ...(custom ? { custom } : {}) };
  let facts: FactRow[];
  if (input.subject.kind === 'person') facts = await factsOf(deps, actor, metric, period, [input.subject.id]);
  else {
    const all = await factsOf(deps, actor, metric, period);
    if (input.subject.kind === 'tenant') facts = all;
    else {
      const unitId = input.subject.id;
      const [units, memberships] = await Promise.all([
        loadUnits(deps.db, actor.tenantId),
        loadMemberships(deps.db, actor.tenantId, period),
      ]);
      const unitAt = membershipIndex(memberships);
      const lineage = ancestry(units);
      facts = all.filter((f) => {
        const unit = unitAt(f.personId, f.factOn);
        return unit !== undefined && (lineage.get(unit) ?? []).includes(unitId);
      });
    }
  }
  return {
    metric: def,
    period,
    value: values[0] as MetricValue,
    inputs,
    counted: facts.filter((f) => f.reason === null).length,
    excluded: facts.filter((f) => f.reason !== null).length,
    facts: facts.map((f) => ({ ...f, sharePct: f.shareBp === null ? null : f.shareBp / 100 })),
  };
}
