import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { loadPeople, loadUnits } from '../../db/repositories/org.repository.ts';
import { type Executor, peopleInScope } from '../../db/repositories/records.repository.ts';
import {
  findTargets,
  listTargets,
  type TargetRow,
  targetHistory,
  targetKeyOf,
  upsertTargets,
} from '../../db/repositories/targets.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { checkTargetValue } from '../../domain/targets/target-value.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { metricCatalog } from '../metrics/manage-custom-metrics.ts';
import type { RowIssue } from '../records/save-records.ts';
import { assertReasonForClosed } from '../scoring/closed-periods.ts';

// Targets 目标 (spec 4): (metric, subject, period) -> value. Every change keeps who, when, old,
// new and why. Admins set any target; a manager the targets of their units and their people.

export type TargetInput = {
  metricId: string;
  subject: Subject;
  periodKey: string;
  value: number;
  isLocked?: boolean;
  reason?: string;
};

export type TargetView = {
  id: string;
  metricId: string;
  subject: Subject;
  periodKey: string;
  start: string;
  end: string;
  value: number;
  isLocked: boolean;
  source: string;
  updatedAt: string;
};

export const subjectColumns = (s: Subject) => ({ subjectKind: s.kind, subjectId: s.kind === 'tenant' ? '' : s.id });
export const subjectOfRow = (r: { subjectKind: string; subjectId: string }): Subject =>
  r.subjectKind === 'tenant' ? { kind: 'tenant' } : { kind: r.subjectKind as 'person' | 'unit', id: r.subjectId };

export const presentTarget = (r: TargetRow): TargetView => ({
  id: r.id,
  metricId: r.metricId,
  subject: subjectOfRow(r),
  periodKey: r.periodKey,
  start: r.startOn,
  end: r.endOn,
  value: r.value,
  isLocked: r.isLocked === 1,
  source: r.source,
  updatedAt: r.updatedAt,
});

export async function metricDefs(deps: AppDeps, actor: Actor): Promise<Map<string, MetricDef>> {
  return new Map((await metricCatalog(deps, actor)).map((m) => [m.id, m]));
}

/** Subjects the actor may set targets for; refuses the first that is not, naming it. */
export async function assertCanTarget(deps: AppDeps, actor: Actor, subjects: readonly Subject[]) {
  if (actor.role === 'admin') return;
  if (actor.role !== 'manager') throw new ForbiddenError(`a ${actor.role} does not set targets`);
  const units = await loadUnits(deps.db, actor.tenantId);
  const people = subjects.flatMap((s) => (s.kind === 'person' ? [s.id] : []));
  const visible = await peopleInScope(deps.db, actor, people);
  for (const s of subjects) {
    if (s.kind === 'tenant') throw new ForbiddenError('only an admin sets the company target');
    if (s.kind === 'person' && !visible.has(s.id)) throw new ForbiddenError(`person ${s.id} is not in your teams`);
    if (s.kind === 'unit') {
      const path = units.find((u) => u.id === s.id)?.path ?? '';
      if (!actor.managedUnitPaths.some((p) => path.startsWith(p)))
        throw new ForbiddenError(`unit ${s.id} is not one you manage`);
    }
  }
}

