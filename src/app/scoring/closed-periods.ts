import { closesOverlapping } from '../../db/repositories/period-close.repository.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ValidationError } from '../errors.ts';

/** Changing targets inside a closed period needs a reason (it changes what was frozen). */
export async function assertReasonForClosed(
  deps: AppDeps,
  actor: Actor,
  ranges: Array<{ start: string; end: string; reason?: string | undefined }>,
) {
  for (const [index, range] of ranges.entries()) {
    if (range.reason?.trim()) continue;
    const closed = (await closesOverlapping(deps.db, actor.tenantId, range.start, range.end)).filter(
      (c) => c.status === 'closed',
    );
    if (closed.length > 0)
      throw new ValidationError('targets', [
        {
          index,
          field: 'reason',
          code: 'required',
          reason: `period ${closed[0]?.periodKey} is closed: give a reason to change its targets`,
        },
      ]);
  }
}
