import { appendFileSync, mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { AppDeps, Clock } from '../../src/app/context.ts';
import { type DatabaseHandle, type DialectName, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

// Every data-layer and API suite runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set
// (CI always sets it). Each suite gets its own database and drops it afterwards.

const pgUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !pgUrl)
  throw new Error('CI must set TEST_DATABASE_URL: the PostgreSQL suites may not be skipped');

export const dialects: DialectName[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

export type TestDatabase = { handle: DatabaseHandle; deps: AppDeps; drop: () => Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(dialect: DialectName, clock: Clock): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(handle.db);
    return { handle, deps: { db: handle.db, dialect, clock }, drop: () => handle.destroy() };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pacer_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = openDatabase({ dialect: 'postgres', url: pgUrl, poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.destroy();
  const handle = openDatabase({ dialect: 'postgres', url: withDatabase(pgUrl, name), poolSize: 5 });
  await migrateToLatest(handle.db);
  // Leave a trace that a PostgreSQL suite really ran: .ci/run fails without it.
  mkdirSync('artifacts', { recursive: true });
  appendFileSync('artifacts/postgres-suites.txt', `${name} ${expect.getState().testPath ?? ''}\n`);
  return {
    handle,
    deps: { db: handle.db, dialect, clock },
    drop: async () => {
      await handle.destroy();
      // The pool's sockets may still be closing: a forced drop would kill them mid-close (an
      // uncaught 57P01). Wait for them to go, and force only as a last resort.
      const cleanup = openDatabase({ dialect: 'postgres', url: pgUrl, poolSize: 1 });
      for (let attempt = 0; ; attempt++) {
        try {
          await sql`drop database if exists ${sql.id(name)}${attempt >= 50 ? sql` with (force)` : sql``}`.execute(
            cleanup.db,
          );
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await cleanup.destroy();
    },
  };
}
