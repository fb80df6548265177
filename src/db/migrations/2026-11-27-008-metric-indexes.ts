import type { Kysely } from 'kysely';

// Indexes the metric queries need at scale (see docs/performance.md): renewals look up the
// contracts that renew a given one; first contracts rank a customer's contracts by signing date.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('contracts_renewal_ix').on('contracts').columns(['tenant_id', 'renewal_of']).execute();
  await db.schema
    .createIndex('contracts_customer_signed_ix')
    .on('contracts')
    .columns(['tenant_id', 'customer_id', 'signed_on'])
    .execute();
  await db.schema
    .createIndex('activities_customer_on_ix')
    .on('activities')
    .columns(['tenant_id', 'customer_id', 'occurred_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const ix of ['contracts_renewal_ix', 'contracts_customer_signed_ix', 'activities_customer_on_ix'])
    await db.schema.dropIndex(ix).ifExists().execute();
}
