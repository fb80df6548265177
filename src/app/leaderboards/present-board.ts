import { loadMemberships, loadUnits } from '../../db/repositories/org.repository.ts';
import { seesWholeTenant } from '../../db/repositories/record-scopes.ts';
import { peopleInScope } from '../../db/repositories/records.repository.ts';
import { type Viewer, visibleRows } from '../../domain/leaderboards/visibility.ts';
import type { Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { type BoardBy, type BoardRow, SCORE } from './compute-board.ts';

// A board as one viewer may see it (the tenant's `leaderboard` setting): the rows they may see,
// anonymous where names are hidden, their own row marked, and a link to the records behind each
// value they may open (the explain API; for the total score, the scorecard).

export type LeaderboardRowView = {
  rank: number | null;
  previousRank: number | null;
  change: BoardRow['change'];
  subject: { kind: 'person' | 'unit'; id: string | null };
  name: string | null;
  unitName: string | null;
  value: number | null;
  rating: string | null;
  isOwn: boolean;
  isNameHidden: boolean;
  explainUrl: string | null;
};

async function viewerOf(deps: AppDeps, actor: Actor, rows: readonly BoardRow[], by: BoardBy): Promise<Viewer> {
  if (seesWholeTenant(actor)) return { seesAll: true, own: new Set(), managed: new Set() };
  if (by === 'person') {
    const own = new Set(actor.personId ? [actor.personId] : []);
    // A rep's scope is their own person; a manager's, the people of the units they head.
    const managed =
      actor.role === 'rep'
        ? new Set<string>()
        : await peopleInScope(
            deps.db,
            actor,
            rows.map((r) => r.subjectId),
          );
    return { seesAll: false, own, managed };
  }
  const [units, memberships] = await Promise.all([
    loadUnits(deps.db, actor.tenantId),
    actor.personId
      ? loadMemberships(deps.db, actor.tenantId, { start: actor.today, end: actor.today })
      : Promise.resolve([]),
  ]);
  const own = new Set(memberships.filter((m) => m.personId === actor.personId).map((m) => m.unitId));
  const managed = new Set(
    units.filter((u) => actor.managedUnitPaths.some((p) => u.path.startsWith(p))).map((u) => u.id),
  );
  return { seesAll: false, own, managed };
}

function explainUrl(metricId: string, row: BoardRow, period: Period) {
  const periodParam = encodeURIComponent(period.key);
  if (metricId === SCORE) return `/api/v1/scorecards?personId=${row.subjectId}&period=${periodParam}`;
  return `/api/v1/metrics/${encodeURIComponent(metricId)}/explain?subject=${row.subjectKind}:${row.subjectId}&period=${periodParam}`;
}

export async function presentRows(
  deps: AppDeps,
  actor: Actor,
  board: { metricId: string; period: Period; by: BoardBy; rows: readonly BoardRow[] },
): Promise<{ rows: LeaderboardRowView[]; isNameHidden: boolean }> {
  const setting = actor.settings.leaderboard;
  const hidesNames = board.by === 'person' && setting.hideNamesFor.includes(board.metricId);
  const viewer = await viewerOf(deps, actor, board.rows, board.by);
  const rows = visibleRows(board.rows, setting, viewer, hidesNames).map(({ row, isOwn, isNameHidden }) => {
    // A unit's value is an aggregate anyone may open; a person's only who may see their records.
    const canOpen =
      board.by === 'unit' || viewer.seesAll || viewer.own.has(row.subjectId) || viewer.managed.has(row.subjectId);
    return {
      rank: row.rank,
      previousRank: row.previousRank,
      change: row.change,
      subject: { kind: row.subjectKind, id: isNameHidden ? null : row.subjectId },
      name: isNameHidden ? null : row.name,
      unitName: isNameHidden ? null : row.unitName,
      value: row.value,
      rating: row.rating,
      isOwn,
      isNameHidden,
      explainUrl: canOpen && !isNameHidden ? explainUrl(board.metricId, row, board.period) : null,
    };
  });
  return { rows, isNameHidden: hidesNames };
}