/** Sets targets all or nothing: every bad row is reported with its field and reason. */
export async function setTargets(
  deps: AppDeps,
  actor: Actor,
  inputs: TargetInput[],
  source = 'manual',
  options: {
    /** Runs in the same transaction after the targets are written (throw to roll everything back). */
    afterWrite?: (tx: Executor, written: TargetView[]) => Promise<void>;
  } = {},
): Promise<TargetView[]> {
  await assertCanTarget(
    deps,
    actor,
    inputs.map((i) => i.subject),
  );
  const [defs, units, people] = await Promise.all([
    metricDefs(deps, actor),
    loadUnits(deps.db, actor.tenantId),
    loadPeople(deps.db, actor.tenantId),
  ]);
  const unitIds = new Set(units.map((u) => u.id));
  const personIds = new Set(people.map((p) => p.id));
  const issues: RowIssue[] = [];
  const rows = inputs.map((input, index) => {
    const issue = (field: string, code: RowIssue['code'], reason: string) =>
      issues.push({ index, field, code, reason });
    const def = defs.get(input.metricId);
    if (!def) issue('metricId', 'unknown_ref', `no metric '${input.metricId}'`);
    if (input.subject.kind === 'unit' && !unitIds.has(input.subject.id))
      issue('subject', 'unknown_ref', `no unit ${input.subject.id}`);
    if (input.subject.kind === 'person' && !personIds.has(input.subject.id))
      issue('subject', 'unknown_ref', `no person ${input.subject.id}`);
    let period: ReturnType<typeof resolvePeriod> | undefined;
    try {
      period = resolvePeriod(actor, input.periodKey);
    } catch (error) {
      issue('periodKey', 'format', (error as ValidationError).issues?.[0]?.reason ?? String(error));
    }
    if (def) {
      const check = checkTargetValue(def, input.value);
      if (!check.ok) issue('value', 'range', check.reason);
    }
    return { input, period };
  });
  if (issues.length > 0) throw new ValidationError('targets', issues);
  await assertReasonForClosed(
    deps,
    actor,
    rows.map(({ input, period }) => ({ start: period?.start ?? '', end: period?.end ?? '', reason: input.reason })),
  );
  const keys = rows.map(({ input, period }) => ({
    metricId: input.metricId,
    ...subjectColumns(input.subject),
    periodKey: period?.key ?? '',
  }));
  const existing = await findTargets(deps.db, actor.tenantId, keys);
  const writes = rows.map(({ input, period }, i) => {
    const key = keys[i] as (typeof keys)[number];
    const found = existing.get(targetKeyOf(key));
    return {
      ...(found ? { existing: found } : {}),
      row: {
        id: found?.id ?? uuidv7(),
        ...key,
        startOn: period?.start ?? '',
        endOn: period?.end ?? '',
        value: input.value,
        isLocked: input.isLocked ? 1 : 0,
        source,
      },
      reason: input.reason?.trim() || null,
    };
  });
  const changed = writes.filter(
    (w) => !w.existing || w.existing.value !== w.row.value || w.existing.isLocked !== w.row.isLocked,
  );
  const present = () =>
    writes.map((w) =>
      presentTarget({ ...w.row, updatedAt: changed.includes(w) ? actor.now : (w.existing?.updatedAt ?? actor.now) }),
    );
  await deps.db.transaction().execute(async (tx) => {
    await upsertTargets(tx, actor.tenantId, changed, actor, uuidv7);
    if (changed.length > 0)
      await appendAudit(
        tx,
        actor.tenantId,
        changed.map((w) => ({
          id: uuidv7(),
          at: actor.now,
          actorUserId: actor.userId,
          action: w.existing ? 'update' : 'create',
          recordKind: 'targets',
          recordId: w.row.id,
          beforeJson: w.existing ? JSON.stringify(w.existing) : null,
          afterJson: JSON.stringify(w.row),
          reason: w.reason,
        })),
      );
    await options.afterWrite?.(tx, present());
  });
  return present();
}

export async function findTargetsFor(
  deps: AppDeps,
  actor: Actor,
  filter: { metricId?: string; subject?: Subject; periodKey?: string },
): Promise<TargetView[]> {
  const period = filter.periodKey ? resolvePeriod(actor, filter.periodKey) : undefined;
  const rows = await listTargets(deps.db, actor.tenantId, {
    ...(filter.metricId ? { metricId: filter.metricId } : {}),
    ...(filter.subject ? subjectColumns(filter.subject) : {}),
    ...(period ? { overlapping: { start: period.start, end: period.end } } : {}),
  });
  // A person's targets are personal: the same scope as their records; unit targets are for all.
  const people = rows.filter((r) => r.subjectKind === 'person').map((r) => r.subjectId);
  const visible = await peopleInScope(deps.db, actor, people);
  return rows.filter((r) => r.subjectKind !== 'person' || visible.has(r.subjectId)).map(presentTarget);
}

export async function historyOf(deps: AppDeps, actor: Actor, targetId: string) {
  const [target] = await listTargets(deps.db, actor.tenantId, { id: targetId });
  if (!target) throw new NotFoundError('targets', targetId);
  if (
    target.subjectKind === 'person' &&
    !(await peopleInScope(deps.db, actor, [target.subjectId])).has(target.subjectId)
  )
    throw new NotFoundError('targets', targetId);
  return targetHistory(deps.db, actor.tenantId, targetId);
}
