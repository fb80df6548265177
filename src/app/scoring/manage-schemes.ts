import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { getRecords } from '../../db/repositories/records.repository.ts';
import {
  insertScheme,
  insertVersion,
  listSchemes,
  listVersions,
  updateVersion,
  type VersionRow,
} from '../../db/repositories/schemes.repository.ts';
import { kindByName } from '../../domain/records/kinds.ts';
import {
  checkScheme,
  type Gate,
  type RatingBand,
  type SchemeItem,
  type SchemeVersion,
} from '../../domain/scoring/scheme.ts';
import { isValidIsoDate } from '../../domain/time/dates.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { RowIssue } from '../records/save-records.ts';
import { metricDefs } from '../targets/set-targets.ts';

// Schemes 考核方案: one per position (岗位), versioned. A version is a draft (editable, scored only
// in trial runs) until it is published; a published version is frozen and scores every period
// whose last day falls on or after its effective date, until a later version takes over.

export type VersionDefinition = { items: SchemeItem[]; gates?: Gate[]; ratingBands?: RatingBand[] };
export type VersionView = {
  id: string;
  version: number;
  effectiveFrom: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
} & VersionDefinition;

export const toSchemeVersion = (v: VersionView): SchemeVersion => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  items: v.items,
  ...(v.gates ? { gates: v.gates } : {}),
  ...(v.ratingBands ? { ratingBands: v.ratingBands } : {}),
});

const presentVersion = (r: VersionRow): VersionView => ({
  id: r.id,
  version: r.version,
  effectiveFrom: r.effectiveFrom,
  status: r.status as VersionView['status'],
  publishedAt: r.publishedAt,
  ...(JSON.parse(r.definitionJson) as VersionDefinition),
});

function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin designs schemes');
}

export async function listSchemesWithVersions(deps: AppDeps, actor: Actor) {
  const [schemes, versions] = await Promise.all([
    listSchemes(deps.db, actor.tenantId),
    listVersions(deps.db, actor.tenantId),
  ]);
  return schemes.map((s) => ({ ...s, versions: versions.filter((v) => v.schemeId === s.id).map(presentVersion) }));
}

export async function schemeById(deps: AppDeps, actor: Actor, schemeId: string) {
  const scheme = (await listSchemesWithVersions(deps, actor)).find((s) => s.id === schemeId);
  if (!scheme) throw new NotFoundError('schemes', schemeId);
  return scheme;
}

async function audit(deps: AppDeps, actor: Actor, action: string, id: string, after: unknown, before: unknown = null) {
  await appendAudit(deps.db, actor.tenantId, [
    {
      id: uuidv7(),
      at: actor.now,
      actorUserId: actor.userId,
      action,
      recordKind: 'schemes',
      recordId: id,
      beforeJson: before ? JSON.stringify(before) : null,
      afterJson: JSON.stringify(after),
      reason: null,
    },
  ]);
}

export async function createScheme(deps: AppDeps, actor: Actor, input: { positionId: string; name: string }) {
  assertAdmin(actor);
  const positions = await getRecords(deps.db, actor.tenantId, kindByName('positions'), [input.positionId], {
    today: actor.today,
  });
  if (!positions.has(input.positionId))
    throw new ValidationError('schemes', [
      { index: 0, field: 'positionId', code: 'unknown_ref', reason: `no position ${input.positionId}` },
    ]);
  if (!input.name.trim())
    throw new ValidationError('schemes', [
      { index: 0, field: 'name', code: 'required', reason: 'the scheme needs a name' },
    ]);
  if ((await listSchemes(deps.db, actor.tenantId)).some((s) => s.positionId === input.positionId))
    throw new ConflictError('this position already has a scheme: add a version to it', 'schemes');
  const row = { id: uuidv7(), positionId: input.positionId, name: input.name.trim() };
  await insertScheme(deps.db, actor.tenantId, row, actor.now);
  await audit(deps, actor, 'create', row.id, row);
  return { ...row, versions: [] as VersionView[] };
}

