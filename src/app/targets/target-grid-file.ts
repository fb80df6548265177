import ExcelJS from 'exceljs';
import { loadMemberships } from '../../db/repositories/org.repository.ts';
import { peopleInScope } from '../../db/repositories/records.repository.ts';
import { loadGridSubjects } from '../../db/repositories/target-grid.repository.ts';
import { findTargets, listTargets, targetKeyOf } from '../../db/repositories/targets.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import {
  GRID_HEADER,
  GRID_TITLE,
  type GridIssue,
  KIND_LABEL,
  readGrid,
  toGridValue,
} from '../../domain/targets/target-grid.ts';
import { type Period, periodSeries } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { readTable } from '../files/read-table.ts';
import { resolvePeriod, type Subject } from '../metrics/compute-metrics.ts';
import { assertCanTarget, metricDefs, setTargets } from './set-targets.ts';

// Targets in the grid shape a director builds in Excel (issue 5): units and people down, the
// year's months and the year across, one metric per file. Export the grid as it stands; import it
// back as a dry run (every bad cell named by row, column and reason) or all or nothing, through
// set-targets so every change keeps its history. The layout rules live in domain/targets/target-grid.ts.

const UNIT_LABEL: Record<MetricDef['unit'], string> = {
  cny: '元 yuan',
  count: '个 count',
  ratio: '% percent',
  score: '分 score',
};

type GridRow = { kind: 'unit' | 'person'; id: string; code: string; name: string; parent: string; depth: number };

async function yearAndMetric(deps: AppDeps, actor: Actor, metricId: string, yearKey: string) {
  const year = resolvePeriod(actor, yearKey);
  if (year.kind !== 'year')
    throw new ValidationError('targets', [
      {
        index: 0,
        field: 'year',
        code: 'format',
        reason: `a targets grid covers a year; ${year.key} is a ${year.kind}`,
      },
    ]);
  const def = (await metricDefs(deps, actor)).get(metricId);
  if (!def)
    throw new ValidationError('targets', [
      { index: 0, field: 'metricId', code: 'unknown_ref', reason: `no metric '${metricId}'` },
    ]);
  const months = periodSeries('month', year.end, 12, { fiscalYearStartMonth: actor.fiscalYearStartMonth });
  return { year, def, months };
}

/** The org tree as grid rows: each unit, its sub-units, then the people whose last unit in the year it is. */
async function gridRows(deps: AppDeps, actor: Actor, year: Period): Promise<GridRow[]> {
  const [{ units, people }, memberships] = await Promise.all([
    loadGridSubjects(deps.db, actor.tenantId),
    loadMemberships(deps.db, actor.tenantId, year),
  ]);
  const visible = await peopleInScope(
    deps.db,
    actor,
    people.map((p) => p.id),
  );
  const lastUnit = new Map<string, { unitId: string; startOn: string }>();
  for (const m of memberships) {
    const seen = lastUnit.get(m.personId);
    if (!seen || m.startOn > seen.startOn) lastUnit.set(m.personId, { unitId: m.unitId, startOn: m.startOn });
  }
  const codeOfUnit = new Map(units.map((u) => [u.id, u.externalId ?? u.id]));
  const rows: GridRow[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const u of units.filter((x) => x.parentId === parentId)) {
      rows.push({
        kind: 'unit',
        id: u.id,
        code: u.externalId ?? u.id,
        name: u.name,
        parent: parentId ? (codeOfUnit.get(parentId) ?? '') : '',
        depth,
      });
      walk(u.id, depth + 1);
      for (const p of people.filter((x) => lastUnit.get(x.id)?.unitId === u.id && visible.has(x.id)))
        rows.push({
          kind: 'person',
          id: p.id,
          code: p.externalId ?? p.id,
          name: p.name,
          parent: u.externalId ?? u.id,
          depth: depth + 1,
        });
    }
  };
  walk(null, 0);
  return rows;
}

