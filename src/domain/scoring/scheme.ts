import type { MetricCategory } from '../metrics/catalog.ts';
import { type IsoDate, isValidIsoDate } from '../time/dates.ts';
import type { Period } from '../time/periods.ts';

// A scoring scheme (考核方案, spec 5) and its checks. Attainment, floors, caps and step thresholds
// are ratios (1 = 100%); scores, step scores and rating band minimums are points (100 = target met).
//
// Choices written down here (the spec is silent):
// - A weight is a whole number from 1 to 100: a 0 weight adds nothing to the total and would make
//   the N/A re-weighting divide by zero when it is the only item left.
// - A floor must be at least 0; a cap must be above 0 and at least the floor (cap = floor is fine).
// - Step thresholds must be at least 0 and step scores at least 0. Floor and cap do not apply to
//   steps (spec): they are ignored there, not refused.
// - A gate factor must be at least 0 (0 zeroes the items it applies to).
// - Rating bands are listed from the best down with strictly decreasing minimums; the last band has
//   no minimum (it takes everything below). Defaults: S >= 110, A >= 100, B >= 85, C >= 70, D.
// - Versions are ordered by `effectiveFrom`; two versions effective on the same date are told apart
//   by their version number (the higher wins).

export type ItemRole = 'primary' | 'auxiliary';
export type Step = { threshold: number; score: number };

type ItemBase = { metricId: string; weight: number; role: ItemRole };
export type LinearItem = ItemBase & { mode: 'linear'; floor?: number | undefined; cap?: number | undefined };
export type StepsItem = ItemBase & { mode: 'steps'; steps: readonly Step[] };
export type SchemeItem = LinearItem | StepsItem;

export type GateOp = '<' | '<=' | '>' | '>=';
export type Gate = { metricId: string; op: GateOp; value: number; factor: number; appliesTo: 'all' | MetricCategory };

export type RatingBand = { rating: string; min: number | null };

export type SchemeVersion = {
  version: number;
  effectiveFrom: IsoDate;
  items: readonly SchemeItem[];
  gates?: readonly Gate[] | undefined;
  ratingBands?: readonly RatingBand[] | undefined;
};

export const DEFAULT_FLOOR = 0;
export const DEFAULT_CAP = 1.2;
export const defaultRatingBands: readonly RatingBand[] = [
  { rating: 'S', min: 110 },
  { rating: 'A', min: 100 },
  { rating: 'B', min: 85 },
  { rating: 'C', min: 70 },
  { rating: 'D', min: null },
];

export type SchemeProblemCode =
  | 'no_items'
  | 'bad_weight'
  | 'weights_not_100'
  | 'duplicate_metric'
  | 'bad_floor'
  | 'bad_cap'
  | 'cap_below_floor'
  | 'no_steps'
  | 'bad_step'
  | 'steps_not_increasing'
  | 'bad_gate'
  | 'bad_bands'
  | 'bad_effective_from';

/** `path` points at the field (e.g. `items[2].cap`); `params` carries the raw values for i18n. */
export type SchemeProblem = {
  code: SchemeProblemCode;
  path: string;
  message: string;
  params: Record<string, number | string>;
};

const CATEGORIES: ReadonlySet<string> = new Set(['all', 'result', 'process', 'collaboration', 'data']);
const OPS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

/** Every problem of a scheme, in field order; [] when it can be saved. */
export function checkScheme(scheme: SchemeVersion): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const add = (code: SchemeProblemCode, path: string, message: string, params: SchemeProblem['params'] = {}) =>
    problems.push({ code, path, message, params });

  if (!isValidIsoDate(scheme.effectiveFrom)) {
    add('bad_effective_from', 'effectiveFrom', `effective date ${scheme.effectiveFrom} is not a calendar date`, {
      effectiveFrom: scheme.effectiveFrom,
    });
  }
  if (scheme.items.length === 0) add('no_items', 'items', 'a scheme needs at least one item');

  const seen = new Map<string, number>();
  let weightSum = 0;
  for (const [i, item] of scheme.items.entries()) {
    const at = `items[${i}]`;
    const earlier = seen.get(item.metricId);
    if (earlier !== undefined) {
      add(
        'duplicate_metric',
        `${at}.metricId`,
        `metric ${item.metricId} appears in items ${earlier + 1} and ${i + 1}`,
        {
          metricId: item.metricId,
        },
      );
    } else seen.set(item.metricId, i);

    if (!Number.isInteger(item.weight) || item.weight < 1 || item.weight > 100) {
      add(
        'bad_weight',
        `${at}.weight`,
        `item ${i + 1} (${item.metricId}) has weight ${item.weight}; a weight is a whole number from 1 to 100`,
        {
          weight: item.weight,
        },
      );
    }
    weightSum += Number.isFinite(item.weight) ? item.weight : 0;

    if (item.mode === 'linear') checkLinear(item, at, i, add);
    else checkSteps(item, at, i, add);
  }
  if (scheme.items.length > 0 && weightSum !== 100) {
    add('weights_not_100', 'items', `weights sum to ${weightSum}, not 100`, { sum: weightSum });
  }

  for (const [g, gate] of (scheme.gates ?? []).entries()) {
    const at = `gates[${g}]`;
    if (!gate.metricId) add('bad_gate', `${at}.metricId`, `gate ${g + 1} names no metric`);
    if (!OPS.has(gate.op))
      add('bad_gate', `${at}.op`, `gate ${g + 1} has operator ${gate.op}; use <, <=, > or >=`, { op: gate.op });
    if (!Number.isFinite(gate.value))
      add('bad_gate', `${at}.value`, `gate ${g + 1} compares with ${gate.value}, not a number`);
    if (!Number.isFinite(gate.factor) || gate.factor < 0) {
      add('bad_gate', `${at}.factor`, `gate ${g + 1} has factor ${gate.factor}; a factor is a number of at least 0`, {
        factor: gate.factor,
      });
    }
    if (!CATEGORIES.has(gate.appliesTo)) {
      add('bad_gate', `${at}.appliesTo`, `gate ${g + 1} applies to ${gate.appliesTo}; use all or a metric category`, {
        appliesTo: gate.appliesTo,
      });
    }
  }

  checkBands(scheme.ratingBands ?? defaultRatingBands, add);
  return problems;
}

