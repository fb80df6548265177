import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as records from './migrations/2026-11-27-001-records.ts';
import * as metricInputs from './migrations/2026-11-27-002-metric-inputs.ts';
import * as customMetrics from './migrations/2026-11-27-003-custom-metrics.ts';
import * as targets from './migrations/2026-11-27-004-targets.ts';
import * as schemes from './migrations/2026-11-27-005-schemes.ts';
import * as periodClose from './migrations/2026-11-27-006-period-close.ts';
import * as disputes from './migrations/2026-11-27-007-disputes-feedback.ts';
import * as metricIndexes from './migrations/2026-11-27-008-metric-indexes.ts';
import * as leaderboards from './migrations/2026-11-27-009-leaderboards.ts';
import * as wallLinks from './migrations/2026-11-27-010-wall-links.ts';
import * as targetSuggestions from './migrations/2026-11-27-012-target-suggestions.ts';
import * as disputeAspect from './migrations/2026-11-27-013-dispute-aspect.ts';
import * as activityMonthIndex from './migrations/2026-11-27-014-activity-month-index.ts';

// Migrations are listed here rather than read from disk, so they work the same under tsx,
// in tests and in a bundled build. Add new dated files to the end of this list.
const migrations: Record<string, Migration> = {
  '2026-11-27-001-records': records,
  '2026-11-27-002-metric-inputs': metricInputs,
  '2026-11-27-003-custom-metrics': customMetrics,
  '2026-11-27-004-targets': targets,
  '2026-11-27-005-schemes': schemes,
  '2026-11-27-006-period-close': periodClose,
  '2026-11-27-007-disputes-feedback': disputes,
  '2026-11-27-008-metric-indexes': metricIndexes,
  '2026-11-27-009-leaderboards': leaderboards,
  '2026-11-27-010-wall-links': wallLinks,
  '2026-11-27-012-target-suggestions': targetSuggestions,
  '2026-11-27-013-dispute-aspect': disputeAspect,
  '2026-11-27-014-activity-month-index': activityMonthIndex,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator is schema-agnostic
  const migrator = new Migrator({ db: db as any, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