export async function exportTargetGrid(deps: AppDeps, actor: Actor, input: { metricId: string; yearKey: string }) {
  const { year, def, months } = await yearAndMetric(deps, actor, input.metricId, input.yearKey);
  const [rows, targets] = await Promise.all([
    gridRows(deps, actor, year),
    listTargets(deps.db, actor.tenantId, { metricId: def.id, overlapping: year }),
  ]);
  const targetValue = new Map(targets.map((t) => [`${t.subjectKind}:${t.subjectId}|${t.periodKey}`, t.value]));
  const periods = [...months.map((m) => m.key), year.key];

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${def.id} ${year.key}`.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 4, ySplit: 2 }],
  });
  const title = sheet.addRow([
    GRID_TITLE.metric,
    def.id,
    `${def.name['zh-CN']} ${def.name.en}`,
    GRID_TITLE.year,
    year.key,
    GRID_TITLE.unit,
    UNIT_LABEL[def.unit],
  ]);
  title.font = { bold: true };
  const header = sheet.addRow([
    GRID_HEADER.kind,
    GRID_HEADER.code,
    GRID_HEADER.name,
    GRID_HEADER.parent,
    ...months.map((m) => m.key),
    `${year.key} ${GRID_HEADER.total}`,
  ]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const r of rows) {
    const row = sheet.addRow([
      KIND_LABEL[r.kind],
      r.code,
      r.name,
      r.parent || null,
      ...periods.map((key) => {
        const v = targetValue.get(`${r.kind}:${r.id}|${key}`);
        return v === undefined ? null : toGridValue(v, def.unit);
      }),
    ]);
    row.getCell(3).alignment = { indent: r.depth };
    if (r.kind === 'unit') row.font = { bold: true };
  }
  const format = def.unit === 'cny' ? '#,##0.00' : def.unit === 'ratio' ? '0.##' : '0';
  for (let c = 5; c <= 4 + periods.length; c++) {
    sheet.getColumn(c).numFmt = format;
    sheet.getColumn(c).width = 13;
  }
  sheet.getColumn(1).width = 12;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 24;
  sheet.getColumn(4).width = 12;
  return {
    fileName: `targets-${def.id}-${year.key}.xlsx`,
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

export type GridChange = {
  rowNumber: number;
  column: string;
  subject: Subject;
  periodKey: string;
  oldValue: number | null;
  newValue: number;
};

export type GridImportReport = {
  metricId: string;
  year: string;
  fileName: string;
  cells: number;
  changes: GridChange[];
  issues: GridIssue[];
  warnings: GridIssue[];
  isCommitted: boolean;
};

export async function importTargetGrid(
  deps: AppDeps,
  actor: Actor,
  input: { metricId: string; yearKey: string; bytes: Buffer; fileName: string; dryRun: boolean },
): Promise<GridImportReport> {
  const { year, def, months } = await yearAndMetric(deps, actor, input.metricId, input.yearKey);
  const table = await readTable({ bytes: input.bytes, fileName: input.fileName });
  const { units, people } = await loadGridSubjects(deps.db, actor.tenantId);
  const subjects = new Map<string, string>([
    ...units.map((u) => [`unit:${u.externalId ?? u.id}`, u.id] as const),
    ...people.map((p) => [`person:${p.externalId ?? p.id}`, p.id] as const),
    // A record without a code is exported by its id; an id is accepted for one with a code too.
    ...units.map((u) => [`unit:${u.id}`, u.id] as const),
    ...people.map((p) => [`person:${p.id}`, p.id] as const),
  ]);
  const grid = readGrid(
    { title: table.headers, rows: table.rows },
    { metric: def, yearKey: year.key, monthKeys: months.map((m) => m.key), subjects },
  );
  const keys = grid.cells.map((c) => ({
    metricId: def.id,
    subjectKind: c.kind,
    subjectId: c.id,
    periodKey: c.periodKey,
  }));
  const existing = await findTargets(deps.db, actor.tenantId, keys);
  const changes: GridChange[] = [];
  const locks: boolean[] = [];
  grid.cells.forEach((c, i) => {
    const found = existing.get(targetKeyOf(keys[i] as (typeof keys)[number]));
    if (found?.value === c.value) return;
    changes.push({
      rowNumber: c.rowNumber,
      column: c.column,
      subject: { kind: c.kind, id: c.id },
      periodKey: c.periodKey,
      oldValue: found?.value ?? null,
      newValue: c.value,
    });
    locks.push(found?.isLocked === 1);
  });
  // A manager may change only their units' and people's targets: the dry run says so as the commit would.
  await assertCanTarget(
    deps,
    actor,
    changes.map((c) => c.subject),
  );
  const report = {
    metricId: def.id,
    year: year.key,
    fileName: input.fileName,
    cells: grid.cells.length,
    changes,
    issues: grid.issues,
    warnings: grid.warnings,
    isCommitted: false,
  };
  if (grid.issues.length > 0 && !input.dryRun)
    throw new ValidationError(
      'targets',
      grid.issues.map((i) => ({
        index: i.rowNumber,
        rowNumber: i.rowNumber,
        field: i.header || i.column,
        code: 'rule',
        reason: `row ${i.rowNumber}, column ${i.column}${i.header ? ` (${i.header})` : ''}: ${i.reason}`,
      })),
      `${grid.issues.length} bad cell(s) in ${input.fileName}: nothing was imported`,
    );
  if (input.dryRun || changes.length === 0) return report;
  await setTargets(
    deps,
    actor,
    changes.map((c, i) => ({
      metricId: def.id,
      subject: c.subject,
      periodKey: c.periodKey,
      value: c.newValue,
      isLocked: locks[i] ?? false,
      reason: `imported from ${input.fileName} (row ${c.rowNumber}, column ${c.column})`,
    })),
    'import',
  );
  return { ...report, isCommitted: true };
}
