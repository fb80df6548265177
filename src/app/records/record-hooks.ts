import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { chunk } from '../../db/repositories/records.repository.ts';
import { itemsOfVersions } from '../../db/repositories/scheme-feedback.repository.ts';
import type { Database } from '../../db/schema.ts';
import type { KindName, RecordKind, RecordValues } from '../../domain/records/field.ts';
import { addDays } from '../../domain/time/dates.ts';
import type { Actor, AppDeps } from '../context.ts';
import { prorateAfterMembershipChange } from '../targets/prorate-targets.ts';
import type { PreparedRow } from './save-records.ts';

// Rules that need the database, run once per batch (set-based): uniqueness, the org tree,
// membership overlaps, installment plans, payments against what is left to collect, and the
// writes that follow a record (a person's transfer, descendants' paths).

const uniqueKeys: Partial<Record<KindName, string[][]>> = {
  knowledgeVotes: [['postId', 'voterId']],
  peerRatings: [['raterId', 'rateeId', 'month']],
  people: [['email']],
  positions: [['code']],
  // One rating per person and item of a scheme version: rating again changes it.
  schemeFeedback: [['schemeVersionId', 'metricId', 'personId']],
};

const valid = (rows: PreparedRow[]) => rows.filter((r) => r.issues.length === 0);

/** A contract made from a deal starts with the deal team's shares (spec 2). */
export async function prefillFromDeals(deps: AppDeps, actor: Actor, kind: RecordKind, rows: PreparedRow[]) {
  if (kind.name !== 'contracts') return;
  const needing = rows.filter((r) => !r.existing && typeof r.input.dealId === 'string' && !r.input.splits);
  const dealIds = [...new Set(needing.map((r) => String(r.input.dealId)))];
  if (dealIds.length === 0) return;
  const members = await deps.db
    .selectFrom('dealMembers')
    .select(['dealId', 'personId', 'shareBp'])
    .where('tenantId', '=', actor.tenantId)
    .where('dealId', 'in', dealIds)
    .execute();
  for (const row of needing) {
    const team = members.filter((m) => m.dealId === row.input.dealId);
    if (team.length > 0) row.input.splits = team.map((m) => ({ personId: m.personId, shareBp: Number(m.shareBp) }));
  }
}

/**
 * A dispute goes by default to the raiser's manager (or their unit's head), due in 7 days; only
 * its owner or an admin decides it.
 */
