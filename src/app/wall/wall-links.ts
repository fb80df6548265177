import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { loadUnits } from '../../db/repositories/org.repository.ts';
import * as links from '../../db/repositories/wall-links.repository.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../errors.ts';

// 激励墙 links: an admin makes a read-only link for the office screen (no login on the TV). The
// token is shown once and only its hash is kept; revoking a link ends every screen showing it.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin manages the incentive wall links');
}

export async function listLinks(deps: AppDeps, actor: Actor) {
  assertAdmin(actor);
  return links.listWallLinks(deps.db, actor.tenantId);
}

export async function createLink(deps: AppDeps, actor: Actor, input: { name: string; unitId?: string | null }) {
  assertAdmin(actor);
  const name = input.name.trim();
  if (!name)
    throw new ValidationError('wallLinks', [{ index: 0, field: 'name', code: 'required', reason: 'name the screen' }]);
  if (input.unitId && !(await loadUnits(deps.db, actor.tenantId)).some((u) => u.id === input.unitId))
    throw new ValidationError('wallLinks', [
      { index: 0, field: 'unitId', code: 'unknown_ref', reason: `no unit ${input.unitId}` },
    ]);
  const token = `pw_${randomBytes(24).toString('base64url')}`;
  const id = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await links.insertWallLink(tx, {
      tenantId: actor.tenantId,
      id,
      name,
      unitId: input.unitId ?? null,
      tokenHash: sha256(token),
      createdBy: actor.userId,
      createdAt: actor.now,
    });
    await appendAudit(tx, actor.tenantId, [
      {
        id: uuidv7(),
        at: actor.now,
        actorUserId: actor.userId,
        action: 'create',
        recordKind: 'wallLinks',
        recordId: id,
        beforeJson: null,
        afterJson: JSON.stringify({ name, unitId: input.unitId ?? null }),
        reason: null,
      },
    ]);
  });
  const link = await links.findWallLink(deps.db, actor.tenantId, id);
  return { ...(link as links.WallLinkRow), token };
}

export async function revokeLink(deps: AppDeps, actor: Actor, id: string) {
  assertAdmin(actor);
  const link = await links.findWallLink(deps.db, actor.tenantId, id);
  if (!link) throw new NotFoundError('wallLinks', id);
  if (!link.revokedAt) {
    await deps.db.transaction().execute(async (tx) => {
      await links.revokeWallLink(tx, actor.tenantId, id, actor.now);
      await appendAudit(tx, actor.tenantId, [
        {
          id: uuidv7(),
          at: actor.now,
          actorUserId: actor.userId,
          action: 'revoke',
          recordKind: 'wallLinks',
          recordId: id,
          beforeJson: JSON.stringify({ revokedAt: null }),
          afterJson: JSON.stringify({ revokedAt: actor.now }),
          reason: null,
        },
      ]);
    });
  }
  return (await links.findWallLink(deps.db, actor.tenantId, id)) as links.WallLinkRow;
}

/** The link a screen's token opens; refused (401) when unknown or revoked. */
export async function linkOfToken(deps: AppDeps, token: string) {
  const link = await links.findActiveWallLinkByHash(deps.db, sha256(token));
  if (!link) throw new UnauthorizedError('this wall link is unknown or was revoked; ask an admin for a new one');
  const now = deps.clock.now().toISOString();
  if (!link.lastSeenAt || Date.parse(now) - Date.parse(link.lastSeenAt) > 60_000)
    await links.touchWallLink(deps.db, link.tenantId, link.id, now);
  return link;
}
