import { listCustomMetrics, loadCustomFacts } from '../../db/repositories/custom-metrics.repository.ts';
import { type FactParams, tallyFacts } from '../../db/repositories/metric-facts.repository.ts';
import { loadCalendar, loadMemberships, loadPeople, loadUnits } from '../../db/repositories/org.repository.ts';
import { builtInMetric, type MetricDef } from '../../domain/metrics/catalog.ts';
import {
  creditToPeople,
  creditToTenant,
  creditToUnits,
  type DatedTally,
  type Membership,
  type Tally,
  tallyValue,
} from '../../domain/metrics/credit.ts';
import { groupBySubject, reduceFacts } from '../../domain/metrics/custom-aggregate.ts';
import type { AggregateDefinition, CustomMetric } from '../../domain/metrics/custom-metric.ts';
import { evaluateFormula, parseFormula, referencedMetrics } from '../../domain/metrics/formula.ts';
import { addDays } from '../../domain/time/dates.ts';
import { elapsedEnd, monthsWhollyInside, type Period, parsePeriod } from '../../domain/time/periods.ts';
import { calendarFrom, workingDaysBetween } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { cachedRead } from '../live/live.ts';

// Values of metrics for people, units and the tenant over any period, computed from the records
// on every read (a write shows on the next read). Each metric is one set-based query over all the
// people asked for; crediting to units by membership on the fact's date happens in the domain.

export type Subject = { kind: 'person'; id: string } | { kind: 'unit'; id: string } | { kind: 'tenant' };

export type MetricValue = {
  metricId: string;
  subject: Subject;
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Why the value is N/A, when it is. */
  note?: 'person_only' | 'no_data';
};

export function resolvePeriod(actor: Actor, key: string): Period {
  const parsed = parsePeriod(key, { fiscalYearStartMonth: actor.fiscalYearStartMonth });
  if (!parsed.ok)
    throw new ValidationError('metrics', [{ index: 0, field: 'period', code: 'format', reason: parsed.reason }]);
  return parsed.period;
}

export function factParams(actor: Actor, period: Period, personIds?: readonly string[]): FactParams {
  return {
    tenantId: actor.tenantId,
    start: period.start,
    end: period.end,
    today: actor.today,
    cutoff: [period.end, actor.today].sort()[0] as string,
    priorStart: addDays(period.start, -365),
    priorEnd: addDays(period.start, -1),
    wholeMonths: monthsWhollyInside(period),
    minNotesLength: actor.settings.minNotesLength,
    effectiveVisitMinutes: actor.settings.effectiveVisitMinutes,
    gradeWeights: actor.settings.gradeWeights,
    ...(personIds ? { personIds } : {}),
  };
}

type Org = Awaited<ReturnType<typeof loadOrg>>;

/**
 * The organisation a computation needs: units and memberships only when a unit is asked about
 * (a person's value needs neither), and everyone's employment dates only for the CRM-activity
 * denominator of the whole tenant — so a single person's value reads no org tables at all.
 */
async function loadOrg(
  deps: AppDeps,
  actor: Actor,
  period: Period,
  subjects: readonly Subject[] = [{ kind: 'tenant' }],
) {
  const needsUnits = subjects.some((s) => s.kind === 'unit');
  // The org changes rarely and every unit read needs it whole: kept until the tenant's next write
  // (shared, read-only) when the app runs with a read cache.
  const [units, memberships] = needsUnits
    ? await Promise.all([
        cachedRead(deps, actor.tenantId, 'org|units', () => loadUnits(deps.db, actor.tenantId)),
        cachedRead(deps, actor.tenantId, 'org|memberships', () => loadMemberships(deps.db, actor.tenantId)).then(
          (all) => all.filter((m) => m.startOn <= period.end && (m.endOn === null || m.endOn >= period.start)),
        ),
      ])
    : [[], []];
  let people: Promise<Awaited<ReturnType<typeof loadPeople>>> | undefined;
  return {
    units,
    memberships: memberships as Membership[],
    people: () => {
      people ??= loadPeople(deps.db, actor.tenantId);
      return people;
    },
  };
}

