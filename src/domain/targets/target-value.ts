import type { MetricDef } from '../metrics/catalog.ts';

// What a target value may be (issue 5, "Bad input"). Additive money and count targets are split
// to the cent or the unit, so they must be whole numbers of cents or of units; no target is
// negative. A rate or mean target (a ratio, an average order value, a score) may be fractional.
// Whether the metric exists is the caller's question: the domain gets a metric definition.

export type TargetValueCheck = { ok: true } | { ok: false; reason: string; params: Record<string, number | string> };

export function checkTargetValue(
  metric: Pick<MetricDef, 'id' | 'unit' | 'aggregation'>,
  value: number,
): TargetValueCheck {
  const params = { metricId: metric.id, value };
  if (!Number.isFinite(value))
    return { ok: false, reason: `a target for ${metric.id} must be a number, got ${value}`, params };
  if (value < 0) return { ok: false, reason: `a target for ${metric.id} cannot be negative, got ${value}`, params };
  if (
    metric.aggregation === 'sum' &&
    (metric.unit === 'cny' || metric.unit === 'count') &&
    !Number.isSafeInteger(value)
  ) {
    const unit = metric.unit === 'cny' ? 'cents' : 'units';
    return { ok: false, reason: `a target for ${metric.id} must be a whole number of ${unit}, got ${value}`, params };
  }
  return { ok: true };
}
