import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../src/web/api/records.ts';
import { dropParent } from '../../src/web/features/admin/org-tree.ts';
import { addDays, planTransfer } from '../../src/web/features/admin/transfer-plan.ts';
import { subjectsFor } from '../../src/web/features/metrics/metric-subjects.ts';

const m = (id: string, unitId: string, startOn: string, endOn: string | null) =>
  ({ id, personId: 'p', unitId, startOn, endOn }) as RecordOf<'memberships'>;

describe('planTransfer', () => {
  const history = [m('old', 'u0', '2024-01-01', '2025-12-31'), m('now', 'u1', '2026-01-01', null)];

  it('ends the open membership that started before the transfer date', () => {
    expect(planTransfer(history, 'u2', '2026-12-01')).toEqual({ current: history[1] });
  });

  it('refuses a date on or before the start of the latest membership', () => {
    expect(planTransfer(history, 'u2', '2026-01-01').problem).toEqual({
      field: 'startOn',
      key: 'transfer.notAfterLatest',
      values: { date: '2026-01-01' },
    });
  });

  it('refuses a transfer into the unit the person is in', () => {
    expect(planTransfer(history, 'u1', '2026-12-01').problem?.key).toBe('transfer.sameUnit');
  });

  it('starts a first membership when there is none', () => {
    expect(planTransfer([], 'u1', '2026-12-01')).toEqual({ current: undefined });
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s %i -> %s', (date, n, expected) => expect(addDays(date, n)).toBe(expected));
});

describe('dropParent', () => {
  const units = [
    { id: 'co', parentId: null },
    { id: 'east', parentId: 'co' },
    { id: 'sh1', parentId: 'east' },
  ] as RecordOf<'org-units'>[];

  it('onto a unit: under that unit', () => expect(dropParent(units, 'east', false)).toBe('east'));
  it('beside a unit: under its parent', () => expect(dropParent(units, 'sh1', true)).toBe('east'));
  it('beside the root: no parent', () => expect(dropParent(units, 'co', true)).toBeNull());
});

describe('subjectsFor', () => {
  const labels = { me: 'Me', company: 'Company' };
  it.each([
    ['rep', 'p1', [], ['person:p1']],
    ['manager', 'p2', [{ id: 'u1', name: 'Shanghai 1' }], ['unit:u1', 'person:p2']],
    ['admin', null, [], ['tenant']],
    ['finance', 'p3', [], ['tenant']],
    ['rep', null, [], []],
  ] as const)('%s', (role, personId, units, expected) => {
    expect(subjectsFor(role, personId, units, labels).map((s) => s.key)).toEqual(expected);
  });
});
