import { listVersionFeedback } from '../../db/repositories/scheme-feedback.repository.ts';
import { summarizeFeedback } from '../../domain/scoring/feedback-summary.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { schemeById } from './manage-schemes.ts';

// 参与设计: the director reads, per item of a draft or live version, how the people scored rate
// it (average, count, spread) and what they wrote, before publishing.

export async function versionFeedback(deps: AppDeps, actor: Actor, schemeId: string, versionId: string) {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin reads the feedback on a scheme');
  const scheme = await schemeById(deps, actor, schemeId);
  const version = scheme.versions.find((v) => v.id === versionId);
  if (!version) throw new NotFoundError('schemeVersions', versionId);
  const entries = await listVersionFeedback(deps.db, actor.tenantId, versionId);
  return {
    schemeId,
    versionId,
    version: version.version,
    status: version.status,
    people: new Set(entries.map((e) => e.personId)).size,
    items: summarizeFeedback(
      version.items.map((i) => i.metricId),
      entries,
    ),
  };
}
