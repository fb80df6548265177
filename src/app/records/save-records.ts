import { uuidv7 } from 'uuidv7';
import { appendAudit, appendUsage } from '../../db/repositories/journal.repository.ts';
import {
  findByColumn,
  getRecords,
  insertRecords,
  updateRecords,
  writableIds,
} from '../../db/repositories/records.repository.ts';
import type { Source } from '../../domain/records/coerce.ts';
import type { Issue, RecordKind, RecordValues } from '../../domain/records/field.ts';
import { completeRecord, readRecordInput } from '../../domain/records/read-record.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError } from '../errors.ts';
import { prefillDisputes, prefillFromDeals, runAfterWrite, runBatchChecks } from './record-hooks.ts';
import { assertCanWrite } from './record-policy.ts';
import { resolveReferences } from './resolve-references.ts';

// The one write path for every record kind, used by the REST API (one record), batch sync and
// file import (many): read -> resolve references (set-based) -> complete and check -> DB checks
// -> all-or-nothing write (or skip bad rows) -> usage record and audit log -> scope re-check.

export type SaveMode = 'create' | 'update' | 'upsert';
export type SaveInput = { raw: Record<string, unknown>; id?: string; rowNumber?: number };
export type SaveOptions = {
  source: Source;
  dryRun?: boolean;
  skipInvalid?: boolean;
  onProgress?: (phase: 'check' | 'write', done: number, total: number) => void;
};

export type RowIssue = Issue & { index: number; rowNumber?: number; externalId?: string; recordId?: string };

export type PreparedRow = {
  index: number;
  rowNumber?: number;
  input: RecordValues;
  existing?: RecordValues;
  record: RecordValues;
  issues: Issue[];
  warnings: Issue[];
  action: 'create' | 'update' | 'unchanged';
  /** The id a new record will get, known early so rows of one batch can refer to each other. */
  newId?: string;
};

