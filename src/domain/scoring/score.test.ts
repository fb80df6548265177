import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricCategory } from '../metrics/catalog.ts';
import type { Gate, SchemeVersion } from './scheme.ts';
import { type ItemInput, ratingOf, scoreCard } from './score.ts';

// Weights 40 / 30 / 20 / 10. new_customers: floor 60%, cap 150%. visits: steps 80% -> 60,
// 100% -> 100, 120% -> 120. The others: floor 0, cap 120% (defaults).
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
};

const categories: Record<string, MetricCategory> = {
  signed_amount: 'result',
  new_customers: 'result',
  visits: 'process',
  satisfaction: 'collaboration',
  response_hours: 'process',
};

type Pair = [actual: number | null, target: number | null];
/** Inputs from [actual, target] pairs per metric (higher is better unless listed in `lower`). */
function inputs(pairs: Record<string, Pair>, lower: string[] = []): Map<string, ItemInput> {
  return new Map(
    Object.entries(pairs).map(([id, [actual, target]]) => [
      id,
      { actual, target, direction: lower.includes(id) ? 'lower' : 'higher', category: categories[id] ?? 'result' },
    ]),
  );
}

// signed 110%, new customers exactly at the 60% floor, visits exactly at the 100% step, satisfaction 90%.
const base: Record<string, Pair> = {
  signed_amount: [1_100_000_00, 1_000_000_00],
  new_customers: [6, 10],
  visits: [50, 50],
  satisfaction: [4.5, 5],
};

const scoresOf = (card: ReturnType<typeof scoreCard>) => card.items.map((i) => i.score);

describe('scoreCard: linear, floor, cap and steps', () => {
  it('scores every item and totals 44 + 18 + 20 + 9 = 91 (B)', () => {
    const card = scoreCard(hunter, inputs(base));
    expect(
      card.items.map((i) => [i.metricId, i.attainment, i.score, i.weight, i.reweightedWeight, i.contribution]),
    ).toEqual([
      ['signed_amount', 1.1, 110, 40, 40, 44],
      ['new_customers', 0.6, 60, 30, 30, 18],
      ['visits', 1, 100, 20, 20, 20],
      ['satisfaction', 0.9, 90, 10, 10, 9],
    ]);
    expect(card.total).toBe(91);
    expect(card.rating).toBe('B');
    expect(card.items.map((i) => [i.isNA, i.isUnbounded, i.gates, i.gateFactor])).toEqual(
      Array(4).fill([false, false, [], 1]),
    );
    expect(card.items.map((i) => [i.role, i.mode, i.actual, i.target])[1]).toEqual(['primary', 'linear', 6, 10]);
  });

  it.each([
    // [case, overrides, expected scores, expected total, rating]
    ['just below the floor scores 0', { new_customers: [5, 10] }, [110, 0, 100, 90], 73, 'C'],
    [
      'caps: 150% -> 120 (default cap), 200% -> 150 (cap 1.5)',
      { signed_amount: [150, 100], new_customers: [20, 10] },
      [120, 150, 100, 90],
      122,
      'S',
    ],
    ['exactly at the cap', { signed_amount: [120, 100] }, [120, 60, 100, 90], 95, 'B'],
    ['57 of 100 scores 57 exactly', { signed_amount: [57, 100] }, [57, 60, 100, 90], 69.8, 'D'],
    ['steps: 79% is below the first step', { visits: [79, 100] }, [110, 60, 0, 90], 71, 'C'],
    ['steps: exactly 80% reaches the first step', { visits: [40, 50] }, [110, 60, 60, 90], 83, 'C'],
    ['steps: 99% stays on the first step', { visits: [99, 100] }, [110, 60, 60, 90], 83, 'C'],
    ['steps: exactly 120% reaches the top step', { visits: [60, 50] }, [110, 60, 120, 90], 95, 'B'],
    ['steps: 200% keeps the top step (no cap)', { visits: [100, 50] }, [110, 60, 120, 90], 95, 'B'],
    ['an actual of 0 scores 0', { signed_amount: [0, 100] }, [0, 60, 100, 90], 47, 'D'],
  ] as Array<[string, Record<string, Pair>, number[], number, string]>)(
    '%s',
    (_case, overrides, scores, total, rating) => {
      const card = scoreCard(hunter, inputs({ ...base, ...overrides }));
      expect(scoresOf(card)).toEqual(scores);
      expect(card.total).toBeCloseTo(total, 10);
      expect(card.rating).toBe(rating);
    },
  );
});

