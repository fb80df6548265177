import type { MetricCategory, MetricDef } from '../metrics/catalog.ts';
import {
  checkScheme,
  DEFAULT_CAP,
  DEFAULT_FLOOR,
  defaultRatingBands,
  type Gate,
  type GateOp,
  type ItemRole,
  type RatingBand,
  type SchemeItem,
  type SchemeVersion,
  type StepsItem,
} from './scheme.ts';

// A scorecard (spec 5). Attainment = actual / target (higher is better) or target / actual (lower
// is better); N/A when the actual is N/A or the target is missing or 0. Linear: min(attainment,
// cap) x 100, or 0 below the floor (exactly at the floor reaches it). Steps: the score of the
// highest threshold <= attainment, 0 below the first. Lower is better with an actual of 0 is
// unbounded: the cap, or the top step. N/A items drop out and the other weights scale up to 100.
// Gates multiply the scores (after cap or steps) of the items they apply to, never the weights.
// Total = sum(score x re-weighted weight / 100); all N/A -> no total and no rating.
//
// Choices written down here (the spec is silent or leaves room):
// - Scores are computed as actual x 100 / target (one rounding) rather than (actual / target) x 100,
//   and a cap as points is cap x 100 read back at 15 significant digits, so that 57 of 100 scores
//   57 and a 110% cap scores 110, not 56.99999999999999 or 110.00000000000001. The total is
//   sum(score x weight) / (sum of the remaining weights), one division at the end.
// - Rating bands compare the total with a tolerance of 1e-9 points, so that binary noise on a
//   total that is 85 in decimal cannot drop it from B to C. Totals are otherwise full precision.
// - An item whose metric has no input is N/A. A gate's actual comes from `gateActuals`, or, when
//   the metric is not there, from the items' inputs; a metric found in neither is N/A and the gate
//   does not fire. Gates never touch N/A items.
// - An unbounded attainment is reported as `attainment: null` with `isUnbounded: true` (JSON has
//   no infinity); `isNA` tells the two nulls apart.
// - A scheme that fails `checkScheme` is a programming error here (schemes are checked when
//   saved), so `scoreCard` throws a RangeError listing its problems.

export type Direction = MetricDef['direction'];
export type ItemInput = {
  actual: number | null;
  target: number | null;
  direction: Direction;
  category: MetricCategory;
};
export type GateApplied = { metricId: string; op: GateOp; value: number; factor: number; actual: number };

export type ItemScore = {
  metricId: string;
  role: ItemRole;
  mode: SchemeItem['mode'];
  actual: number | null;
  target: number | null;
  attainment: number | null;
  isUnbounded: boolean;
  isNA: boolean;
  /** After floor and cap, or steps; before gates. */
  baseScore: number | null;
  gates: GateApplied[];
  /** The product of the factors of the gates applied (1 when none). */
  gateFactor: number;
  score: number | null;
  weight: number;
  reweightedWeight: number | null;
  contribution: number | null;
};

export type Scorecard = { items: ItemScore[]; total: number | null; rating: string | null };

const BAND_TOLERANCE = 1e-9;

