import { peopleInScope } from '../../db/repositories/records.repository.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { Subject } from './compute-metrics.ts';

/**
 * A person's values are personal records: a rep sees their own, a manager those of their
 * units' people, admin and finance everyone. Unit and company totals are aggregates every role
 * may see (the dashboards show a rep their team's progress).
 */
export async function assertCanSee(deps: AppDeps, actor: Actor, subjects: readonly Subject[]) {
  const people = subjects.flatMap((s) => (s.kind === 'person' ? [s.id] : []));
  if (people.length === 0) return;
  const visible = await peopleInScope(deps.db, actor, people);
  const hidden = people.find((id) => !visible.has(id));
  if (hidden) throw new NotFoundError('people', hidden);
}

/** The people among `personIds` whose values the actor may see (for breakdowns). */
export async function visiblePeople(deps: AppDeps, actor: Actor, personIds: string[]): Promise<string[]> {
  return [...(await peopleInScope(deps.db, actor, personIds))];
}
