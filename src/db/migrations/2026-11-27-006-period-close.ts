import type { Kysely } from 'kysely';

// Period close 结算: a close freezes the period's scorecards (values, targets, scores, ratings)
// as a snapshot. Reopening or recalculating needs a reason and keeps every earlier snapshot.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('period_closes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('period_closes_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('period_closes_revision_uq', ['tenant_id', 'period_key', 'revision'])
    .execute();
  await db.schema
    .createTable('period_snapshots')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('close_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision')
    .addColumn('rating', 'text')
    .addColumn('scorecard_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('period_snapshots_pk', ['tenant_id', 'close_id', 'person_id'])
    .addForeignKeyConstraint(
      'period_snapshots_close_fk',
      ['tenant_id', 'close_id'],
      'period_closes',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('period_snapshots').ifExists().execute();
  await db.schema.dropTable('period_closes').ifExists().execute();
}
