import { describe, expect, it } from 'vitest';
import { calendarFrom } from '../time/working-days.ts';
import { type MemberShare, prorateShares } from './prorate-shares.ts';

const plain = calendarFrom([]);
const march = { start: '2025-03-01', end: '2025-03-31' }; // 21 working days
const whole = (id: string, full: number): MemberShare => ({ id, full, membership: { start: '2024-01-01', end: null } });
// Joins Monday 17 March: 11 of 21 working days. Leaves Friday 7 March: 5 of 21.
const joiner = (id: string, full: number): MemberShare => ({
  id,
  full,
  membership: { start: '2025-03-17', end: null },
});
const leaver = (id: string, full: number): MemberShare => ({
  id,
  full,
  membership: { start: '2024-01-01', end: '2025-03-07' },
});

describe('prorateShares', () => {
  it.each([
    // [case, shares, expected amounts, unallocated]
    // B: 1000 x 11/21 = 523.8 -> 524; the 476 left go to A and C as 1000:1000 = 238 each.
    [
      'a joiner; two whole-period members absorb',
      [whole('A', 1000), joiner('B', 1000), whole('C', 1000)],
      [1238, 524, 1238],
      0,
    ],
    // 476 as 2000:1000 = 317.33 and 158.67: the unit left over goes to the larger remainder (C).
    [
      'absorbed in proportion to the full shares',
      [whole('A', 2000), joiner('B', 1000), whole('C', 1000)],
      [2317, 524, 1159],
      0,
    ],
    // A is locked at 1500: only C absorbs.
    [
      'a locked member keeps its value',
      [{ ...whole('A', 0), locked: 1500 }, joiner('B', 1000), whole('C', 500)],
      [1500, 524, 976],
      0,
    ],
    // B keeps 524, D 1000 x 5/21 = 238.1 -> 238: 476 + 762 stay with the team.
    ['nobody for the whole period: the rest is unallocated', [joiner('B', 1000), leaver('D', 1000)], [524, 238], 1238],
    ['everyone for the whole period: nothing changes', [whole('A', 700), whole('C', 300)], [700, 300], 0],
    // Joining on Sunday 2 March misses no working day.
    [
      'joining on the weekend before the first working day is the whole period',
      [{ id: 'E', full: 1000, membership: { start: '2025-03-02', end: null } }, joiner('B', 1000)],
      [1476, 524],
      0,
    ],
  ] as const)('%s', (_case, shares, amounts, unallocated) => {
    const result = prorateShares(shares, march, plain);
    expect(result.parts.map((p) => p.amount)).toEqual(amounts);
    expect(result.unallocated).toBe(unallocated);
  });

  it('reports the working days behind each pro-rated share and what each absorbed', () => {
    const { parts } = prorateShares([whole('A', 1000), joiner('B', 1000)], march, plain);
    expect(parts).toEqual([
      {
        id: 'A',
        full: 1000,
        amount: 1476,
        isLocked: false,
        isWholePeriod: true,
        memberDays: 21,
        periodDays: 21,
        absorbed: 476,
      },
      {
        id: 'B',
        full: 1000,
        amount: 524,
        isLocked: false,
        isWholePeriod: false,
        memberDays: 11,
        periodDays: 21,
        absorbed: 0,
      },
    ]);
  });
});
