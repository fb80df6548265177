import { describe, expect, it } from 'vitest';
import { groupBySubject, reduceFacts } from './custom-aggregate.ts';

const facts = [
  { personId: 'a', factOn: '2025-03-01', value: 100, share: 0.6 },
  { personId: 'b', factOn: '2025-03-01', value: 100, share: 0.4 },
  { personId: 'a', factOn: '2025-03-20', value: 40, share: 1 },
];

describe('reducing custom aggregates', () => {
  // Everyone: shares 0.6 + 0.4 + 1 = 2; values x shares 60 + 40 + 40 = 140. Person a: 1.6 and 100.
  it.each([
    ['count', 2, 1.6],
    ['sum', 140, 100],
    ['mean', 70, 62.5],
    ['min', 40, 40],
    ['max', 100, 100],
    ['distinct_count', 2, 2],
  ] as const)('%s over everyone is %s, over person a %s', (aggregate, all, aOnly) => {
    expect(reduceFacts(aggregate, facts).value).toBeCloseTo(all, 12);
    expect(
      reduceFacts(
        aggregate,
        facts.filter((f) => f.personId === 'a'),
      ).value,
    ).toBeCloseTo(aOnly, 12);
  });

  it('is N/A where a mean or an extreme has no fact', () => {
    expect(reduceFacts('mean', []).value).toBeNull();
    expect(reduceFacts('max', []).value).toBeNull();
    expect(reduceFacts('count', []).value).toBe(0);
  });

  it('credits units by membership on the fact date', () => {
    const groups = groupBySubject(
      facts,
      [
        { personId: 'a', unitId: 'T1', startOn: '2025-01-01', endOn: '2025-03-10' },
        { personId: 'a', unitId: 'T2', startOn: '2025-03-11', endOn: null },
      ],
      [
        { id: 'C', path: '/C/' },
        { id: 'T1', path: '/C/T1/' },
        { id: 'T2', path: '/C/T2/' },
      ],
    );
    expect(groups.get('unit:T1')?.map((f) => f.value)).toEqual([100]);
    expect(groups.get('unit:T2')?.map((f) => f.value)).toEqual([40]);
    expect(groups.get('unit:C')).toHaveLength(2);
    expect(groups.get('tenant')).toHaveLength(3);
  });
});
