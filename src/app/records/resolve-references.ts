import type { Db } from '../../db/database.ts';
import { resolveKeys } from '../../db/repositories/records.repository.ts';
import type { RefKey } from '../../domain/records/coerce.ts';
import type { KindName, RecordKind } from '../../domain/records/field.ts';
import type { ShareEntry } from '../../domain/records/rules.ts';
import type { PreparedRow } from './save-records.ts';

// References arrive as the text people know a record by: its id, its externalId (another CRM's
// key), a person's email or a position's code. All keys of a batch resolve in one query per kind.

const isRefKey = (v: unknown): v is RefKey => typeof v === 'object' && v !== null && 'ref' in v;

type Slot = { row: PreparedRow; kind: KindName; key: string; field: string; set: (id: string) => void };

/**
 * `batchIds` maps the externalIds of this batch's own rows to their ids, so a file may refer to
 * rows of the same kind within itself (a unit's parent, a person's manager, a renewed contract).
 */
export async function resolveReferences(
  db: Db,
  tenantId: string,
  kind: RecordKind,
  rows: PreparedRow[],
  batchIds: Map<string, string> = new Map(),
) {
  const slots: Slot[] = [];
  for (const row of rows) {
    for (const field of kind.fields) {
      const value = row.input[field.name];
      if (field.type === 'ref' && isRefKey(value) && field.refKind) {
        slots.push({
          row,
          kind: field.refKind,
          key: value.ref,
          field: field.name,
          set: (id) => {
            row.input[field.name] = id;
          },
        });
      }
      if ((field.type === 'team' || field.type === 'splits') && Array.isArray(value)) {
        const entries = value as Array<Omit<ShareEntry, 'personId'> & { personId: unknown }>;
        entries.forEach((entry, i) => {
          if (isRefKey(entry.personId))
            slots.push({
              row,
              kind: 'people',
              key: entry.personId.ref,
              field: `${field.name}[${i}].personId`,
              set: (id) => {
                entry.personId = id;
              },
            });
        });
      }
    }
  }
  const byKind = new Map<KindName, Set<string>>();
  for (const s of slots) byKind.set(s.kind, (byKind.get(s.kind) ?? new Set()).add(s.key));
  const resolved = new Map<KindName, Map<string, string>>();
  for (const [refKind, keys] of byKind) resolved.set(refKind, await resolveKeys(db, tenantId, refKind, [...keys]));
  for (const s of slots) {
    const id = resolved.get(s.kind)?.get(s.key) ?? (s.kind === kind.name ? batchIds.get(s.key) : undefined);
    if (id) s.set(id);
    else
      s.row.issues.push({
        field: s.field,
        code: 'unknown_ref',
        reason: `no ${s.kind} with id or external id${s.kind === 'people' ? ' or email' : ''} '${s.key}'`,
        params: { kind: s.kind, key: s.key },
      });
  }
}
