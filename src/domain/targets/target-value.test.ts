import { describe, expect, it } from 'vitest';
import type { MetricDef } from '../metrics/catalog.ts';
import { checkTargetValue } from './target-value.ts';

type Metric = Pick<MetricDef, 'id' | 'unit' | 'aggregation'>;
const signed: Metric = { id: 'signed_amount', unit: 'cny', aggregation: 'sum' };
const customers: Metric = { id: 'new_customers', unit: 'count', aggregation: 'sum' };
const collection: Metric = { id: 'collection_rate', unit: 'ratio', aggregation: 'rate' };
const orderValue: Metric = { id: 'avg_order_value', unit: 'cny', aggregation: 'rate' };

describe('checkTargetValue', () => {
  it.each([
    // [case, metric, value]
    ['money in whole cents', signed, 1_000_000_00],
    ['a count', customers, 12],
    ['a zero target', customers, 0],
    ['a ratio', collection, 0.9],
    ['an average order value in fractional cents', orderValue, 12_345.5],
  ])('accepts %s', (_case, metric, value) => {
    expect(checkTargetValue(metric, value)).toEqual({ ok: true });
  });

  it.each([
    // [case, metric, value, reason]
    ['a negative count', customers, -1, 'a target for new_customers cannot be negative, got -1'],
    ['a fractional count', customers, 2.5, 'a target for new_customers must be a whole number of units, got 2.5'],
    ['fractional cents', signed, 100.5, 'a target for signed_amount must be a whole number of cents, got 100.5'],
    ['a negative rate', collection, -0.1, 'a target for collection_rate cannot be negative, got -0.1'],
    ['not a number', collection, Number.NaN, 'a target for collection_rate must be a number, got NaN'],
  ])('refuses %s', (_case, metric, value, reason) => {
    expect(checkTargetValue(metric, value)).toEqual({ ok: false, reason, params: { metricId: metric.id, value } });
  });
});
