import type { MetricDef } from '../metrics/catalog.ts';
import { ratioOf } from './exact-ratio.ts';
import { checkTargetValue } from './target-value.ts';

// Targets in the grid a director builds in Excel (issue 5): one metric per file, named in the title
// row with the year; then a header row (kind, code, name, parent, the year's months, the year);
// then one row per unit and person. Reading a grid back reports every bad cell by its row, its
// column and the reason, and returns the cells to write only when there is none.
//
// Choices written down here:
// - Money is in yuan in the file (to the cent), shares in percent, counts and scores as they are:
//   what the screen shows. A value with fractions of a cent or of a count is refused, not rounded.
// - An empty cell changes nothing (it does not delete a target); 0 is a target of 0.
// - Rows are matched by kind and code (the record's external id, else its id); name, parent and
//   indentation are for people to read and are ignored on the way back.
// - For an additive metric, a year cell filled beside all 12 month cells that do not sum to it is
//   reported as a warning, not refused: the director states both, and a file exported from a grid
//   whose months were edited after the year was split must still import back.
// - Extra columns with a header that is not a period of the year are refused by name: a typo in
//   "2026-13" must not be silently dropped.

export type GridUnit = Pick<MetricDef, 'id' | 'unit' | 'aggregation'>;
export type GridSubjectKind = 'unit' | 'person';
export type GridLabels = { kind: string; code: string; name: string; parent: string; total: string };

export const GRID_TITLE = { metric: '指标 Metric', year: '年度 Year', unit: '单位 Unit' } as const;
export const GRID_HEADER: GridLabels = {
  kind: '类型 Kind',
  code: '编码 Code',
  name: '名称 Name',
  parent: '上级 Parent',
  total: '全年 Total',
};
export const KIND_LABEL: Record<GridSubjectKind, string> = { unit: '单位 unit', person: '人员 person' };

/** A stored target value as the file shows it. */
export function toGridValue(value: number, unit: GridUnit['unit']): number {
  if (unit === 'cny') return value / 100;
  if (unit === 'ratio') return Math.round(value * 100 * 1e9) / 1e9;
  return value;
}

export type GridIssueCode =
  | 'title_metric'
  | 'title_year'
  | 'no_header'
  | 'missing_column'
  | 'bad_column'
  | 'bad_kind'
  | 'unknown_code'
  | 'duplicate'
  | 'not_number'
  | 'fraction_cent'
  | 'negative'
  | 'fraction_unit'
  | 'year_sum';
type Params = Record<string, string | number>;
type Read = { ok: true; value: number } | { ok: false; code: GridIssueCode; reason: string; params: Params };

/** A file cell as a stored target value, or why it cannot be one. */
export function fromGridValue(cell: unknown, metric: GridUnit): Read {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string' && /^-?[\d,]*\.?\d+$/.test(cell.trim())) n = Number(cell.trim().replace(/,/g, ''));
  else
    return {
      ok: false,
      code: 'not_number',
      reason: `'${String(cell)}' is not a number`,
      params: { value: String(cell) },
    };
  if (!Number.isFinite(n))
    return {
      ok: false,
      code: 'not_number',
      reason: `'${String(cell)}' is not a number`,
      params: { value: String(cell) },
    };
  let value = n;
  if (metric.unit === 'cny') {
    const cents = ratioOf(n);
    cents.num *= 100n;
    if (cents.num % cents.den !== 0n)
      return {
        ok: false,
        code: 'fraction_cent',
        reason: `${n} has fractions of a cent; round it to 2 decimal places`,
        params: { value: n },
      };
    value = Number(cents.num / cents.den);
  } else if (metric.unit === 'ratio') value = Math.round((n / 100) * 1e12) / 1e12;
  const check = checkTargetValue(metric, value);
  if (!check.ok)
    return {
      ok: false,
      code: n < 0 ? 'negative' : 'fraction_unit',
      params: { value: n },
      reason:
        metric.unit === 'cny' || metric.unit === 'ratio'
          ? `${n}: ${check.reason.replace(/, got .*$/, '')}`
          : check.reason,
    };
  return { ok: true, value };
}

export type GridIssue = {
  rowNumber: number;
  column: string;
  header: string;
  code: GridIssueCode;
  reason: string;
  params: Params;
};
export type GridCell = {
  rowNumber: number;
  column: string;
  kind: GridSubjectKind;
  id: string;
  periodKey: string;
  value: number;
};
export type GridRead = {
  metricId: string | null;
  yearKey: string | null;
  cells: GridCell[];
  issues: GridIssue[];
  /** Worth a look, not refused (a year that is not the sum of its months). */
  warnings: GridIssue[];
};

export type GridInput = {
  /** The title row's cells and every later row, as a spreadsheet reader returns them. */
  title: readonly unknown[];
  rows: ReadonlyArray<{ rowNumber: number; cells: readonly unknown[] }>;
};

export type GridExpectation = {
  metric: GridUnit;
  yearKey: string;
  monthKeys: readonly string[];
  /** `unit:<code>` / `person:<code>` -> the record's id. */
  subjects: ReadonlyMap<string, string>;
};

export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const text = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** The metric id and year key named in the title row (the cell after each label). */
export function readGridTitle(title: readonly unknown[]): { metricId: string | null; yearKey: string | null } {
  const after = (pattern: RegExp) => {
    const i = title.findIndex((c) => pattern.test(text(c)));
    return i >= 0 ? text(title[i + 1]) || null : null;
  };
  return { metricId: after(/metric|指标/i), yearKey: after(/year|年度/i) };
}