describe('scoreCard: lower is better', () => {
  const scheme: SchemeVersion = {
    version: 1,
    effectiveFrom: '2025-01-01',
    items: [
      { metricId: 'response_hours', weight: 50, role: 'primary', mode: 'linear' },
      {
        metricId: 'visits',
        weight: 50,
        role: 'auxiliary',
        mode: 'steps',
        steps: [
          { threshold: 1, score: 100 },
          { threshold: 1.5, score: 130 },
        ],
      },
    ],
  };

  it.each([
    // [case, response [actual, target], visits [actual, target], scores, attainments, unbounded, total]
    ['24 h target, 20 h actual: 120%', [20, 24], [10, 10], [120, 100], [1.2, 1], [false, false], 110],
    ['24 h target, 30 h actual: 80%', [30, 24], [10, 10], [80, 100], [0.8, 1], [false, false], 90],
    ['actual 0: the cap, and the top step', [0, 24], [0, 10], [120, 130], [null, null], [true, true], 125],
  ] as Array<[string, Pair, Pair, number[], Array<number | null>, boolean[], number]>)(
    '%s',
    (_case, response, visits, scores, attainments, unbounded, total) => {
      const card = scoreCard(scheme, inputs({ response_hours: response, visits }, ['response_hours', 'visits']));
      expect(scoresOf(card)).toEqual(scores);
      expect(card.items.map((i) => i.attainment)).toEqual(attainments);
      expect(card.items.map((i) => i.isUnbounded)).toEqual(unbounded);
      expect(card.items.map((i) => i.isNA)).toEqual([false, false]);
      expect(card.total).toBe(total);
    },
  );
});

describe('scoreCard: N/A items and re-weighting', () => {
  it('drops an N/A item and scales 40/30/20 up to 100', () => {
    const card = scoreCard(hunter, inputs({ ...base, satisfaction: [null, 5] }));
    const sat = card.items[3];
    expect([sat?.isNA, sat?.attainment, sat?.score, sat?.reweightedWeight, sat?.contribution]).toEqual([
      true,
      null,
      null,
      null,
      null,
    ]);
    // 40/90 = 44.44%, 30/90 = 33.33%, 20/90 = 22.22%; total = (4400 + 1800 + 2000) / 90 = 91.11.
    expect(card.items.slice(0, 3).map((i) => i.reweightedWeight)).toEqual([
      expect.closeTo(400 / 9, 12),
      expect.closeTo(100 / 3, 12),
      expect.closeTo(200 / 9, 12),
    ]);
    expect(card.items[0]?.contribution).toBeCloseTo(440 / 9, 12);
    expect(card.total).toBeCloseTo(820 / 9, 12);
    expect(card.rating).toBe('B');
  });

  it.each([
    // [case, satisfaction [actual, target]]
    ['a target of 0', [4.5, 0]],
    ['a missing target', [4.5, null]],
    ['an N/A actual', [null, 5]],
  ] as Array<[string, Pair]>)('%s makes an item N/A', (_case, pair) => {
    const card = scoreCard(hunter, inputs({ ...base, satisfaction: pair }));
    expect(card.items[3]?.isNA).toBe(true);
    expect(card.total).toBeCloseTo(820 / 9, 12);
  });

  it('an item with no input at all is N/A', () => {
    const { satisfaction: _dropped, ...rest } = base;
    expect(scoreCard(hunter, inputs(rest)).items[3]?.isNA).toBe(true);
  });

  it('all items N/A: no total and no rating', () => {
    const card = scoreCard(hunter, inputs({ signed_amount: [100, 0], new_customers: [null, 10] }));
    expect(card).toMatchObject({ total: null, rating: null });
    expect(card.items.map((i) => [i.isNA, i.score, i.reweightedWeight])).toEqual(Array(4).fill([true, null, null]));
  });

  it('one item left carries the whole weight', () => {
    const card = scoreCard(hunter, inputs({ visits: [50, 50] }));
    expect(card.items[2]).toMatchObject({ reweightedWeight: 100, contribution: 100 });
    expect(card).toMatchObject({ total: 100, rating: 'A' });
  });
});

