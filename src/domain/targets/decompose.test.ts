import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decomposeByOrg, inheritedTarget, isSplitByParts, type OrgChild, type OrgMethod } from './decompose.ts';

const ids = (...children: OrgChild[]) => children;
const amounts = (result: ReturnType<typeof decomposeByOrg>) => (result.ok ? result.parts.map((p) => p.amount) : result);

describe('decomposeByOrg', () => {
  it.each([
    // [case, whole, method, children, expected amounts in child order]
    [
      'equal thirds of 1,000.00',
      100_000,
      'equal',
      ids({ id: 'a' }, { id: 'b' }, { id: 'c' }),
      [33_334, 33_333, 33_333],
    ],
    [
      'headcount 5:3:2 of 1000',
      1000,
      'headcount',
      ids({ id: 'a', headcount: 5 }, { id: 'b', headcount: 3 }, { id: 'c', headcount: 2 }),
      [500, 300, 200],
    ],
    // 1001 x 5/10 = 500.5, x 3/10 = 300.3, x 2/10 = 200.2: the leftover unit goes to a (0.5).
    [
      'headcount 5:3:2 of 1001',
      1001,
      'headcount',
      ids({ id: 'a', headcount: 5 }, { id: 'b', headcount: 3 }, { id: 'c', headcount: 2 }),
      [501, 300, 200],
    ],
    [
      'headcounts all 0 (or missing) weigh the same',
      90,
      'headcount',
      ids({ id: 'a', headcount: 0 }, { id: 'b' }, { id: 'c', headcount: 0 }),
      [30, 30, 30],
    ],
    [
      "last year's share 2:1:0",
      900,
      'last_year',
      ids({ id: 'a', lastYearActual: 200 }, { id: 'b', lastYearActual: 100 }, { id: 'c', lastYearActual: 0 }),
      [600, 300, 0],
    ],
    [
      "last year's total 0: equal",
      900,
      'last_year',
      ids({ id: 'a', lastYearActual: 0 }, { id: 'b' }, { id: 'c', lastYearActual: 0 }),
      [300, 300, 300],
    ],
    [
      "last year's total negative (-20): equal",
      900,
      'last_year',
      ids({ id: 'a', lastYearActual: -50 }, { id: 'b', lastYearActual: 30 }, { id: 'c', lastYearActual: 0 }),
      [300, 300, 300],
    ],
    // total 30 > 0: a's -10 weighs 0; 900 x 30/40 = 675, x 10/40 = 225.
    [
      'a negative actual in a positive year weighs 0',
      900,
      'last_year',
      ids({ id: 'a', lastYearActual: -10 }, { id: 'b', lastYearActual: 30 }, { id: 'c', lastYearActual: 10 }),
      [0, 675, 225],
    ],
    // rest 600 split 100:300.
    [
      "last year's share with a locked child",
      1000,
      'last_year',
      ids(
        { id: 'a', lastYearActual: 500, locked: 400 },
        { id: 'b', lastYearActual: 100 },
        { id: 'c', lastYearActual: 300 },
      ),
      [400, 150, 450],
    ],
    // Only the unlocked children are weighted: their total is 0, so they share the rest evenly.
    [
      "the unlocked children's last-year total decides the fallback",
      1000,
      'last_year',
      ids({ id: 'a', lastYearActual: 1000, locked: 400 }, { id: 'b', lastYearActual: 0 }, { id: 'c' }),
      [400, 300, 300],
    ],
    // 999 x 50% = 499.5, x 30% = 299.7, x 20% = 199.8: floors 997, the 2 units go to c (0.8) and b (0.7).
    [
      'manual 50/30/20 of 999',
      999,
      'manual',
      ids({ id: 'a', manualPct: 50 }, { id: 'b', manualPct: 30 }, { id: 'c', manualPct: 20 }),
      [499, 300, 200],
    ],
    [
      'manual with decimals summing to 100',
      10_000,
      'manual',
      ids({ id: 'a', manualPct: 33.33 }, { id: 'b', manualPct: 33.33 }, { id: 'c', manualPct: 33.34 }),
      [3333, 3333, 3334],
    ],
    // a is overridden to 600; b and c absorb the rest 400 as 30:20.
    [
      'manual with an overridden (locked) cell',
      1000,
      'manual',
      ids({ id: 'a', manualPct: 50, locked: 600 }, { id: 'b', manualPct: 30 }, { id: 'c', manualPct: 20 }),
      [600, 240, 160],
    ],
    ['manual: a missing percentage is 0%', 1000, 'manual', ids({ id: 'a', manualPct: 100 }, { id: 'b' }), [1000, 0]],
    // An override on an equal split: b and c absorb the difference.
    [
      'equal with one cell overridden',
      1000,
      'equal',
      ids({ id: 'a', locked: 500 }, { id: 'b' }, { id: 'c' }),
      [500, 250, 250],
    ],
  ] satisfies Array<[string, number, OrgMethod, OrgChild[], number[]]>)(
    '%s',
    (_case, whole, method, children, expected) => {
      const result = decomposeByOrg(whole, children, method);
      expect(amounts(result)).toEqual(expected);
      expect(result.ok && result.parts.map((p) => p.id)).toEqual(children.map((c) => c.id));
    },
  );

  it.each([
    // [case, whole, method, children, code, reason]
    [
      'locked children above the parent',
      1000,
      'equal',
      ids({ id: 'a', locked: 700 }, { id: 'b', locked: 400 }, { id: 'c' }),
      'locked_exceed_whole',
      'locked parts sum to 1100, more than the whole 1000',
    ],
    [
      'all children locked, not summing to the parent',
      1000,
      'equal',
      ids({ id: 'a', locked: 700 }, { id: 'b', locked: 200 }),
      'locked_mismatch',
      'all parts are locked and sum to 900, not the whole 1000',
    ],
    [
      'manual percentages summing to 90',
      1000,
      'manual',
      ids({ id: 'a', manualPct: 60 }, { id: 'b', manualPct: 30 }),
      'percentages_not_100',
      'manual percentages sum to 90%, not 100%',
    ],
    [
      'manual percentages summing to 110',
      1000,
      'manual',
      ids({ id: 'a', manualPct: 60 }, { id: 'b', manualPct: 50 }),
      'percentages_not_100',
      'manual percentages sum to 110%, not 100%',
    ],
    [
      'a negative percentage',
      1000,
      'manual',
      ids({ id: 'a', manualPct: 110 }, { id: 'b', manualPct: -10 }),
      'bad_percentage',
      'child b has percentage -10; it must be at least 0',
    ],
    [
      'a negative headcount',
      1000,
      'headcount',
      ids({ id: 'a', headcount: 3 }, { id: 'b', headcount: -1 }),
      'bad_headcount',
      'child b has headcount -1; it must be a whole number of at least 0',
    ],
    [
      'a fractional headcount',
      1000,
      'headcount',
      ids({ id: 'a', headcount: 2.5 }),
      'bad_headcount',
      'child a has headcount 2.5; it must be a whole number of at least 0',
    ],
    [
      'a child listed twice',
      1000,
      'equal',
      ids({ id: 'a' }, { id: 'a' }),
      'duplicate_child',
      'child a is listed twice',
    ],
    ['a negative parent target (a count)', -5, 'equal', ids({ id: 'a' }), 'negative_whole', 'the whole -5 is negative'],
  ] satisfies Array<[string, number, OrgMethod, OrgChild[], string, string]>)(
    'refuses %s',
    (_c, whole, method, children, code, reason) => {
      expect(decomposeByOrg(whole, children, method)).toMatchObject({ ok: false, code, reason });
    },
  );

  it('formats money in a refusal when asked', () => {
    const result = decomposeByOrg(100_000, ids({ id: 'a', locked: 120_000 }, { id: 'b' }), 'equal', {
      formatAmount: (c) => (c / 100).toFixed(2),
    });
    expect(result).toMatchObject({ reason: 'locked parts sum to 1200.00, more than the whole 1000.00' });
  });
});

