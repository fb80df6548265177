import type SQLite from 'better-sqlite3';

// Streams generated rows into SQLite through prepared statements, committing every so many rows,
// so the bench never holds a whole table in memory. Secondary indexes are dropped for the load
// and rebuilt afterwards from their own stored SQL (faster than maintaining them row by row).

export type Row = Array<string | number | null>;

export type BulkWriter = {
  table: (name: string, columns: readonly string[]) => (row: Row) => void;
  counts: () => Record<string, number>;
  finish: () => void;
};

const COMMIT_EVERY = 200_000;

export function bulkWriter(raw: SQLite.Database): BulkWriter {
  const counts: Record<string, number> = {};
  let pending = 0;
  raw.exec('begin');
  const tick = () => {
    pending += 1;
    if (pending >= COMMIT_EVERY) {
      raw.exec('commit');
      raw.exec('begin');
      pending = 0;
    }
  };
  return {
    table: (name, columns) => {
      const statement = raw.prepare(
        `insert into ${name} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      counts[name] = counts[name] ?? 0;
      return (row) => {
        statement.run(row);
        counts[name] = (counts[name] ?? 0) + 1;
        tick();
      };
    },
    counts: () => ({ ...counts }),
    finish: () => raw.exec('commit'),
  };
}

/** Drops the indexes a migration created (not the ones behind primary keys and unique constraints). */
export function dropSecondaryIndexes(raw: SQLite.Database): string[] {
  const indexes = raw
    .prepare("select name, sql from sqlite_master where type = 'index' and sql is not null")
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) raw.exec(`drop index ${index.name}`);
  return indexes.map((index) => index.sql);
}
