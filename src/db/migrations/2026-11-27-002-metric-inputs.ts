import type { Kysely } from 'kysely';
import { deriveActivity } from '../../domain/records/activity-kinds.ts';
import { localDate } from '../../domain/time/dates.ts';

// Values the metric engine reads, derived from a row when it is written so every dialect
// computes them the same way (JavaScript trims Unicode white space; SQL engines differ).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addColumn('notes_length', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('activities')
    .addColumn('is_logged_on_time', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('proposals').addColumn('sent_on', 'text').execute();
  // biome-ignore lint/suspicious/noExplicitAny: see backfill
  await backfill(db as Kysely<any>);
  await db.schema.createIndex('contracts_end_ix').on('contracts').columns(['tenant_id', 'end_on']).execute();
  await db.schema.createIndex('deals_closed_ix').on('deals').columns(['tenant_id', 'closed_on']).execute();
  await db.schema.createIndex('deals_created_ix').on('deals').columns(['tenant_id', 'created_on']).execute();
  await db.schema.createIndex('installments_due_ix').on('installments').columns(['tenant_id', 'due_on']).execute();
  await db.schema.createIndex('proposals_due_ix').on('proposals').columns(['tenant_id', 'due_on']).execute();
  await db.schema.createIndex('surveys_responded_ix').on('surveys').columns(['tenant_id', 'responded_on']).execute();
  await db.schema
    .createIndex('knowledge_votes_on_ix')
    .on('knowledge_votes')
    .columns(['tenant_id', 'voted_on'])
    .execute();
  await db.schema
    .createIndex('knowledge_posts_on_ix')
    .on('knowledge_posts')
    .columns(['tenant_id', 'published_on'])
    .execute();
  await db.schema.createIndex('peer_ratings_month_ix').on('peer_ratings').columns(['tenant_id', 'month']).execute();
  await db.schema.createIndex('usage_events_on_ix').on('usage_events').columns(['tenant_id', 'on_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const ix of [
    'contracts_end_ix',
    'deals_closed_ix',
    'deals_created_ix',
    'installments_due_ix',
    'proposals_due_ix',
    'surveys_responded_ix',
    'knowledge_votes_on_ix',
    'knowledge_posts_on_ix',
    'peer_ratings_month_ix',
    'usage_events_on_ix',
  ])
    await db.schema.dropIndex(ix).ifExists().execute();
  await db.schema.alterTable('proposals').dropColumn('sent_on').execute();
  await db.schema.alterTable('activities').dropColumn('is_logged_on_time').execute();
  await db.schema.alterTable('activities').dropColumn('notes_length').execute();
}

/** Existing rows get the derived values the write path now sets. */
async function backfill(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema of their day
  db: Kysely<any>,
) {
  const tenants = await db.selectFrom('tenants').select(['id', 'time_zone']).execute();
  for (const tenant of tenants) {
    const acts = await db
      .selectFrom('activities')
      .select(['id', 'notes', 'occurred_at', 'logged_at'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    for (const a of acts) {
      const d = deriveActivity({ notes: a.notes, occurredAt: a.occurred_at, loggedAt: a.logged_at }, tenant.time_zone);
      await db
        .updateTable('activities')
        .set({ notes_length: d.notesLength, is_logged_on_time: d.isLoggedOnTime })
        .where('tenant_id', '=', tenant.id)
        .where('id', '=', a.id)
        .execute();
    }
    const sent = await db
      .selectFrom('proposals')
      .select(['id', 'sent_at'])
      .where('tenant_id', '=', tenant.id)
      .where('sent_at', 'is not', null)
      .execute();
    for (const p of sent)
      await db
        .updateTable('proposals')
        .set({ sent_on: localDate(p.sent_at, tenant.time_zone) })
        .where('tenant_id', '=', tenant.id)
        .where('id', '=', p.id)
        .execute();
  }
}
