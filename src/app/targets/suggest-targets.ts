import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { loadCalendar, loadMemberships, loadPeople, loadUnits } from '../../db/repositories/org.repository.ts';
import { peopleInScope } from '../../db/repositories/records.repository.ts';
import {
  decideSuggestion,
  insertSuggestions,
  listSuggestions,
  type SuggestionRow,
} from '../../db/repositories/target-suggestions.repository.ts';
import { findTargets, targetKeyOf } from '../../db/repositories/targets.repository.ts';
import { isSplitByParts } from '../../domain/targets/decompose.ts';
import {
  type Proposal,
  proposeFromHistory,
  proposeRestOfPeriod,
  type Reasoning,
} from '../../domain/targets/suggest.ts';
import { addDays } from '../../domain/time/dates.ts';
import { type Period, periodSeries, shiftPeriod } from '../../domain/time/periods.ts';
import { calendarFrom, countWorkingDays } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { computeValues, resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { assertCanTarget, metricDefs, setTargets, subjectColumns, subjectOfRow } from './set-targets.ts';

// Target suggestions 智能目标调整 (issue 5): proposals for a unit's people, stored beside the
// current target with their reasoning (status proposed). Nothing changes until a manager of the
// person's unit, or an admin, approves: the target is then written through set-targets, so its
// history keeps who, when, old, new and why ("from suggestion <id>: <reason>"). Rejecting keeps
// who and why. Generating again for the same target supersedes the pending suggestion.

export type SuggestionMethod = 'rest_of_period' | 'history';

export type GenerateInput = {
  metricId: string;
  unitId: string;
  periodKey: string;
  method: SuggestionMethod;
  marketFactor: number;
  percentile: number;
  historyCount: number;
};

export type SuggestionView = {
  id: string;
  metricId: string;
  subject: Subject;
  name: string;
  periodKey: string;
  method: SuggestionMethod;
  /** The target when the suggestion was made, and now. */
  valueWhenProposed: number | null;
  currentValue: number | null;
  proposedValue: number;
  reasoning: Reasoning;
  status: 'proposed' | 'approved' | 'rejected' | 'superseded';
  createdAt: string;
  createdByUserId: string | null;
  decidedAt: string | null;
  decidedByUserId: string | null;
  decisionReason: string | null;
};

function refused(field: string, reason: string): never {
  throw new ValidationError('targetSuggestions', [{ index: 0, field, code: 'rule', reason }]);
}

/** The same calendar date a year earlier (29 February becomes the 28th). */
const lastYear = (date: string) => {
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${Number(date.slice(0, 4)) - 1}-${md}`;
};

async function valuesOf(deps: AppDeps, actor: Actor, metricId: string, people: string[], range: Period | string) {
  const periodKey = typeof range === 'string' ? range : range.key;
  const { values } = await computeValues(deps, actor, {
    metricIds: [metricId],
    subjects: people.map((id) => ({ kind: 'person' as const, id })),
    periodKey,
  });
  return new Map(values.map((v) => [(v.subject as { id: string }).id, v.value ?? 0]));
}

export async function generateSuggestions(deps: AppDeps, actor: Actor, input: GenerateInput) {
  await assertCanTarget(deps, actor, [{ kind: 'unit', id: input.unitId }]);
  const period = resolvePeriod(actor, input.periodKey);
  const def = (await metricDefs(deps, actor)).get(input.metricId);
  if (!def) refused('metricId', `no metric '${input.metricId}'`);
  if (!isSplitByParts(def.aggregation))
    refused('metricId', `suggestions are for additive targets; ${input.metricId} is a ${def.aggregation}`);
  const [units, memberships, people] = await Promise.all([
    loadUnits(deps.db, actor.tenantId),
    loadMemberships(deps.db, actor.tenantId, period),
    loadPeople(deps.db, actor.tenantId),
  ]);
  const unit = units.find((u) => u.id === input.unitId);
  if (!unit) refused('unitId', `no unit ${input.unitId}`);
  const inUnit = new Set(units.filter((u) => u.path.startsWith(unit.path)).map((u) => u.id));
  const personIds = people
    .filter((p) => memberships.some((m) => m.personId === p.id && inUnit.has(m.unitId)))
    .map((p) => p.id);
  if (personIds.length === 0) refused('unitId', `${unit.name} has no people in ${period.key}`);
  await assertCanTarget(
    deps,
    actor,
    personIds.map((id) => ({ kind: 'person', id })),
  );

  const proposals =
    input.method === 'rest_of_period'
      ? await restOfPeriod(deps, actor, input, period, personIds)
      : await fromHistory(deps, actor, input, period, personIds, people);
  const current = await findTargets(
    deps.db,
    actor.tenantId,
    personIds.map((id) => ({ metricId: input.metricId, subjectKind: 'person', subjectId: id, periodKey: period.key })),
  );
  const rows: SuggestionRow[] = [];
  const skipped: Array<{ personId: string; name: string; code: string; reason: string }> = [];
  personIds.forEach((personId, i) => {
    const proposal = proposals[i] as Proposal<Reasoning>;
    const name = people.find((p) => p.id === personId)?.name ?? personId;
    if (!proposal.ok) {
      skipped.push({ personId, name, code: proposal.code, reason: proposal.reason });
      return;
    }
    const key = { metricId: input.metricId, subjectKind: 'person', subjectId: personId, periodKey: period.key };
    rows.push({
      id: uuidv7(),
      ...key,
      method: input.method,
      currentValue: current.get(targetKeyOf(key))?.value ?? null,
      proposedValue: proposal.proposal,
      reasoningJson: JSON.stringify(proposal.reasoning),
      status: 'proposed',
      createdAt: actor.now,
      createdByUserId: actor.userId,
      decidedAt: null,
      decidedByUserId: null,
      decisionReason: null,
    });
  });
  if (rows.length > 0) await deps.db.transaction().execute((tx) => insertSuggestions(tx, actor.tenantId, rows));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return { suggestions: rows.map((r) => present(r, names, current.get(targetKeyOf(r))?.value ?? null)), skipped };
}

async function restOfPeriod(deps: AppDeps, actor: Actor, input: GenerateInput, period: Period, people: string[]) {
  if (actor.today > period.end)
    refused('periodKey', `${period.key} ended on ${period.end}: propose for a period that is still running`);
  if (actor.today < period.start)
    refused('periodKey', `${period.key} has not started yet: propose from history for a new period`);
  const calendar = calendarFrom(
    (await loadCalendar(deps.db, actor.tenantId, lastYear(period.start), period.end)) as Array<{
      date: string;
      kind: 'holiday' | 'workday';
    }>,
  );
  const elapsedEnd = actor.today;
  const hasRemaining = elapsedEnd < period.end;
  const elapsed = countWorkingDays(period.start, elapsedEnd, calendar);
  const remaining = hasRemaining ? countWorkingDays(addDays(elapsedEnd, 1), period.end, calendar) : 0;
  const [actuals, lyElapsed, lyRemaining] = await Promise.all([
    valuesOf(deps, actor, input.metricId, people, `${period.start}..${elapsedEnd}`),
    valuesOf(deps, actor, input.metricId, people, `${lastYear(period.start)}..${lastYear(elapsedEnd)}`),
    hasRemaining
      ? valuesOf(deps, actor, input.metricId, people, `${lastYear(addDays(elapsedEnd, 1))}..${lastYear(period.end)}`)
      : Promise.resolve(new Map<string, number>()),
  ]);
  return people.map((id) =>
    proposeRestOfPeriod({
      actualToDate: actuals.get(id) ?? 0,
      elapsedWorkingDays: elapsed,
      remainingWorkingDays: remaining,
      lastYearElapsed: lyElapsed.get(id) ?? 0,
      lastYearRemaining: lyRemaining.get(id) ?? 0,
      marketFactor: input.marketFactor,
    }),
  );
}

async function fromHistory(
  deps: AppDeps,
  actor: Actor,
  input: GenerateInput,
  period: Period,
  people: string[],
  everyone: Array<{ id: string; hiredOn: string | null }>,
) {
  if (period.kind !== 'month' && period.kind !== 'week')
    refused('periodKey', `a history-based proposal is for a month or a week; ${period.key} is a ${period.kind}`);
  const fiscal = { fiscalYearStartMonth: actor.fiscalYearStartMonth };
  const past = periodSeries(period.kind, shiftPeriod(period, -1, fiscal).end, input.historyCount, fiscal);
  // One query per past period, for all the people at once.
  const series: Array<Map<string, number>> = [];
  for (const p of past) series.push(await valuesOf(deps, actor, input.metricId, people, p));
  const hired = new Map(everyone.map((p) => [p.id, p.hiredOn]));
  return people.map((id) => {
    // Periods that ended before the person was hired say nothing about them.
    const since = hired.get(id) ?? '';
    const history = past
      .map((p, i) => ({ periodKey: p.key, end: p.end, actual: series[i]?.get(id) ?? 0 }))
      .filter((h) => h.end >= since)
      .map(({ periodKey, actual }) => ({ periodKey, actual }));
    return proposeFromHistory({ history, percentile: input.percentile, marketFactor: input.marketFactor });
  });
}

function present(r: SuggestionRow, names: ReadonlyMap<string, string>, currentValue: number | null): SuggestionView {
  return {
    id: r.id,
    metricId: r.metricId,
    subject: subjectOfRow(r),
    name: names.get(r.subjectId) ?? r.subjectId,
    periodKey: r.periodKey,
    method: r.method as SuggestionMethod,
    valueWhenProposed: r.currentValue,
    currentValue,
    proposedValue: r.proposedValue,
    reasoning: JSON.parse(r.reasoningJson) as Reasoning,
    status: r.status as SuggestionView['status'],
    createdAt: r.createdAt,
    createdByUserId: r.createdByUserId,
    decidedAt: r.decidedAt,
    decidedByUserId: r.decidedByUserId,
    decisionReason: r.decisionReason,
  };
}

/** Suggestions the actor may see (a person's are as private as their targets), with the targets now. */
export async function findSuggestions(
  deps: AppDeps,
  actor: Actor,
  filter: { metricId?: string; periodKey?: string; status?: string; id?: string },
): Promise<SuggestionView[]> {
  const rows = await listSuggestions(deps.db, actor.tenantId, filter);
  const visible = await peopleInScope(
    deps.db,
    actor,
    rows.filter((r) => r.subjectKind === 'person').map((r) => r.subjectId),
  );
  const seen = rows.filter((r) => r.subjectKind !== 'person' || visible.has(r.subjectId));
  const [people, current] = await Promise.all([
    loadPeople(deps.db, actor.tenantId),
    findTargets(deps.db, actor.tenantId, seen),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return seen.map((r) => present(r, names, current.get(targetKeyOf(r))?.value ?? null));
}

async function pending(deps: AppDeps, actor: Actor, id: string) {
  const [found] = await findSuggestions(deps, actor, { id });
  if (!found) throw new NotFoundError('targetSuggestions', id);
  await assertCanTarget(deps, actor, [found.subject]);
  if (found.status !== 'proposed')
    throw new ConflictError(`suggestion ${id} is already ${found.status}`, 'targetSuggestions', id);
  return found;
}

const notPending = (id: string) =>
  new ConflictError(`suggestion ${id} was decided by someone else meanwhile`, 'targetSuggestions', id);

function summary(s: SuggestionView): string {
  const r = s.reasoning;
  const factor = r.marketFactor === 1 ? '' : `, market factor ${r.marketFactor}`;
  return r.method === 'history'
    ? `P${r.percentile} of the last ${r.history.length} periods${factor}`
    : `rest of period by ${r.basis === 'seasonality' ? 'seasonality' : 'run rate'}${factor}`;
}

export async function approveSuggestion(deps: AppDeps, actor: Actor, id: string, reason?: string) {
  const s = await pending(deps, actor, id);
  const [current] = await findTargets(deps.db, actor.tenantId, [
    { metricId: s.metricId, ...subjectColumns(s.subject), periodKey: s.periodKey },
  ]).then((m) => [...m.values()]);
  const why = `from suggestion ${id}: ${reason?.trim() || summary(s)}`;
  await setTargets(
    deps,
    actor,
    [
      {
        metricId: s.metricId,
        subject: s.subject,
        periodKey: s.periodKey,
        value: s.proposedValue,
        isLocked: current?.isLocked === 1,
        reason: why,
      },
    ],
    'suggestion',
    {
      afterWrite: async (tx) => {
        const n = await decideSuggestion(tx, actor.tenantId, id, {
          status: 'approved',
          at: actor.now,
          userId: actor.userId,
          reason: reason?.trim() || null,
        });
        if (n !== 1) throw notPending(id);
      },
    },
  );
  return (await findSuggestions(deps, actor, { id }))[0] as SuggestionView;
}

export async function rejectSuggestion(deps: AppDeps, actor: Actor, id: string, reason: string) {
  if (!reason.trim()) refused('reason', 'say why the suggestion is rejected');
  await pending(deps, actor, id);
  await deps.db.transaction().execute(async (tx) => {
    const n = await decideSuggestion(tx, actor.tenantId, id, {
      status: 'rejected',
      at: actor.now,
      userId: actor.userId,
      reason: reason.trim(),
    });
    if (n !== 1) throw notPending(id);
    await appendAudit(tx, actor.tenantId, [
      {
        id: uuidv7(),
        at: actor.now,
        actorUserId: actor.userId,
        action: 'reject',
        recordKind: 'targetSuggestions',
        recordId: id,
        beforeJson: null,
        afterJson: null,
        reason: reason.trim(),
      },
    ]);
  });
  return (await findSuggestions(deps, actor, { id }))[0] as SuggestionView;
}
