import { openDealsByStage } from '../../db/repositories/dashboards.repository.ts';
import { loadMemberships, loadUnits } from '../../db/repositories/org.repository.ts';
import { ratingDistribution } from '../../domain/dashboards/ratings.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { ancestry, type Membership, membershipIndex } from '../../domain/metrics/credit.ts';
import { DEAL_STAGES } from '../../domain/records/sales-kinds.ts';
import { defaultRatingBands } from '../../domain/scoring/scheme.ts';
import { isSplitByParts } from '../../domain/targets/decompose.ts';
import type { ResolvedTarget } from '../../domain/targets/resolve-target.ts';
import { type Period, periodContaining, periodSeries, shiftPeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { cachedRead } from '../live/live.ts';
import { computeValues, resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { scorePeople } from '../scoring/score-people.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { loadTargetBook, type TargetBook } from '../targets/target-book.ts';
import { paceAgainst } from '../targets/target-pace.ts';
import { assertCanOpenCompany } from './dashboard-access.ts';
import { ownTargets } from './own-targets.ts';

// 公司看板: for admin and finance, in one request: the org tree with one metric's actual, target
// and attainment per unit (and last period's actual), the ratings distribution per unit and for
// the company, the company's months of the fiscal year against target, and the open pipeline
// by stage. Choice written down here: a unit (or the company) without a target of its own, for
// an additive metric, is measured against its people's targets credited to it day by day as
// their facts are (targetSource 'people'), so the tree reads before a director sets unit targets.

export const DEFAULT_COMPANY_METRIC = 'signed_amount';

type Def = MetricDef;

/**
 * People's targets of an additive metric credited as their facts are (spec 2): each daily target
 * to the unit the person belonged to that day and its ancestors, and all of them to the company.
 */
function creditPeopleTargets(
  book: TargetBook,
  def: Def,
  period: Period,
  memberships: Membership[],
  units: ReadonlyArray<{ id: string; path: string }>,
) {
  const unitAt = membershipIndex(memberships);
  const lineage = ancestry(units);
  const out = new Map<string, ResolvedTarget>();
  const add = (key: string, date: string, value: number) => {
    const t = out.get(key) ?? { target: 0, daily: new Map<string, number>() };
    t.target = (t.target ?? 0) + value;
    t.daily.set(date, (t.daily.get(date) ?? 0) + value);
    out.set(key, t);
  };
  for (const personId of book.subjectsWithTargets(def.id, 'person')) {
    const { daily } = book.resolve(def.id, def, { kind: 'person', id: personId }, period);
    for (const [date, value] of daily) {
      if (date < period.start || date > period.end) continue;
      add('tenant', date, value);
      const unit = unitAt(personId, date);
      for (const id of unit ? (lineage.get(unit) ?? []) : []) add(id, date, value);
    }
  }
  return out;
}

/**
 * The subject's own target (for the company: the tenant's, else its single root unit's, the
 * company unit a director decomposes from), else for additive metrics its people's targets
 * credited to it.
 */
function targetOf(
  book: TargetBook,
  def: Def,
  subject: Subject,
  period: Period,
  credited: Map<string, ResolvedTarget>,
  rootUnitId?: string,
) {
  let own = book.resolve(def.id, def, subject, period);
  if (own.target === null && subject.kind === 'tenant' && rootUnitId)
    own = book.resolve(def.id, def, { kind: 'unit', id: rootUnitId }, period);
  if (own.target !== null || !isSplitByParts(def.aggregation)) return { ...own, source: 'own' as const };
  const sum = credited.get(subject.kind === 'unit' ? subject.id : 'tenant');
  return sum ? { ...sum, source: 'people' as const } : { ...own, source: 'none' as const };
}

export async function companyDashboard(deps: AppDeps, actor: Actor, input: { periodKey: string; metricId?: string }) {
  assertCanOpenCompany(actor);
  const period = resolvePeriod(actor, input.periodKey);
  const previousPeriod = shiftPeriod(period, -1, actor);
  const metricId = input.metricId ?? DEFAULT_COMPANY_METRIC;
  const defs = await metricDefs(deps, actor);
  const def = defs.get(metricId);
  if (!def)
    throw new ValidationError('dashboards', [
      { index: 0, field: 'metric', code: 'unknown_ref', reason: `no metric '${metricId}'` },
    ]);
  return cachedRead(deps, actor.tenantId, `dashboards:company:${metricId}:${period.key}:${actor.today}`, async () => {
    const year = periodContaining('year', period.start, actor);
    const months = periodSeries('month', year.end, 12, actor);
    const [units, memberships, scores, book, yearBook, funnel] = await Promise.all([
      loadUnits(deps.db, actor.tenantId),
      loadMemberships(deps.db, actor.tenantId, period),
      scorePeople(deps, actor, period),
      loadTargetBook(deps, actor, period),
      loadTargetBook(deps, actor, year),
      openDealsByStage(deps.db, actor.tenantId),
    ]);
    const subjects: Subject[] = [{ kind: 'tenant' }, ...units.map((u) => ({ kind: 'unit' as const, id: u.id }))];
    const [current, previous] = await Promise.all(
      [period, previousPeriod].map(async (p) => {
        const { values } = await computeValues(deps, actor, { metricIds: [metricId], subjects, periodKey: p.key });
        return new Map(values.map((v) => [v.subject.kind === 'unit' ? v.subject.id : 'tenant', v.value]));
      }),
    );
    const roots = units.filter((u) => u.parentId === null);
    const rootUnitId = roots.length === 1 ? roots[0]?.id : undefined;
    const credited = isSplitByParts(def.aggregation)
      ? creditPeopleTargets(book, def, period, memberships as Membership[], units)
      : new Map<string, ResolvedTarget>();
    const measure = (subject: Subject, key: string) => {
      const resolved = targetOf(book, def, subject, period, credited, rootUnitId);
      const actual = current?.get(key) ?? null;
      const pace = paceAgainst(actor, def, resolved, actual, period);
      return {
        actual,
        previousActual: previous?.get(key) ?? null,
        target: resolved.target,
        targetSource: resolved.source,
        attainment:
          resolved.target && actual !== null
            ? def.direction === 'higher'
              ? actual / resolved.target
              : actual === 0
                ? null
                : resolved.target / actual
            : null,
        status: pace?.status ?? 'none',
      };
    };

    const ratings = [...defaultRatingBands.map((b) => b.rating)];
    for (const card of scores.cards.values())
      if (card.rating && !ratings.includes(card.rating)) ratings.push(card.rating);
    const distribution = ratingDistribution(
      scores.people
        .filter((p) => scores.cards.has(p.id))
        .map((p) => ({ unitId: p.unitId, rating: scores.cards.get(p.id)?.rating ?? null })),
      units,
      ratings,
    );

    const trend = [];
    let cumulativeActual = 0;
    let cumulativeTarget = 0;
    for (const month of months) {
      const isFuture = month.start > actor.today;
      const actual = isFuture
        ? null
        : ((
            await computeValues(deps, actor, {
              metricIds: [metricId],
              subjects: [{ kind: 'tenant' }],
              periodKey: month.key,
            })
          ).values[0]?.value ?? null);
      const monthCredit = isSplitByParts(def.aggregation)
        ? creditPeopleTargets(yearBook, def, month, [], [])
        : new Map<string, ResolvedTarget>();
      const target = targetOf(yearBook, def, { kind: 'tenant' }, month, monthCredit, rootUnitId).target;
      cumulativeActual += actual ?? 0;
      cumulativeTarget += target ?? 0;
      trend.push({
        key: month.key,
        actual,
        target,
        ...(isSplitByParts(def.aggregation)
          ? { cumulativeActual: isFuture ? null : cumulativeActual, cumulativeTarget }
          : {}),
      });
    }

    return {
      period,
      previousPeriod,
      metric: { id: def.id, name: def.name, unit: def.unit, aggregation: def.aggregation, direction: def.direction },
      company: { ...measure({ kind: 'tenant' }, 'tenant'), ratings: distribution.company },
      units: units.map((u) => ({
        id: u.id,
        parentId: u.parentId,
        name: u.name,
        kind: u.kind,
        ...measure({ kind: 'unit', id: u.id }, u.id),
        ratings: distribution.byUnit.get(u.id) ?? {},
      })),
      ratingScale: [...ratings, 'none'],
      trend: { year: year.key, months: trend },
      funnel: DEAL_STAGES.filter((s) => s !== 'closed').map(
        (stage) => funnel.find((f) => f.stage === stage) ?? { stage, count: 0, amountCents: 0 },
      ),
      companyTargets: await ownTargets(deps, actor, { kind: 'tenant' }, { period, previousPeriod }, defs, book),
    };
  });
}
