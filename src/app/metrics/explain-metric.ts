import { type FactRow, loadFacts } from '../../db/repositories/metric-facts.repository.ts';
import { loadMemberships, loadUnits } from '../../db/repositories/org.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { ancestry, membershipIndex } from '../../domain/metrics/credit.ts';
import type { Actor, AppDeps } from '../context.ts';
import {
  computeValues,
  factParams,
  type MetricValue,
  resolveMetrics,
  resolvePeriod,
  type Subject,
} from './compute-metrics.ts';

// The records behind a value (spec 6): every fact the metric considered for the subject and
// period, counted or excluded and why, with the share credited. The same query that computes the
// value lists them, so the explanation cannot drift from the number.

export type Explanation = Awaited<ReturnType<typeof explainMetric>>;

export async function explainMetric(
  deps: AppDeps,
  actor: Actor,
  input: { metricId: string; subject: Subject; periodKey: string },
) {
  const period = resolvePeriod(actor, input.periodKey);
  const def = resolveMetrics([input.metricId])[0] as MetricDef;
  const { values } = await computeValues(deps, actor, {
    metricIds: [input.metricId],
    subjects: [input.subject],
    periodKey: period.key,
  });
  let facts: FactRow[];
  if (input.subject.kind === 'person') {
    facts = await loadFacts(deps.db, deps.dialect, input.metricId, factParams(actor, period, [input.subject.id]));
  } else {
    const all = await loadFacts(deps.db, deps.dialect, input.metricId, factParams(actor, period));
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
    counted: facts.filter((f) => f.reason === null).length,
    excluded: facts.filter((f) => f.reason !== null).length,
    facts: facts.map((f) => ({ ...f, sharePct: f.shareBp === null ? null : f.shareBp / 100 })),
  };
}
