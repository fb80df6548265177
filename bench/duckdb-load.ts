import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';

// The same data in DuckDB. Its sqlite extension would have to be downloaded (no network here),
// so the columns the metrics read are streamed from SQLite to CSV files and loaded with DuckDB's
// built-in CSV reader into a DuckDB file cached beside the SQLite one. Dates become DATE columns.

type Column = [name: string, duckType: string];
type TableSpec = { name: string; columns: Column[]; from?: string };

const TABLES: TableSpec[] = [
  {
    name: 'people',
    columns: [
      ['id', 'VARCHAR'],
      ['left_on', 'DATE'],
    ],
  },
  {
    name: 'org_units',
    columns: [
      ['id', 'VARCHAR'],
      ['parent_id', 'VARCHAR'],
      ['path', 'VARCHAR'],
    ],
  },
  {
    name: 'memberships',
    columns: [
      ['person_id', 'VARCHAR'],
      ['unit_id', 'VARCHAR'],
      ['start_on', 'DATE'],
      ['end_on', 'DATE'],
    ],
  },
  {
    name: 'customers',
    columns: [
      ['id', 'VARCHAR'],
      ['grade', 'VARCHAR'],
      ['owner_id', 'VARCHAR'],
    ],
  },
  {
    name: 'contracts',
    columns: [
      ['id', 'VARCHAR'],
      ['customer_id', 'VARCHAR'],
      ['amount_cents', 'BIGINT'],
      ['signed_on', 'DATE'],
      ['end_on', 'DATE'],
      ['status', 'VARCHAR'],
      ['renewal_of', 'VARCHAR'],
      ['created_at', 'VARCHAR'],
    ],
  },
  {
    name: 'contract_splits',
    columns: [
      ['contract_id', 'VARCHAR'],
      ['person_id', 'VARCHAR'],
      ['share_bp', 'INTEGER'],
    ],
  },
  {
    name: 'installments',
    columns: [
      ['id', 'VARCHAR'],
      ['contract_id', 'VARCHAR'],
      ['due_on', 'DATE'],
      ['amount_cents', 'BIGINT'],
    ],
  },
  {
    name: 'payments',
    columns: [
      ['id', 'VARCHAR'],
      ['contract_id', 'VARCHAR'],
      ['received_on', 'DATE'],
      ['amount_cents', 'BIGINT'],
    ],
  },
  {
    name: 'deals',
    columns: [
      ['id', 'VARCHAR'],
      ['owner_id', 'VARCHAR'],
      ['amount_cents', 'BIGINT'],
      ['outcome', 'VARCHAR'],
      ['created_on', 'DATE'],
      ['closed_on', 'DATE'],
    ],
  },
  {
    name: 'deal_members',
    columns: [
      ['deal_id', 'VARCHAR'],
      ['person_id', 'VARCHAR'],
      ['role', 'VARCHAR'],
    ],
  },
  {
    name: 'activities',
    columns: [
      ['id', 'VARCHAR'],
      ['person_id', 'VARCHAR'],
      ['customer_id', 'VARCHAR'],
      ['type', 'VARCHAR'],
      ['occurred_at', 'VARCHAR'],
      ['occurred_on', 'DATE'],
      ['duration_min', 'INTEGER'],
      ['notes_length', 'INTEGER'],
      ['is_logged_on_time', 'INTEGER'],
    ],
  },
  {
    name: 'proposals',
    columns: [
      ['id', 'VARCHAR'],
      ['person_id', 'VARCHAR'],
      ['due_on', 'DATE'],
      ['sent_on', 'DATE'],
    ],
  },
  {
    name: 'surveys',
    columns: [
      ['id', 'VARCHAR'],
      ['person_id', 'VARCHAR'],
      ['score', 'INTEGER'],
      ['responded_on', 'DATE'],
    ],
  },
  {
    name: 'knowledge_posts',
    columns: [
      ['id', 'VARCHAR'],
      ['author_id', 'VARCHAR'],
      ['published_on', 'DATE'],
    ],
  },
  {
    name: 'knowledge_votes',
    columns: [
      ['id', 'VARCHAR'],
      ['post_id', 'VARCHAR'],
      ['voter_id', 'VARCHAR'],
      ['voted_on', 'DATE'],
    ],
  },
  {
    name: 'peer_ratings',
    columns: [
      ['id', 'VARCHAR'],
      ['rater_id', 'VARCHAR'],
      ['ratee_id', 'VARCHAR'],
      ['month', 'VARCHAR'],
      ['score', 'INTEGER'],
    ],
  },
  {
    name: 'usage_events',
    columns: [
      ['person_id', 'VARCHAR'],
      ['on_date', 'DATE'],
    ],
  },
  {
    name: 'calendar_days',
    columns: [
      ['date', 'DATE'],
      ['kind', 'VARCHAR'],
    ],
  },
];

export async function openDuckDb(sqliteFile: string, duckFile: string, tenantId: string, log: (line: string) => void) {
  const isCached = existsSync(duckFile);
  const instance = await DuckDBInstance.create(duckFile);
  const connection = await instance.connect();
  if (!isCached) {
    const started = performance.now();
    try {
      const source = new SQLite(sqliteFile, { readonly: true });
      for (const table of TABLES) {
        const csv = `${duckFile}.${table.name}.csv`;
        exportCsv(source, table, tenantId, csv);
        const columns = table.columns.map(([n, t]) => `'${n}': '${t}'`).join(', ');
        await connection.run(
          `create table ${table.name} as select * from read_csv('${csv}', header = false, delim = ',', quote = '"', nullstr = '\\N', columns = {${columns}})`,
        );
        rmSync(csv, { force: true });
      }
      source.close();
      // A unit and each of its ancestors (itself included), from the materialised path.
      await connection.run(`create table unit_ancestors as
        select u.id as unit_id, a.id as ancestor_id from org_units u join org_units a on starts_with(u.path, a.path)`);
      await connection.run('checkpoint');
    } catch (error) {
      connection.closeSync();
      rmSync(duckFile, { force: true });
      throw error;
    }
    log(`  DuckDB load (CSV export + read_csv) ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { instance, connection, isCached };
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[",\n\\]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function exportCsv(source: SQLite.Database, table: TableSpec, tenantId: string, file: string) {
  const fd = openSync(file, 'w');
  const select = source
    .prepare(`select ${table.columns.map(([n]) => n).join(', ')} from ${table.name} where tenant_id = ?`)
    .raw(true);
  let lines: string[] = [];
  for (const row of select.iterate(tenantId) as Iterable<unknown[]>) {
    lines.push(row.map(csvCell).join(','));
    if (lines.length >= 100_000) {
      writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
  closeSync(fd);
}
