import type { Db } from '../database.ts';

/** Open deals 进行中的商机 by stage: how many and their amount (one grouped query). */
export async function openDealsByStage(db: Db, tenantId: string) {
  const rows = await db
    .selectFrom('deals')
    .select((eb) => ['stage', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amountCents').as('amountCents')])
    .where('tenantId', '=', tenantId)
    .where('outcome', '=', 'open')
    .groupBy('stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage, count: Number(r.count), amountCents: Number(r.amountCents ?? 0) }));
}

/** Customers' names by id (one query), for lists that show a customer beside a record. */
export async function customerNames(db: Db, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('tenantId', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
