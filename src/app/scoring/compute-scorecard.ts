import { loadPeople } from '../../db/repositories/org.repository.ts';
import { peopleInScope } from '../../db/repositories/records.repository.ts';
import type { MetricDef } from '../../domain/metrics/catalog.ts';
import { schemeForPeriod } from '../../domain/scoring/scheme.ts';
import { type ItemInput, type Scorecard, scoreCard } from '../../domain/scoring/score.ts';
import type { Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { computeValues, resolvePeriod } from '../metrics/compute-metrics.ts';
import { metricDefs } from '../targets/set-targets.ts';
import { targetFor } from '../targets/target-pace.ts';
import { listSchemesWithVersions, toSchemeVersion, type VersionView } from './manage-schemes.ts';

// Scorecards 绩效考核 (spec 5): for a person and a period, the scheme of their position, in the
// version active on the period's last day; each item's actual and target, attainment, score,
// weight, contribution, N/A handling and gates; the total and rating. A trial run scores a draft
// beside the live version over the same data and changes nothing.

export type ScorecardView = Scorecard & {
  personId: string;
  period: Period;
  schemeId: string;
  version: number;
  versionStatus: string;
  names: Record<string, MetricDef['name']>;
  isFrozen?: boolean;
  closeRevision?: number;
};

/** A person's scored card with what the screens show beside it: the version and the metrics' names. */
export function scorecardView(
  card: Scorecard,
  of: { personId: string; period: Period; schemeId: string; version: VersionView; defs: Map<string, MetricDef> },
): ScorecardView {
  return {
    ...card,
    personId: of.personId,
    period: of.period,
    schemeId: of.schemeId,
    version: of.version.version,
    versionStatus: of.version.status,
    names: Object.fromEntries(
      of.version.items.map((i) => [
        i.metricId,
        of.defs.get(i.metricId)?.name ?? { 'zh-CN': i.metricId, en: i.metricId },
      ]),
    ),
  };
}

async function scoreWith(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  period: Period,
  version: VersionView,
  defs: Map<string, MetricDef>,
) {
  const subject = { kind: 'person' as const, id: personId };
  const itemIds = version.items.map((i) => i.metricId);
  const gateIds = (version.gates ?? []).map((g) => g.metricId);
  const ids = [...new Set([...itemIds, ...gateIds])];
  const { values } = await computeValues(deps, actor, { metricIds: ids, subjects: [subject], periodKey: period.key });
  const actual = new Map(values.map((v) => [v.metricId, v.value]));
  const inputs = new Map<string, ItemInput>();
  for (const id of itemIds) {
    const def = defs.get(id);
    if (!def) continue;
    const { target } = await targetFor(deps, actor, id, def, subject, period);
    inputs.set(id, { actual: actual.get(id) ?? null, target, direction: def.direction, category: def.category });
  }
  return scoreCard(toSchemeVersion(version), inputs, actual);
}

async function personAndScheme(deps: AppDeps, actor: Actor, personId: string) {
  if (!(await peopleInScope(deps.db, actor, [personId])).has(personId)) throw new NotFoundError('people', personId);
  const person = (await loadPeople(deps.db, actor.tenantId)).find((p) => p.id === personId);
  if (!person) throw new NotFoundError('people', personId);
  const scheme = (await listSchemesWithVersions(deps, actor)).find((s) => s.positionId === person.positionId);
  if (!scheme)
    throw new ValidationError('scorecards', [
      { index: 0, field: 'personId', code: 'rule', reason: `${person.name} has no position with a scheme` },
    ]);
  return { person, scheme };
}

/** The live scorecard, computed from today's records (a closed period reads its snapshot: read-scorecard.ts). */
export async function computeScorecard(
  deps: AppDeps,
  actor: Actor,
  input: { personId: string; periodKey: string },
): Promise<ScorecardView> {
  const period = resolvePeriod(actor, input.periodKey);
  const { scheme } = await personAndScheme(deps, actor, input.personId);
  const version = schemeForPeriod(
    scheme.versions.filter((v) => v.status === 'published'),
    period,
  );
  if (!version)
    throw new ValidationError('scorecards', [
      {
        index: 0,
        field: 'period',
        code: 'rule',
        reason: `no published version of ${scheme.name} is active on ${period.end}`,
      },
    ]);
  const defs = await metricDefs(deps, actor);
  const card = await scoreWith(deps, actor, input.personId, period, version, defs);
  return scorecardView(card, { personId: input.personId, period, schemeId: scheme.id, version, defs });
}

/** 试运行: every person of the scheme's position the actor may see, live version beside the draft. */
export async function trialRun(
  deps: AppDeps,
  actor: Actor,
  input: { schemeId: string; versionId: string; periodKey: string },
) {
  const period = resolvePeriod(actor, input.periodKey);
  const scheme = (await listSchemesWithVersions(deps, actor)).find((s) => s.id === input.schemeId);
  if (!scheme) throw new NotFoundError('schemes', input.schemeId);
  const draft = scheme.versions.find((v) => v.id === input.versionId);
  if (!draft) throw new NotFoundError('schemeVersions', input.versionId);
  const live = schemeForPeriod(
    scheme.versions.filter((v) => v.status === 'published'),
    period,
  );
  const defs = await metricDefs(deps, actor);
  const people = (await loadPeople(deps.db, actor.tenantId)).filter(
    (p) => p.positionId === scheme.positionId && (!p.leftOn || p.leftOn >= period.start),
  );
  const visible = await peopleInScope(
    deps.db,
    actor,
    people.map((p) => p.id),
  );
  const rows = [];
  for (const person of people.filter((p) => visible.has(p.id))) {
    const trial = await scoreWith(deps, actor, person.id, period, draft, defs);
    const current = live ? await scoreWith(deps, actor, person.id, period, live, defs) : null;
    rows.push({
      personId: person.id,
      name: person.name,
      live: current ? { total: current.total, rating: current.rating } : null,
      trial: { total: trial.total, rating: trial.rating },
      difference: current?.total != null && trial.total !== null ? trial.total - current.total : null,
    });
  }
  return { period, schemeId: scheme.id, liveVersion: live?.version ?? null, trialVersion: draft.version, rows };
}
