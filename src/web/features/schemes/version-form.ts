import dayjs, { type Dayjs } from 'dayjs';
import type { SchemeVersion, SchemeVersionInput } from '../../api/scoring.ts';
import { fromInputValue, toInputValue } from '../metrics/metric-input.ts';

// The draft editor holds percentages where the scheme stores ratios (a cap of 120% is 1.2), and a
// gate's threshold in its metric's unit (¥, %); these convert both ways.

export type ItemRow = {
  metricId?: string;
  weight?: number;
  role: 'primary' | 'auxiliary';
  mode: 'linear' | 'steps';
  floor?: number;
  cap?: number;
  steps?: Array<{ threshold?: number; score?: number }>;
};
export type GateRow = NonNullable<SchemeVersionInput['gates']>[number];
export type VersionForm = {
  effectiveFrom: Dayjs;
  items: ItemRow[];
  gates: GateRow[];
  ratingBands: Array<{ rating: string; min: number | null }>;
};

export const DEFAULT_BANDS = [
  { rating: 'S', min: 110 },
  { rating: 'A', min: 100 },
  { rating: 'B', min: 85 },
  { rating: 'C', min: 70 },
  { rating: 'D', min: null },
];

const toPct = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 1e9 * 100) / 1e9);
const fromPct = (v: number | undefined | null) => (v === undefined || v === null ? undefined : v / 100);

export function toForm(v: SchemeVersion, unitOf: (metricId: string) => string): VersionForm {
  return {
    effectiveFrom: dayjs(v.effectiveFrom),
    items: v.items.map((i) =>
      i.mode === 'linear'
        ? {
            metricId: i.metricId,
            weight: i.weight,
            role: i.role,
            mode: 'linear',
            floor: toPct(i.floor),
            cap: toPct(i.cap),
          }
        : {
            metricId: i.metricId,
            weight: i.weight,
            role: i.role,
            mode: 'steps',
            steps: i.steps.map((s) => ({ threshold: toPct(s.threshold), score: s.score })),
          },
    ),
    gates: (v.gates ?? []).map((g) => ({ ...g, value: toInputValue(g.value, unitOf(g.metricId)) ?? 0 })),
    ratingBands: v.ratingBands?.length ? v.ratingBands : DEFAULT_BANDS,
  };
}

export function toBody(f: VersionForm, unitOf: (metricId: string) => string): SchemeVersionInput {
  return {
    effectiveFrom: f.effectiveFrom.format('YYYY-MM-DD'),
    items: f.items.map((i) => {
      const common = { metricId: i.metricId ?? '', weight: i.weight ?? 0, role: i.role };
      if (i.mode === 'steps')
        return {
          ...common,
          mode: 'steps' as const,
          steps: (i.steps ?? []).map((s) => ({ threshold: fromPct(s.threshold) ?? 0, score: s.score ?? 0 })),
        };
      const floor = fromPct(i.floor);
      const cap = fromPct(i.cap);
      return {
        ...common,
        mode: 'linear' as const,
        ...(floor !== undefined ? { floor } : {}),
        ...(cap !== undefined ? { cap } : {}),
      };
    }),
    gates: f.gates.map((g) => ({ ...g, value: fromInputValue(g.value, unitOf(g.metricId)) ?? 0 })),
    ratingBands: f.ratingBands.map((b) => ({ rating: b.rating, min: b.min ?? null })),
  };
}

export function weightTotal(items: readonly ItemRow[] | undefined): number {
  return (items ?? []).reduce((sum, i) => sum + (Number(i?.weight) || 0), 0);
}
