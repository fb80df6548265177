import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/auth/authenticate.ts';
import { seedDemoPerformance } from '../../src/app/demo/seed-performance.ts';
import { listSchemesWithVersions } from '../../src/app/scoring/manage-schemes.ts';
import { scorecardFor } from '../../src/app/scoring/read-scorecard.ts';
import { seedDemo } from '../../src/db/seed/seed-demo.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// The demo company comes with published schemes and targets, so every sales rep has a scorecard.
describe.each(dialects)('the demo company’s performance setup on %s', (dialect) => {
  let db: TestDatabase;
  let tenantId: string;
  let summary: Awaited<ReturnType<typeof seedDemoPerformance>>;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-11-27T06:00:00Z'));
    tenantId = (await seedDemo(db.deps.db, { today: '2026-11-27' })).tenantId;
    summary = await seedDemoPerformance(db.deps, tenantId, '2026-11-27');
  }, 120_000);
  afterAll(async () => db?.drop());

  it('publishes a scheme for each sales position and sets monthly targets', async () => {
    const actor = await systemActor(db.deps, tenantId);
    const schemes = await listSchemesWithVersions(db.deps, actor);
    expect(schemes.map((s) => [s.name, s.versions.map((v) => v.status)]).sort()).toEqual([
      ['客户成功考核方案', ['published']],
      ['新客开发考核方案', ['published']],
    ]);
    expect(summary.targets).toBeGreaterThan(1000);
  });

  it('gives every active rep a rated scorecard for last month', async () => {
    const actor = await systemActor(db.deps, tenantId);
    const reps = await db.deps.db
      .selectFrom('people')
      .innerJoin('positions', (j) =>
        j.onRef('positions.tenantId', '=', 'people.tenantId').onRef('positions.id', '=', 'people.positionId'),
      )
      .select(['people.id', 'people.leftOn'])
      .where('people.tenantId', '=', tenantId)
      .where('positions.code', 'in', ['hunter', 'success'])
      .where('people.leftOn', 'is', null)
      .execute();
    expect(reps.length).toBeGreaterThan(40);
    const ratings = [];
    for (const rep of reps)
      ratings.push((await scorecardFor(db.deps, actor, { personId: rep.id, periodKey: '2026-10' })).rating);
    expect(ratings.filter((r) => r === null)).toEqual([]);
    expect(new Set(ratings).size).toBeGreaterThan(1);
  });
});
