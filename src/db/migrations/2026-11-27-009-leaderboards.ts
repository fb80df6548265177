import type { Kysely } from 'kysely';

// Weekly leaderboard snapshots 排行榜归档: every Monday the boards of the past ISO week are kept,
// one row per (week, metric), the ranked rows as JSON. A week's board is written once.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leaderboard_archives')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('week_key', 'text', (c) => c.notNull())
    .addColumn('metric_id', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('leaderboard_archives_pk', ['tenant_id', 'week_key', 'metric_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('leaderboard_archives').ifExists().execute();
}
