import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../app/auth/passwords.ts';
import type { Db } from '../database.ts';
import type { Database } from '../schema.ts';
import { type DemoData, type DemoTable, demoTables, generateDemoCompany } from './demo-data.ts';
import { DEMO_ACCOUNT_EMAILS } from './demo-org.ts';

// Loads the demo company into a new tenant: one transaction, tables in foreign-key order,
// multi-row inserts chunked to stay under both SQLite's (32,766) and PostgreSQL's (65,535)
// bound-parameter limits.

export const DEMO_PASSWORD = 'pacer-demo';
export const DEMO_SEED = 20260101;
const MAX_PARAMS_PER_STATEMENT = 29_000;

export type DemoAccount = { email: string; password: string; role: string; name: string };
export type DemoSummary = {
  tenantId: string;
  slug: string;
  counts: Record<DemoTable, number>;
  /** The four headline logins (admin, manager, rep, finance); every person also has one. */
  accounts: DemoAccount[];
};

export type SeedDemoOptions = {
  seed?: number;
  /** Tenant-local date 'YYYY-MM-DD' the history runs up to. */
  today: string;
  slug?: string;
  onProgress?: (done: number, total: number, table: string) => void;
};

export async function hasAnyTenant(db: Db): Promise<boolean> {
  const row = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

async function assertSlugFree(db: Db | Transaction<Database>, slug: string): Promise<void> {
  const existing = await db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst();
  if (existing) {
    throw new Error(`A tenant with slug '${slug}' already exists; the demo company is only seeded into a new tenant.`);
  }
}

export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<DemoSummary> {
  const slug = options.slug ?? 'demo';
  await assertSlugFree(db, slug);
  // One hash for every demo login: argon2 is deliberately slow, 60 hashes would take seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tenantId = uuidv7();
  const data = generateDemoCompany({
    seed: options.seed ?? DEMO_SEED,
    today: options.today,
    tenantId,
    passwordHash,
    slug,
  });

  const total = demoTables.reduce((sum, table) => sum + data[table].length, 0);
  let done = 0;
  await db.transaction().execute(async (trx) => {
    await assertSlugFree(trx, slug);
    for (const table of demoTables) {
      await insertChunked(trx, table, data, (n) => {
        done += n;
        options.onProgress?.(done, total, table);
      });
    }
  });

  const counts = Object.fromEntries(demoTables.map((t) => [t, data[t].length])) as Record<DemoTable, number>;
  const accounts = DEMO_ACCOUNT_EMAILS.flatMap((email) =>
    data.users
      .filter((u) => u.email === email)
      .map((u) => ({ email, password: DEMO_PASSWORD, role: u.role, name: u.displayName })),
  );
  return { tenantId, slug, counts, accounts };
}

async function insertChunked<K extends DemoTable>(
  trx: Transaction<Database>,
  table: K,
  data: DemoData,
  onChunk: (rows: number) => void,
): Promise<void> {
  const rows = data[table];
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS_PER_STATEMENT / columns));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    // The table is a union here; each chunk holds rows of exactly that table's shape.
    await trx
      .insertInto(table)
      .values(chunk as never)
      .execute();
    onChunk(chunk.length);
  }
}
