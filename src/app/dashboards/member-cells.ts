import { type DayTally, redSince } from '../../domain/dashboards/red-line.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { tallyValue } from '../../domain/metrics/credit.ts';
import type { Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { computeValues } from '../metrics/compute-metrics.ts';
import type { TargetBook } from '../targets/target-book.ts';
import { paceAgainst } from '../targets/target-pace.ts';
import { dailyTallies } from './daily-tallies.ts';

// The cells of the team view: each member's actual of each metric, their target, the pace and,
// when red, since when (red-line.ts). One query per metric for all the members: a built-in
// metric's dated facts give both the total and the days; custom metrics give totals only.

export type MemberCell = {
  metricId: string;
  actual: number | null;
  target: number | null;
  ratio: number | null;
  status: 'green' | 'yellow' | 'red' | 'none';
  gapToPace: number | null;
  redSince: string | null;
};

type Context = { actor: Actor; period: Period; book: TargetBook };

function cellOf(
  ctx: Context,
  def: MetricDef,
  personId: string,
  actual: number | null,
  days?: Map<string, DayTally>,
): MemberCell {
  const { actor, period, book } = ctx;
  const resolved = book.resolve(def.id, def, { kind: 'person', id: personId }, period);
  const pace = paceAgainst(actor, def, resolved, actual, period);
  const isRed = pace?.status === 'red';
  return {
    metricId: def.id,
    actual,
    target: resolved.target,
    ratio: pace?.ratio ?? null,
    status: pace?.status ?? 'none',
    gapToPace: pace?.gapToPace ?? null,
    redSince:
      isRed && days
        ? redSince({
            aggregation: def.aggregation,
            direction: def.direction,
            target: resolved.target ?? 0,
            dailyTargets: resolved.daily,
            dailyActuals: days,
            period,
            today: actor.today,
            thresholds: actor.settings.pace,
          })
        : null,
  };
}

/** Cells by `${metricId}|${personId}`. */
export async function memberCells(
  deps: AppDeps,
  ctx: Context,
  metrics: readonly MetricDef[],
  personIds: readonly string[],
): Promise<Map<string, MemberCell>> {
  const cells = new Map<string, MemberCell>();
  if (personIds.length === 0) return cells;
  const customs: MetricDef[] = [];
  for (const def of metrics) {
    const daily = await dailyTallies(deps, ctx.actor, def.id, ctx.period, [...personIds]);
    if (!daily) {
      customs.push(def);
      continue;
    }
    for (const personId of personIds) {
      const days = daily.get(personId) ?? new Map<string, DayTally>();
      const total = { num: 0, den: 0 };
      for (const t of days.values()) {
        total.num += t.num;
        total.den += t.den;
      }
      cells.set(`${def.id}|${personId}`, cellOf(ctx, def, personId, tallyValue(def.aggregation, total), days));
    }
  }
  if (customs.length > 0) {
    const { values } = await computeValues(deps, ctx.actor, {
      metricIds: customs.map((d) => d.id),
      subjects: personIds.map((id) => ({ kind: 'person' as const, id })),
      periodKey: ctx.period.key,
    });
    for (const v of values) {
      const def = customs.find((d) => d.id === v.metricId);
      if (def && v.subject.kind === 'person')
        cells.set(`${v.metricId}|${v.subject.id}`, cellOf(ctx, def, v.subject.id, v.value));
    }
  }
  return cells;
}
