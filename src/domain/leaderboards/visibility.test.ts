import { describe, expect, it } from 'vitest';
import { type LeaderboardMode, type Viewer, visibleRows } from './visibility.ts';

// A board of six: p1 1st, p2 and p3 tied 2nd, p4 4th, p5 5th, p6 N/A.
const board = [
  { subjectId: 'p1', rank: 1 },
  { subjectId: 'p2', rank: 2 },
  { subjectId: 'p3', rank: 2 },
  { subjectId: 'p4', rank: 4 },
  { subjectId: 'p5', rank: 5 },
  { subjectId: 'p6', rank: null },
];

const rep5: Viewer = { seesAll: false, own: new Set(['p5']), managed: new Set() };
const rep6: Viewer = { seesAll: false, own: new Set(['p6']), managed: new Set() };
const manager: Viewer = { seesAll: false, own: new Set(['p1']), managed: new Set(['p4', 'p5']) };
const admin: Viewer = { seesAll: true, own: new Set(), managed: new Set() };

const show = (rows: ReturnType<typeof visibleRows<(typeof board)[number]>>) =>
  rows.map((r) => `${r.row.subjectId}${r.isOwn ? '*' : ''}${r.isNameHidden ? '?' : ''}`);

describe('visibleRows', () => {
  it.each<[string, LeaderboardMode, number, Viewer, boolean, string[]]>([
    ['public: a rep sees everyone', 'public', 3, rep5, false, ['p1', 'p2', 'p3', 'p4', 'p5*', 'p6']],
    ['top 1: a rep sees the leader and themself', 'top', 1, rep5, false, ['p1', 'p5*']],
    ['top 2: a tie at the boundary keeps both', 'top', 2, rep5, false, ['p1', 'p2', 'p3', 'p5*']],
    ['top 3: rank 4 is out', 'top', 3, rep5, false, ['p1', 'p2', 'p3', 'p5*']],
    ['top 5: the rep is inside the top, listed once', 'top', 5, rep5, false, ['p1', 'p2', 'p3', 'p4', 'p5*']],
    ['top 2: an unranked rep still sees their row', 'top', 2, rep6, false, ['p1', 'p2', 'p3', 'p6*']],
    ['top 1: a manager sees the top and their people', 'top', 1, manager, false, ['p1*', 'p4', 'p5']],
    ['top 1: admin sees every row', 'top', 1, admin, false, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']],
    [
      'hidden names: a rep sees only their own name',
      'public',
      3,
      rep5,
      true,
      ['p1?', 'p2?', 'p3?', 'p4?', 'p5*', 'p6?'],
    ],
    ['hidden names in top mode', 'top', 1, rep5, true, ['p1?', 'p5*']],
    [
      'hidden names: a manager sees their people named',
      'public',
      3,
      manager,
      true,
      ['p1*', 'p2?', 'p3?', 'p4', 'p5', 'p6?'],
    ],
    ['hidden names: admin sees every name', 'public', 3, admin, true, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']],
  ])('%s', (_case, mode, topN, viewer, hidesNames, expected) => {
    expect(show(visibleRows(board, { mode, topN }, viewer, hidesNames))).toEqual(expected);
  });
});
