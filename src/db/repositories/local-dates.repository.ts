import type { Kysely } from 'kysely';
import { localDate } from '../../domain/time/dates.ts';
import type { Executor } from './records.repository.ts';

// Local dates are stored beside the instants they come from (a fact's date decides its period).
// When a tenant moves to another time zone, every one of them is computed again.

const instantColumns = [
  { table: 'activities', instant: 'occurredAt', date: 'occurredOn' },
  { table: 'knowledgePosts', instant: 'publishedAt', date: 'publishedOn' },
  { table: 'knowledgeVotes', instant: 'votedAt', date: 'votedOn' },
  { table: 'proposals', instant: 'sentAt', date: 'sentOn' },
  { table: 'usageEvents', instant: 'at', date: 'onDate' },
] as const;

export async function relocaliseDates(db: Executor, tenantId: string, timeZone: string) {
  // biome-ignore lint/suspicious/noExplicitAny: the same two columns of five tables
  const q = db as unknown as Kysely<any>;
  for (const { table, instant, date } of instantColumns) {
    const rows = await q
      .selectFrom(table)
      .select(['id', instant])
      .where('tenantId', '=', tenantId)
      .where(instant, 'is not', null)
      .execute();
    for (const row of rows) {
      await q
        .updateTable(table)
        .set({ [date]: localDate(row[instant], timeZone) })
        .where('tenantId', '=', tenantId)
        .where('id', '=', row.id)
        .execute();
    }
  }
}
