import type { Aggregation } from '../../domain/metrics/catalog.ts';
import { daysBetween } from '../../domain/time/dates.ts';
import { datesOf, elapsedEnd, type Period, shiftPeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { cachedRead } from '../live/live.ts';
import { resolvePeriod } from '../metrics/compute-metrics.ts';
import { scorePeople } from '../scoring/score-people.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { loadTargetBook } from '../targets/target-book.ts';
import { dailyTallies } from './daily-tallies.ts';
import { assertCanOpenPerson } from './dashboard-access.ts';

// The heavier half of the personal dashboard, loaded after the first screen: the total's rank in
// the team and the company (everyone scored in one pass, score-people.ts), now and last period;
// and the trend charts: per metric, this period's running value day by day
// against the previous periods' at the same point (day 1, day 2, ...), and the value each had
// reached by the same point as today. A sum runs as a sum; a rate or mean as its running
// numerators over denominators (N/A until there is a denominator).

export const TREND_PERIODS = 4;

type Series = { period: Period; points: Array<number | null>; atSamePoint: number | null };

function running(
  aggregation: Aggregation,
  period: Period,
  days: Map<string, { num: number; den: number }>,
  last: string | null,
) {
  const points: Array<number | null> = [];
  let num = 0;
  let den = 0;
  for (const date of datesOf(period)) {
    if (last === null || date > last) break;
    const day = days.get(date);
    num += day?.num ?? 0;
    den += day?.den ?? 0;
    points.push(aggregation === 'sum' ? num : den === 0 ? null : num / den);
  }
  return points;
}

export async function personTrends(deps: AppDeps, actor: Actor, input: { personId: string; periodKey: string }) {
  await assertCanOpenPerson(deps, actor, input.personId);
  const period = resolvePeriod(actor, input.periodKey);
  return cachedRead(
    deps,
    actor.tenantId,
    `dashboards:trends:${input.personId}:${period.key}:${actor.today}`,
    async () => {
      const periods = Array.from({ length: TREND_PERIODS }, (_, i) => shiftPeriod(period, -i, actor));
      const [scores, previousScores, defs, book] = await Promise.all([
        scorePeople(deps, actor, period),
        scorePeople(deps, actor, shiftPeriod(period, -1, actor)),
        metricDefs(deps, actor),
        loadTargetBook(deps, actor, period),
      ]);
      const subject = { kind: 'person' as const, id: input.personId };
      const card = scores.cards.get(input.personId);
      const metricIds = [...new Set([...(card?.items.map((i) => i.metricId) ?? []), ...book.metricsOf(subject)])];
      // How far into the current period today is: the same offset is "the same point" in the others.
      const elapsed = elapsedEnd(period, actor.today);
      const offset = elapsed === null ? -1 : daysBetween(period.start, elapsed);
      const metrics = [];
      for (const metricId of metricIds) {
        const def = defs.get(metricId);
        if (!def) continue;
        const series: Series[] = [];
        for (const [i, p] of periods.entries()) {
          const daily = await dailyTallies(deps, actor, metricId, p, [input.personId]);
          if (!daily) break;
          const last = i === 0 ? elapsed : p.end;
          const points = running(def.aggregation, p, daily.get(input.personId) ?? new Map(), last);
          series.push({
            period: p,
            points,
            atSamePoint: offset < 0 ? null : (points[Math.min(offset, points.length - 1)] ?? null),
          });
        }
        if (series.length === 0) continue;
        const { target } = book.resolve(metricId, def, subject, period);
        metrics.push({ metricId, name: def.name, unit: def.unit, aggregation: def.aggregation, target, series });
      }
      const rank = {
        team: scores.teamRank.get(input.personId) ?? null,
        company: scores.companyRank.get(input.personId) ?? null,
        previousTeam: previousScores.teamRank.get(input.personId) ?? null,
        previousCompany: previousScores.companyRank.get(input.personId) ?? null,
      };
      return { period, today: actor.today, rank, metrics };
    },
  );
}