export type SaveReport = {
  kind: string;
  total: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  skippedRows: number[];
  issues: RowIssue[];
  warnings: RowIssue[];
  records: RecordValues[];
  isCommitted: boolean;
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const keyOf = (kind: RecordKind) => (kind.hasExternalId ? 'externalId' : kind.naturalKey);

export async function saveRecords(
  deps: AppDeps,
  actor: Actor,
  kind: RecordKind,
  mode: SaveMode,
  inputs: SaveInput[],
  options: SaveOptions,
): Promise<SaveReport> {
  assertCanWrite(kind, actor);
  const ctx = {
    today: actor.today,
    now: actor.now,
    timeZone: actor.timeZone,
    selfPersonId: actor.personId ?? undefined,
  };
  const rows: PreparedRow[] = inputs.map((input, index) => {
    const { values, issues } = readRecordInput(kind, input.raw, { source: options.source, timeZone: actor.timeZone });
    if (input.id) values.id = input.id;
    return { index, rowNumber: input.rowNumber, input: values, record: {}, issues, warnings: [], action: 'create' };
  });

  await attachExisting(deps, actor, kind, mode, rows);
  for (const row of rows) if (!row.existing) row.newId = uuidv7();
  const batchIds = new Map<string, string>();
  for (const row of rows)
    if (typeof row.input.externalId === 'string')
      batchIds.set(row.input.externalId, String(row.existing?.id ?? row.newId));
  await resolveReferences(deps.db, actor.tenantId, kind, rows, batchIds);
  await prefillFromDeals(deps, actor, kind, rows);
  await prefillDisputes(deps, actor, kind, rows);

  for (const row of rows) {
    if (row.issues.length > 0) continue;
    const { record, issues } = completeRecord(kind, row.input, row.existing, ctx);
    row.record = record;
    row.issues.push(...issues);
    if (!row.existing) row.record.id = row.newId;
    if (row.index % 500 === 499 && options.onProgress) {
      options.onProgress('check', row.index + 1, rows.length);
      // A long check yields now and then, so the server answers meanwhile (the wizard's progress polls).
      await yieldToEventLoop();
    }
  }
  options.onProgress?.('check', rows.length, rows.length);
  await runBatchChecks(deps, actor, kind, rows);
  for (const row of rows) {
    if (row.issues.length > 0) continue;
    if (row.existing) row.action = isSameRecord(kind, row.existing, row.record) ? 'unchanged' : 'update';
  }

  const report = buildReport(kind, rows, options);
  const bad = rows.filter((r) => r.issues.length > 0);
  if (options.dryRun || (bad.length > 0 && !options.skipInvalid)) return report;

  const good = rows.filter((r) => r.issues.length === 0);
  const creates = parentsFirst(
    kind,
    good.filter((r) => r.action === 'create'),
  );
  const updates = good.filter((r) => r.action === 'update');
  const stamp = actor.now;
  for (const r of creates) Object.assign(r.record, { createdAt: stamp, updatedAt: stamp });
  for (const r of updates) r.record.updatedAt = stamp;

  if (options.onProgress) {
    options.onProgress('write', 0, creates.length + updates.length);
    await yieldToEventLoop(); // not inside the transaction: it holds the connection
  }
  await deps.db.transaction().execute(async (tx) => {
    await insertRecords(
      tx,
      actor.tenantId,
      kind,
      creates.map((r) => r.record),
    );
    await updateRecords(
      tx,
      actor.tenantId,
      kind,
      updates.map((r) => r.record),
    );
    await runAfterWrite(tx, actor, kind, [...creates, ...updates]);
    const written = [...creates, ...updates];
    const allowed = await writableIds(
      tx,
      actor,
      kind,
      written.map((r) => String(r.record.id)),
    );
    const refused = written.filter((r) => !allowed.has(String(r.record.id)));
    if (refused.length > 0) {
      throw new ForbiddenError(
        `${actor.role} may not write ${kind.name} outside their data scope (row ${refused[0]?.rowNumber ?? refused[0]?.index})`,
      );
    }
    await journal(tx, actor, kind, written, options.source);
    options.onProgress?.('write', written.length, written.length);
  });
  report.isCommitted = true;
  report.records = good.map((r) => r.record);
  return report;
}

async function attachExisting(deps: AppDeps, actor: Actor, kind: RecordKind, mode: SaveMode, rows: PreparedRow[]) {
  const key = keyOf(kind);
  if (mode === 'update') {
    const ids = rows.map((r) => String(r.input.id));
    const found = await getRecords(deps.db, actor.tenantId, kind, ids, { scope: actor, today: actor.today });
    for (const row of rows) {
      row.existing = found.get(String(row.input.id));
      if (!row.existing)
        row.issues.push({ code: 'unknown_ref', reason: `${kind.name} ${String(row.input.id)} does not exist` });
    }
    return;
  }
  const byId = rows.filter((r) => typeof r.input.id === 'string');
  if (byId.length > 0) {
    // An upsert row that names a Pacer id (an exported file coming back) updates that record.
    const found = await getRecords(
      deps.db,
      actor.tenantId,
      kind,
      byId.map((r) => String(r.input.id)),
      { scope: actor, today: actor.today },
    );
    for (const row of byId) {
      row.existing = found.get(String(row.input.id));
      if (!row.existing)
        row.issues.push({
          field: 'id',
          code: 'unknown_ref',
          reason: `${kind.name} ${String(row.input.id)} does not exist`,
        });
    }
  }
  if (!key) return;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const value = row.input[key];
    if (typeof value !== 'string') continue;
    const first = seen.get(value);
    if (first !== undefined)
      row.issues.push({
        field: key,
        code: 'duplicate_key',
        reason: `${key} '${value}' appears more than once in this batch (first at row ${rows[first]?.rowNumber ?? first})`,
      });
    else seen.set(value, row.index);
  }
  const found = await findByColumn(deps.db, actor.tenantId, kind, key, [...seen.keys()], actor.today);
  for (const row of rows) {
    const existing = found.get(String(row.input[key]));
    if (!existing || row.existing) continue;
    if (mode === 'create')
      row.issues.push({
        field: key,
        code: 'duplicate_key',
        reason: `${key} '${String(row.input[key])}' is already used by ${kind.name} ${String(existing.id)}`,
      });
    else {
      row.existing = existing;
      row.input.id = existing.id;
    }
  }
  // An upsert may only change what the actor may see: an invisible match is refused, never revealed.
  const matched = rows.filter((r) => r.existing && !byId.includes(r)).map((r) => String(r.existing?.id));
  if (mode === 'upsert' && matched.length > 0) {
    const visible = await getRecords(deps.db, actor.tenantId, kind, matched, { scope: actor, today: actor.today });
    for (const row of rows)
      if (row.existing && !visible.has(String(row.existing.id)))
        row.issues.push({
          field: key,
          code: 'conflict',
          reason: `${key} '${String(row.input[key])}' belongs to a record outside your data scope`,
        });
  }
}

