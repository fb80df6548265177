import { describe, expect, it } from 'vitest';
import { checkScheme, type SchemeItem, type SchemeVersion, schemeForPeriod } from './scheme.ts';

const hunter: SchemeVersion = {
  version: 1,
  effectiveFrom: '2025-01-01',
  items: [
    { metricId: 'signed_amount', weight: 40, role: 'primary', mode: 'linear' },
    { metricId: 'new_customers', weight: 30, role: 'primary', mode: 'linear', floor: 0.6, cap: 1.5 },
    {
      metricId: 'visits',
      weight: 20,
      role: 'auxiliary',
      mode: 'steps',
      steps: [
        { threshold: 0.8, score: 60 },
        { threshold: 1, score: 100 },
        { threshold: 1.2, score: 120 },
      ],
    },
    { metricId: 'satisfaction', weight: 10, role: 'auxiliary', mode: 'linear' },
  ],
  gates: [{ metricId: 'collection_rate', op: '<', value: 0.6, factor: 0.8, appliesTo: 'result' }],
};

const withItems = (...items: SchemeItem[]): SchemeVersion => ({ ...hunter, items, gates: [] });
const linear = (metricId: string, weight: number, extra: Partial<SchemeItem> = {}) =>
  ({ metricId, weight, role: 'primary', mode: 'linear', ...extra }) as SchemeItem;

