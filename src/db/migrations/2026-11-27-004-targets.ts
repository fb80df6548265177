import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('targets')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('metric_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    // '' for the tenant itself, so the unique key below holds on both databases.
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('is_locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('targets_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('targets_key_uq', ['tenant_id', 'metric_id', 'subject_kind', 'subject_id', 'period_key'])
    .execute();
  await db.schema
    .createIndex('targets_period_ix')
    .on('targets')
    .columns(['tenant_id', 'metric_id', 'start_on'])
    .execute();
  await db.schema
    .createTable('target_changes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('old_value', 'double precision')
    .addColumn('new_value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('target_changes_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'target_changes_target_fk',
      ['tenant_id', 'target_id'],
      'targets',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('target_changes_target_ix')
    .on('target_changes')
    .columns(['tenant_id', 'target_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('target_changes').ifExists().execute();
  await db.schema.dropTable('targets').ifExists().execute();
}
