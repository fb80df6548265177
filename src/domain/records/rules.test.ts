import { describe, expect, it } from 'vitest';
import { completeRecord } from './read-record.ts';
import { sharesIssues, teamOwnerIssues } from './rules.ts';
import { dealKind } from './sales-kinds.ts';

describe('credit shares sum to exactly 100%', () => {
  it.each([
    [[10_000], []],
    [[6_000, 4_000], []],
    [[3_333, 3_333, 3_334], []],
    [[6_000, 3_000], ['shares_sum']],
    [[6_000, 5_000], ['shares_sum']],
    [[10_000, 0], ['range']],
    [[], ['required']],
  ])('%j -> %j', (shares, codes) => {
    const entries = shares.map((shareBp, i) => ({ personId: `p${i}`, shareBp }));
    expect(sharesIssues('splits', entries).map((i) => i.code)).toEqual(codes);
  });

  it('names a person listed twice', () => {
    const issues = sharesIssues('splits', [
      { personId: 'a', shareBp: 5_000 },
      { personId: 'a', shareBp: 5_000 },
    ]);
    expect(issues).toEqual([expect.objectContaining({ field: 'splits[1].personId', code: 'shares_duplicate' })]);
  });
});

describe('a deal team has one owner, the deal owner', () => {
  it.each([
    ['owner matches', 'a', [{ personId: 'a', role: 'owner', shareBp: 10_000 }], 0],
    ['owner differs', 'b', [{ personId: 'a', role: 'owner', shareBp: 10_000 }], 1],
    [
      'two owners',
      'a',
      [
        { personId: 'a', role: 'owner', shareBp: 5_000 },
        { personId: 'b', role: 'owner', shareBp: 5_000 },
      ],
      1,
    ],
    ['no owner', 'a', [{ personId: 'a', role: 'assist', shareBp: 10_000 }], 1],
  ])('%s', (_name, ownerId, team, count) => expect(teamOwnerIssues(ownerId, team)).toHaveLength(count));
});

describe('completing a deal', () => {
  const ctx = { today: '2026-03-10', now: '2026-03-10T02:00:00.000Z', timeZone: 'Asia/Shanghai', selfPersonId: 'me' };
  it('fills defaults: created today, open, owned by the author with 100%', () => {
    const { record, issues } = completeRecord(
      dealKind,
      { customerId: 'c', name: 'n', amountCents: 100, stage: 'lead' },
      undefined,
      ctx,
    );
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      createdOn: '2026-03-10',
      outcome: 'open',
      ownerId: 'me',
      team: [{ personId: 'me', role: 'owner', shareBp: 10_000 }],
    });
  });
  it.each([
    [{ outcome: 'won', stage: 'closed' }, 'closedOn', 'required'],
    [{ closedOn: '2026-03-01' }, 'outcome', 'rule'],
    [{ outcome: 'won', stage: 'negotiate', closedOn: '2026-03-01' }, 'stage', 'rule'],
    [{ outcome: 'lost', stage: 'closed', createdOn: '2026-03-05', closedOn: '2026-03-01' }, 'closedOn', 'order'],
  ])('refuses %j', (over, field, code) => {
    const { issues } = completeRecord(
      dealKind,
      { customerId: 'c', name: 'n', amountCents: 100, stage: 'lead', ...over },
      undefined,
      ctx,
    );
    expect(issues).toContainEqual(expect.objectContaining({ field, code }));
  });
});