/** Rows that refer to rows of the same batch are inserted after them (foreign keys check per statement). */
function parentsFirst(kind: RecordKind, rows: PreparedRow[]): PreparedRow[] {
  const selfRefs = kind.fields.filter((f) => f.type === 'ref' && f.refKind === kind.name).map((f) => f.name);
  if (selfRefs.length === 0) return rows;
  const pending = new Map(rows.map((r) => [String(r.record.id), r]));
  const ordered: PreparedRow[] = [];
  const visit = (row: PreparedRow, depth: number) => {
    if (!pending.has(String(row.record.id)) || depth > rows.length) return;
    pending.delete(String(row.record.id));
    for (const f of selfRefs) {
      const parent = pending.get(String(row.record[f]));
      if (parent) visit(parent, depth + 1);
    }
    ordered.push(row);
  };
  for (const row of rows) visit(row, 0);
  return ordered;
}

function isSameRecord(kind: RecordKind, a: RecordValues, b: RecordValues): boolean {
  return (
    kind.fields.every((f) => JSON.stringify(a[f.name] ?? null) === JSON.stringify(b[f.name] ?? null)) &&
    (a.externalId ?? null) === (b.externalId ?? null)
  );
}

function buildReport(kind: RecordKind, rows: PreparedRow[], options: SaveOptions): SaveReport {
  const tag = (r: PreparedRow, i: Issue): RowIssue => ({
    ...i,
    index: r.index,
    ...(r.rowNumber !== undefined ? { rowNumber: r.rowNumber } : {}),
    ...(typeof r.input.externalId === 'string' ? { externalId: r.input.externalId } : {}),
    ...(r.existing ? { recordId: String(r.existing.id) } : {}),
  });
  const bad = rows.filter((r) => r.issues.length > 0);
  const good = rows.filter((r) => r.issues.length === 0);
  // A dry run lists what the write would do (a record to create has a provisional id); a refused
  // write (bad rows without skipping them) did nothing.
  const ids = (action: PreparedRow['action']) =>
    !options.dryRun && bad.length > 0 && !options.skipInvalid
      ? []
      : good.filter((r) => r.action === action).map((r) => String(r.record.id ?? r.newId));
  return {
    kind: kind.name,
    total: rows.length,
    created: ids('create'),
    updated: ids('update'),
    unchanged: ids('unchanged'),
    skippedRows: options.skipInvalid ? bad.map((r) => r.rowNumber ?? r.index) : [],
    issues: bad.flatMap((r) => r.issues.map((i) => tag(r, i))),
    warnings: rows.flatMap((r) => r.warnings.map((i) => tag(r, i))),
    records: [],
    isCommitted: false,
  };
}

async function journal(tx: AppDeps['db'], actor: Actor, kind: RecordKind, written: PreparedRow[], source: Source) {
  const onDate = actor.today;
  // A usage record per write a person makes: one per API write, one per import or sync batch.
  const usageRows = source === 'import' ? written.slice(0, 1) : written;
  await appendUsage(
    tx,
    actor.tenantId,
    usageRows.map((r) => ({
      id: uuidv7(),
      userId: actor.userId,
      personId: actor.personId,
      at: actor.now,
      onDate,
      action: source === 'import' ? 'import' : r.action,
      recordKind: kind.name,
      recordId: source === 'import' ? null : String(r.record.id),
    })),
  );
  // Imports and syncs are journalled as one entry; single API writes keep before and after.
  const entries =
    source === 'import'
      ? [
          {
            id: uuidv7(),
            at: actor.now,
            actorUserId: actor.userId,
            action: 'import',
            recordKind: kind.name,
            recordId: null,
            beforeJson: null,
            afterJson: JSON.stringify({
              created: written.filter((r) => r.action === 'create').length,
              updated: written.filter((r) => r.action === 'update').length,
            }),
            reason: null,
          },
        ]
      : written.map((r) => ({
          id: uuidv7(),
          at: actor.now,
          actorUserId: actor.userId,
          action: r.action,
          recordKind: kind.name,
          recordId: String(r.record.id),
          beforeJson: r.existing ? JSON.stringify(r.existing) : null,
          afterJson: JSON.stringify(r.record),
          reason: null,
        }));
  await appendAudit(tx, actor.tenantId, entries);
}
