// Who sees which rows of a leaderboard (the tenant setting `leaderboard`). Choices written down:
// - 'public' (数据公开): every row is listed. 'top': a viewer who does not see the whole tenant
//   gets the rows ranked 1..topN (a tie at the boundary keeps all who share the rank, so there may
//   be more than topN of them), their own row, and the rows of the people (or units) they manage.
// - Admin and finance see every row with every name, in both modes.
// - Names hidden for a metric (`hideNamesFor`) show as anonymous to everyone but admin and
//   finance, except the viewer's own row and the rows of the people they manage.

export type LeaderboardMode = 'public' | 'top';
export type LeaderboardSetting = { mode: LeaderboardMode; topN: number; hideNamesFor: string[] };

export type Viewer = {
  /** Admin and finance: every row, every name. */
  seesAll: boolean;
  /** The viewer's own subject (their person, or their team on a board of units). */
  own: ReadonlySet<string>;
  /** The subjects the viewer manages: seen fully. */
  managed: ReadonlySet<string>;
};

export type VisibleRow<R> = { row: R; isOwn: boolean; isNameHidden: boolean };

export function visibleRows<R extends { subjectId: string; rank: number | null }>(
  rows: readonly R[],
  setting: Pick<LeaderboardSetting, 'mode' | 'topN'>,
  viewer: Viewer,
  hidesNames: boolean,
): VisibleRow<R>[] {
  const out: VisibleRow<R>[] = [];
  for (const row of rows) {
    const isOwn = viewer.own.has(row.subjectId);
    const isKnown = viewer.seesAll || isOwn || viewer.managed.has(row.subjectId);
    const isTop = row.rank !== null && row.rank <= setting.topN;
    if (setting.mode === 'top' && !isKnown && !isTop) continue;
    out.push({ row, isOwn, isNameHidden: hidesNames && !isKnown });
  }
  return out;
}
