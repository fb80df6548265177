import { loadUnits } from '../../db/repositories/org.repository.ts';
import type { WallLinkRow } from '../../db/repositories/wall-links.repository.ts';
import { latestSignedContracts } from '../../db/repositories/wall-links.repository.ts';
import { builtInMetric } from '../../domain/metrics/catalog.ts';
import { parsePeriod } from '../../domain/time/periods.ts';
import { systemActor } from '../auth/authenticate.ts';
import type { Actor, AppDeps } from '../context.ts';
import { type BoardScope, computeBoard } from '../leaderboards/compute-board.ts';
import { boardMetric } from '../leaderboards/read-leaderboard.ts';
import { computeValues } from '../metrics/compute-metrics.ts';
import { loadTargetBook } from '../targets/target-book.ts';
import { paceAgainst } from '../targets/target-pace.ts';

// What the office screen 激励墙 shows for one link, for the current month: rotating top-10 boards,
// each team's progress on signed amount against its target and its pace line, and the honour roll
// (the latest signed contracts, and who has reached their monthly target). Computed once per
// tenant change and shared by every screen showing the link.

const BOARD_METRICS = ['signed_amount', 'collected_amount', 'new_customers', 'follow_ups', 'score'];
const PROGRESS_METRIC = 'signed_amount';
const TOP = 10;

/** The wall as `actor` (the tenant's system actor, see wallActor) sees it today. */
export async function wallBoard(deps: AppDeps, link: WallLinkRow, actor: Actor) {
  const parsed = parsePeriod(actor.today.slice(0, 7), { fiscalYearStartMonth: actor.fiscalYearStartMonth });
  if (!parsed.ok) throw new Error(parsed.reason);
  const period = parsed.period;
  const units = await loadUnits(deps.db, actor.tenantId);
  const scopeUnit = link.unitId ? units.find((u) => u.id === link.unitId) : undefined;
  const scope: BoardScope = scopeUnit ? { kind: 'unit', unitId: scopeUnit.id } : { kind: 'company' };
  const hidden = new Set(actor.settings.leaderboard.hideNamesFor);

  const boards = [];
  const fullBoards = new Map<string, Awaited<ReturnType<typeof computeBoard>>>();
  for (const id of BOARD_METRICS) {
    const metric = await boardMetric(deps, actor, id);
    const board = await computeBoard(deps, actor, { metric, scope, by: 'person', period });
    fullBoards.set(id, board);
    boards.push({
      metric,
      rows: board.rows
        // Nobody stands on the office wall for nothing: zero and N/A rows stay off it.
        .filter((r) => r.rank !== null && r.rank <= TOP && r.value !== null && r.value > 0)
        .map((r) => ({
          rank: r.rank as number,
          change: r.change,
          name: hidden.has(id) ? null : r.name,
          unitName: r.unitName,
          value: r.value,
        })),
    });
  }

  // Teams in the scope, each against its own target of signed amount and the pace line.
  const prefix = scopeUnit?.path ?? '';
  const teams = units.filter((u) => u.kind === 'team' && u.path.startsWith(prefix));
  const def = builtInMetric(PROGRESS_METRIC);
  if (!def) throw new Error(`the catalog has no ${PROGRESS_METRIC}`);
  const [book, { values }] = await Promise.all([
    loadTargetBook(deps, actor, period),
    teams.length > 0
      ? computeValues(deps, actor, {
          metricIds: [PROGRESS_METRIC],
          subjects: teams.map((t) => ({ kind: 'unit' as const, id: t.id })),
          periodKey: period.key,
        })
      : Promise.resolve({ values: [] }),
  ]);
  const actualOf = new Map(values.map((v) => [v.subject.kind === 'unit' ? v.subject.id : '', v.value]));
  const progress = teams.map((team) => {
    const subject = { kind: 'unit' as const, id: team.id };
    const actual = actualOf.get(team.id) ?? null;
    const pace = paceAgainst(actor, def, book.resolve(PROGRESS_METRIC, def, subject, period), actual, period);
    return {
      unitId: team.id,
      name: team.name,
      actual,
      target: pace?.target ?? null,
      expectedToDate: pace?.expectedToDate ?? null,
      status: pace?.status ?? 'none',
    };
  });

  // Best first: by attainment of the target, then teams without a target by what they signed.
  const attainment = (t: (typeof progress)[number]) =>
    t.target !== null && t.target > 0 ? (t.actual ?? 0) / t.target : Number.NEGATIVE_INFINITY;
  progress.sort((a, b) => attainment(b) - attainment(a) || (b.actual ?? 0) - (a.actual ?? 0));

  // Honour roll: who reached their month's target (from the signed-amount board), newest contracts.
  const reached = [];
  for (const row of fullBoards.get(PROGRESS_METRIC)?.rows ?? []) {
    const pace = paceAgainst(
      actor,
      def,
      book.resolve(PROGRESS_METRIC, def, { kind: 'person', id: row.subjectId }, period),
      row.value,
      period,
    );
    if (pace && pace.target > 0 && row.value !== null && row.value >= pace.target)
      reached.push({ name: row.name, unitName: row.unitName, attainment: row.value / pace.target });
  }
  const contracts = await latestSignedContracts(deps.db, actor.tenantId, {
    start: period.start,
    end: period.end,
    unitPath: scopeUnit?.path ?? null,
    limit: 4,
  });
  return {
    tenantToday: actor.today,
    period: { key: period.key, start: period.start, end: period.end },
    scope: { unitId: scopeUnit?.id ?? null, name: scopeUnit?.name ?? null },
    linkName: link.name,
    boards,
    teams: progress,
    honours: {
      reached: reached.sort((a, b) => b.attainment - a.attainment).slice(0, 3),
      contracts,
    },
  };
}

/** The wall reads the whole tenant (or the link's unit) as an admin would, today in the tenant. */
export const wallActor = (deps: AppDeps, link: WallLinkRow) => systemActor(deps, link.tenantId);
