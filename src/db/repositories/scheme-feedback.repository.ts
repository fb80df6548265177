import type { Db } from '../database.ts';
import type { Executor } from './records.repository.ts';

// Scheme feedback 参与设计: the items a version scores, and every rating of a version with its
// author's name, each in one query.

const db_ = (db: Executor) => db as Db;

/** The metric ids of each version's items, by version id (versions that do not exist are absent). */
export async function itemsOfVersions(db: Executor, tenantId: string, versionIds: readonly string[]) {
  if (versionIds.length === 0) return new Map<string, string[]>();
  const rows = await db_(db)
    .selectFrom('schemeVersions')
    .select(['id', 'definitionJson'])
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...versionIds])
    .execute();
  return new Map(
    rows.map((v) => {
      const definition = JSON.parse(v.definitionJson) as { items?: Array<{ metricId: string }> };
      return [v.id, (definition.items ?? []).map((i) => i.metricId)];
    }),
  );
}

export type FeedbackRow = {
  id: string;
  metricId: string;
  personId: string;
  personName: string;
  rating: number;
  comment: string | null;
  updatedAt: string;
};

export async function listVersionFeedback(db: Executor, tenantId: string, versionId: string): Promise<FeedbackRow[]> {
  const rows = await db_(db)
    .selectFrom('schemeFeedback as f')
    .innerJoin('people as p', (j) => j.onRef('p.tenantId', '=', 'f.tenantId').onRef('p.id', '=', 'f.personId'))
    .select(['f.id', 'f.metricId', 'f.personId', 'p.name as personName', 'f.rating', 'f.comment', 'f.updatedAt'])
    .where('f.tenantId', '=', tenantId)
    .where('f.schemeVersionId', '=', versionId)
    .orderBy('f.updatedAt', 'desc')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({ ...r, rating: Number(r.rating) }));
}