describe('checkScheme', () => {
  it('accepts a valid scheme', () => {
    expect(checkScheme(hunter)).toEqual([]);
  });

  it.each([
    // [case, scheme, expected problems as [code, path, message]]
    [
      'weights summing to 95',
      withItems(linear('a', 50), linear('b', 45)),
      [['weights_not_100', 'items', 'weights sum to 95, not 100']],
    ],
    [
      'weights summing to 110',
      withItems(linear('a', 60), linear('b', 50)),
      [['weights_not_100', 'items', 'weights sum to 110, not 100']],
    ],
    [
      'a negative weight (the sum is still 100)',
      withItems(linear('a', 110), linear('b', -10)),
      [
        ['bad_weight', 'items[0].weight', 'item 1 (a) has weight 110; a weight is a whole number from 1 to 100'],
        ['bad_weight', 'items[1].weight', 'item 2 (b) has weight -10; a weight is a whole number from 1 to 100'],
      ],
    ],
    [
      'a fractional weight',
      withItems(linear('a', 50.5), linear('b', 49.5)),
      [
        ['bad_weight', 'items[0].weight', 'item 1 (a) has weight 50.5; a weight is a whole number from 1 to 100'],
        ['bad_weight', 'items[1].weight', 'item 2 (b) has weight 49.5; a weight is a whole number from 1 to 100'],
      ],
    ],
    [
      'a cap below the floor',
      withItems(linear('a', 100, { floor: 0.9, cap: 0.8 })),
      [['cap_below_floor', 'items[0].cap', 'item 1 (a) has its cap 0.8 below its floor 0.9']],
    ],
    [
      'a floor above the default cap',
      withItems(linear('a', 100, { floor: 1.5 })),
      [['cap_below_floor', 'items[0].cap', 'item 1 (a) has its cap 1.2 below its floor 1.5']],
    ],
    [
      'a negative floor and a zero cap',
      withItems(linear('a', 100, { floor: -0.1, cap: 0 })),
      [
        ['bad_floor', 'items[0].floor', 'item 1 (a) has floor -0.1; a floor is at least 0'],
        ['bad_cap', 'items[0].cap', 'item 1 (a) has cap 0; a cap is above 0'],
      ],
    ],
    [
      'steps not increasing',
      withItems({
        metricId: 'v',
        weight: 100,
        role: 'primary',
        mode: 'steps',
        steps: [
          { threshold: 0.8, score: 60 },
          { threshold: 1, score: 100 },
          { threshold: 1, score: 110 },
          { threshold: 0.9, score: 120 },
        ],
      }),
      [
        [
          'steps_not_increasing',
          'items[0].steps[2].threshold',
          'item 1 (v) step 3 threshold 1 is not above step 2 threshold 1',
        ],
        [
          'steps_not_increasing',
          'items[0].steps[3].threshold',
          'item 1 (v) step 4 threshold 0.9 is not above step 3 threshold 1',
        ],
      ],
    ],
    [
      'steps mode without steps',
      withItems({ metricId: 'v', weight: 100, role: 'primary', mode: 'steps', steps: [] }),
      [['no_steps', 'items[0].steps', 'item 1 (v) scores by steps but has none']],
    ],
    [
      'a negative step score',
      withItems({ metricId: 'v', weight: 100, role: 'primary', mode: 'steps', steps: [{ threshold: 1, score: -5 }] }),
      [['bad_step', 'items[0].steps[0]', 'item 1 (v) step 1 (1 -> -5) needs a threshold and a score of at least 0']],
    ],
    [
      'a duplicate metric',
      withItems(linear('a', 50), linear('a', 50)),
      [['duplicate_metric', 'items[1].metricId', 'metric a appears in items 1 and 2']],
    ],
    ['no items', withItems(), [['no_items', 'items', 'a scheme needs at least one item']]],
  ])('refuses %s', (_case, scheme, expected) => {
    expect(checkScheme(scheme).map((p) => [p.code, p.path, p.message])).toEqual(expected);
  });

  it('reports every problem at once, with raw values in params', () => {
    const scheme: SchemeVersion = {
      version: 1,
      effectiveFrom: '2025-02-30',
      items: [linear('a', 50, { floor: 1, cap: 0.5 }), linear('a', 30)],
      gates: [{ metricId: 'r', op: '=<' as '<=', value: 0.6, factor: -1, appliesTo: 'sales' as 'all' }],
      ratingBands: [
        { rating: 'A', min: 90 },
        { rating: 'B', min: 95 },
        { rating: 'C', min: 10 },
      ],
    };
    expect(checkScheme(scheme).map((p) => [p.code, p.path, p.params])).toEqual([
      ['bad_effective_from', 'effectiveFrom', { effectiveFrom: '2025-02-30' }],
      ['cap_below_floor', 'items[0].cap', { cap: 0.5, floor: 1 }],
      ['duplicate_metric', 'items[1].metricId', { metricId: 'a' }],
      ['weights_not_100', 'items', { sum: 80 }],
      ['bad_gate', 'gates[0].op', { op: '=<' }],
      ['bad_gate', 'gates[0].factor', { factor: -1 }],
      ['bad_gate', 'gates[0].appliesTo', { appliesTo: 'sales' }],
      ['bad_bands', 'ratingBands', {}],
      ['bad_bands', 'ratingBands[1].min', { rating: 'B', min: 95 }],
    ]);
  });
});

describe('schemeForPeriod', () => {
  const v1 = { ...hunter, version: 1, effectiveFrom: '2025-01-01' };
  const v2 = { ...hunter, version: 2, effectiveFrom: '2025-07-01' };
  const v3 = { ...hunter, version: 3, effectiveFrom: '2025-07-01' };

  it.each([
    // [case, period end, versions, expected version]
    ['June: the first version', '2025-06-30', [v1, v2], 1],
    ['July: the new version', '2025-07-31', [v1, v2], 2],
    ['a past quarter keeps its version', '2025-06-30', [v2, v1], 1],
    ['Q3 (ends 30 September)', '2025-09-30', [v1, v2], 2],
    // 2025-W27 runs Monday 30 June to Sunday 6 July: scored with the version of its last day.
    ['a week straddling the change', '2025-07-06', [v1, v2], 2],
    ['effective on the last day itself', '2025-07-01', [v1, v2], 2],
    ['two versions on one date: the higher number', '2025-12-31', [v1, v3, v2], 3],
    ['before any version', '2024-12-31', [v1, v2], null],
  ] as const)('%s', (_case, end, versions, expected) => {
    expect(schemeForPeriod(versions, { end })?.version ?? null).toBe(expected);
  });
});
