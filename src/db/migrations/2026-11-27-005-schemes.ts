import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schemes')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schemes_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('schemes_position_uq', ['tenant_id', 'position_id'])
    .addForeignKeyConstraint('schemes_position_fk', ['tenant_id', 'position_id'], 'positions', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createTable('scheme_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    // draft: editable, scored only in trial runs; published: frozen, scores periods officially.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('scheme_versions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('scheme_versions_number_uq', ['tenant_id', 'scheme_id', 'version'])
    .addForeignKeyConstraint(
      'scheme_versions_scheme_fk',
      ['tenant_id', 'scheme_id'],
      'schemes',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scheme_versions').ifExists().execute();
  await db.schema.dropTable('schemes').ifExists().execute();
}
