import { describe, expect, it } from 'vitest';
import { type CoerceContext, coerceField } from './coerce.ts';
import type { FieldDef } from './field.ts';
import { label } from './field.ts';

const field = (over: Partial<FieldDef>): FieldDef => ({
  name: 'f',
  type: 'string',
  label: label('字段', 'Field'),
  ...over,
});
const fromFile: CoerceContext = { source: 'import', timeZone: 'Asia/Shanghai' };
const fromApi: CoerceContext = { source: 'api', timeZone: 'Asia/Shanghai' };

const value = (f: FieldDef, raw: unknown, ctx = fromFile) => {
  const r = coerceField(f, raw, ctx);
  return r.ok ? r.value : `error:${r.issue.code}`;
};

describe('money from a spreadsheet is yuan, to exact cents', () => {
  const money = field({ type: 'money', min: 0 });
  it.each([
    ['1234.5', 123_450],
    ['¥1,234.50', 123_450],
    ['￥ 1，234.5 元', 123_450],
    ['12.5万', 125_000_00],
    ['0.0001万', 1_00],
    [98765.43, 98_765_43],
    [0.1, 10],
    ['0', 0],
    ['1.005', 'error:type'],
    ['abc', 'error:type'],
    ['-5', 'error:range'],
  ])('%s -> %s', (raw, expected) => expect(value(money, raw)).toBe(expected));

  it('from the API it is already whole cents', () => {
    expect(value(money, 12_345, fromApi)).toBe(12_345);
    expect(value(money, 123.45, fromApi)).toBe('error:type');
    expect(value(money, '100', fromApi)).toBe('error:type');
  });

  it('a refund may be negative where the field has no minimum', () => {
    expect(value(field({ type: 'money' }), '-300')).toBe(-300_00);
  });
});

describe('dates', () => {
  const date = field({ type: 'date' });
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025/3/4', '2025-03-04'],
    ['2025.03.04', '2025-03-04'],
    ['2025年3月4日', '2025-03-04'],
    [new Date(Date.UTC(2024, 1, 29)), '2024-02-29'],
    [45000, '2023-03-15'],
    ['2025-02-29', 'error:date'],
    ['2025-13-01', 'error:date'],
    ['14/03/2025', 'error:format'],
    ['', null],
  ])('%s -> %s', (raw, expected) => expect(value(date, raw)).toBe(expected));
});

describe('date-times without an offset are tenant-local', () => {
  const dt = field({ type: 'datetime' });
  it.each([
    ['2025-03-01 00:30', '2025-02-28T16:30:00.000Z'],
    ['2025/3/1 9:05:07', '2025-03-01T01:05:07.000Z'],
    ['2025-03-01T09:00:00+08:00', '2025-03-01T01:00:00.000Z'],
    ['2025-03-01T09:00:00Z', '2025-03-01T09:00:00.000Z'],
    ['2025-03-01T09:00:00+0530', '2025-03-01T03:30:00.000Z'],
    [new Date(Date.UTC(2025, 2, 1, 9, 0, 0)), '2025-03-01T01:00:00.000Z'],
    ['2025-02-30 10:00', 'error:date'],
    ['2025-03-01 24:00', 'error:date'],
    ['yesterday', 'error:format'],
  ])('%s -> %s', (raw, expected) => expect(value(dt, raw)).toBe(expected));

  it('in another zone the same wall clock is another instant', () => {
    expect(value(dt, '2025-07-01 09:00', { source: 'import', timeZone: 'America/New_York' })).toBe(
      '2025-07-01T13:00:00.000Z',
    );
  });
});

describe('enums accept the value or its Chinese or English label', () => {
  const type = field({
    type: 'enum',
    values: ['visit', 'call'],
    valueLabels: { visit: label('拜访', 'Visit'), call: label('电话', 'Call') },
  });
  it.each([
    ['visit', 'visit'],
    ['VISIT', 'visit'],
    ['拜访', 'visit'],
    ['Call', 'call'],
    ['meeting', 'error:enum'],
  ])('%s -> %s', (raw, expected) => expect(value(type, raw)).toBe(expected));
});

describe('credit shares', () => {
  it('reads a team from a cell, with Chinese punctuation too', () => {
    expect(value(field({ type: 'team' }), 'P1:owner:60；P2：assist：40%')).toEqual([
      { personId: { ref: 'P1' }, role: 'owner', shareBp: 6000 },
      { personId: { ref: 'P2' }, role: 'assist', shareBp: 4000 },
    ]);
  });
  it('keeps two decimals of a percent exact', () => {
    expect(value(field({ type: 'splits' }), 'A:33.33;B:33.33;C:33.34')).toEqual([
      { personId: { ref: 'A' }, shareBp: 3333 },
      { personId: { ref: 'B' }, shareBp: 3333 },
      { personId: { ref: 'C' }, shareBp: 3334 },
    ]);
  });
  it.each([
    ['P1:boss:100', 'error:enum'],
    ['P1:60', 'error:format'],
    ['P1:owner:33.333', 'error:type'],
  ])('refuses %s', (raw, expected) => expect(value(field({ type: 'team' }), raw)).toBe(expected));
});

describe('text and numbers', () => {
  it.each([
    [field({ type: 'string', maxLength: 3 }), '  abc  ', 'abc'],
    [field({ type: 'string', maxLength: 3 }), 'abcd', 'error:length'],
    [field({ type: 'integer', min: 1, max: 5 }), '5', 5],
    [field({ type: 'integer', min: 1, max: 5 }), 6, 'error:range'],
    [field({ type: 'integer' }), '1.5', 'error:type'],
    [field({ type: 'integer' }), '1,200', 1200],
    [field({ type: 'month' }), '2025/3', '2025-03'],
    [field({ type: 'month' }), '2025-13', 'error:format'],
  ])('%# %s', (f, raw, expected) => expect(value(f, raw)).toBe(expected));
});
