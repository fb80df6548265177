import type { Db } from '../database.ts';
import { chunk, type Executor } from './records.repository.ts';

// The audit log (who changed what, before and after) and the usage record (every write a person
// makes, for the CRM-activity metric) are append-only.

export type AuditEntry = {
  id: string;
  at: string;
  actorUserId: string | null;
  action: string;
  recordKind: string;
  recordId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  reason: string | null;
};

export type UsageEvent = {
  id: string;
  userId: string | null;
  personId: string | null;
  at: string;
  onDate: string;
  action: string;
  recordKind: string;
  recordId: string | null;
};

export async function appendAudit(db: Executor, tenantId: string, entries: AuditEntry[]) {
  for (const part of chunk(entries, 2_000))
    await (db as Db)
      .insertInto('auditLog')
      .values(part.map((e) => ({ tenantId, ...e })))
      .execute();
}

export async function appendUsage(db: Executor, tenantId: string, events: UsageEvent[]) {
  for (const part of chunk(events, 3_000))
    await (db as Db)
      .insertInto('usageEvents')
      .values(part.map((e) => ({ tenantId, ...e })))
      .execute();
}
