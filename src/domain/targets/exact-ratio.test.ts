import { describe, expect, it } from 'vitest';
import { div, mul, ratioOf, roundHalfUp } from './exact-ratio.ts';

describe('ratioOf', () => {
  it.each([
    [1.1, 11n, 10n],
    [0.45, 45n, 100n],
    [-2.5, -25n, 10n],
    [1e-7, 1n, 10_000_000n],
    [1.5e21, 1_500_000_000_000_000_000_000n, 1n],
    [42, 42n, 1n],
  ])('%s', (value, num, den) => {
    expect(ratioOf(value)).toEqual({ num, den });
  });
});

describe('roundHalfUp', () => {
  it.each([
    ['2.5 -> 3', 5n, 2n, 3],
    ['2.4 -> 2', 12n, 5n, 2],
    ['-2.5 -> -2 (half up)', -5n, 2n, -2],
    ['-2.6 -> -3', -13n, 5n, -3],
    ['a whole number', 6n, 3n, 2],
  ])('%s', (_case, num, den, expected) => {
    expect(roundHalfUp({ num, den })).toBe(expected);
  });

  it('10 x 1.15 is 11.5 exactly, so it rounds to 12', () => {
    expect(roundHalfUp(mul(ratioOf(10), ratioOf(1.15)))).toBe(12);
  });

  it('refuses division by zero', () => {
    expect(() => div(ratioOf(1), ratioOf(0))).toThrow(RangeError);
  });
});
