import { describe, expect, it } from 'vitest';
import { creditToPeople, creditToTenant, creditToUnits, tallyValue } from './credit.ts';

// Company C > region R > teams T1, T2. Ann moves from T1 to T2 on 2025-03-16.
const units = [
  { id: 'C', path: '/C/' },
  { id: 'R', path: '/C/R/' },
  { id: 'T1', path: '/C/R/T1/' },
  { id: 'T2', path: '/C/R/T2/' },
];
const memberships = [
  { personId: 'ann', unitId: 'T1', startOn: '2025-01-01', endOn: '2025-03-15' },
  { personId: 'ann', unitId: 'T2', startOn: '2025-03-16', endOn: null },
  { personId: 'bo', unitId: 'T2', startOn: '2025-01-01', endOn: null },
];
const facts = [
  { personId: 'ann', factOn: '2025-03-15', num: 100, den: 200 },
  { personId: 'ann', factOn: '2025-03-16', num: 50, den: 50 },
  { personId: 'bo', factOn: '2025-03-20', num: 0, den: 100 },
  { personId: 'eve', factOn: '2025-03-20', num: 7, den: 7 },
];

describe('crediting facts', () => {
  it('a transfer mid-period splits a person’s facts between the two teams by date', () => {
    const byUnit = creditToUnits(facts, memberships, units);
    expect(byUnit.get('T1')).toEqual({ num: 100, den: 200 });
    expect(byUnit.get('T2')).toEqual({ num: 50, den: 150 });
    expect(byUnit.get('R')).toEqual({ num: 150, den: 350 });
    expect(byUnit.get('C')).toEqual({ num: 150, den: 350 });
  });
  it('a person keeps all their own facts, and the tenant counts people without a unit', () => {
    expect(creditToPeople(facts).get('ann')).toEqual({ num: 150, den: 250 });
    expect(creditToTenant(facts)).toEqual({ num: 157, den: 357 });
  });
  it('a team rate is the sum of numerators over the sum of denominators, not a mean of rates', () => {
    // ann 150/250 = 60%, bo 0/100 = 0%: the mean of rates would be 30%; the team rate is 150/350.
    expect(tallyValue('rate', creditToUnits(facts, memberships, units).get('R'))).toBeCloseTo(150 / 350, 12);
  });
  it.each([
    ['sum', undefined, 0],
    ['rate', undefined, null],
    ['mean', { num: 0, den: 0 }, null],
    ['rate', { num: 3, den: 4 }, 0.75],
    ['mean', { num: 9, den: 2 }, 4.5],
  ] as const)('%s of %j is %s', (aggregation, tally, expected) =>
    expect(tallyValue(aggregation, tally)).toBe(expected),
  );
});
