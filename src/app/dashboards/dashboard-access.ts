import { loadUnits } from '../../db/repositories/org.repository.ts';
import { seesWholeTenant } from '../../db/repositories/record-scopes.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { assertCanSee } from '../metrics/metric-access.ts';

// Who opens which dashboard (as metric-access.ts decides for values): a person's dashboard is
// personal (a rep their own, a manager their units' people, admin and finance everyone); a team
// view shows its members' values, so a manager opens only units inside the ones they head and a
// rep none; the company view is for admin and finance.

export async function assertCanOpenPerson(deps: AppDeps, actor: Actor, personId: string) {
  await assertCanSee(deps, actor, [{ kind: 'person', id: personId }]);
}

export async function unitForTeamView(deps: AppDeps, actor: Actor, unitId: string) {
  if (actor.role === 'rep') throw new ForbiddenError('a rep sees their own dashboard, not a team view');
  const units = await loadUnits(deps.db, actor.tenantId);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw new NotFoundError('orgUnits', unitId);
  if (!seesWholeTenant(actor) && !actor.managedUnitPaths.some((p) => unit.path.startsWith(p)))
    throw new ForbiddenError(`unit ${unit.name} (${unit.id}) is not one you manage`);
  return { unit, units };
}

export function assertCanOpenCompany(actor: Actor) {
  if (!seesWholeTenant(actor))
    throw new ForbiddenError(`the company view is for admin and finance, not a ${actor.role}`);
}
