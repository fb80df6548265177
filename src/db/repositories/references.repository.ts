import type { Kysely, Transaction } from 'kysely';
import type { KindName } from '../../domain/records/field.ts';
import { recordKinds } from '../../domain/records/kinds.ts';
import type { Executor } from './records.repository.ts';

// Who still points to a record, so a refused delete can say "used by 3 contracts" instead of
// naming a foreign key. Runs only after the database refused the delete: one count per
// referring column, never a query per row.

// biome-ignore lint/suspicious/noExplicitAny: the referring tables vary by kind
type AnyDb = Kysely<any> | Transaction<any>;

type Referrer = { table: string; column: string; usedBy: string };

// Tables that refer to records but are not record kinds of their own (child rows, accounts, schemes).
const EXTRA: Partial<Record<KindName, Referrer[]>> = {
  people: [
    { table: 'dealMembers', column: 'personId', usedBy: 'deals' },
    { table: 'contractSplits', column: 'personId', usedBy: 'contracts' },
    { table: 'users', column: 'personId', usedBy: 'users' },
  ],
  positions: [{ table: 'schemes', column: 'positionId', usedBy: 'schemes' }],
};

// Journals count last: a person's usage history is not what stops an admin deleting them.
const JOURNALS = new Set<string>(['usageEvents', 'auditLog']);

export function referrersOf(kind: KindName): Referrer[] {
  const fromKinds = recordKinds
    .filter((k) => !JOURNALS.has(k.name))
    .flatMap((k) =>
      k.fields
        .filter((f) => f.type === 'ref' && f.refKind === kind)
        .map((f) => ({ table: k.name as string, column: f.name, usedBy: k.name as string })),
    );
  return [...fromKinds, ...(EXTRA[kind] ?? [])];
}

/** The first kind (in import order) with records pointing to `id`, and how many; undefined if none. */
export async function findReferrer(
  db: Executor,
  tenantId: string,
  kind: KindName,
  id: string,
): Promise<{ usedBy: string; count: number } | undefined> {
  for (const r of referrersOf(kind)) {
    const row = await (db as AnyDb)
      .selectFrom(r.table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tenantId', '=', tenantId)
      .where(r.column, '=', id)
      .executeTakeFirst();
    const count = Number(row?.n ?? 0);
    if (count > 0) return { usedBy: r.usedBy, count };
  }
  return undefined;
}
