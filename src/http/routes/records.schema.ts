import { z } from 'zod';
import type { FieldDef, RecordKind, RecordValues } from '../../domain/records/field.ts';
import type { ShareEntry } from '../../domain/records/rules.ts';

// Zod schemas derived from the record kinds: they validate requests and document every route
// in OpenAPI. The deeper rules (shares sum to 100%, dates exist, references resolve) run in the
// shared write path, so the API, batch sync and file import give the same answers.

const shareOut = z.object({ personId: z.string(), role: z.enum(['owner', 'assist']).optional(), sharePct: z.number() });

function fieldSchema(field: FieldDef, direction: 'in' | 'out'): z.ZodType {
  const described = (s: z.ZodType, extra?: string) =>
    s.describe([`${field.label.en} (${field.label['zh-CN']})`, extra, field.help?.en].filter(Boolean).join('. '));
  switch (field.type) {
    case 'string':
    case 'text':
      return described(field.maxLength && direction === 'in' ? z.string().max(field.maxLength) : z.string());
    case 'integer':
      return described(z.number().int());
    case 'money':
      return described(z.number().int(), 'integer cents (分)');
    case 'date':
      return described(z.string(), 'date YYYY-MM-DD');
    case 'datetime':
      return described(z.string(), 'ISO 8601 date-time; without an offset it is read in the tenant time zone');
    case 'month':
      return described(z.string(), 'month YYYY-MM');
    case 'enum':
      return described(z.enum(field.values as [string, ...string[]]));
    case 'ref':
      return described(
        z.string(),
        direction === 'in' ? `id or externalId of a ${field.refKind} record` : `id of a ${field.refKind} record`,
      );
    case 'team':
      return described(
        z.array(
          direction === 'in'
            ? z.object({ personId: z.string(), role: z.enum(['owner', 'assist']), sharePct: z.number() })
            : shareOut,
        ),
        'shares must sum to exactly 100',
      );
    case 'splits':
      return described(
        z.array(direction === 'in' ? z.object({ personId: z.string(), sharePct: z.number() }) : shareOut),
        'shares must sum to exactly 100',
      );
  }
}

// Schemas with an id are registered globally once (zod refuses a second schema with the same id).
const memo = new Map<string, z.ZodType>();
function once<T extends z.ZodType>(key: string, make: () => T): T {
  const found = memo.get(key);
  if (found) return found as T;
  const made = make();
  memo.set(key, made);
  return made;
}

export function recordOutputSchema(kind: RecordKind) {
  return once(`${kind.name}:out`, () => makeOutputSchema(kind));
}

function makeOutputSchema(kind: RecordKind) {
  const shape: Record<string, z.ZodType> = { id: z.string() };
  if (kind.hasExternalId) shape.externalId = z.string().nullable();
  for (const field of kind.fields) shape[field.name] = fieldSchema(field, 'out').nullable();
  if (!kind.hasNoStamps) {
    shape.createdAt = z.string();
    shape.updatedAt = z.string();
  }
  return z.object(shape).meta({ id: `${kind.name}Record` });
}

export function recordInputSchema(kind: RecordKind, mode: 'create' | 'update' | 'batch') {
  return once(`${kind.name}:${mode}`, () => makeInputSchema(kind, mode));
}

function makeInputSchema(kind: RecordKind, mode: 'create' | 'update' | 'batch') {
  const shape: Record<string, z.ZodType> = {};
  if (kind.hasExternalId)
    shape.externalId = z.string().max(200).nullable().optional().describe('key in another system, for sync and import');
  for (const field of kind.fields) {
    if (field.isReadOnly || (field.isImportOnly && mode !== 'batch')) continue;
    const base = fieldSchema(field, 'in');
    shape[field.name] = mode === 'create' && field.isRequired && !field.default ? base : base.nullable().optional();
  }
  return z.strictObject(shape).meta({ id: `${kind.name}${mode[0]?.toUpperCase()}${mode.slice(1)}Input` });
}

export function listQuerySchema(kind: RecordKind) {
  const shape: Record<string, z.ZodType> = {
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('page size, at most 500'),
    cursor: z.string().max(1000).optional().describe('nextCursor of the previous page'),
    sort: z
      .enum([...sortableFields(kind).flatMap((f) => [f, `-${f}`])] as [string, ...string[]])
      .optional()
      .describe('field to sort by; prefix with - for descending'),
    q: z.string().max(200).optional().describe('text search'),
  };
  if (kind.hasExternalId)
    shape.externalId = z.string().max(5000).optional().describe('equals; several separated by commas');
  for (const field of filterableFields(kind)) {
    shape[field.name] = z.string().max(5000).optional().describe(`equals; several values separated by commas`);
    if (field.type === 'date' || field.type === 'month') {
      shape[`${field.name}From`] = z.string().optional().describe(`${field.name} on or after`);
      shape[`${field.name}To`] = z.string().optional().describe(`${field.name} on or before`);
    }
  }
  return z.object(shape);
}

export function filterableFields(kind: RecordKind): FieldDef[] {
  return kind.fields.filter((f) => f.isFilterable);
}

export function sortableFields(kind: RecordKind): string[] {
  const stamps = kind.hasNoStamps ? [] : ['createdAt'];
  return [...new Set([kind.defaultSort, ...kind.fields.filter((f) => f.isSortable).map((f) => f.name), ...stamps])];
}

/** Shares leave the API as percentages; everything else as stored. */
export function presentRecord(kind: RecordKind, record: RecordValues): RecordValues {
  const out: RecordValues = { ...record };
  for (const field of kind.fields) {
    if ((field.type === 'team' || field.type === 'splits') && Array.isArray(record[field.name]))
      out[field.name] = (record[field.name] as ShareEntry[]).map((e) => ({
        personId: e.personId,
        ...(e.role ? { role: e.role } : {}),
        sharePct: e.shareBp / 100,
      }));
  }
  delete out.tenantId;
  return out;
}

export const issueSchema = z.object({
  index: z.number().optional(),
  rowNumber: z.number().optional(),
  externalId: z.string().optional(),
  recordId: z.string().optional(),
  field: z.string().optional(),
  code: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const saveReportSchema = z.object({
  kind: z.string(),
  total: z.number(),
  created: z.array(z.string()).describe('ids created; in a dry run, the good rows that would be (provisional ids)'),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  skippedRows: z.array(z.number()),
  issues: z.array(issueSchema),
  warnings: z.array(issueSchema),
  isCommitted: z.boolean(),
});
