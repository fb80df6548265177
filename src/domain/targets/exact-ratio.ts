// Exact arithmetic for proposals: every input is read as the decimal a person would write
// (1.1 is 11/10, not the double nearest to it), products and quotients stay exact fractions of
// BigInts, and only the final result is rounded, half up, to a whole unit (a cent or a count).

export type Ratio = { num: bigint; den: bigint };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** A finite number as the fraction of its shortest decimal form. */
export function ratioOf(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`ratioOf: ${value} is not a finite number`);
  const match = DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`ratioOf: cannot read ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const scale = Number(exponent) - fraction.length;
  let num = BigInt(`${whole}${fraction}`);
  let den = 1n;
  if (scale >= 0) num *= 10n ** BigInt(scale);
  else den = 10n ** BigInt(-scale);
  return { num: sign === '-' ? -num : num, den };
}

export const mul = (...xs: Ratio[]): Ratio =>
  xs.reduce((a, b) => ({ num: a.num * b.num, den: a.den * b.den }), { num: 1n, den: 1n });

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('div: division by zero');
  const sign = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

export const add = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
export const sub = (a: Ratio, b: Ratio): Ratio => add(a, { num: -b.num, den: b.den });

/** Rounded half up (towards +infinity on a tie) to a whole number. */
export function roundHalfUp(r: Ratio): number {
  // floor((2 x num + den) / (2 x den)), with a floor that also holds for negative numerators.
  const n = 2n * r.num + r.den;
  const d = 2n * r.den;
  const q = n / d;
  return Number(n % d !== 0n && n < 0n ? q - 1n : q);
}

/** The nearest double, for display in a reasoning. */
export const toNumber = (r: Ratio): number => Number(r.num) / Number(r.den);
