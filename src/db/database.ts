import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; poolSize?: number };

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  /** SQLite file path, for the online backup; undefined on PostgreSQL. */
  sqliteFile?: string;
  sqlite?: SQLite.Database;
  destroy: () => Promise<void>;
};

// PostgreSQL returns int8 (bigint columns, count(*)) and numeric as strings; money in cents fits
// a JS number exactly up to 2^53, so parse them once here and both dialects hand back numbers.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.dialect === 'sqlite') {
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // Query plans depend on table statistics: without them SQLite can pick a nested loop that is
    // 100x slower. Refresh what is stale on open (SQLite's advice for long-lived connections).
    sqlite.pragma('optimize = 0x10002');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
    return { db, dialect: 'sqlite', sqliteFile: config.file, sqlite, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url?.startsWith('postgres://') || url?.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got '${url.split(':')[0]}:')`);
  return { dialect: 'sqlite', file: `${dataDir}/pacer.sqlite` };
}

/**
 * Refreshes the planner's statistics after bulk writes (a seed, an import): SQLite's
 * `PRAGMA optimize` analyses only the tables that need it; PostgreSQL's ANALYZE is cheap too.
 */
export async function refreshStatistics(db: Db, dialect: DialectName): Promise<void> {
  await (dialect === 'sqlite' ? sql`pragma optimize` : sql`analyze`).execute(db);
}
