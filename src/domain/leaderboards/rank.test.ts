import { describe, expect, it } from 'vitest';
import { type Direction, rankByValue, rankChange } from './rank.ts';

const entries = (values: Array<[string, number | null]>) => values.map(([id, value]) => ({ id, value }));
const ranks = (values: Array<[string, number | null]>, direction: Direction) =>
  rankByValue(entries(values), direction).map((e) => `${e.id}:${e.rank ?? '-'}`);

describe('rankByValue', () => {
  it.each<[string, Array<[string, number | null]>, Direction, string[]]>([
    [
      'higher is better',
      [
        ['a', 10],
        ['b', 30],
        ['c', 20],
      ],
      'higher',
      ['b:1', 'c:2', 'a:3'],
    ],
    [
      'lower is better',
      [
        ['a', 10],
        ['b', 30],
        ['c', 20],
      ],
      'lower',
      ['a:1', 'c:2', 'b:3'],
    ],
    [
      'a tie at the top shares rank 1, the next is 3',
      [
        ['a', 5],
        ['b', 9],
        ['c', 9],
      ],
      'higher',
      ['b:1', 'c:1', 'a:3'],
    ],
    [
      'a tie in the middle: 1, 2, 2, 4',
      [
        ['a', 1],
        ['b', 7],
        ['c', 4],
        ['d', 4],
      ],
      'higher',
      ['b:1', 'c:2', 'd:2', 'a:4'],
    ],
    [
      'everyone tied',
      [
        ['a', 0],
        ['b', 0],
        ['c', 0],
      ],
      'higher',
      ['a:1', 'b:1', 'c:1'],
    ],
    [
      'N/A goes last, unranked',
      [
        ['a', null],
        ['b', 2],
        ['c', 3],
      ],
      'higher',
      ['c:1', 'b:2', 'a:-'],
    ],
    [
      'N/A last also when lower is better',
      [
        ['a', null],
        ['b', 2],
        ['c', 0],
      ],
      'lower',
      ['c:1', 'b:2', 'a:-'],
    ],
    [
      'zero is a value, not N/A',
      [
        ['a', 0],
        ['b', null],
        ['c', -5],
      ],
      'higher',
      ['a:1', 'c:2', 'b:-'],
    ],
    [
      'float noise is a tie',
      [
        ['a', 0.1 + 0.2],
        ['b', 0.3],
      ],
      'higher',
      ['a:1', 'b:1'],
    ],
    [
      'a real difference is not',
      [
        ['a', 0.3],
        ['b', 0.3001],
      ],
      'higher',
      ['b:1', 'a:2'],
    ],
    [
      'only N/A: nobody ranked',
      [
        ['a', null],
        ['b', null],
      ],
      'higher',
      ['a:-', 'b:-'],
    ],
    ['empty board', [], 'higher', []],
  ])('%s', (_case, values, direction, expected) => {
    expect(ranks(values, direction)).toEqual(expected);
  });
});

describe('rankChange', () => {
  it.each<[string, number | null, number | null, string | null]>([
    ['moved up from 4 to 2', 2, 4, 'up'],
    ['moved down from 1 to 3', 3, 1, 'down'],
    ['kept rank 2', 2, 2, 'same'],
    ['not ranked before', 5, null, 'new'],
    ['not ranked now', null, 3, null],
    ['ranked neither time', null, null, null],
  ])('%s', (_case, rank, previous, expected) => {
    expect(rankChange(rank, previous)).toBe(expected);
  });
});
