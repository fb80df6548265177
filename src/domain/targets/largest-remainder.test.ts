import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SplitPart, splitWhole } from './largest-remainder.ts';

const w = (...weights: number[]): SplitPart[] => weights.map((weight) => ({ weight }));
const cents = (units: number) => (units / 100).toFixed(2);

describe('splitWhole', () => {
  it.each([
    // [case, whole, parts, expected amounts]
    ['equal thirds: the leftover unit goes to the earliest part', 100, w(1, 1, 1), [34, 33, 33]],
    ['two leftover units over equal weights', 2, w(1, 1, 1), [1, 1, 0]],
    // 10000 x 3/6 = 5000, x 2/6 = 3333.33, x 1/6 = 1666.67: the third part has the largest remainder.
    ['largest remainder wins', 10_000, w(3, 2, 1), [5000, 3333, 1667]],
    // 3 x 1/6 = 0.5, 3 x 3/6 = 1.5, 3 x 2/6 = 1: parts 1 and 2 tie on 0.5; the larger weight wins.
    ['a tie goes to the larger weight', 3, w(1, 3, 2), [0, 2, 1]],
    ['a zero weight beside positive ones gets nothing', 10, w(0, 1), [0, 10]],
    ['unlocked weights all 0 weigh the same', 7, w(0, 0, 0), [3, 2, 2]],
    ['a whole of 0', 0, w(1, 2), [0, 0]],
    ['nothing to split into, nothing to split', 0, [], []],
    // 0.2 is exactly twice 0.1 as a double: 100 x 1/3 = 33.33, 100 x 2/3 = 66.67.
    ['fractional weights split exactly', 100, w(0.1, 0.2), [33, 67]],
    // 1e20 : 3e20 = 1 : 3 -> 2.5 and 7.5: a tie on remainders; the larger weight wins.
    ['huge weights', 10, w(1e20, 3e20), [2, 8]],
    // 9007199254740991 / 3 = 3002399751580330.33: products pass 2^53 and must stay exact.
    ['the largest safe whole', Number.MAX_SAFE_INTEGER, w(1, 2), [3002399751580330, 6004799503160661]],
  ])('%s', (_case, whole, parts, expected) => {
    expect(splitWhole(whole, parts)).toEqual({ ok: true, amounts: expected });
  });

  it.each([
    // [case, whole, parts, expected amounts]
    ['locked part kept, the rest split', 100, [{ weight: 1, locked: 50 }, ...w(1, 1)], [50, 25, 25]],
    ['rest 51 over two equal parts', 101, [{ weight: 1, locked: 50 }, ...w(1, 1)], [50, 26, 25]],
    ['a locked part ignores its weight', 100, [{ weight: 99, locked: 10 }, ...w(1, 2)], [10, 30, 60]],
    ['unlocked all-zero weights share the rest evenly', 10, [...w(0, 0), { weight: 5, locked: 4 }], [3, 3, 4]],
    [
      'all locked and summing to the whole',
      100,
      [
        { weight: 1, locked: 40 },
        { weight: 1, locked: 60 },
      ],
      [40, 60],
    ],
    ['locked parts equal to the whole leave 0 for the others', 100, [{ weight: 1, locked: 100 }, ...w(1)], [100, 0]],
  ])('%s', (_case, whole, parts, expected) => {
    expect(splitWhole(whole, parts)).toEqual({ ok: true, amounts: expected });
  });

  it.each([
    // [case, whole, parts, code, reason, params]
    [
      'locked parts above the whole',
      100,
      [{ weight: 1, locked: 120 }, ...w(1)],
      'locked_exceed_whole',
      'locked parts sum to 120, more than the whole 100',
      { lockedSum: 120, whole: 100 },
    ],
    [
      'all parts locked, not summing to the whole',
      100,
      [
        { weight: 1, locked: 40 },
        { weight: 1, locked: 50 },
      ],
      'locked_mismatch',
      'all parts are locked and sum to 90, not the whole 100',
      { lockedSum: 90, whole: 100 },
    ],
    ['a negative whole', -1, w(1), 'negative_whole', 'the whole -1 is negative', { whole: -1 }],
    [
      'a fractional whole',
      10.5,
      w(1),
      'whole_not_integer',
      'the whole 10.5 is not a whole number of units',
      { whole: 10.5 },
    ],
    [
      'a negative weight',
      10,
      w(1, -1),
      'bad_weight',
      'part 2 has weight -1; a weight must be a number of at least 0',
      { index: 1, weight: -1 },
    ],
    [
      'a weight that is not a number',
      10,
      w(Number.NaN),
      'bad_weight',
      'part 1 has weight NaN; a weight must be a number of at least 0',
      { index: 0, weight: Number.NaN },
    ],
    [
      'a negative locked part',
      10,
      [{ weight: 1, locked: -3 }, ...w(1)],
      'negative_locked',
      'locked part 1 (-3) is negative',
      { index: 0, locked: -3 },
    ],
    [
      'a fractional locked part',
      10,
      [{ weight: 1, locked: 2.5 }, ...w(1)],
      'locked_not_integer',
      'locked part 1 (2.5) is not a whole number of units',
      { index: 0, locked: 2.5 },
    ],
    ['no parts for a positive whole', 5, [], 'no_parts', 'there are no parts to split 5 into', { whole: 5 }],
  ])('refuses %s', (_case, whole, parts, code, reason, params) => {
    expect(splitWhole(whole, parts)).toEqual({ ok: false, code, reason, params });
  });

  it('lets the caller format money in the reason and keeps raw cents in params', () => {
    expect(splitWhole(100_00, [{ weight: 1, locked: 120_00 }, ...w(1)], { formatAmount: cents })).toEqual({
      ok: false,
      code: 'locked_exceed_whole',
      reason: 'locked parts sum to 120.00, more than the whole 100.00',
      params: { lockedSum: 120_00, whole: 100_00 },
    });
  });
});

