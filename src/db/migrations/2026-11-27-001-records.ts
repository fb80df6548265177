import type { CreateTableBuilder, Kysely } from 'kysely';

// Every tenant-owned table carries tenant_id in its primary, unique and foreign keys (spec 7),
// so the schema can be distributed by tenant later. Dates are ISO text ('YYYY-MM-DD'),
// instants are ISO UTC text; both compare correctly as strings on SQLite and PostgreSQL.

type Table = CreateTableBuilder<string, string>;

const stamps = (t: Table) =>
  t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());

const tenantKey = (t: Table, name: string) =>
  t
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${name}_pk`, ['tenant_id', 'id']);

const ref = (t: Table, name: string, column: string, target: string) =>
  t.addForeignKeyConstraint(`${name}_${column}_fk`, ['tenant_id', column], target, ['tenant_id', 'id']);

const withExternalId = (t: Table, name: string) =>
  t.addColumn('external_id', 'text').addUniqueConstraint(`${name}_external_id_uq`, ['tenant_id', 'external_id']);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('fiscal_year_start_month', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('positions')
    .$call((t) => tenantKey(t, 'positions'))
    .$call((t) => withExternalId(t, 'positions'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('positions_code_uq', ['tenant_id', 'code'])
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('people')
    .$call((t) => tenantKey(t, 'people'))
    .$call((t) => withExternalId(t, 'people'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('position_id', 'text')
    .addColumn('manager_id', 'text')
    .addColumn('hired_on', 'text')
    .addColumn('left_on', 'text')
    .$call((t) => ref(t, 'people', 'position_id', 'positions'))
    .$call((t) => ref(t, 'people', 'manager_id', 'people'))
    .addUniqueConstraint('people_email_uq', ['tenant_id', 'email'])
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('org_units')
    .$call((t) => tenantKey(t, 'org_units'))
    .$call((t) => withExternalId(t, 'org_units'))
    .addColumn('parent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text')
    // Materialised path '/rootId/childId/' makes "this unit and its descendants" one indexed LIKE.
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .$call((t) => ref(t, 'org_units', 'parent_id', 'org_units'))
    .$call((t) => ref(t, 'org_units', 'manager_id', 'people'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('org_units_path_ix').on('org_units').columns(['tenant_id', 'path']).execute();

  await db.schema
    .createTable('memberships')
    .$call((t) => tenantKey(t, 'memberships'))
    .$call((t) => withExternalId(t, 'memberships'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text')
    .$call((t) => ref(t, 'memberships', 'person_id', 'people'))
    .$call((t) => ref(t, 'memberships', 'unit_id', 'org_units'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('memberships_person_ix').on('memberships').columns(['tenant_id', 'person_id']).execute();
  await db.schema.createIndex('memberships_unit_ix').on('memberships').columns(['tenant_id', 'unit_id']).execute();

  await db.schema
    .createTable('users')
    .$call((t) => tenantKey(t, 'users'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .$call((t) => ref(t, 'users', 'person_id', 'people'))
    .addUniqueConstraint('users_email_uq', ['tenant_id', 'email'])
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('sessions')
    .$call((t) => tenantKey(t, 'sessions'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .$call((t) => ref(t, 'sessions', 'user_id', 'users'))
    .execute();

  await db.schema
    .createTable('api_tokens')
    .$call((t) => tenantKey(t, 'api_tokens'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .$call((t) => ref(t, 'api_tokens', 'user_id', 'users'))
    .execute();

  await db.schema
    .createTable('customers')
    .$call((t) => tenantKey(t, 'customers'))
    .$call((t) => withExternalId(t, 'customers'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('industry', 'text')
    .addColumn('region', 'text')
    .$call((t) => ref(t, 'customers', 'owner_id', 'people'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('customers_owner_ix').on('customers').columns(['tenant_id', 'owner_id']).execute();

  await db.schema
    .createTable('contacts')
    .$call((t) => tenantKey(t, 'contacts'))
    .$call((t) => withExternalId(t, 'contacts'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .$call((t) => ref(t, 'contacts', 'customer_id', 'customers'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('contacts_customer_ix').on('contacts').columns(['tenant_id', 'customer_id']).execute();

  await db.schema
    .createTable('deals')
    .$call((t) => tenantKey(t, 'deals'))
    .$call((t) => withExternalId(t, 'deals'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .$call((t) => ref(t, 'deals', 'customer_id', 'customers'))
    .$call((t) => ref(t, 'deals', 'owner_id', 'people'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('deals_owner_ix').on('deals').columns(['tenant_id', 'owner_id']).execute();

  await db.schema
    .createTable('deal_members')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // Share in basis points: 10000 = 100%, so two-decimal percentages stay exact integers.
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_members_pk', ['tenant_id', 'deal_id', 'person_id'])
    .addForeignKeyConstraint('deal_members_deal_fk', ['tenant_id', 'deal_id'], 'deals', ['tenant_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .$call((t) => ref(t, 'deal_members', 'person_id', 'people'))
    .execute();
  await db.schema
    .createIndex('deal_members_person_ix')
    .on('deal_members')
    .columns(['tenant_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('contracts')
    .$call((t) => tenantKey(t, 'contracts'))
    .$call((t) => withExternalId(t, 'contracts'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('end_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('renewal_of', 'text')
    .$call((t) => ref(t, 'contracts', 'customer_id', 'customers'))
    .$call((t) => ref(t, 'contracts', 'deal_id', 'deals'))
    .$call((t) => ref(t, 'contracts', 'owner_id', 'people'))
    .$call((t) => ref(t, 'contracts', 'renewal_of', 'contracts'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('contracts_owner_ix').on('contracts').columns(['tenant_id', 'owner_id']).execute();
  await db.schema.createIndex('contracts_customer_ix').on('contracts').columns(['tenant_id', 'customer_id']).execute();
  await db.schema.createIndex('contracts_signed_ix').on('contracts').columns(['tenant_id', 'signed_on']).execute();

  await db.schema
    .createTable('contract_splits')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_splits_pk', ['tenant_id', 'contract_id', 'person_id'])
    .addForeignKeyConstraint(
      'contract_splits_contract_fk',
      ['tenant_id', 'contract_id'],
      'contracts',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .$call((t) => ref(t, 'contract_splits', 'person_id', 'people'))
    .execute();
  await db.schema
    .createIndex('contract_splits_person_ix')
    .on('contract_splits')
    .columns(['tenant_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('installments')
    .$call((t) => tenantKey(t, 'installments'))
    .$call((t) => withExternalId(t, 'installments'))
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .$call((t) => ref(t, 'installments', 'contract_id', 'contracts'))
    .$call(stamps)
    .execute();
  await db.schema
    .createIndex('installments_contract_ix')
    .on('installments')
    .columns(['tenant_id', 'contract_id'])
    .execute();

  await db.schema
    .createTable('payments')
    .$call((t) => tenantKey(t, 'payments'))
    .$call((t) => withExternalId(t, 'payments'))
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    // Set when the payment took the contract's total received above its amount (accepted, flagged).
    .addColumn('exceeds_outstanding', 'integer', (c) => c.notNull().defaultTo(0))
    .$call((t) => ref(t, 'payments', 'contract_id', 'contracts'))
    .$call(stamps)
    .execute();
  await db.schema.createIndex('payments_contract_ix').on('payments').columns(['tenant_id', 'contract_id']).execute();
  await db.schema.createIndex('payments_received_ix').on('payments').columns(['tenant_id', 'received_on']).execute();

  await db.schema
    .createTable('activities')
    .$call((t) => tenantKey(t, 'activities'))
    .$call((t) => withExternalId(t, 'activities'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // The tenant-zone calendar date of occurred_at: period membership is decided on dates (spec 1).
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .$call((t) => ref(t, 'activities', 'person_id', 'people'))
    .$call((t) => ref(t, 'activities', 'customer_id', 'customers'))
    .$call(stamps)
    .execute();
  await db.schema
    .createIndex('activities_person_on_ix')
    .on('activities')
    .columns(['tenant_id', 'person_id', 'occurred_on'])
    .execute();
  await db.schema.createIndex('activities_on_ix').on('activities').columns(['tenant_id', 'occurred_on']).execute();

  await db.schema
    .createTable('proposals')
    .$call((t) => tenantKey(t, 'proposals'))
    .$call((t) => withExternalId(t, 'proposals'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('deal_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .$call((t) => ref(t, 'proposals', 'person_id', 'people'))
    .$call((t) => ref(t, 'proposals', 'customer_id', 'customers'))
    .$call((t) => ref(t, 'proposals', 'deal_id', 'deals'))
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('surveys')
    .$call((t) => tenantKey(t, 'surveys'))
    .$call((t) => withExternalId(t, 'surveys'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('responded_on', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .$call((t) => ref(t, 'surveys', 'customer_id', 'customers'))
    .$call((t) => ref(t, 'surveys', 'person_id', 'people'))
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('knowledge_posts')
    .$call((t) => tenantKey(t, 'knowledge_posts'))
    .$call((t) => withExternalId(t, 'knowledge_posts'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .$call((t) => ref(t, 'knowledge_posts', 'author_id', 'people'))
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('knowledge_votes')
    .$call((t) => tenantKey(t, 'knowledge_votes'))
    .$call((t) => withExternalId(t, 'knowledge_votes'))
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addColumn('voted_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_votes_once_uq', ['tenant_id', 'post_id', 'voter_id'])
    .addForeignKeyConstraint(
      'knowledge_votes_post_fk',
      ['tenant_id', 'post_id'],
      'knowledge_posts',
      ['tenant_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .$call((t) => ref(t, 'knowledge_votes', 'voter_id', 'people'))
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('peer_ratings')
    .$call((t) => tenantKey(t, 'peer_ratings'))
    .$call((t) => withExternalId(t, 'peer_ratings'))
    .addColumn('rater_id', 'text', (c) => c.notNull())
    .addColumn('ratee_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addUniqueConstraint('peer_ratings_once_uq', ['tenant_id', 'rater_id', 'ratee_id', 'month'])
    .$call((t) => ref(t, 'peer_ratings', 'rater_id', 'people'))
    .$call((t) => ref(t, 'peer_ratings', 'ratee_id', 'people'))
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('calendar_days')
    .$call((t) => tenantKey(t, 'calendar_days'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addUniqueConstraint('calendar_days_date_uq', ['tenant_id', 'date'])
    .$call(stamps)
    .execute();

  await db.schema
    .createTable('usage_events')
    .$call((t) => tenantKey(t, 'usage_events'))
    .addColumn('user_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .execute();
  await db.schema
    .createIndex('usage_events_person_ix')
    .on('usage_events')
    .columns(['tenant_id', 'person_id', 'on_date'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .$call((t) => tenantKey(t, 'audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_record_ix')
    .on('audit_log')
    .columns(['tenant_id', 'record_kind', 'record_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'audit_log',
    'usage_events',
    'calendar_days',
    'peer_ratings',
    'knowledge_votes',
    'knowledge_posts',
    'surveys',
    'proposals',
    'activities',
    'payments',
    'installments',
    'contract_splits',
    'contracts',
    'deal_members',
    'deals',
    'contacts',
    'customers',
    'api_tokens',
    'sessions',
    'users',
    'memberships',
    'org_units',
    'people',
    'positions',
    'tenants',
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}