/** The people whose facts a set of subjects needs (undefined = everyone). */
function peopleFor(subjects: readonly Subject[], org: Org): string[] | undefined {
  if (subjects.some((s) => s.kind === 'tenant')) return undefined;
  // The company's root unit is everyone: reading every fact beats listing thousands of ids.
  const roots = new Set(org.units.filter((u) => u.parentId === null).map((u) => u.id));
  if (subjects.some((s) => s.kind === 'unit' && roots.has(s.id))) return undefined;
  const ids = new Set<string>();
  for (const s of subjects) {
    if (s.kind === 'person') ids.add(s.id);
    else if (s.kind === 'unit') {
      const prefix = org.units.find((u) => u.id === s.id)?.path;
      const inside = new Set(org.units.filter((u) => prefix && u.path.startsWith(prefix)).map((u) => u.id));
      for (const m of org.memberships) if (inside.has(m.unitId)) ids.add(m.personId);
    }
  }
  // Past a few thousand people an id list costs more than reading everyone's facts (the extra
  // people's tallies are credited to no subject asked for).
  return ids.size > MAX_LISTED_PEOPLE ? undefined : [...ids];
}

const MAX_LISTED_PEOPLE = 2_000;

/** CRM activity's denominator: every elapsed working day of the period, for every person asked for. */
async function activeDayTallies(
  deps: AppDeps,
  actor: Actor,
  period: Period,
  org: Org,
  personIds: string[] | undefined,
) {
  const last = elapsedEnd(period, actor.today);
  if (!last) return { workingDays: new Set<string>(), denominators: [] as DatedTally[] };
  const calendar = calendarFrom(
    (await loadCalendar(deps.db, actor.tenantId, period.start, last)) as Array<{
      date: string;
      kind: 'holiday' | 'workday';
    }>,
  );
  const days = workingDaysBetween(period.start, last, calendar);
  const people =
    personIds ?? (await org.people()).filter((p) => !p.leftOn || p.leftOn >= period.start).map((p) => p.id);
  const denominators: DatedTally[] = [];
  for (const personId of people) for (const factOn of days) denominators.push({ personId, factOn, num: 0, den: 1 });
  return { workingDays: new Set(days), denominators };
}

export async function tallyMetric(
  deps: AppDeps,
  actor: Actor,
  def: MetricDef,
  period: Period,
  org: Org,
  personIds: string[] | undefined,
): Promise<DatedTally[]> {
  const tallies = await tallyFacts(deps.db, deps.dialect, def.id, factParams(actor, period, personIds));
  if (def.id !== 'crm_active_days') return tallies;
  const { workingDays, denominators } = await activeDayTallies(deps, actor, period, org, personIds);
  return [...tallies.filter((t) => workingDays.has(t.factOn)), ...denominators];
}

function present(def: MetricDef, subject: Subject, tally: Tally | undefined): MetricValue {
  if (def.isPersonOnly && subject.kind !== 'person')
    return { metricId: def.id, subject, value: null, numerator: 0, denominator: null, note: 'person_only' };
  const value = tallyValue(def.aggregation, tally);
  return {
    metricId: def.id,
    subject,
    value,
    numerator: tally?.num ?? 0,
    denominator: def.aggregation === 'sum' ? null : (tally?.den ?? 0),
    ...(value === null ? { note: 'no_data' as const } : {}),
  };
}

const subjectKey = (s: Subject) => (s.kind === 'tenant' ? 'tenant' : `${s.kind}:${s.id}`);

/**
 * Values of metrics for a set of subjects, built-in or custom. Each metric is computed once per
 * call (a formula's references are shared), as one query over all the people the subjects need.
 */
