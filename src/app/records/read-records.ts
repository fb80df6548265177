import { getRecords, type ListQuery, listRecords } from '../../db/repositories/records.repository.ts';
import type { RecordKind, RecordValues } from '../../domain/records/field.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';

export function listVisibleRecords(deps: AppDeps, actor: Actor, kind: RecordKind, query: ListQuery) {
  return listRecords(deps.db, actor, kind, query);
}

/** A record the actor may see; another tenant's or another rep's record is simply not found. */
export async function getVisibleRecord(
  deps: AppDeps,
  actor: Actor,
  kind: RecordKind,
  id: string,
): Promise<RecordValues> {
  const found = await getRecords(deps.db, actor.tenantId, kind, [id], { scope: actor, today: actor.today });
  const record = found.get(id);
  if (!record) throw new NotFoundError(kind.name, id);
  return record;
}
