import { loadMemberships, loadPeople, loadUnits } from '../../db/repositories/org.repository.ts';
import { decomposeByOrg, inheritedTarget, isSplitByParts, type OrgMethod } from '../../domain/targets/decompose.ts';
import { yearToMonths } from '../../domain/targets/decompose-time.ts';
import type { Refusal } from '../../domain/targets/largest-remainder.ts';
import { periodSeries, shiftPeriod } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { computeValues, resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { type Proration, prorateMembers, prorationNote, rememberShares } from './prorate-targets.ts';
import { assertCanTarget, findTargetsFor, metricDefs, setTargets } from './set-targets.ts';

// Decomposition 目标分解 (spec 4): a unit's target split among its child units (or, for a team,
// its members) by equal shares, headcount, last year's actual share or manual percentages; a year
// split into months by last year's seasonality. Parts always sum exactly to the whole; locked
// cells keep their value and the others absorb the difference. `apply: false` previews.

export type Part = {
  subject: Subject;
  name: string;
  value: number;
  isLocked: boolean;
  /** For a member's share of a team target: the full-period share and the working days behind it. */
  proration?: Proration;
};

function refused(field: string, reason: string): never {
  throw new ValidationError('targets', [{ index: 0, field, code: 'rule', reason }]);
}

/** A refused split, with its numbers (`locked`, `whole`, in cents or counts) for the UI to word. */
function refusedSplit(field: string, refusal: Refusal): never {
  const { lockedSum, ...rest } = refusal.params;
  const params = { refusal: refusal.code, ...rest, ...(lockedSum !== undefined ? { locked: lockedSum } : {}) };
  throw new ValidationError('targets', [{ index: 0, field, code: 'decomposition', reason: refusal.reason, params }]);
}

async function parentTarget(deps: AppDeps, actor: Actor, metricId: string, subject: Subject, periodKey: string) {
  const [target] = (await findTargetsFor(deps, actor, { metricId, subject, periodKey })).filter(
    (t) => t.periodKey === periodKey,
  );
  if (!target)
    throw new ValidationError('targets', [
      {
        index: 0,
        field: 'periodKey',
        code: 'decomposition',
        reason: `set the target of ${metricId} for this ${subject.kind} and ${periodKey} first`,
        params: { refusal: 'no_whole', metricId, periodKey },
      },
    ]);
  return target.value;
}

export async function decomposeByOrganisation(
  deps: AppDeps,
  actor: Actor,
  input: {
    metricId: string;
    unitId: string;
    periodKey: string;
    method: OrgMethod;
    locks?: Record<string, number>;
    manualPct?: Record<string, number>;
    apply: boolean;
    reason?: string;
  },
) {
  const unitSubject: Subject = { kind: 'unit', id: input.unitId };
  await assertCanTarget(deps, actor, [unitSubject]);
  const period = resolvePeriod(actor, input.periodKey);
  const def = (await metricDefs(deps, actor)).get(input.metricId);
  if (!def) refused('metricId', `no metric '${input.metricId}'`);
  const whole = await parentTarget(deps, actor, input.metricId, unitSubject, period.key);
  const [units, memberships, people] = await Promise.all([
    loadUnits(deps.db, actor.tenantId),
    loadMemberships(deps.db, actor.tenantId, period),
    loadPeople(deps.db, actor.tenantId),
  ]);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const unit = units.find((u) => u.id === input.unitId);
  if (!unit) refused('unitId', `no unit ${input.unitId}`);
  const childUnits = units.filter((u) => u.parentId === unit.id);
  // Members in name order (as people are listed), so a split's ties always go the same way.
  const memberIds = new Set(memberships.filter((m) => m.unitId === unit.id).map((m) => m.personId));
  const members = people.filter((p) => memberIds.has(p.id)).map((p) => p.id);
  const children: Array<{ subject: Subject; name: string; headcount: number }> =
    childUnits.length > 0
      ? childUnits.map((u) => ({
          subject: { kind: 'unit', id: u.id },
          name: u.name,
          headcount: new Set(memberships.filter((m) => pathOf.get(m.unitId)?.startsWith(u.path)).map((m) => m.personId))
            .size,
        }))
      : members.map((id) => ({
          subject: { kind: 'person', id },
          name: people.find((p) => p.id === id)?.name ?? id,
          headcount: 1,
        }));
  if (children.length === 0) refused('unitId', `${unit.name} has no child units or members in ${period.key}`);
  const idOf = (s: Subject) => (s.kind === 'tenant' ? 'tenant' : s.id);

  let values: number[];
  if (!isSplitByParts(def.aggregation)) {
    values = inheritedTarget(whole, children).map((c) => c.target);
  } else {
    const lastYear =
      input.method === 'last_year'
        ? (
            await computeValues(deps, actor, {
              metricIds: [input.metricId],
              subjects: children.map((c) => c.subject),
              periodKey: shiftPeriod(period, period.kind === 'month' ? -12 : period.kind === 'quarter' ? -4 : -1, {
                fiscalYearStartMonth: actor.fiscalYearStartMonth,
              }).key,
            })
          ).values.map((v) => v.value ?? 0)
        : [];
    const split = decomposeByOrg(
      whole,
      children.map((c, i) => ({
        id: idOf(c.subject),
        headcount: c.headcount,
        lastYearActual: lastYear[i],
        manualPct: input.manualPct?.[idOf(c.subject)],
        locked: input.locks?.[idOf(c.subject)],
      })),
      input.method,
    );
    if (!split.ok) refusedSplit(input.method === 'manual' ? 'manualPct' : 'locks', split);
    values = split.parts.map((p) => p.amount);
  }
  let parts: Part[] = children.map((c, i) => ({
    subject: c.subject,
    name: c.name,
    value: values[i] ?? 0,
    isLocked: input.locks?.[idOf(c.subject)] !== undefined,
  }));
  // People who join or leave mid-period get a pro-rated share (spec 4); see prorate-targets.ts.
  const isToMembers = childUnits.length === 0 && isSplitByParts(def.aggregation);
  let unallocated = 0;
  if (isToMembers) ({ parts, unallocated } = await prorateMembers(deps, actor, unit.id, period, memberships, parts));
  if (input.apply)
    await setTargets(
      deps,
      actor,
      parts.map((p) => ({
        metricId: input.metricId,
        subject: p.subject,
        periodKey: period.key,
        value: p.value,
        isLocked: p.isLocked,
        reason: input.reason ?? `decomposed from ${unit.name}${p.proration ? `, ${prorationNote(p.proration)}` : ''}`,
      })),
      'decomposed',
      isToMembers ? { afterWrite: (tx, written) => rememberShares(tx, actor, unit.id, parts, written) } : {},
    );
  return { whole, period, parts, unallocated };
}

/** A year's target into its 12 months, weighted by last year's monthly actuals (even without them). */
export async function decomposeByTime(
  deps: AppDeps,
  actor: Actor,
  input: {
    metricId: string;
    subject: Subject;
    periodKey: string;
    locks?: Record<string, number>;
    apply: boolean;
    reason?: string;
  },
) {
  await assertCanTarget(deps, actor, [input.subject]);
  const period = resolvePeriod(actor, input.periodKey);
  if (period.kind !== 'year') refused('periodKey', `split a year into months; ${period.key} is a ${period.kind}`);
  const def = (await metricDefs(deps, actor)).get(input.metricId);
  if (!def) refused('metricId', `no metric '${input.metricId}'`);
  const whole = await parentTarget(deps, actor, input.metricId, input.subject, period.key);
  const fiscal = { fiscalYearStartMonth: actor.fiscalYearStartMonth };
  const months = periodSeries('month', period.end, 12, fiscal);
  let values: number[];
  if (!isSplitByParts(def.aggregation)) values = months.map(() => whole);
  else {
    const lastYearMonths = await Promise.all(
      months.map(async (m) => {
        const { values: v } = await computeValues(deps, actor, {
          metricIds: [input.metricId],
          subjects: [input.subject],
          periodKey: shiftPeriod(m, -12, fiscal).key,
        });
        return v[0]?.value ?? 0;
      }),
    );
    // Without a positive total last year, the months weigh the same (the split's own rule).
    const split = yearToMonths(
      whole,
      lastYearMonths,
      months.map((m) => input.locks?.[m.key]),
    );
    if (!split.ok) refusedSplit('locks', split);
    values = split.amounts;
  }
  const parts = months.map((m, i) => ({
    periodKey: m.key,
    value: values[i] ?? 0,
    isLocked: input.locks?.[m.key] !== undefined,
  }));
  if (input.apply)
    await setTargets(
      deps,
      actor,
      parts.map((p) => ({
        metricId: input.metricId,
        subject: input.subject,
        periodKey: p.periodKey,
        value: p.value,
        isLocked: p.isLocked,
        reason: input.reason ?? `decomposed from ${period.key}`,
      })),
      'decomposed',
    );
  return { whole, period, parts };
}