type Add = (code: SchemeProblemCode, path: string, message: string, params?: SchemeProblem['params']) => void;

function checkLinear(item: LinearItem, at: string, i: number, add: Add) {
  const floor = item.floor ?? DEFAULT_FLOOR;
  const cap = item.cap ?? DEFAULT_CAP;
  const name = `item ${i + 1} (${item.metricId})`;
  const isFloorOk = Number.isFinite(floor) && floor >= 0;
  const isCapOk = Number.isFinite(cap) && cap > 0;
  if (!isFloorOk) add('bad_floor', `${at}.floor`, `${name} has floor ${floor}; a floor is at least 0`, { floor });
  if (!isCapOk) add('bad_cap', `${at}.cap`, `${name} has cap ${cap}; a cap is above 0`, { cap });
  if (isFloorOk && isCapOk && cap < floor) {
    add('cap_below_floor', `${at}.cap`, `${name} has its cap ${cap} below its floor ${floor}`, { cap, floor });
  }
}

function checkSteps(item: StepsItem, at: string, i: number, add: Add) {
  const name = `item ${i + 1} (${item.metricId})`;
  if (item.steps.length === 0) add('no_steps', `${at}.steps`, `${name} scores by steps but has none`);
  for (const [s, step] of item.steps.entries()) {
    if (!Number.isFinite(step.threshold) || step.threshold < 0 || !Number.isFinite(step.score) || step.score < 0) {
      add(
        'bad_step',
        `${at}.steps[${s}]`,
        `${name} step ${s + 1} (${step.threshold} -> ${step.score}) needs a threshold and a score of at least 0`,
        {
          threshold: step.threshold,
          score: step.score,
        },
      );
    }
    const previous = item.steps[s - 1];
    if (previous !== undefined && !(step.threshold > previous.threshold)) {
      add(
        'steps_not_increasing',
        `${at}.steps[${s}].threshold`,
        `${name} step ${s + 1} threshold ${step.threshold} is not above step ${s} threshold ${previous.threshold}`,
        {
          threshold: step.threshold,
          previous: previous.threshold,
        },
      );
    }
  }
}

function checkBands(bands: readonly RatingBand[], add: Add) {
  const last = bands[bands.length - 1];
  if (last === undefined || last.min !== null) {
    add('bad_bands', 'ratingBands', 'the last rating band takes everything below the others and has no minimum');
  }
  const ratings = new Set<string>();
  for (const [b, band] of bands.entries()) {
    if (!band.rating) add('bad_bands', `ratingBands[${b}].rating`, `rating band ${b + 1} has no name`);
    if (ratings.has(band.rating))
      add('bad_bands', `ratingBands[${b}].rating`, `rating ${band.rating} is listed twice`, { rating: band.rating });
    ratings.add(band.rating);
    if (b < bands.length - 1 && (band.min === null || !Number.isFinite(band.min))) {
      add('bad_bands', `ratingBands[${b}].min`, `rating ${band.rating} needs a minimum total`, { rating: band.rating });
    }
    const previous = bands[b - 1];
    if (band.min !== null && previous?.min != null && !(band.min < previous.min)) {
      add(
        'bad_bands',
        `ratingBands[${b}].min`,
        `rating ${band.rating} minimum ${band.min} is not below ${previous.rating} minimum ${previous.min}`,
        {
          rating: band.rating,
          min: band.min,
        },
      );
    }
  }
}

/** The version active on the period's last day (latest effectiveFrom <= end), or null if none is. */
export function schemeForPeriod<V extends SchemeVersion>(
  versions: readonly V[],
  period: Pick<Period, 'end'>,
): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > period.end) continue;
    if (
      best === null ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.version > best.version)
    ) {
      best = v;
    }
  }
  return best;
}