describe('rates and means are inherited, not split', () => {
  it.each([
    ['sum', true],
    ['rate', false],
    ['mean', false],
  ] as const)('%s split by parts: %s', (aggregation, expected) => {
    expect(isSplitByParts(aggregation)).toBe(expected);
  });

  it('gives every child and sub-period the same target', () => {
    expect(inheritedTarget(0.9, ['east', 'west', 'p-1'])).toEqual([
      { key: 'east', target: 0.9 },
      { key: 'west', target: 0.9 },
      { key: 'p-1', target: 0.9 },
    ]);
    expect(inheritedTarget(4.5, ['2025-01', '2025-02'])).toEqual([
      { key: '2025-01', target: 4.5 },
      { key: '2025-02', target: 4.5 },
    ]);
  });
});

// --- property: random org trees ------------------------------------------------------------------

type TreeNode = { method: OrgMethod; lockShare: number | null; weight: number; children: TreeNode[] };

/** Trees up to `depth` levels below the root, 0 to 4 children a node. */
function treeArb(depth: number): fc.Arbitrary<TreeNode> {
  return fc.record({
    method: fc.constantFrom<OrgMethod>('equal', 'headcount', 'last_year', 'manual'),
    lockShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    weight: fc.integer({ min: 0, max: 500 }),
    children: depth === 0 ? fc.constant([]) : fc.array(treeArb(depth - 1), { maxLength: 4 }),
  });
}

