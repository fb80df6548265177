import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { loadCalendar, loadMemberships } from '../../db/repositories/org.repository.ts';
import { closesOverlapping } from '../../db/repositories/period-close.repository.ts';
import type { Executor } from '../../db/repositories/records.repository.ts';
import { saveShares, shareGroupsOf } from '../../db/repositories/target-shares.repository.ts';
import { findTargets, targetKeyOf, upsertTargets } from '../../db/repositories/targets.repository.ts';
import type { MembershipSpan } from '../../domain/targets/decompose-time.ts';
import { prorateShares } from '../../domain/targets/prorate-shares.ts';
import type { Period } from '../../domain/time/periods.ts';
import { calendarFrom, type TenantCalendar } from '../../domain/time/working-days.ts';
import type { Actor, AppDeps } from '../context.ts';
import type { Part } from './decompose-target.ts';
import type { TargetView } from './set-targets.ts';

// Pro-rating 按在岗天数折算 (spec 4) wired into the targets: a team target decomposed to its people
// gives a person who joins or leaves mid-period their share x working days of membership / working
// days of the period, rounded half up; the members present the whole period absorb the rest (see
// domain/targets/prorate-shares.ts). Each member's full-period share is kept (`target_shares`), so
// when a membership later starts or ends inside such a period, the team is pro-rated again from
// those shares, in the same transaction as the membership change. Targets set by hand (locked, or
// entered manually, imported or approved from a suggestion) are never changed.

export type Proration = {
  full: number;
  memberDays: number;
  periodDays: number;
  absorbed: number;
  isWholePeriod: boolean;
};

type MembershipRow = { personId: string; unitId: string; startOn: string; endOn: string | null };

/** A person's span in a unit: the earliest start and the latest end of their memberships there. */
function spanIn(memberships: readonly MembershipRow[], personId: string, unitId: string): MembershipSpan | null {
  const own = memberships.filter((m) => m.personId === personId && m.unitId === unitId);
  if (own.length === 0) return null;
  const start = own.map((m) => m.startOn).sort()[0] as string;
  const end = own.some((m) => m.endOn === null)
    ? null
    : (own
        .map((m) => m.endOn as string)
        .sort()
        .at(-1) as string);
  return { start, end };
}

async function calendarOf(db: Db, tenantId: string, start: string, end: string): Promise<TenantCalendar> {
  return calendarFrom(
    (await loadCalendar(db, tenantId, start, end)) as Array<{ date: string; kind: 'holiday' | 'workday' }>,
  );
}

export function prorationNote(p: Proration): string {
  if (!p.isWholePeriod) return `pro-rated: ${p.memberDays} of ${p.periodDays} working days`;
  return p.absorbed > 0 ? `absorbs ${p.absorbed} from members who joined or left mid-period` : 'whole period';
}

/** The members' split of a team target, pro-rated for those who were not there the whole period. */
export async function prorateMembers(
  deps: AppDeps,
  actor: Actor,
  unitId: string,
  period: Period,
  memberships: readonly MembershipRow[],
  parts: Part[],
): Promise<{ parts: Part[]; unallocated: number }> {
  const calendar = await calendarOf(deps.db, actor.tenantId, period.start, period.end);
  const result = prorateShares(
    parts.map((p) => {
      const id = p.subject.kind === 'person' ? p.subject.id : '';
      return {
        id,
        full: p.value,
        locked: p.isLocked ? p.value : undefined,
        membership: spanIn(memberships, id, unitId),
      };
    }),
    period,
    calendar,
  );
  return {
    parts: parts.map((p, i) => {
      const r = result.parts[i];
      if (!r || r.isLocked) return p;
      const { full, memberDays, periodDays, absorbed, isWholePeriod } = r;
      return { ...p, value: r.amount, proration: { full, memberDays, periodDays, absorbed, isWholePeriod } };
    }),
    unallocated: result.unallocated,
  };
}

