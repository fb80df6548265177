import type { Actor, AppDeps } from '../src/app/context.ts';
import { computeValues, type Subject } from '../src/app/metrics/compute-metrics.ts';
import { saveRecords } from '../src/app/records/save-records.ts';
import { kindByName } from '../src/domain/records/kinds.ts';
import { type Summary, summarize, timed } from './stats.ts';

// (c) One new activity or payment through the write path (saveRecords, as the system actor)
// followed by reading the values it changes for that person, each of their units (team, region,
// company) and the tenant, for the current month. Activities and payments alternate. The rows
// written are deleted afterwards so the cached data set stays as generated.

export type WriteFigures = {
  planned: number;
  done: number;
  isCutShort: boolean;
  total: Summary;
  write: Summary;
  read: Summary;
  byKind: Record<'activities' | 'payments', Summary>;
};

const ACTIVITY_METRICS = ['follow_ups', 'effective_visits', 'entry_timeliness', 'customer_coverage', 'crm_active_days'];
const PAYMENT_METRICS = ['collected_amount', 'collection_rate'];
export const WRITE_PREFIX = 'BENCH-WRITE-';

type Target = { personId: string; customerId: string; contractId: string; unitIds: string[] };

async function targets(deps: AppDeps, actor: Actor, people: string[], today: string): Promise<Target[]> {
  const out: Target[] = [];
  for (const personId of people) {
    const customer = await deps.db
      .selectFrom('customers')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('ownerId', '=', personId)
      .executeTakeFirst();
    const contract = await deps.db
      .selectFrom('contractSplits as s')
      .innerJoin('contracts as c', (j) => j.onRef('c.tenantId', '=', 's.tenantId').onRef('c.id', '=', 's.contractId'))
      .select('c.id')
      .where('s.tenantId', '=', actor.tenantId)
      .where('s.personId', '=', personId)
      .where('c.status', '<>', 'cancelled')
      .executeTakeFirst();
    const unit = await deps.db
      .selectFrom('memberships as m')
      .innerJoin('orgUnits as u', (j) => j.onRef('u.tenantId', '=', 'm.tenantId').onRef('u.id', '=', 'm.unitId'))
      .select('u.path')
      .where('m.tenantId', '=', actor.tenantId)
      .where('m.personId', '=', personId)
      .where('m.startOn', '<=', today)
      .where((w) => w.or([w('m.endOn', 'is', null), w('m.endOn', '>=', today)]))
      .executeTakeFirst();
    if (customer && contract && unit)
      out.push({
        personId,
        customerId: customer.id,
        contractId: contract.id,
        unitIds: unit.path.split('/').filter(Boolean),
      });
  }
  return out;
}

export async function measureWrites(
  deps: AppDeps,
  actor: Actor,
  input: { people: string[]; month: string; count: number; budgetMs: number },
  log: (line: string) => void,
): Promise<WriteFigures> {
  const list = await targets(deps, actor, input.people, actor.today);
  if (list.length === 0) throw new Error('no person with a customer, a contract and a unit to write for');
  const samples = { total: [] as number[], write: [] as number[], read: [] as number[] };
  const byKind = { activities: [] as number[], payments: [] as number[] };
  const started = performance.now();
  let done = 0;
  for (let i = 0; i < input.count; i++) {
    if (performance.now() - started > input.budgetMs) break;
    const t = list[i % list.length] as Target;
    const isActivity = i % 2 === 0;
    const kind = kindByName(isActivity ? 'activities' : 'payments');
    const raw = isActivity
      ? {
          externalId: `${WRITE_PREFIX}${i}`,
          personId: t.personId,
          customerId: t.customerId,
          type: 'visit',
          occurredAt: actor.now,
          durationMin: 30,
          notes: '拜访客户，确认续约意向',
        }
      : { externalId: `${WRITE_PREFIX}${i}`, contractId: t.contractId, receivedOn: actor.today, amountCents: 100_00 };
    const subjects: Subject[] = [
      { kind: 'person', id: t.personId },
      ...t.unitIds.map((id) => ({ kind: 'unit' as const, id })),
      { kind: 'tenant' },
    ];
    const write = await timed(() => saveRecords(deps, actor, kind, 'create', [{ raw }], { source: 'api' }));
    if (!write.result.isCommitted) throw new Error(`bench write refused: ${JSON.stringify(write.result.issues)}`);
    const read = await timed(() =>
      computeValues(deps, actor, {
        metricIds: isActivity ? ACTIVITY_METRICS : PAYMENT_METRICS,
        subjects,
        periodKey: input.month,
      }),
    );
    samples.write.push(write.ms);
    samples.read.push(read.ms);
    samples.total.push(write.ms + read.ms);
    (isActivity ? byKind.activities : byKind.payments).push(write.ms + read.ms);
    done += 1;
    if (done % 50 === 0) log(`    ${done} writes, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return {
    planned: input.count,
    done,
    isCutShort: done < input.count,
    total: summarize(samples.total),
    write: summarize(samples.write),
    read: summarize(samples.read),
    byKind: { activities: summarize(byKind.activities), payments: summarize(byKind.payments) },
  };
}

/** Removes what measureWrites wrote (records, their usage events and audit entries). */
export async function removeBenchWrites(deps: AppDeps, tenantId: string) {
  for (const table of ['activities', 'payments'] as const) {
    const ids = (
      await deps.db
        .selectFrom(table)
        .select('id')
        .where('tenantId', '=', tenantId)
        .where('externalId', 'like', `${WRITE_PREFIX}%`)
        .execute()
    ).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      await deps.db.deleteFrom('usageEvents').where('tenantId', '=', tenantId).where('recordId', 'in', part).execute();
      await deps.db.deleteFrom('auditLog').where('tenantId', '=', tenantId).where('recordId', 'in', part).execute();
      await deps.db.deleteFrom(table).where('tenantId', '=', tenantId).where('id', 'in', part).execute();
    }
  }
}