/** Splits a node's amount down the tree; returns every (parent amount, children amounts) pair. */
function splitTree(node: TreeNode, amount: number, out: Array<{ whole: number; parts: number[] }>): number[] {
  if (node.children.length === 0) return [amount];
  const n = node.children.length;
  const weightSum = node.children.reduce((s, c) => s + c.weight, 0);
  const children = node.children.map((c, i): OrgChild => {
    // Locks are a share of an even slice, so they never exceed the parent together.
    const locked = c.lockShare === null || i === 0 ? undefined : Math.floor((amount * c.lockShare) / n);
    // Manual percentages summing to exactly 100: the first child takes what the others leave.
    const pct = weightSum === 0 ? 100 / n : (100 * c.weight) / weightSum;
    return { id: `c${i}`, headcount: c.weight, lastYearActual: c.weight - 100, manualPct: pct, locked };
  });
  const othersPct = children.slice(1).reduce((s, c) => s + (c.manualPct ?? 0), 0);
  const first = children[0] as OrgChild;
  first.manualPct = 100 - othersPct;
  const method: OrgMethod = first.manualPct < 0 ? 'equal' : node.method;
  const result = decomposeByOrg(amount, children, method);
  expect(result).toMatchObject({ ok: true });
  const parts = result.ok ? result.parts.map((p) => p.amount) : [];
  out.push({ whole: amount, parts });
  expect(children.flatMap((c, i) => (c.locked === undefined ? [] : [parts[i]]))).toEqual(
    children.flatMap((c) => (c.locked === undefined ? [] : [c.locked])),
  );
  return node.children.flatMap((child, i) => splitTree(child, parts[i] ?? 0, out));
}

describe('decomposeByOrg over random trees', () => {
  it('every parent equals the sum of its children, and the leaves sum to the root', () => {
    const arb = fc.record({
      root: treeArb(3),
      amount: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000_000_000_00 })),
    });
    fc.assert(
      fc.property(arb, ({ root, amount }) => {
        const pairs: Array<{ whole: number; parts: number[] }> = [];
        const leaves = splitTree(root, amount, pairs);
        for (const { whole, parts } of pairs) expect(parts.reduce((a, b) => a + b, 0)).toBe(whole);
        expect(leaves.reduce((a, b) => a + b, 0)).toBe(amount);
        expect(leaves.every((a) => Number.isSafeInteger(a) && a >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
