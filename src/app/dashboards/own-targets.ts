import type { MetricDef } from '../../domain/metrics/catalog.ts';
import type { Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { computeValues } from '../metrics/compute-metrics.ts';
import type { TargetBook } from '../targets/target-book.ts';
import { paceAgainst } from '../targets/target-pace.ts';

/** A unit's (or the company's) own targets for the period: actual, pace, last period's actual. */
export async function ownTargets(
  deps: AppDeps,
  actor: Actor,
  subject: { kind: 'unit'; id: string } | { kind: 'tenant' },
  periods: { period: Period; previousPeriod: Period },
  defs: ReadonlyMap<string, MetricDef>,
  book: TargetBook,
) {
  const { period, previousPeriod } = periods;
  const targeted = book.metricsOf(subject).flatMap((id) => {
    const def = defs.get(id);
    const resolved = def && book.resolve(id, def, subject, period);
    return def && resolved && resolved.target !== null ? [{ def, resolved }] : [];
  });
  if (targeted.length === 0) return [];
  const metricIds = targeted.map((t) => t.def.id);
  const [current, previous] = await Promise.all(
    [period, previousPeriod].map(async (p) => {
      const { values } = await computeValues(deps, actor, { metricIds, subjects: [subject], periodKey: p.key });
      return new Map(values.map((v) => [v.metricId, v.value]));
    }),
  );
  return targeted.map(({ def, resolved }) => {
    const actual = current?.get(def.id) ?? null;
    const pace = paceAgainst(actor, def, resolved, actual, period);
    return {
      metricId: def.id,
      name: def.name,
      unit: def.unit,
      actual,
      previousActual: previous?.get(def.id) ?? null,
      target: resolved.target,
      expectedToDate: pace?.expectedToDate ?? null,
      ratio: pace?.ratio ?? null,
      status: pace?.status ?? 'none',
      gapToTarget: pace?.gapToTarget ?? null,
      gapToPace: pace?.gapToPace ?? null,
    };
  });
}