export function scoreCard(
  scheme: SchemeVersion,
  inputs: ReadonlyMap<string, ItemInput>,
  gateActuals: ReadonlyMap<string, number | null> = new Map(),
): Scorecard {
  const problems = checkScheme(scheme);
  if (problems.length > 0) {
    throw new RangeError(`scoreCard: the scheme is not valid: ${problems.map((p) => p.message).join('; ')}`);
  }
  const gateActual = (metricId: string): number | null =>
    gateActuals.has(metricId) ? (gateActuals.get(metricId) ?? null) : (inputs.get(metricId)?.actual ?? null);
  const fired = (scheme.gates ?? []).flatMap((gate) => {
    const actual = gateActual(gate.metricId);
    return actual !== null && holds(actual, gate) ? [{ gate, actual }] : [];
  });

  const base = scheme.items.map((item) => scoreItem(item, inputs.get(item.metricId)));
  const activeWeight = base.reduce((sum, s) => (s.isNA ? sum : sum + s.weight), 0);

  let weightedSum = 0;
  const items = base.map((s, i): ItemScore => {
    if (s.isNA || s.baseScore === null) return s;
    const category = inputs.get(s.metricId)?.category;
    const gates = fired
      .filter(({ gate }) => gate.appliesTo === 'all' || gate.appliesTo === category)
      .map(({ gate, actual }) => ({
        metricId: gate.metricId,
        op: gate.op,
        value: gate.value,
        factor: gate.factor,
        actual,
      }));
    const gateFactor = gates.reduce((product, g) => product * g.factor, 1);
    const score = s.baseScore * gateFactor;
    const weight = scheme.items[i]?.weight ?? 0;
    weightedSum += score * weight;
    return {
      ...s,
      gates,
      gateFactor,
      score,
      reweightedWeight: (weight * 100) / activeWeight,
      contribution: (score * weight) / activeWeight,
    };
  });

  if (activeWeight === 0) return { items, total: null, rating: null };
  const total = weightedSum / activeWeight;
  return { items, total, rating: ratingOf(total, scheme.ratingBands ?? defaultRatingBands) };
}

function scoreItem(item: SchemeItem, input: ItemInput | undefined): ItemScore {
  const actual = input?.actual ?? null;
  const target = input?.target ?? null;
  const result: ItemScore = {
    metricId: item.metricId,
    role: item.role,
    mode: item.mode,
    actual,
    target,
    attainment: null,
    isUnbounded: false,
    isNA: true,
    baseScore: null,
    gates: [],
    gateFactor: 1,
    score: null,
    weight: item.weight,
    reweightedWeight: null,
    contribution: null,
  };
  if (input === undefined || actual === null || target === null || target === 0) return result;

  const isHigher = input.direction === 'higher';
  if (!isHigher && actual === 0) {
    const top = item.mode === 'linear' ? points(item.cap ?? DEFAULT_CAP) : topStep(item);
    return { ...result, isNA: false, isUnbounded: true, baseScore: top, score: top };
  }
  const attainment = isHigher ? actual / target : target / actual;
  const baseScore =
    item.mode === 'steps'
      ? stepScore(item, attainment)
      : linearScore(attainment, isHigher ? (actual * 100) / target : (target * 100) / actual, item);
  return { ...result, isNA: false, attainment, baseScore, score: baseScore };
}

function linearScore(
  attainment: number,
  asPoints: number,
  item: { floor?: number | undefined; cap?: number | undefined },
) {
  const cap = item.cap ?? DEFAULT_CAP;
  if (attainment < (item.floor ?? DEFAULT_FLOOR)) return 0;
  return attainment >= cap ? points(cap) : asPoints;
}

function stepScore(item: StepsItem, attainment: number): number {
  let score = 0;
  for (const step of item.steps) {
    if (step.threshold <= attainment) score = step.score;
  }
  return score;
}

function topStep(item: StepsItem): number {
  return item.steps[item.steps.length - 1]?.score ?? 0;
}

/** A ratio as points, read back at 15 significant digits (1.1 -> 110, not 110.00000000000001). */
function points(ratio: number): number {
  return Number((ratio * 100).toPrecision(15));
}

function holds(actual: number, gate: Gate): boolean {
  switch (gate.op) {
    case '<':
      return actual < gate.value;
    case '<=':
      return actual <= gate.value;
    case '>':
      return actual > gate.value;
    case '>=':
      return actual >= gate.value;
  }
}

export function ratingOf(total: number | null, bands: readonly RatingBand[] = defaultRatingBands): string | null {
  if (total === null) return null;
  for (const band of bands) {
    if (band.min === null || total >= band.min - BAND_TOLERANCE) return band.rating;
  }
  return null;
}