/** Keeps each unlocked member's full-period share beside the target just written. */
export async function rememberShares(
  tx: Executor,
  actor: Actor,
  unitId: string,
  parts: readonly Part[],
  written: readonly TargetView[],
) {
  const idOf = new Map(written.map((t) => [t.subject.kind === 'person' ? t.subject.id : '', t.id]));
  const shares = parts.flatMap((p) => {
    const targetId = p.subject.kind === 'person' ? idOf.get(p.subject.id) : undefined;
    return targetId && p.proration ? [{ targetId, unitId, fullValue: p.proration.full }] : [];
  });
  await saveShares(tx, actor.tenantId, shares);
}

const BY_HAND = new Set(['manual', 'import', 'suggestion']);

/**
 * After memberships of `personIds` changed (inside the write's transaction): pro-rates again every
 * team target those people have a share of, for periods not yet over before `since` and not closed.
 */
export async function prorateAfterMembershipChange(
  tx: Executor,
  actor: Actor,
  personIds: readonly string[],
  since: string,
) {
  if (personIds.length === 0) return;
  const db = tx as Db;
  const rows = await shareGroupsOf(db, actor.tenantId, personIds, since);
  if (rows.length === 0) return;
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.unitId}|${r.metricId}|${r.periodKey}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const start = rows.map((r) => r.startOn).sort()[0] as string;
  const end = rows
    .map((r) => r.endOn)
    .sort()
    .at(-1) as string;
  const [memberships, calendar, closes] = await Promise.all([
    loadMemberships(db, actor.tenantId, { start, end }),
    calendarOf(db, actor.tenantId, start, end),
    closesOverlapping(db, actor.tenantId, start, end),
  ]);
  const changes: Array<{ targetId: string; value: number; note: string }> = [];
  for (const group of groups.values()) {
    const first = group[0] as (typeof group)[number];
    const period = { start: first.startOn, end: first.endOn };
    // A closed period's targets are frozen: changing them needs a person and a reason.
    if (closes.some((c) => c.status === 'closed' && c.startOn <= period.end && c.endOn >= period.start)) continue;
    const result = prorateShares(
      group.map((r) => ({
        id: r.targetId,
        full: r.fullValue,
        locked: r.isLocked === 1 || BY_HAND.has(r.source) ? r.value : undefined,
        membership: spanIn(memberships, r.personId, r.unitId),
      })),
      period,
      calendar,
    );
    result.parts.forEach((p, i) => {
      const row = group[i];
      if (row && !p.isLocked && p.amount !== row.value)
        changes.push({ targetId: row.targetId, value: p.amount, note: prorationNote(p) });
    });
  }
  if (changes.length === 0) return;
  const byId = new Map(rows.map((r) => [r.targetId, r]));
  const existing = await findTargets(
    db,
    actor.tenantId,
    changes.map((c) => {
      const r = byId.get(c.targetId) as (typeof rows)[number];
      return { metricId: r.metricId, subjectKind: 'person', subjectId: r.personId, periodKey: r.periodKey };
    }),
  );
  const writes = changes.flatMap((c) => {
    const r = byId.get(c.targetId) as (typeof rows)[number];
    const found = existing.get(
      targetKeyOf({ metricId: r.metricId, subjectKind: 'person', subjectId: r.personId, periodKey: r.periodKey }),
    );
    if (!found) return [];
    const { updatedAt: _u, ...row } = found;
    return [
      {
        existing: found,
        row: { ...row, value: c.value, source: 'prorated' },
        reason: `membership changed: ${c.note}`,
      },
    ];
  });
  await upsertTargets(db, actor.tenantId, writes, actor, uuidv7);
  await appendAudit(
    db,
    actor.tenantId,
    writes.map((w) => ({
      id: uuidv7(),
      at: actor.now,
      actorUserId: actor.userId,
      action: 'update',
      recordKind: 'targets',
      recordId: w.row.id,
      beforeJson: JSON.stringify(w.existing),
      afterJson: JSON.stringify(w.row),
      reason: w.reason,
    })),
  );
}
