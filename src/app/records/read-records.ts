import {
  activityInvalidReasons,
  getRecords,
  type ListQuery,
  listRecords,
} from '../../db/repositories/records.repository.ts';
import type { RecordKind, RecordValues } from '../../domain/records/field.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';

/** Values computed when read: why an activity does not count (spec 3), shown beside it. */
async function withComputed(deps: AppDeps, actor: Actor, kind: RecordKind, records: RecordValues[]) {
  if (kind.name !== 'activities' || records.length === 0) return records;
  const reasons = await activityInvalidReasons(deps.db, actor.tenantId, records, actor.settings.minNotesLength);
  for (const r of records) r.invalidReason = reasons.get(String(r.id)) ?? null;
  return records;
}

export async function listVisibleRecords(deps: AppDeps, actor: Actor, kind: RecordKind, query: ListQuery) {
  const page = await listRecords(deps.db, actor, kind, query);
  return { ...page, items: await withComputed(deps, actor, kind, page.items) };
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
  return (await withComputed(deps, actor, kind, [record]))[0] as RecordValues;
}
