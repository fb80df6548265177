import type { Kysely } from 'kysely';

// The activity metrics (follow-ups, effective visits, entry timeliness, coverage) read a month of
// activities for everyone. With every column they read in one index, that is a range scan of the
// index alone instead of a row lookup per activity: 2-4x faster at 5 million activities
// (docs/performance.md). It starts with (tenant_id, occurred_on), so it replaces activities_on_ix.

const COLUMNS = [
  'tenant_id',
  'occurred_on',
  'person_id',
  'customer_id',
  'type',
  'occurred_at',
  'notes_length',
  'duration_min',
  'is_logged_on_time',
  'id',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('activities_month_ix').on('activities').columns(COLUMNS).execute();
  await db.schema.dropIndex('activities_on_ix').ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('activities_on_ix').on('activities').columns(['tenant_id', 'occurred_on']).execute();
  await db.schema.dropIndex('activities_month_ix').ifExists().execute();
}
