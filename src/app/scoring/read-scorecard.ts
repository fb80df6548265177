import { peopleInScope } from '../../db/repositories/records.repository.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { resolvePeriod } from '../metrics/compute-metrics.ts';
import { frozenScorecard } from './close-period.ts';
import { computeScorecard, type ScorecardView } from './compute-scorecard.ts';

/** A person's scorecard: the snapshot of a closed period, computed live otherwise. */
export async function scorecardFor(
  deps: AppDeps,
  actor: Actor,
  input: { personId: string; periodKey: string },
): Promise<ScorecardView> {
  const period = resolvePeriod(actor, input.periodKey);
  if (!(await peopleInScope(deps.db, actor, [input.personId])).has(input.personId))
    throw new NotFoundError('people', input.personId);
  return (
    (await frozenScorecard(deps, actor, input.personId, period.key)) ??
    computeScorecard(deps, actor, { ...input, periodKey: period.key })
  );
}
