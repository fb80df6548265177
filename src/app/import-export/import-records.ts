import { refreshStatistics } from '../../db/database.ts';
import type { Locale, RecordKind } from '../../domain/records/field.ts';
import type { Actor, AppDeps } from '../context.ts';
import { type ReadLimits, readTable } from '../files/read-table.ts';
import { type SaveReport, saveRecords } from '../records/save-records.ts';
import { headerOf, mapHeaders } from './columns.ts';

// A spreadsheet import: read the file (CSV in UTF-8 or GBK, or XLSX, with size and zip-bomb
// guards), map its headers, then the shared write path as one upsert by externalId: a dry run
// reports every bad row and field; a commit is all-or-nothing unless bad rows are to be skipped.

export type ImportOptions = {
  dryRun?: boolean;
  skipInvalid?: boolean;
  locale?: Locale;
  limits?: Partial<ReadLimits>;
  onProgress?: (phase: 'check' | 'write', done: number, total: number) => void;
};

export type ImportReport = SaveReport & {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding?: string;
  ignoredColumns: string[];
};

export async function importFile(
  deps: AppDeps,
  actor: Actor,
  kind: RecordKind,
  file: { bytes: Buffer; fileName: string },
  options: ImportOptions = {},
): Promise<ImportReport> {
  const table = await readTable(file, options.limits);
  const mapping = mapHeaders(kind, table.headers);
  const base = {
    fileName: file.fileName,
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ignoredColumns: mapping.ignored,
  };
  if (mapping.missing.length > 0) {
    const locale = options.locale ?? 'zh-CN';
    return {
      ...base,
      kind: kind.name,
      total: table.rows.length,
      created: [],
      updated: [],
      unchanged: [],
      skippedRows: [],
      warnings: [],
      records: [],
      isCommitted: false,
      issues: mapping.missing.map((c) => ({
        index: -1,
        rowNumber: 1,
        field: c.key,
        code: 'required' as const,
        reason: `the file has no column '${headerOf(c, locale, false)}' (${c.key}), which is required`,
      })),
    };
  }
  const inputs = table.rows.map((row) => {
    const raw: Record<string, unknown> = {};
    row.cells.forEach((cell, i) => {
      const column = mapping.byIndex[i];
      if (column && cell !== null && cell !== undefined) raw[column.key] = cell;
    });
    const { id, ...rest } = raw;
    return {
      raw: rest,
      rowNumber: row.rowNumber,
      ...(id !== undefined && id !== null ? { id: String(id).trim() } : {}),
    };
  });
  const report = await saveRecords(deps, actor, kind, 'upsert', inputs, {
    source: 'import',
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
    onProgress: options.onProgress,
  });
  // A large import changes the tables' shape: refresh the planner's statistics.
  if (report.isCommitted && report.created.length + report.updated.length >= 1_000)
    await refreshStatistics(deps.db, deps.dialect);
  return { ...base, ...report, records: [] };
}