// --- properties ----------------------------------------------------------------------------------

const weightArb = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constant(0),
);

/** Parts with some locked; the whole is the locked sum plus a random rest, so the split is valid. */
const validSplitArb = fc
  .record({
    parts: fc.array(
      fc.record({ weight: weightArb, locked: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }) }),
      { minLength: 1, maxLength: 25 },
    ),
    rest: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 2 ** 52 })),
  })
  .map(({ parts, rest }) => {
    const lockedSum = parts.reduce((sum, p) => sum + (p.locked ?? 0), 0);
    const hasUnlocked = parts.some((p) => p.locked === undefined);
    return { parts, whole: lockedSum + (hasUnlocked ? rest : 0) };
  });

describe('splitWhole properties', () => {
  it('parts always sum exactly to the whole and locked parts are untouched', () => {
    fc.assert(
      fc.property(validSplitArb, ({ parts, whole }) => {
        const split = splitWhole(whole, parts);
        expect(split.ok).toBe(true);
        const amounts = split.ok ? split.amounts : [];
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(whole);
        expect(amounts.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
        const lockedIndexes = parts.flatMap((p, i) => (p.locked === undefined ? [] : [i]));
        expect(lockedIndexes.map((i) => amounts[i])).toEqual(lockedIndexes.map((i) => parts[i]?.locked));
      }),
      { numRuns: 500 },
    );
  });

  it('each unlocked part is within one unit of its exact share (integer weights)', () => {
    const arb = fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }),
      whole: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    });
    fc.assert(
      fc.property(arb, ({ weights, whole }) => {
        const split = splitWhole(whole, w(...weights));
        expect(split.ok).toBe(true);
        const amounts = split.ok ? split.amounts : [];
        const effective = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
        const total = BigInt(effective.reduce((a, b) => a + b, 0));
        effective.forEach((weight, i) => {
          // |amount - whole x weight / total| < 1, multiplied through by total.
          const diff = BigInt(amounts[i] ?? -1) * total - BigInt(whole) * BigInt(weight);
          expect(diff > -total && diff < total).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every split whose locked parts exceed the whole', () => {
    const arb = fc.record({
      locked: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 10 }),
      over: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(arb, ({ locked, over }) => {
        const lockedSum = locked.reduce((a, b) => a + b, 0);
        const whole = lockedSum - over;
        fc.pre(whole >= 0);
        const split = splitWhole(whole, [...locked.map((l) => ({ weight: 1, locked: l })), { weight: 1 }]);
        expect(split).toMatchObject({ ok: false, code: 'locked_exceed_whole', params: { lockedSum, whole } });
      }),
    );
  });
});