describe('scoreCard: gates', () => {
  const collection: Gate = { metricId: 'collection_rate', op: '<', value: 0.6, factor: 0.8, appliesTo: 'result' };
  const completeness: Gate = { metricId: 'data_completeness', op: '<', value: 0.9, factor: 0.5, appliesTo: 'all' };
  const gated = (...gates: Gate[]): SchemeVersion => ({ ...hunter, gates });

  it('collection rate 50% < 60%: result items x 0.8 (110 -> 88, 60 -> 48); total 78.6 (C)', () => {
    const card = scoreCard(gated(collection), inputs(base), new Map([['collection_rate', 0.5]]));
    expect(scoresOf(card)).toEqual([expect.closeTo(88, 12), expect.closeTo(48, 12), 100, 90]);
    expect(card.items.map((i) => i.baseScore)).toEqual([110, 60, 100, 90]);
    expect(card.items[0]?.gates).toEqual([
      { metricId: 'collection_rate', op: '<', value: 0.6, factor: 0.8, actual: 0.5 },
    ]);
    expect(card.items[2]?.gates).toEqual([]);
    expect(card.total).toBeCloseTo(78.6, 10);
    expect(card.rating).toBe('C');
  });

  it.each([
    // [case, gate op, collection rate, fires?]
    ['< at the value does not fire', '<', 0.6, false],
    ['<= at the value fires', '<=', 0.6, true],
    ['> above fires', '>', 0.61, true],
    ['>= below does not fire', '>=', 0.59, false],
    ['an N/A value does not fire', '<', null, false],
  ] as const)('%s', (_case, op, rate, fires) => {
    const card = scoreCard(gated({ ...collection, op }), inputs(base), new Map([['collection_rate', rate]]));
    expect(card.items[0]?.gateFactor).toBe(fires ? 0.8 : 1);
  });

  it('a gate metric in neither map does not fire', () => {
    expect(scoreCard(gated(collection), inputs(base)).items[0]?.gateFactor).toBe(1);
  });

  it("a gate reads a scored item's own actual when the gate map lacks it", () => {
    const gate: Gate = { metricId: 'visits', op: '<', value: 60, factor: 0.5, appliesTo: 'process' };
    expect(scoresOf(scoreCard(gated(gate), inputs(base)))).toEqual([110, 60, 50, 90]);
  });

  it('two gates on one item multiply: 110 x 0.8 x 0.5 = 44; total 39.3 (D)', () => {
    const actuals = new Map([
      ['collection_rate', 0.5],
      ['data_completeness', 0.7],
    ]);
    const card = scoreCard(gated(collection, completeness), inputs(base), actuals);
    expect(scoresOf(card)).toEqual([44, 24, 50, 45].map((s) => expect.closeTo(s, 12)));
    expect(card.items[0]?.gateFactor).toBeCloseTo(0.4, 12);
    expect(card.items[0]?.gates.map((g) => g.metricId)).toEqual(['collection_rate', 'data_completeness']);
    expect(card.total).toBeCloseTo(39.3, 10);
    expect(card.rating).toBe('D');
  });

  it('applies after the N/A re-weighting and leaves weights alone: (3520 + 1440 + 2000) / 90 = 77.33', () => {
    const card = scoreCard(
      gated(collection),
      inputs({ ...base, satisfaction: [null, 5] }),
      new Map([['collection_rate', 0.5]]),
    );
    expect(card.items[0]?.reweightedWeight).toBeCloseTo(400 / 9, 12);
    expect(card.items[0]?.contribution).toBeCloseTo((88 * 40) / 90, 10);
    expect(card.items[3]).toMatchObject({ isNA: true, gates: [], score: null });
    expect(card.total).toBeCloseTo(6960 / 90, 10);
    expect(card.rating).toBe('C');
  });

  it('multiplies a capped score: 150% capped to 120, then x 0.8 = 96', () => {
    const card = scoreCard(
      gated(collection),
      inputs({ ...base, signed_amount: [150, 100] }),
      new Map([['collection_rate', 0.1]]),
    );
    expect(card.items[0]?.baseScore).toBe(120);
    expect(card.items[0]?.score).toBeCloseTo(96, 12);
  });
});

describe('scoreCard refuses a scheme that fails its checks', () => {
  it('throws with the reasons', () => {
    const bad: SchemeVersion = { ...hunter, items: hunter.items.slice(0, 3) };
    expect(() => scoreCard(bad, inputs(base))).toThrow('weights sum to 90, not 100');
  });
});

describe('ratingOf', () => {
  it.each([
    [110, 'S'],
    [109.99, 'A'],
    [100, 'A'],
    [85, 'B'],
    [84.99999999999999, 'B'], // binary noise on a decimal 85
    [84.99, 'C'],
    [70, 'C'],
    [69.99, 'D'],
    [0, 'D'],
    [null, null],
  ] as const)('%s -> %s', (total, rating) => {
    expect(ratingOf(total)).toBe(rating);
  });

  it('uses a scheme’s own bands', () => {
    const bands = [
      { rating: '优秀', min: 95 },
      { rating: '合格', min: 60 },
      { rating: '待改进', min: null },
    ];
    expect([ratingOf(95, bands), ratingOf(94, bands), ratingOf(59, bands)]).toEqual(['优秀', '合格', '待改进']);
  });
});

describe('scoreCard properties', () => {
  it('re-weighted weights sum to 100 and contributions sum to the total', () => {
    const pair = fc.tuple(
      fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    );
    // signed_amount always scores, so there is a total (all N/A is tested above).
    const scored = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }));
    const arb = fc.record({ signed_amount: scored, new_customers: pair, visits: pair, satisfaction: pair });
    fc.assert(
      fc.property(arb, (pairs) => {
        const card = scoreCard(hunter, inputs(pairs));
        const active = card.items.filter((i) => !i.isNA);
        expect(active.reduce((s, i) => s + (i.reweightedWeight ?? Number.NaN), 0)).toBeCloseTo(100, 9);
        expect(card.total).toBeCloseTo(
          active.reduce((s, i) => s + (i.contribution ?? Number.NaN), 0),
          9,
        );
        expect(card.rating).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
