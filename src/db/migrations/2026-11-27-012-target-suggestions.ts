import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 智能目标调整: a proposed target beside the current one, with its reasoning; nothing changes
  // until a manager approves (the target is then written through set-targets, with history).
  await db.schema
    .createTable('target_suggestions')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('metric_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('current_value', 'double precision')
    .addColumn('proposed_value', 'double precision', (c) => c.notNull())
    .addColumn('reasoning_json', 'text', (c) => c.notNull())
    // proposed | approved | rejected | superseded (a newer suggestion for the same target)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decision_reason', 'text')
    .addPrimaryKeyConstraint('target_suggestions_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('target_suggestions_period_ix')
    .on('target_suggestions')
    .columns(['tenant_id', 'metric_id', 'period_key', 'status'])
    .execute();
  // A member's share of a team target decomposed to its people, before pro-rating: the full-period
  // share, so a later membership change can pro-rate again from it (spec 4).
  await db.schema
    .createTable('target_shares')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('full_value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_shares_pk', ['tenant_id', 'target_id'])
    .addForeignKeyConstraint(
      'target_shares_target_fk',
      ['tenant_id', 'target_id'],
      'targets',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('target_shares').ifExists().execute();
  await db.schema.dropTable('target_suggestions').ifExists().execute();
}
