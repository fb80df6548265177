import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate, isoWeekday } from '../time/dates.ts';
import { rankTotals } from './rank.ts';
import { ratingDistribution } from './ratings.ts';
import { type DayTally, redSince } from './red-line.ts';

describe('rankTotals', () => {
  it.each([
    [
      'distinct totals rank by size',
      [
        ['a', 90],
        ['b', 110],
        ['c', 100],
      ],
      { b: 1, c: 2, a: 3 },
    ],
    [
      'ties share a rank and the next skips',
      [
        ['a', 100],
        ['b', 100],
        ['c', 80],
        ['d', 120],
      ],
      { d: 1, a: 2, b: 2, c: 4 },
    ],
    [
      'binary noise is a tie',
      [
        ['a', 85],
        ['b', 84.99999999999999],
        ['c', 70],
      ],
      { a: 1, b: 1, c: 3 },
    ],
    [
      'no total, no rank',
      [
        ['a', null],
        ['b', 50],
      ],
      { a: null, b: 1 },
    ],
    [
      'all tied',
      [
        ['a', 0],
        ['b', 0],
      ],
      { a: 1, b: 1 },
    ],
  ] as Array<[string, Array<[string, number | null]>, Record<string, number | null>]>)(
    '%s',
    (_case, rows, expected) => {
      const ranks = rankTotals(new Map(rows));
      expect(Object.fromEntries([...ranks].map(([id, r]) => [id, r.rank]))).toEqual(expected);
    },
  );

  it('says out of how many ranked people', () => {
    const ranks = rankTotals(
      new Map([
        ['a', 1],
        ['b', null],
        ['c', 3],
      ]),
    );
    expect(ranks.get('a')).toEqual({ rank: 2, of: 2 });
    expect(ranks.get('b')).toEqual({ rank: null, of: 2 });
  });
});

describe('ratingDistribution', () => {
  const units = [
    { id: 'co', path: '/co/' },
    { id: 'east', path: '/co/east/' },
    { id: 't1', path: '/co/east/t1/' },
    { id: 'north', path: '/co/north/' },
  ];
  it('counts people in their unit and its ancestors; unrated and unknown ratings count as none', () => {
    const result = ratingDistribution(
      [
        { unitId: 't1', rating: 'S' },
        { unitId: 't1', rating: 'B' },
        { unitId: 'east', rating: 'B' },
        { unitId: 'north', rating: null },
        { unitId: null, rating: 'A' },
        { unitId: 'north', rating: 'Z' },
      ],
      units,
      ['S', 'A', 'B', 'C', 'D'],
    );
    expect(result.company).toEqual({ S: 1, A: 1, B: 2, C: 0, D: 0, none: 2 });
    expect(result.byUnit.get('co')).toEqual({ S: 1, A: 0, B: 2, C: 0, D: 0, none: 2 });
    expect(result.byUnit.get('east')).toEqual({ S: 1, A: 0, B: 2, C: 0, D: 0, none: 0 });
    expect(result.byUnit.get('t1')).toEqual({ S: 1, A: 0, B: 1, C: 0, D: 0, none: 0 });
    expect(result.byUnit.get('north')).toEqual({ S: 0, A: 0, B: 0, C: 0, D: 0, none: 2 });
  });
});

// March 2025 (Saturday 1st): 100 a working day; weekends 0.
const march = { start: '2025-03-01', end: '2025-03-31' };
const daily = new Map<IsoDate, number>(
  Array.from({ length: 31 }, (_, i) => {
    const date = addDays('2025-03-01', i);
    return [date, isoWeekday(date) <= 5 ? 100 : 0];
  }),
);
const facts = (entries: Array<[IsoDate, number, number?]>) =>
  new Map<IsoDate, DayTally>(entries.map(([d, num, den]) => [d, { num, den: den ?? 0 }]));

describe('redSince', () => {
  const sum = (actuals: Map<IsoDate, DayTally>, today: IsoDate) =>
    redSince({
      aggregation: 'sum',
      direction: 'higher',
      target: 2100,
      dailyTargets: daily,
      dailyActuals: actuals,
      period: march,
      today,
    });

  it.each([
    // Expected by day: Mon 3rd 100, Tue 4th 200, Wed 5th 300, Thu 6th 400, Fri 7th 500.
    [
      'nothing done: red from the first working day (the weekend expected nothing)',
      facts([]),
      '2025-03-07',
      '2025-03-03',
    ],
    [
      'on pace until Tuesday (200 of 200), red from Wednesday (200 of 300)',
      facts([['2025-03-03', 200]]),
      '2025-03-07',
      '2025-03-05',
    ],
    [
      'red, then caught up on Thursday, red again from Friday',
      facts([['2025-03-06', 400]]),
      '2025-03-07',
      '2025-03-07',
    ],
    ['yellow today (430 of 500 = 86%) is no warning', facts([['2025-03-03', 430]]), '2025-03-07', null],
    ['exactly 85% is yellow: no warning', facts([['2025-03-03', 425]]), '2025-03-07', null],
    ['just under 85% is red from the day it slipped', facts([['2025-03-03', 424]]), '2025-03-07', '2025-03-07'],
    ['before the period starts', facts([]), '2025-02-20', null],
    ['on the first day, a Saturday, nothing is expected yet', facts([]), '2025-03-01', null],
  ])('%s', (_case, actuals, today, expected) => {
    expect(sum(actuals, today)).toBe(expected);
  });

  it('judges a rate on its running numerators over denominators against the target', () => {
    const rate = (today: IsoDate) =>
      redSince({
        aggregation: 'rate',
        direction: 'higher',
        target: 0.9,
        dailyTargets: new Map(),
        // 3rd: 1 of 1 (100%); 4th: nothing due (N/A breaks nothing: still 100%); 5th: 0 of 2 -> 1/3 red.
        dailyActuals: facts([
          ['2025-03-03', 1, 1],
          ['2025-03-05', 0, 2],
        ]),
        period: march,
        today,
      });
    expect(rate('2025-03-02')).toBe(null); // no denominator yet: N/A, not red
    expect(rate('2025-03-04')).toBe(null);
    expect(rate('2025-03-06')).toBe('2025-03-05');
  });

  it('mirrors a lower-is-better metric: above the pace is red', () => {
    const lower = redSince({
      aggregation: 'sum',
      direction: 'lower',
      target: 2100,
      dailyTargets: daily,
      dailyActuals: facts([['2025-03-04', 400]]),
      period: march,
      today: '2025-03-05',
    });
    // 4th: expected 200, actual 400 -> 50% red; 5th: 300 / 400 = 75% red.
    expect(lower).toBe('2025-03-04');
  });
});