/** Every problem of a version at once: the scheme's own rules and metrics that do not exist. */
async function validateVersion(deps: AppDeps, actor: Actor, effectiveFrom: string, def: VersionDefinition) {
  const issues: RowIssue[] = [];
  if (!isValidIsoDate(effectiveFrom))
    issues.push({ index: 0, field: 'effectiveFrom', code: 'date', reason: `${effectiveFrom} is not a date` });
  const known = await metricDefs(deps, actor);
  def.items.forEach((item, i) => {
    if (!known.has(item.metricId))
      issues.push({
        index: 0,
        field: `items[${i}].metricId`,
        code: 'unknown_ref',
        reason: `no metric '${item.metricId}'`,
      });
  });
  (def.gates ?? []).forEach((gate, i) => {
    if (!known.has(gate.metricId))
      issues.push({
        index: 0,
        field: `gates[${i}].metricId`,
        code: 'unknown_ref',
        reason: `no metric '${gate.metricId}'`,
      });
  });
  for (const problem of checkScheme({ version: 1, effectiveFrom, ...def }))
    issues.push({
      index: 0,
      field: problem.path || 'items',
      code: 'rule',
      reason: problem.message,
      params: problem.params,
    });
  if (issues.length > 0) throw new ValidationError('schemes', issues);
}

export async function addVersion(
  deps: AppDeps,
  actor: Actor,
  schemeId: string,
  input: { effectiveFrom: string } & VersionDefinition,
) {
  assertAdmin(actor);
  const scheme = await schemeById(deps, actor, schemeId);
  const { effectiveFrom, ...def } = input;
  await validateVersion(deps, actor, effectiveFrom, def);
  const row: VersionRow = {
    id: uuidv7(),
    schemeId,
    version: Math.max(0, ...scheme.versions.map((v) => v.version)) + 1,
    effectiveFrom,
    status: 'draft',
    definitionJson: JSON.stringify(def),
    createdAt: actor.now,
    publishedAt: null,
  };
  await insertVersion(deps.db, actor.tenantId, row);
  await audit(deps, actor, 'create-version', schemeId, presentVersion(row));
  return presentVersion(row);
}

export async function updateDraft(
  deps: AppDeps,
  actor: Actor,
  schemeId: string,
  versionId: string,
  input: { effectiveFrom: string } & VersionDefinition,
) {
  assertAdmin(actor);
  const scheme = await schemeById(deps, actor, schemeId);
  const before = scheme.versions.find((v) => v.id === versionId);
  if (!before) throw new NotFoundError('schemeVersions', versionId);
  if (before.status !== 'draft')
    throw new ConflictError(
      `version ${before.version} is published and frozen: add a new version`,
      'schemeVersions',
      versionId,
    );
  const { effectiveFrom, ...def } = input;
  await validateVersion(deps, actor, effectiveFrom, def);
  await updateVersion(deps.db, actor.tenantId, versionId, { effectiveFrom, definitionJson: JSON.stringify(def) });
  const after = { ...before, effectiveFrom, ...def };
  await audit(deps, actor, 'update-version', schemeId, after, before);
  return after;
}

export async function publishVersion(deps: AppDeps, actor: Actor, schemeId: string, versionId: string) {
  assertAdmin(actor);
  const scheme = await schemeById(deps, actor, schemeId);
  const version = scheme.versions.find((v) => v.id === versionId);
  if (!version) throw new NotFoundError('schemeVersions', versionId);
  if (version.status === 'published')
    throw new ConflictError(`version ${version.version} is already published`, 'schemeVersions', versionId);
  await updateVersion(deps.db, actor.tenantId, versionId, { status: 'published', publishedAt: actor.now });
  const after = { ...version, status: 'published' as const, publishedAt: actor.now };
  await audit(deps, actor, 'publish-version', schemeId, after, version);
  return after;
}
