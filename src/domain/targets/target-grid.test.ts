import { describe, expect, it } from 'vitest';
import { fromGridValue, type GridExpectation, readGrid, toGridValue } from './target-grid.ts';

const signed = { id: 'signed_amount', unit: 'cny', aggregation: 'sum' } as const;
const customers = { id: 'new_customers', unit: 'count', aggregation: 'sum' } as const;
const collection = { id: 'collection_rate', unit: 'ratio', aggregation: 'rate' } as const;

describe('grid values', () => {
  it.each([
    ['yuan to cents', signed, 12345.67, 1234567],
    ['a string with thousands separators', signed, '1,200.5', 120050],
    ['percent to a ratio', collection, 90, 0.9],
    ['a count', customers, 12, 12],
    ['zero', customers, 0, 0],
  ] as const)('reads %s', (_case, metric, cell, value) => {
    expect(fromGridValue(cell, metric)).toEqual({ ok: true, value });
  });

  it.each([
    [
      'fractions of a cent',
      signed,
      1.234,
      'fraction_cent',
      '1.234 has fractions of a cent; round it to 2 decimal places',
      1.234,
    ],
    ['a negative amount', signed, -5, 'negative', '-5: a target for signed_amount cannot be negative', -5],
    [
      'a fractional count',
      customers,
      2.5,
      'fraction_unit',
      'a target for new_customers must be a whole number of units, got 2.5',
      2.5,
    ],
    ['text', customers, '十二', 'not_number', "'十二' is not a number", '十二'],
  ] as const)('refuses %s', (_case, metric, cell, code, reason, value) => {
    expect(fromGridValue(cell, metric)).toEqual({ ok: false, code, reason, params: { value } });
  });

  it.each([
    [signed, 1234567, 12345.67],
    [collection, 0.07, 7],
    [customers, 3, 3],
  ] as const)('shows %s', (metric, value, shown) => {
    expect(toGridValue(value, metric.unit)).toBe(shown);
  });
});

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const expectation: GridExpectation = {
  metric: customers,
  yearKey: '2026',
  monthKeys: months,
  subjects: new Map([
    ['unit:T1', 'u1'],
    ['person:ALICE', 'p1'],
    ['person:BOB', 'p2'],
  ]),
};
const title = ['指标 Metric', 'new_customers', '新客户数', '年度 Year', '2026', '单位 Unit', '个'];
const header = {
  rowNumber: 2,
  cells: ['类型 Kind', '编码 Code', '名称 Name', '上级 Parent', ...months, '2026 全年 Total'],
};
const row = (rowNumber: number, kind: string, code: string, values: unknown[]) => ({
  rowNumber,
  cells: [kind, code, code, '', ...values],
});

describe('readGrid', () => {
  it('reads every filled cell; empty cells change nothing', () => {
    const result = readGrid(
      {
        title,
        rows: [
          header,
          row(3, '单位 unit', 'T1', [10, ...Array(11).fill(null), null]),
          row(4, 'person', 'ALICE', [...Array(12).fill(1), 12]),
        ],
      },
      expectation,
    );
    expect(result.issues).toEqual([]);
    expect(result.cells.map((c) => [c.rowNumber, c.column, c.kind, c.id, c.periodKey, c.value])).toEqual([
      [3, 'E', 'unit', 'u1', '2026-01', 10],
      ...months.map((m, i) => [4, String.fromCharCode(69 + i), 'person', 'p1', m, 1]),
      [4, 'Q', 'person', 'p1', '2026', 12],
    ]);
  });

  it('names every bad cell by row, column and reason, and returns no cells of a bad row', () => {
    const result = readGrid(
      {
        title,
        rows: [
          header,
          row(3, 'unit', 'NOPE', [1]),
          row(4, 'person', 'ALICE', [-1, 2.5]),
          row(5, 'person', 'BOB', [...Array(12).fill(1), 13]),
          row(6, 'robot', 'BOB', [1]),
          row(7, 'unit', 'T1', [4]),
          row(8, 'unit', 'T1', [5]),
        ],
      },
      expectation,
    );
    expect(result.issues.map((i) => [i.rowNumber, i.column, i.header, i.code, i.reason])).toEqual([
      [3, 'B', '编码 Code', 'unknown_code', "there is no unit with the code 'NOPE'"],
      [4, 'E', '2026-01', 'negative', 'a target for new_customers cannot be negative, got -1'],
      [4, 'F', '2026-02', 'fraction_unit', 'a target for new_customers must be a whole number of units, got 2.5'],
      [6, 'A', '类型 Kind', 'bad_kind', "'robot' is not a kind: write unit or person"],
      [8, 'B', '编码 Code', 'duplicate', "the unit 'T1' is already on row 7"],
    ]);
    expect(result.issues[4]?.params).toEqual({ kind: 'unit', code: 'T1', row: 7 });
    // A year that is not the sum of its months is a warning: Bob's row is still read.
    expect(result.warnings).toEqual([
      {
        rowNumber: 5,
        column: 'Q',
        header: '2026 全年 Total',
        code: 'year_sum',
        reason: 'the year 13 is not the sum of its months 12',
        params: { year: 13, sum: 12 },
      },
    ]);
    expect(result.cells.filter((c) => c.id === 'p2')).toHaveLength(13);
  });

  it('refuses a file for another metric or year, and a column that is not a period of the year', () => {
    const result = readGrid(
      {
        title: ['指标 Metric', 'signed_amount', '', '年度 Year', '2025'],
        rows: [{ rowNumber: 2, cells: ['类型 Kind', '编码 Code', '2026-13'] }],
      },
      expectation,
    );
    expect(result.issues.map((i) => [i.rowNumber, i.column, i.reason])).toEqual([
      [1, 'A', "the title row names metric 'signed_amount'; this import is for 'new_customers'"],
      [1, 'A', "the title row names year '2025'; this import is for '2026'"],
      [2, 'C', "'2026-13' is not a month of 2026 nor the year itself"],
    ]);
  });
});