function kindOf(cell: unknown): GridSubjectKind | null {
  const t = text(cell).toLowerCase();
  if (/unit|单位|团队|部门/.test(t)) return 'unit';
  if (/person|人员|员工|销售/.test(t)) return 'person';
  return null;
}

export function readGrid(input: GridInput, expected: GridExpectation): GridRead {
  const { metricId, yearKey } = readGridTitle(input.title);
  const issues: GridIssue[] = [];
  const warnings: GridIssue[] = [];
  const cells: GridCell[] = [];
  const [header, ...body] = input.rows;
  const titleIssue = (code: GridIssueCode, reason: string, params: Params) =>
    issues.push({ rowNumber: 1, column: 'A', header: '', code, reason, params });
  if (metricId !== expected.metric.id)
    titleIssue(
      'title_metric',
      `the title row names metric '${metricId ?? ''}'; this import is for '${expected.metric.id}'`,
      { found: metricId ?? '', expected: expected.metric.id },
    );
  if (yearKey !== expected.yearKey)
    titleIssue('title_year', `the title row names year '${yearKey ?? ''}'; this import is for '${expected.yearKey}'`, {
      found: yearKey ?? '',
      expected: expected.yearKey,
    });
  if (!header) {
    titleIssue('no_header', 'the file has no header row under the title', {});
    return { metricId, yearKey, cells, issues, warnings };
  }
  const headers = header.cells.map(text);
  const find = (pattern: RegExp) => headers.findIndex((h) => pattern.test(h));
  const kindCol = find(/kind|类型/i);
  const codeCol = find(/code|编码/i);
  const ignored = new Set([kindCol, codeCol, find(/name|名称/i), find(/parent|上级/i)]);
  for (const [col, name] of [
    [kindCol, GRID_HEADER.kind],
    [codeCol, GRID_HEADER.code],
  ] as const) {
    if (col < 0)
      issues.push({
        rowNumber: header.rowNumber,
        column: '',
        header: name,
        code: 'missing_column',
        reason: `the column ${name} is missing`,
        params: { column: name },
      });
  }
  const periodOf = new Map<number, string>();
  headers.forEach((h, col) => {
    if (ignored.has(col) || h === '') return;
    const key = h.split(/\s+/)[0] ?? '';
    if (key === expected.yearKey || expected.monthKeys.includes(key)) periodOf.set(col, key);
    else
      issues.push({
        rowNumber: header.rowNumber,
        column: columnLetter(col),
        header: h,
        code: 'bad_column',
        reason: `'${h}' is not a month of ${expected.yearKey} nor the year itself`,
        params: { header: h, year: expected.yearKey },
      });
  });
  if (kindCol < 0 || codeCol < 0) return { metricId, yearKey, cells, issues, warnings };

  const seen = new Map<string, number>();
  for (const row of body) {
    const at = (col: number) => ({ rowNumber: row.rowNumber, column: columnLetter(col), header: headers[col] ?? '' });
    const kind = kindOf(row.cells[kindCol]);
    const code = text(row.cells[codeCol]);
    if (!kind) {
      issues.push({
        ...at(kindCol),
        code: 'bad_kind',
        reason: `'${text(row.cells[kindCol])}' is not a kind: write unit or person`,
        params: { value: text(row.cells[kindCol]) },
      });
      continue;
    }
    const id = expected.subjects.get(`${kind}:${code}`);
    if (!id) {
      issues.push({
        ...at(codeCol),
        code: 'unknown_code',
        reason: `there is no ${kind} with the code '${code}'`,
        params: { kind, code },
      });
      continue;
    }
    const earlier = seen.get(`${kind}:${id}`);
    if (earlier !== undefined) {
      issues.push({
        ...at(codeCol),
        code: 'duplicate',
        reason: `the ${kind} '${code}' is already on row ${earlier}`,
        params: { kind, code, row: earlier },
      });
      continue;
    }
    seen.set(`${kind}:${id}`, row.rowNumber);
    const rowCells: GridCell[] = [];
    for (const [col, periodKey] of periodOf) {
      const raw = row.cells[col];
      if (raw === null || raw === undefined || text(raw) === '') continue;
      const read = fromGridValue(raw, expected.metric);
      if (!read.ok) issues.push({ ...at(col), code: read.code, reason: read.reason, params: read.params });
      else
        rowCells.push({ rowNumber: row.rowNumber, column: columnLetter(col), kind, id, periodKey, value: read.value });
    }
    const year = rowCells.find((c) => c.periodKey === expected.yearKey);
    const months = rowCells.filter((c) => c.periodKey !== expected.yearKey);
    if (expected.metric.aggregation === 'sum' && year && months.length === expected.monthKeys.length) {
      const sum = months.reduce((s, c) => s + c.value, 0);
      if (sum !== year.value) {
        const [yearShown, sumShown] = [
          toGridValue(year.value, expected.metric.unit),
          toGridValue(sum, expected.metric.unit),
        ];
        warnings.push({
          ...at([...periodOf].find(([, k]) => k === expected.yearKey)?.[0] ?? 0),
          code: 'year_sum',
          reason: `the year ${yearShown} is not the sum of its months ${sumShown}`,
          params: { year: yearShown, sum: sumShown },
        });
      }
    }
    cells.push(...rowCells);
  }
  return { metricId, yearKey, cells, issues, warnings };
}
