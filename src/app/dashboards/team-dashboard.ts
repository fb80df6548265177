import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { shiftPeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { cachedRead } from '../live/live.ts';
import { resolvePeriod } from '../metrics/compute-metrics.ts';
import { scorePeople } from '../scoring/score-people.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { loadTargetBook } from '../targets/target-book.ts';
import { unitForTeamView } from './dashboard-access.ts';
import { memberCells } from './member-cells.ts';
import { ownTargets } from './own-targets.ts';

// 团队看板: a unit's members x metrics for a period in one request (member-cells.ts), each
// member's total and rating beside last period's, the red lines (every red cell, the longest red
// first), and the unit's own targets with pace. Members are the people who belong to the unit or
// a unit below it on the period's last elapsed day; the metrics are those of their scorecards and
// of their targets.

export async function teamDashboard(deps: AppDeps, actor: Actor, input: { unitId: string; periodKey: string }) {
  const { unit, units } = await unitForTeamView(deps, actor, input.unitId);
  const period = resolvePeriod(actor, input.periodKey);
  const previousPeriod = shiftPeriod(period, -1, actor);
  return cachedRead(deps, actor.tenantId, `dashboards:team:${unit.id}:${period.key}:${actor.today}`, async () => {
    const [scores, previousScores, defs, book] = await Promise.all([
      scorePeople(deps, actor, period),
      scorePeople(deps, actor, previousPeriod),
      metricDefs(deps, actor),
      loadTargetBook(deps, actor, period),
    ]);
    const pathOf = new Map(units.map((u) => [u.id, u.path]));
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const members = scores.people.filter((p) => p.unitId && pathOf.get(p.unitId)?.startsWith(unit.path));
    const metricIds = new Set<string>();
    for (const m of members) {
      for (const item of scores.cards.get(m.id)?.items ?? []) metricIds.add(item.metricId);
      for (const id of book.metricsOf({ kind: 'person', id: m.id })) metricIds.add(id);
    }
    const metrics = [...metricIds].flatMap((id): MetricDef[] => {
      const def = defs.get(id);
      return def ? [def] : [];
    });
    const cells = await memberCells(
      deps,
      { actor, period, book },
      metrics,
      members.map((m) => m.id),
    );
    const rows = members.map((m) => ({
      personId: m.id,
      name: m.name,
      unitId: m.unitId,
      unitName: (m.unitId && nameOf.get(m.unitId)) || '',
      total: scores.cards.get(m.id)?.total ?? null,
      rating: scores.cards.get(m.id)?.rating ?? null,
      previousTotal: previousScores.cards.get(m.id)?.total ?? null,
      teamRank: scores.teamRank.get(m.id)?.rank ?? null,
      cells: metrics.flatMap((def) => cells.get(`${def.id}|${m.id}`) ?? []),
    }));
    const redLines = rows
      .flatMap((r) =>
        r.cells.filter((c) => c.status === 'red').map((c) => ({ personId: r.personId, name: r.name, ...c })),
      )
      .sort((a, b) => (a.redSince ?? '9999').localeCompare(b.redSince ?? '9999') || a.name.localeCompare(b.name));
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind },
      period,
      previousPeriod,
      metrics: metrics.map((d) => ({
        id: d.id,
        name: d.name,
        unit: d.unit,
        aggregation: d.aggregation,
        direction: d.direction,
      })),
      members: rows,
      redLines,
      unitTargets: await ownTargets(deps, actor, { kind: 'unit', id: unit.id }, { period, previousPeriod }, defs, book),
    };
  });
}
