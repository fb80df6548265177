import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { loadPeople } from '../../db/repositories/org.repository.ts';
import { type CloseRow, insertClose, listCloses, snapshotsOf } from '../../db/repositories/period-close.repository.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../errors.ts';
import { resolvePeriod } from '../metrics/compute-metrics.ts';
import type { ScorecardView } from './compute-scorecard.ts';
import { listSchemesWithVersions } from './manage-schemes.ts';
import { liveCards } from './score-people.ts';

// Period close 结算 (spec 5): closing freezes every scorecard of the period (values, targets,
// scores, ratings) as a snapshot. Reopening and recalculating need a reason; each is a new
// revision, so every earlier snapshot stays readable, and each is audit-logged.

export type PeriodStatus = {
  periodKey: string;
  status: 'open' | 'closed' | 'reopened';
  revision: number;
  at: string | null;
  reason: string | null;
};

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin closes periods');
}

const needReason = (reason: string | undefined, what: string) => {
  if (!reason?.trim())
    throw new ValidationError('periods', [
      { index: 0, field: 'reason', code: 'required', reason: `${what} needs a reason` },
    ]);
  return reason.trim();
};

export async function periodStatus(deps: AppDeps, actor: Actor, periodKey: string): Promise<PeriodStatus> {
  const period = resolvePeriod(actor, periodKey);
  const latest = (await listCloses(deps.db, actor.tenantId, period.key)).at(-1);
  return latest
    ? {
        periodKey: period.key,
        status: latest.status as PeriodStatus['status'],
        revision: latest.revision,
        at: latest.at,
        reason: latest.reason,
      }
    : { periodKey: period.key, status: 'open', revision: 0, at: null, reason: null };
}

async function snapshotAll(deps: AppDeps, actor: Actor, periodKey: string) {
  const period = resolvePeriod(actor, periodKey);
  const schemes = await listSchemesWithVersions(deps, actor);
  const positions = new Set(schemes.map((s) => s.positionId));
  const people = (await loadPeople(deps.db, actor.tenantId)).filter(
    (p) => p.positionId && positions.has(p.positionId) && (!p.leftOn || p.leftOn >= period.start),
  );
  // Everyone in one pass (one query per metric), as the dashboards score them; a person without an
  // active version simply has no scorecard for this period.
  const live = await liveCards(deps, actor, period, people, true);
  const cards = people.flatMap((person) => {
    const card = live.get(person.id);
    return card
      ? [{ personId: person.id, total: card.total, rating: card.rating, scorecardJson: JSON.stringify(card) }]
      : [];
  });
  return { period, cards };
}

async function writeRevision(
  deps: AppDeps,
  actor: Actor,
  periodKey: string,
  status: 'closed' | 'reopened',
  reason: string | null,
  action: string,
) {
  const { period, cards } =
    status === 'closed'
      ? await snapshotAll(deps, actor, periodKey)
      : { period: resolvePeriod(actor, periodKey), cards: [] };
  const previous = (await listCloses(deps.db, actor.tenantId, period.key)).at(-1);
  const row: CloseRow = {
    id: uuidv7(),
    periodKey: period.key,
    startOn: period.start,
    endOn: period.end,
    revision: (previous?.revision ?? 0) + 1,
    status,
    at: actor.now,
    actorUserId: actor.userId,
    reason,
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertClose(tx, actor.tenantId, row, cards);
    await appendAudit(tx, actor.tenantId, [
      {
        id: uuidv7(),
        at: actor.now,
        actorUserId: actor.userId,
        action,
        recordKind: 'periods',
        recordId: period.key,
        beforeJson: previous ? JSON.stringify(previous) : null,
        afterJson: JSON.stringify({ ...row, scorecards: cards.length }),
        reason,
      },
    ]);
  });
  return { ...(await periodStatus(deps, actor, period.key)), scorecards: cards.length };
}

export async function closePeriod(deps: AppDeps, actor: Actor, periodKey: string, reason?: string) {
  assertAdmin(actor);
  const status = await periodStatus(deps, actor, periodKey);
  if (status.status === 'closed')
    throw new ConflictError(
      `${status.periodKey} is closed already; recalculate it with a reason`,
      'periods',
      status.periodKey,
    );
  return writeRevision(deps, actor, periodKey, 'closed', reason?.trim() || null, 'close');
}

export async function reopenPeriod(deps: AppDeps, actor: Actor, periodKey: string, reason?: string) {
  assertAdmin(actor);
  const why = needReason(reason, 'reopening a closed period');
  const status = await periodStatus(deps, actor, periodKey);
  if (status.status !== 'closed')
    throw new ConflictError(`${status.periodKey} is not closed`, 'periods', status.periodKey);
  return writeRevision(deps, actor, periodKey, 'reopened', why, 'reopen');
}

export async function recalculatePeriod(deps: AppDeps, actor: Actor, periodKey: string, reason?: string) {
  assertAdmin(actor);
  const why = needReason(reason, 'recalculating a closed period');
  const status = await periodStatus(deps, actor, periodKey);
  if (status.status !== 'closed')
    throw new ConflictError(`${status.periodKey} is not closed: it is scored live`, 'periods', status.periodKey);
  return writeRevision(deps, actor, periodKey, 'closed', why, 'recalculate');
}

/** The frozen scorecard of a closed period (the latest revision), or undefined while it is open. */
export async function frozenScorecard(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  periodKey: string,
): Promise<ScorecardView | undefined> {
  const latest = (await listCloses(deps.db, actor.tenantId, periodKey)).at(-1);
  if (latest?.status !== 'closed') return undefined;
  const [snapshot] = await snapshotsOf(deps.db, actor.tenantId, latest.id, personId);
  return snapshot
    ? { ...(JSON.parse(snapshot.scorecardJson) as ScorecardView), isFrozen: true, closeRevision: latest.revision }
    : undefined;
}
