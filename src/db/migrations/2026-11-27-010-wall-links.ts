import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 激励墙: read-only links for an office screen. Only the token's hash is kept; revoking ends it.
  await db.schema
    .createTable('wall_links')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addPrimaryKeyConstraint('wall_links_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('wall_links_unit_fk', ['tenant_id', 'unit_id'], 'org_units', ['tenant_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wall_links').ifExists().execute();
}
