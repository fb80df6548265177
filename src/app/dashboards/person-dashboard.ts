import { customerNames } from '../../db/repositories/dashboards.repository.ts';
import { loadPeople } from '../../db/repositories/org.repository.ts';
import { kindByName } from '../../domain/records/kinds.ts';
import { shiftPeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { cachedRead } from '../live/live.ts';
import { computeValues, resolvePeriod } from '../metrics/compute-metrics.ts';
import { listVisibleRecords } from '../records/read-records.ts';
import { peopleInPeriod, scoreCards } from '../scoring/score-people.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { loadTargetBook } from '../targets/target-book.ts';
import { paceAgainst } from '../targets/target-pace.ts';
import { assertCanOpenPerson } from './dashboard-access.ts';

// 我的绩效: a person's dashboard for a period in one request: the scorecard's items (and any other
// metric the person has a target for) with actual, target, attainment, pace and the gaps (还差),
// each beside the previous period's actual; the total beside last period's; and the latest
// activities, each saying whether it counts. Only this person is scored, so the first screen stays
// light; the ranks (everyone scored) and the trends load in a second request (person-trends.ts).

const RECENT_ACTIVITIES = 8;

export async function personDashboard(deps: AppDeps, actor: Actor, input: { personId: string; periodKey: string }) {
  await assertCanOpenPerson(deps, actor, input.personId);
  const period = resolvePeriod(actor, input.periodKey);
  const previousPeriod = shiftPeriod(period, -1, actor);
  // Access is checked above; the result is the same for every viewer allowed to see it.
  const body = await cachedRead(
    deps,
    actor.tenantId,
    `dashboards:person:${input.personId}:${period.key}:${actor.today}`,
    async () => {
      const [people, defs, book] = await Promise.all([
        peopleInPeriod(deps, actor, period),
        metricDefs(deps, actor),
        loadTargetBook(deps, actor, period),
      ]);
      // Someone who left before the period still has a (mostly empty) dashboard.
      const person =
        people.find((p) => p.id === input.personId) ??
        (await loadPeople(deps.db, actor.tenantId))
          .filter((p) => p.id === input.personId)
          .map((p) => ({ id: p.id, name: p.name, positionId: p.positionId, unitId: null }))[0];
      if (!person) throw new NotFoundError('people', input.personId);
      const subject = { kind: 'person' as const, id: person.id };
      // Only this person's cards: everyone's (for the ranks) load with the trends.
      const [mine, previousMine] = await Promise.all(
        [period, previousPeriod].map((p) => scoreCards(deps, actor, p, [person])),
      );
      const card = mine?.cards.get(person.id) ?? null;
      const metricIds = [
        ...new Set([...(card?.items.map((i) => i.metricId) ?? []), ...book.metricsOf(subject)]),
      ].filter((id) => defs.has(id));
      const [current, previous] = await Promise.all(
        [period, previousPeriod].map((p) =>
          metricIds.length
            ? computeValues(deps, actor, { metricIds, subjects: [subject], periodKey: p.key }).then(
                (r) => new Map(r.values.map((v) => [v.metricId, v.value])),
              )
            : new Map<string, number | null>(),
        ),
      );
      const items = metricIds.map((metricId) => {
        const def = defs.get(metricId) as NonNullable<ReturnType<typeof defs.get>>;
        const scored = card?.items.find((i) => i.metricId === metricId);
        const actual = scored ? scored.actual : (current?.get(metricId) ?? null);
        const resolved = book.resolve(metricId, def, subject, period);
        const target = scored ? scored.target : resolved.target;
        return {
          metricId,
          name: def.name,
          unit: def.unit,
          aggregation: def.aggregation,
          direction: def.direction,
          isScored: !!scored,
          weight: scored?.weight ?? null,
          actual,
          previousActual: previous?.get(metricId) ?? null,
          target,
          attainment: scored?.attainment ?? null,
          score: scored?.score ?? null,
          pace: target === null ? null : paceAgainst(actor, def, { target, daily: resolved.daily }, actual, period),
        };
      });
      const previousCard = previousMine?.cards.get(person.id);
      return {
        person: { id: person.id, name: person.name, unitId: person.unitId },
        period,
        previousPeriod,
        scorecard: card && {
          schemeId: card.schemeId,
          version: card.version,
          total: card.total,
          rating: card.rating,
          isFrozen: !!card.isFrozen,
        },
        previous: previousCard ? { total: previousCard.total, rating: previousCard.rating } : null,
        items,
      };
    },
  );
  // Activities are the viewer's records to read (their scope), so they are read outside the cache.
  const activities = await listVisibleRecords(deps, actor, kindByName('activities'), {
    filters: { personId: input.personId },
    sort: '-occurredAt',
    limit: RECENT_ACTIVITIES,
  });
  const names = await customerNames(
    deps.db,
    actor.tenantId,
    activities.items.flatMap((a) => (a.customerId == null ? [] : [String(a.customerId)])),
  );
  return {
    ...body,
    activities: activities.items.map((a) => ({
      id: String(a.id),
      type: String(a.type),
      occurredAt: String(a.occurredAt),
      customerId: a.customerId == null ? null : String(a.customerId),
      customerName: a.customerId == null ? null : (names.get(String(a.customerId)) ?? null),
      notes: String(a.notes ?? '').slice(0, 80),
      // Why it does not count as a follow-up (spec 3): invalid, or of type "other".
      reason: (a.invalidReason as string | null) ?? (a.type === 'other' ? 'type_other' : null),
    })),
  };
}
