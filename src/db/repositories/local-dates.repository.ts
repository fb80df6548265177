import type { Kysely } from 'kysely';
import { deriveActivity } from '../../domain/records/activity-kinds.ts';
import { localDate } from '../../domain/time/dates.ts';
import type { Executor } from './records.repository.ts';

// What the engine keeps: values derived from a record when it is written (local dates of
// instants, an activity's notes length and timeliness). They are re-derived here in pages of
// rows, to follow a change of time zone or to prove that the write path kept them right.

type Derivation = {
  table: string;
  columns: string[];
  derive: (row: Record<string, unknown>, timeZone: string) => Record<string, unknown>;
};

const derivations: Derivation[] = [
  {
    table: 'activities',
    columns: ['notes', 'occurredAt', 'loggedAt', 'occurredOn', 'notesLength', 'isLoggedOnTime'],
    derive: (r, tz) => deriveActivity(r, tz),
  },
  {
    table: 'knowledgePosts',
    columns: ['publishedAt', 'publishedOn'],
    derive: (r, tz) => ({ publishedOn: localDate(String(r.publishedAt), tz) }),
  },
  {
    table: 'knowledgeVotes',
    columns: ['votedAt', 'votedOn'],
    derive: (r, tz) => ({ votedOn: localDate(String(r.votedAt), tz) }),
  },
  {
    table: 'proposals',
    columns: ['sentAt', 'sentOn'],
    derive: (r, tz) => ({ sentOn: typeof r.sentAt === 'string' ? localDate(r.sentAt, tz) : null }),
  },
  { table: 'usageEvents', columns: ['at', 'onDate'], derive: (r, tz) => ({ onDate: localDate(String(r.at), tz) }) },
];

export type DerivedReport = { table: string; checked: number; mismatched: number };

const PAGE = 5_000;

/**
 * Re-derives every derived value of a tenant. With `write`, rows whose stored values differ are
 * updated; either way the mismatches are counted (0 when the write path kept everything right).
 */
export async function rederive(
  db: Executor,
  tenantId: string,
  timeZone: string,
  options: { write: boolean; onPage?: (table: string, checked: number) => void },
): Promise<DerivedReport[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the same few columns of five tables
  const q = db as unknown as Kysely<any>;
  const reports: DerivedReport[] = [];
  for (const d of derivations) {
    const report = { table: d.table, checked: 0, mismatched: 0 };
    let after = '';
    for (;;) {
      const rows = await q
        .selectFrom(d.table)
        .select(['id', ...d.columns])
        .where('tenantId', '=', tenantId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const want = d.derive(row, timeZone);
        const differs = Object.entries(want).some(([k, v]) => (row[k] ?? null) !== (v ?? null));
        if (!differs) continue;
        report.mismatched += 1;
        if (options.write)
          await q.updateTable(d.table).set(want).where('tenantId', '=', tenantId).where('id', '=', row.id).execute();
      }
      report.checked += rows.length;
      after = String(rows.at(-1)?.id);
      options.onPage?.(d.table, report.checked);
    }
    reports.push(report);
  }
  return reports;
}

/** After a change of the tenant's time zone: every local date again. */
export async function relocaliseDates(db: Executor, tenantId: string, timeZone: string) {
  await rederive(db, tenantId, timeZone, { write: true });
}
