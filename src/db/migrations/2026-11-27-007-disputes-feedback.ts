import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 申诉: a person disagrees with a number, names the records; an owner decides by a deadline.
  await db.schema
    .createTable('disputes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('metric_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('record_refs', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('deadline_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disputes_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('disputes_person_fk', ['tenant_id', 'person_id'], 'people', ['tenant_id', 'id'])
    .addForeignKeyConstraint('disputes_owner_fk', ['tenant_id', 'owner_id'], 'people', ['tenant_id', 'id'])
    .execute();
  // 参与设计: the people scored comment on and rate each item of a scheme version.
  await db.schema
    .createTable('scheme_feedback')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('scheme_version_id', 'text', (c) => c.notNull())
    .addColumn('metric_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheme_feedback_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'scheme_feedback_version_fk',
      ['tenant_id', 'scheme_version_id'],
      'scheme_versions',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('scheme_feedback_person_fk', ['tenant_id', 'person_id'], 'people', ['tenant_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheme_feedback').ifExists().execute();
  await db.schema.dropTable('disputes').ifExists().execute();
}
