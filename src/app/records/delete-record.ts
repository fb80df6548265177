import { uuidv7 } from 'uuidv7';
import { appendAudit, appendUsage } from '../../db/repositories/journal.repository.ts';
import { deleteRecord, writableIds } from '../../db/repositories/records.repository.ts';
import { findReferrer } from '../../db/repositories/references.repository.ts';
import type { RecordKind } from '../../domain/records/field.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { getVisibleRecord } from './read-records.ts';
import { assertCanWrite } from './record-policy.ts';

/** Foreign keys refuse deleting a record others still point to; say so instead of a 500. */
function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23503' ||
    e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    /FOREIGN KEY constraint failed/.test(e.message ?? '')
  );
}

export async function deleteVisibleRecord(deps: AppDeps, actor: Actor, kind: RecordKind, id: string) {
  assertCanWrite(kind, actor);
  const before = await getVisibleRecord(deps, actor, kind, id);
  try {
    await deps.db.transaction().execute(async (tx) => {
      const allowed = await writableIds(tx, actor, kind, [id]);
      if (!allowed.has(id)) throw new ForbiddenError(`${actor.role} may not delete ${kind.name} ${id}`);
      await deleteRecord(tx, actor.tenantId, kind, id);
      await appendAudit(tx, actor.tenantId, [
        {
          id: uuidv7(),
          at: actor.now,
          actorUserId: actor.userId,
          action: 'delete',
          recordKind: kind.name,
          recordId: id,
          beforeJson: JSON.stringify(before),
          afterJson: null,
          reason: null,
        },
      ]);
      await appendUsage(tx, actor.tenantId, [
        {
          id: uuidv7(),
          userId: actor.userId,
          personId: actor.personId,
          at: actor.now,
          onDate: actor.today,
          action: 'delete',
          recordKind: kind.name,
          recordId: id,
        },
      ]);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      const referrer = await findReferrer(deps.db, actor.tenantId, kind.name, id);
      throw new ConflictError(
        referrer
          ? `${kind.name} ${id} is still referenced by ${referrer.count} ${referrer.usedBy}; remove or reassign those first`
          : `${kind.name} ${id} is still referenced by other records; remove or reassign those first`,
        kind.name,
        id,
        { code: 'in_use', params: referrer ?? { usedBy: 'records', count: 0 } },
      );
    }
    throw error;
  }
}