function createEvaluator(
  deps: AppDeps,
  actor: Actor,
  period: Period,
  org: Org,
  subjects: Subject[],
  customs: Map<string, CustomMetric>,
) {
  const personIds = peopleFor(subjects, org);
  const memo = new Map<string, Promise<MetricValue[]>>();

  async function builtIn(def: MetricDef): Promise<MetricValue[]> {
    const tallies = await tallyMetric(deps, actor, def, period, org, personIds);
    const byPerson = creditToPeople(tallies);
    const byUnit = subjects.some((s) => s.kind === 'unit')
      ? creditToUnits(tallies, org.memberships, org.units)
      : undefined;
    return subjects.map((subject) =>
      present(
        def,
        subject,
        subject.kind === 'person'
          ? byPerson.get(subject.id)
          : subject.kind === 'unit'
            ? byUnit?.get(subject.id)
            : creditToTenant(tallies),
      ),
    );
  }

  async function aggregate(key: string, d: AggregateDefinition): Promise<MetricValue[]> {
    const facts = await loadCustomFacts(deps.db, deps.dialect, d, {
      tenantId: actor.tenantId,
      start: period.start,
      end: period.end,
      ...(personIds ? { personIds } : {}),
    });
    const groups = groupBySubject(facts, org.memberships, org.units);
    return subjects.map((subject) => {
      const r = reduceFacts(d.aggregate, groups.get(subjectKey(subject)) ?? []);
      return { metricId: key, subject, ...r, ...(r.value === null ? { note: 'no_data' as const } : {}) };
    });
  }

  async function formula(key: string, text: string): Promise<MetricValue[]> {
    const parsed = parseFormula(text);
    if (!parsed.ok)
      throw new ValidationError('metrics', [{ index: 0, field: key, code: 'format', reason: parsed.error.message }]);
    const refs = referencedMetrics(parsed.ast);
    const inputs = new Map<string, MetricValue[]>();
    for (const ref of refs) inputs.set(ref, await valuesOf(ref));
    return subjects.map((subject, i) => {
      const value = evaluateFormula(parsed.ast, (id) => inputs.get(id)?.[i]?.value ?? null);
      return {
        metricId: key,
        subject,
        value,
        numerator: value ?? 0,
        denominator: null,
        ...(value === null ? { note: 'no_data' as const } : {}),
      };
    });
  }

  function valuesOf(id: string): Promise<MetricValue[]> {
    let found = memo.get(id);
    if (!found) {
      const def = builtInMetric(id);
      const custom = customs.get(id);
      found = def
        ? builtIn(def)
        : custom?.definition.kind === 'aggregate'
          ? aggregate(id, custom.definition)
          : custom?.definition.kind === 'formula'
            ? formula(id, custom.definition.formula)
            : Promise.reject(
                new ValidationError('metrics', [
                  { index: 0, field: 'metrics', code: 'unknown_ref', reason: `no metric '${id}'` },
                ]),
              );
      memo.set(id, found);
    }
    return found;
  }
  return valuesOf;
}

export async function computeValues(
  deps: AppDeps,
  actor: Actor,
  input: { metricIds: string[]; subjects: Subject[]; periodKey: string; customs?: CustomMetric[] },
): Promise<{ period: Period; values: MetricValue[] }> {
  const period = resolvePeriod(actor, input.periodKey);
  const customList = input.customs ?? (await listCustomMetrics(deps.db, actor.tenantId));
  const customs = new Map(customList.map((c) => [c.key, c]));
  input.metricIds.forEach((id, index) => {
    if (!builtInMetric(id) && !customs.has(id))
      throw new ValidationError('metrics', [
        { index, field: 'metrics', code: 'unknown_ref', reason: `no metric '${id}'` },
      ]);
  });
  const org = await loadOrg(deps, actor, period, input.subjects);
  const valuesOf = createEvaluator(deps, actor, period, org, input.subjects, customs);
  const values: MetricValue[] = [];
  for (const id of input.metricIds) values.push(...(await valuesOf(id)));
  return { period, values };
}

/** A unit broken down by its members (people credited to it in the period) or its child units. */
export async function computeBreakdown(
  deps: AppDeps,
  actor: Actor,
  input: { metricIds: string[]; unitId: string; by: 'member' | 'child'; periodKey: string },
) {
  const period = resolvePeriod(actor, input.periodKey);
  const org = await loadOrg(deps, actor, period, [{ kind: 'unit', id: input.unitId }]);
  const pathOf = new Map(org.units.map((u) => [u.id, u.path]));
  const unit = org.units.find((u) => u.id === input.unitId);
  if (!unit)
    throw new ValidationError('metrics', [
      { index: 0, field: 'unitId', code: 'unknown_ref', reason: `no unit ${input.unitId}` },
    ]);
  const subjects: Subject[] =
    input.by === 'child'
      ? org.units.filter((u) => u.parentId === unit.id).map((u) => ({ kind: 'unit' as const, id: u.id }))
      : [
          ...new Set(org.memberships.filter((m) => pathOf.get(m.unitId)?.startsWith(unit.path)).map((m) => m.personId)),
        ].map((id) => ({ kind: 'person' as const, id }));
  const result = await computeValues(deps, actor, {
    metricIds: input.metricIds,
    subjects: [...subjects, { kind: 'unit', id: unit.id }],
    periodKey: period.key,
  });
  return { ...result, rows: subjects };
}
