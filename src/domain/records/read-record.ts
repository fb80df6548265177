import { type CoerceContext, coerceField } from './coerce.ts';
import type { CheckContext, Issue, RecordKind, RecordValues } from './field.ts';
import { FULL_SHARE_BP, type ShareEntry } from './rules.ts';

// The two pure steps around reference resolution: read the raw input into typed values, then
// complete the record (merge with what is stored, defaults, required fields, rules, derived values).

const ALWAYS_ALLOWED = new Set(['id', 'createdAt', 'updatedAt']);

export function readRecordInput(
  kind: RecordKind,
  raw: Record<string, unknown>,
  ctx: CoerceContext,
): { values: RecordValues; issues: Issue[] } {
  const values: RecordValues = {};
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'externalId' && kind.hasExternalId) {
      if (value === undefined) continue;
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
        issues.push({ field: key, code: 'type', reason: 'externalId must be text' });
        continue;
      }
      const text = value === null ? null : String(value).trim() || null;
      if (text !== null && text.length > 200)
        issues.push({ field: key, code: 'length', reason: 'externalId is longer than 200 characters' });
      else values.externalId = text;
      continue;
    }
    if (ALWAYS_ALLOWED.has(key)) continue;
    const field = kind.fields.find((f) => f.name === key);
    if (!field) {
      issues.push({ field: key, code: 'unknown_field', reason: `${kind.name} has no field ${key}` });
      continue;
    }
    if (field.isReadOnly) {
      // Sending back a value read from the API is harmless; only a change is refused later.
      continue;
    }
    if (field.isImportOnly && ctx.source === 'api') {
      issues.push({
        field: key,
        code: 'read_only',
        reason: `${key} is set by the server (only an import may carry it)`,
      });
      continue;
    }
    const coerced = coerceField(field, value, ctx);
    if (coerced.ok) {
      if (coerced.value !== undefined) values[key] = coerced.value;
    } else issues.push(coerced.issue);
  }
  return { values, issues };
}

export type CompleteContext = CheckContext & { selfPersonId?: string };

export function completeRecord(
  kind: RecordKind,
  input: RecordValues,
  existing: RecordValues | undefined,
  ctx: CompleteContext,
): { record: RecordValues; issues: Issue[] } {
  const issues: Issue[] = [];
  const record: RecordValues = { ...(existing ?? {}), ...input };
  for (const field of kind.fields) {
    if (existing && field.isImmutable && field.name in input && input[field.name] !== existing[field.name]) {
      issues.push({ field: field.name, code: 'immutable', reason: `${field.name} cannot be changed once recorded` });
      record[field.name] = existing[field.name];
    }
    const isEmpty = record[field.name] === undefined || record[field.name] === null;
    // New records take every default; clearing a field with a fixed default resets it to that default.
    if (isEmpty && field.default && (!existing || field.default.kind === 'value')) {
      const d = field.default;
      const value =
        d.kind === 'today'
          ? ctx.today
          : d.kind === 'now'
            ? ctx.now
            : d.kind === 'self'
              ? ctx.selfPersonId
              : d.kind === 'value'
                ? d.value
                : undefined;
      if (value !== undefined) record[field.name] = value;
    }
  }
  fillInShares(kind, record);
  for (const field of kind.fields) {
    const value = record[field.name];
    if (field.isRequired && (value === undefined || value === null || value === ''))
      issues.push({ field: field.name, code: 'required', reason: `${field.name} is required` });
  }
  if (issues.length === 0 && kind.check) issues.push(...kind.check(record, ctx));
  if (issues.length === 0 && kind.derive) Object.assign(record, kind.derive(record, ctx));
  return { record, issues };
}

/** Without an explicit team or split, the owner gets 100% (spec 2). */
function fillInShares(kind: RecordKind, record: RecordValues): void {
  const owner = record.ownerId;
  if (typeof owner !== 'string') return;
  if (kind.name === 'deals' && !record.team)
    record.team = [{ personId: owner, role: 'owner', shareBp: FULL_SHARE_BP }] satisfies ShareEntry[];
  if (kind.name === 'contracts' && !record.splits)
    record.splits = [{ personId: owner, shareBp: FULL_SHARE_BP }] satisfies ShareEntry[];
}
