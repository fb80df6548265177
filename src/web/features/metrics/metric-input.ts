// A metric's stored number as a person types it: money in yuan (stored in cents), a share in
// percent (stored as a ratio), counts and scores as they are.

export function toInputValue(value: number | null | undefined, unit: string | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (unit === 'cny') return value / 100;
  if (unit === 'ratio') return round(value * 100);
  return value;
}

export function fromInputValue(value: number | null | undefined, unit: string | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (unit === 'cny') return Math.round(value * 100);
  if (unit === 'ratio') return round(value / 100);
  return value;
}

/** The suffix an input shows for a unit: ¥ for money, % for shares. */
export function inputSuffix(unit: string | undefined): string | undefined {
  if (unit === 'cny') return '¥';
  if (unit === 'ratio') return '%';
  return undefined;
}

// Float noise from a percentage conversion (0.07 * 100 = 7.000000000000001) is not a real digit.
const round = (n: number) => Math.round(n * 1e9) / 1e9;