export async function prefillDisputes(deps: AppDeps, actor: Actor, kind: RecordKind, rows: PreparedRow[]) {
  if (kind.name !== 'disputes') return;
  const raisers = rows.filter((r) => !r.existing).map((r) => String(r.input.personId ?? actor.personId ?? ''));
  if (raisers.length === 0) return;
  const people = await deps.db
    .selectFrom('people')
    .select(['id', 'managerId'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', 'in', raisers)
    .execute();
  const heads = await deps.db
    .selectFrom('memberships as m')
    .innerJoin('orgUnits as u', (j) => j.onRef('u.tenantId', '=', 'm.tenantId').onRef('u.id', '=', 'm.unitId'))
    .select(['m.personId', 'u.managerId'])
    .where('m.tenantId', '=', actor.tenantId)
    .where('m.personId', 'in', raisers)
    .where('m.startOn', '<=', actor.today)
    .where((w) => w.or([w('m.endOn', 'is', null), w('m.endOn', '>=', actor.today)]))
    .execute();
  for (const row of rows.filter((r) => !r.existing)) {
    const raiser = String(row.input.personId ?? actor.personId ?? '');
    row.input.ownerId ??=
      people.find((p) => p.id === raiser)?.managerId ??
      heads.find((h) => h.personId === raiser && h.managerId !== raiser)?.managerId ??
      undefined;
    row.input.deadlineOn ??= addDays(actor.today, 7);
  }
}

function checkDisputeDecisions(actor: Actor, rows: PreparedRow[]) {
  for (const row of valid(rows)) {
    const decides = row.existing
      ? row.record.status !== row.existing.status || (row.record.outcome ?? null) !== (row.existing.outcome ?? null)
      : row.record.status !== 'open';
    const owner = String(row.existing?.ownerId ?? row.record.ownerId);
    const raiser = String(row.record.personId);
    const isAdmin = actor.role === 'admin';
    // Nobody decides their own dispute, nor hands it to themselves, nor takes it from its owner.
    if (decides && !isAdmin && (actor.personId !== owner || actor.personId === raiser))
      row.issues.push({ field: 'status', code: 'rule', reason: 'only the owner of a dispute or an admin decides it' });
    else if (String(row.record.ownerId) === raiser)
      row.issues.push({ field: 'ownerId', code: 'rule', reason: 'the person who raised a dispute cannot own it' });
    else if (row.existing && row.record.ownerId !== row.existing.ownerId && !isAdmin && actor.personId !== owner)
      row.issues.push({
        field: 'ownerId',
        code: 'rule',
        reason: 'only the owner of a dispute or an admin hands it on',
      });
  }
}

export async function runBatchChecks(deps: AppDeps, actor: Actor, kind: RecordKind, rows: PreparedRow[]) {
  if (kind.name === 'disputes') checkDisputeDecisions(actor, rows);
  if (kind.name === 'schemeFeedback') await checkFeedbackItems(deps, actor, rows);
  await checkUnique(deps, actor, kind, rows);
  if (kind.name === 'orgUnits') await placeOrgUnits(deps, actor, rows);
  if (kind.name === 'memberships') await checkMembershipOverlaps(deps, actor, rows);
  if (kind.name === 'installments') await checkInstallmentPlans(deps, actor, rows);
  if (kind.name === 'payments') await checkPayments(deps, actor, rows);
}

/** Feedback names a scheme version that exists and one of its items. */
async function checkFeedbackItems(deps: AppDeps, actor: Actor, rows: PreparedRow[]) {
  const ids = [...new Set(valid(rows).map((r) => String(r.record.schemeVersionId)))];
  if (ids.length === 0) return;
  const itemsOf = await itemsOfVersions(deps.db, actor.tenantId, ids);
  for (const row of valid(rows)) {
    const items = itemsOf.get(String(row.record.schemeVersionId));
    if (!items)
      row.issues.push({
        field: 'schemeVersionId',
        code: 'unknown_ref',
        reason: `no scheme version ${row.record.schemeVersionId}`,
      });
    else if (!items.includes(String(row.record.metricId)))
      row.issues.push({
        field: 'metricId',
        code: 'unknown_ref',
        reason: `${row.record.metricId} is not an item of this scheme version (items: ${items.join(', ')})`,
      });
  }
}

async function checkUnique(deps: AppDeps, actor: Actor, kind: RecordKind, rows: PreparedRow[]) {
  for (const columns of uniqueKeys[kind.name] ?? []) {
    const tupleOf = (r: RecordValues) =>
      columns.some((c) => r[c] == null) ? undefined : JSON.stringify(columns.map((c) => r[c]));
    const inBatch = new Map<string, PreparedRow>();
    for (const row of valid(rows)) {
      const t = tupleOf(row.record);
      if (!t) continue;
      const first = inBatch.get(t);
      if (first)
        row.issues.push({
          field: columns[0],
          code: 'duplicate_key',
          reason: `${columns.join(' + ')} repeats row ${first.rowNumber ?? first.index} of this batch`,
        });
      else inBatch.set(t, row);
    }
    for (const part of chunk([...inBatch.values()], 300)) {
      const found = await deps.db
        .selectFrom(kind.name as 'people')
        .selectAll()
        .where('tenantId', '=', actor.tenantId)
        .where((eb) =>
          eb.or(part.map((r) => eb.and(columns.map((c) => eb(eb.ref(c as 'id'), '=', r.record[c] as string))))),
        )
        .execute();
      for (const other of found as RecordValues[]) {
        const row = inBatch.get(tupleOf(other) ?? '');
        if (row && other.id !== row.record.id)
          row.issues.push({
            field: columns[0],
            code: 'conflict',
            reason: `${columns.map((c) => `${c} ${String(other[c])}`).join(', ')} is already recorded (${kind.name} ${String(other.id)})`,
          });
      }
    }
  }
}

async function placeOrgUnits(deps: AppDeps, actor: Actor, rows: PreparedRow[]) {
  const pending = valid(rows);
  const parentIds = pending.map((r) => r.record.parentId).filter((p): p is string => typeof p === 'string');
  const stored = await deps.db
    .selectFrom('orgUnits')
    .select(['id', 'path'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', 'in', parentIds.length > 0 ? parentIds : [''])
    .execute();
  const paths = new Map(stored.map((u) => [u.id, u.path]));
  // Children may come before their parents in a file: place in passes until nothing moves.
  let left = pending;
  while (left.length > 0) {
    const next: PreparedRow[] = [];
    for (const row of left) {
      const id = String(row.record.id);
      const parent = row.record.parentId as string | null;
      const parentPath = parent
        ? ((pending.find((r) => r.record.id === parent)?.record.path as string | undefined) ?? paths.get(parent))
        : '/';
      if (parentPath === undefined) next.push(row);
      else if (parentPath.includes(`/${id}/`))
        row.issues.push({
          field: 'parentId',
          code: 'rule',
          reason: `unit ${id} cannot move under its own descendant ${parent}`,
        });
      else row.record.path = `${parentPath}${id}/`;
    }
    if (next.length === left.length) {
      for (const row of next)
        row.issues.push({ field: 'parentId', code: 'unknown_ref', reason: 'the parent unit is not valid' });
      break;
    }
    left = next;
  }
}

async function checkMembershipOverlaps(deps: AppDeps, actor: Actor, rows: PreparedRow[]) {
  const batch = valid(rows);
  const people = [...new Set(batch.map((r) => String(r.record.personId)))];
  if (people.length === 0) return;
  const stored = await deps.db
    .selectFrom('memberships')
    .select(['id', 'personId', 'startOn', 'endOn'])
    .where('tenantId', '=', actor.tenantId)
    .where('personId', 'in', people)
    .execute();
  const batchIds = new Set(batch.map((r) => r.record.id));
  const all = [...stored.filter((m) => !batchIds.has(m.id)), ...batch.map((r) => r.record as (typeof stored)[number])];
  for (const row of batch) {
    const m = row.record;
    const clash = all.find(
      (o) =>
        o !== m &&
        o.personId === m.personId &&
        String(o.startOn) <= String(m.endOn ?? '9999-12-31') &&
        String(m.startOn) <= String(o.endOn ?? '9999-12-31'),
    );
    if (clash)
      row.issues.push({
        field: 'startOn',
        code: 'conflict',
        reason: `overlaps membership ${String(clash.id)} (${clash.startOn} to ${clash.endOn ?? 'open'}) of the same person`,
      });
  }
}

async function contractTotals(
  deps: AppDeps,
  actor: Actor,
  table: 'installments' | 'payments',
  contractIds: string[],
  exclude: Set<unknown>,
) {
  const contracts = await deps.db
    .selectFrom('contracts')
    .select(['id', 'amountCents'])
    .where('tenantId', '=', actor.tenantId)
    .where('id', 'in', contractIds)
    .execute();
  const items = await deps.db
    .selectFrom(table)
    .select(['id', 'contractId', 'amountCents'])
    .where('tenantId', '=', actor.tenantId)
    .where('contractId', 'in', contractIds)
    .execute();
  const sums = new Map<string, number>();
  for (const i of items)
    if (!exclude.has(i.id)) sums.set(i.contractId, (sums.get(i.contractId) ?? 0) + Number(i.amountCents));
  return { amount: new Map(contracts.map((c) => [c.id, Number(c.amountCents)])), sums };
}

async function checkInstallmentPlans(deps: AppDeps, actor: Actor, rows: PreparedRow[]) {
  const batch = valid(rows);
  const ids = [...new Set(batch.map((r) => String(r.record.contractId)))];
  if (ids.length === 0) return;
  const { amount, sums } = await contractTotals(
    deps,
    actor,
    'installments',
    ids,
    new Set(batch.map((r) => r.record.id)),
  );
  for (const row of batch) {
    const c = String(row.record.contractId);
    const planned = (sums.get(c) ?? 0) + Number(row.record.amountCents);
    sums.set(c, planned);
    if (planned > (amount.get(c) ?? 0))
      row.issues.push({
        field: 'amountCents',
        code: 'range',
        reason: `installments of contract ${c} would total ${planned / 100} yuan, more than its amount ${(amount.get(c) ?? 0) / 100} yuan`,
      });
  }
}

/**
 * Payments above what is left to collect are accepted and flagged (customers do pay ahead);
 * a refund larger than what was received is refused.
 */
async function checkPayments(deps: AppDeps, actor: Actor, rows: PreparedRow[]) {
  const batch = valid(rows);
  const ids = [...new Set(batch.map((r) => String(r.record.contractId)))];
  if (ids.length === 0) return;
  const { amount, sums } = await contractTotals(deps, actor, 'payments', ids, new Set(batch.map((r) => r.record.id)));
  for (const row of batch) {
    const c = String(row.record.contractId);
    const received = (sums.get(c) ?? 0) + Number(row.record.amountCents);
    if (received < 0) {
      row.issues.push({
        field: 'amountCents',
        code: 'range',
        reason: `the refund exceeds the ${(sums.get(c) ?? 0) / 100} yuan received on contract ${c}`,
      });
      continue;
    }
    sums.set(c, received);
    const over = received > (amount.get(c) ?? 0);
    row.record.exceedsOutstanding = over ? 1 : 0;
    if (over)
      row.warnings.push({
        field: 'amountCents',
        code: 'range',
        reason: `contract ${c} has now received ${received / 100} yuan, more than its amount ${(amount.get(c) ?? 0) / 100} yuan (accepted, flagged)`,
      });
  }
}

export async function runAfterWrite(tx: Transaction<Database>, actor: Actor, kind: RecordKind, written: PreparedRow[]) {
  if (kind.name === 'orgUnits') {
    for (const row of written) {
      const before = row.existing?.path;
      const after = row.record.path as string;
      if (typeof before !== 'string' || before === after) continue;
      await tx
        .updateTable('orgUnits')
        .set({ path: sql<string>`${after} || substr(path, ${before.length + 1})` })
        .where('tenantId', '=', actor.tenantId)
        .where('path', 'like', `${before}_%`)
        .execute();
    }
  }
  if (kind.name === 'people') await transferPeople(tx, actor, written);
  if (kind.name === 'memberships' || kind.name === 'people') await prorateTargetsAfter(tx, actor, kind, written);
}

/** A membership that starts or ends inside a period with a team target split to people pro-rates it. */
async function prorateTargetsAfter(tx: Transaction<Database>, actor: Actor, kind: RecordKind, written: PreparedRow[]) {
  const personId = (r: PreparedRow) => String(kind.name === 'people' ? r.record.id : r.record.personId);
  const dates = written.flatMap((r) =>
    [r.record.startOn, r.record.endOn, r.existing?.startOn, r.existing?.endOn].filter((d) => typeof d === 'string'),
  ) as string[];
  const since = [...dates, actor.today].sort()[0] as string;
  await prorateAfterMembershipChange(tx, actor, written.map(personId), since);
}

/** Setting a person's unit ends their current membership yesterday and starts the new one today. */
async function transferPeople(tx: Transaction<Database>, actor: Actor, written: PreparedRow[]) {
  for (const row of written) {
    const unitId = row.record.unitId;
    if (typeof unitId !== 'string' || unitId === row.existing?.unitId) continue;
    const personId = String(row.record.id);
    const any = await tx
      .selectFrom('memberships')
      .select('id')
      .where('tenantId', '=', actor.tenantId)
      .where('personId', '=', personId)
      .executeTakeFirst();
    // The first unit a person gets starts on their hiring date; any later change is a transfer today.
    const start = any ? actor.today : String(row.record.hiredOn ?? actor.today);
    const current = await tx
      .selectFrom('memberships')
      .select(['id', 'startOn'])
      .where('tenantId', '=', actor.tenantId)
      .where('personId', '=', personId)
      .where((w) => w.or([w('endOn', 'is', null), w('endOn', '>=', start)]))
      .execute();
    for (const m of current) {
      if (m.startOn >= start)
        await tx.deleteFrom('memberships').where('tenantId', '=', actor.tenantId).where('id', '=', m.id).execute();
      else
        await tx
          .updateTable('memberships')
          .set({ endOn: addDays(start, -1), updatedAt: actor.now })
          .where('tenantId', '=', actor.tenantId)
          .where('id', '=', m.id)
          .execute();
    }
    await tx
      .insertInto('memberships')
      .values({
        tenantId: actor.tenantId,
        id: uuidv7(),
        externalId: null,
        personId,
        unitId,
        startOn: start,
        endOn: null,
        createdAt: actor.now,
        updatedAt: actor.now,
      })
      .execute();
  }
}
