import type { BulkWriter } from './bulk-writer.ts';
import { customerOf, KIND, someDay, somePersonOn, stamp, uid, type World } from './world.ts';

// Deals with their teams, and contracts in signing order with credit splits (75% one owner,
// 20% 60/40, 5% three ways), installment plans for half of them, renewals of a customer's previous
// contract, 3% cancelled, and about two payments each up to today (some over- or underpaid).

export function generateDeals(w: World, out: BulkWriter) {
  const { rng, tenantId, sizes, days } = w;
  const today = days.length - 1;
  const deal = out.table('deals', [
    'tenant_id',
    'id',
    'customer_id',
    'name',
    'amount_cents',
    'stage',
    'outcome',
    'created_on',
    'closed_on',
    'owner_id',
    'created_at',
    'updated_at',
  ]);
  const member = out.table('deal_members', ['tenant_id', 'deal_id', 'person_id', 'role', 'share_bp']);
  const openStages = ['lead', 'qualify', 'proposal', 'negotiate'];
  for (let i = 0; i < sizes.deals; i++) {
    const id = uid(KIND.deal, i);
    const created = someDay(w);
    const owner = somePersonOn(w, created);
    const customer = customerOf(w, owner);
    const closedAt = rng.chance(0.6) ? created + rng.int(7, 120) : Number.POSITIVE_INFINITY;
    const isClosed = closedAt <= today;
    const outcome = isClosed ? (rng.chance(0.4) ? 'won' : 'lost') : 'open';
    const createdOn = days[created]?.date as string;
    deal([
      tenantId,
      id,
      w.customerIds[customer] as string,
      `商机${i + 1}`,
      rng.int(1_000, 80_000) * 1_000,
      isClosed ? 'closed' : rng.pick(openStages),
      outcome,
      createdOn,
      isClosed ? (days[closedAt]?.date as string) : null,
      w.personIds[owner] as string,
      stamp(createdOn),
      stamp(createdOn),
    ]);
    if (rng.chance(0.25)) {
      let assist = rng.int(0, sizes.people - 1);
      if (assist === owner) assist = (assist + 1) % sizes.people;
      member([tenantId, id, w.personIds[owner] as string, 'owner', 7_000]);
      member([tenantId, id, w.personIds[assist] as string, 'assist', 3_000]);
    } else member([tenantId, id, w.personIds[owner] as string, 'owner', 10_000]);
  }
}

export function generateContracts(w: World, out: BulkWriter) {
  const { rng, tenantId, sizes, days } = w;
  const today = days.length - 1;
  const contract = out.table('contracts', [
    'tenant_id',
    'id',
    'customer_id',
    'owner_id',
    'title',
    'amount_cents',
    'signed_on',
    'start_on',
    'end_on',
    'status',
    'renewal_of',
    'created_at',
    'updated_at',
  ]);
  const split = out.table('contract_splits', ['tenant_id', 'contract_id', 'person_id', 'share_bp']);
  const installment = out.table('installments', [
    'tenant_id',
    'id',
    'contract_id',
    'due_on',
    'amount_cents',
    'created_at',
    'updated_at',
  ]);
  const payment = out.table('payments', [
    'tenant_id',
    'id',
    'contract_id',
    'received_on',
    'amount_cents',
    'note',
    'exceeds_outstanding',
    'created_at',
    'updated_at',
  ]);
  const lastOfCustomer = new Map<number, string>();
  const repeatPool = Math.max(1, Math.floor(sizes.customers * 0.3));
  let installments = 0;
  let payments = 0;
  for (let i = 0; i < sizes.contracts; i++) {
    const id = uid(KIND.contract, i);
    const signed = Math.min(today, Math.floor((i * days.length) / sizes.contracts));
    const signedOn = days[signed]?.date as string;
    const customer = rng.chance(0.6) ? rng.int(0, repeatPool - 1) : rng.int(0, sizes.customers - 1);
    const owner = rng.chance(0.9) ? (w.customerOwner[customer] as number) : somePersonOn(w, signed);
    const amount = Math.round(Math.exp(Math.log(1e6) + rng.next() * Math.log(50)));
    const end = signed + 364;
    const endOn = end <= today ? (days[end]?.date as string) : addDaysFrom(signedOn, 364);
    const isCancelled = rng.chance(0.03);
    const previous = lastOfCustomer.get(customer);
    contract([
      tenantId,
      id,
      w.customerIds[customer] as string,
      w.personIds[owner] as string,
      `合同${i + 1}`,
      amount,
      signedOn,
      signedOn,
      endOn,
      isCancelled ? 'cancelled' : end < today ? 'completed' : 'active',
      previous && rng.chance(0.5) ? previous : null,
      stamp(signedOn),
      stamp(signedOn),
    ]);
    if (!isCancelled) lastOfCustomer.set(customer, id);

    const ownerId = w.personIds[owner] as string;
    const others = () => {
      let p = rng.int(0, sizes.people - 1);
      if (p === owner) p = (p + 1) % sizes.people;
      return w.personIds[p] as string;
    };
    const kind = rng.next();
    if (kind < 0.75) split([tenantId, id, ownerId, 10_000]);
    else if (kind < 0.95) {
      split([tenantId, id, ownerId, 6_000]);
      split([tenantId, id, others(), 4_000]);
    } else {
      const a = others();
      let b = others();
      if (b === a) b = w.personIds.find((p) => p !== a && p !== ownerId) as string;
      split([tenantId, id, ownerId, 5_000]);
      split([tenantId, id, a, 2_500]);
      split([tenantId, id, b, 2_500]);
    }

    if (rng.chance(0.5)) {
      const parts = rng.int(2, 4);
      const each = Math.floor(amount / parts);
      for (let k = 0; k < parts; k++) {
        const dueOn = addDaysFrom(signedOn, k * 90);
        const cents = k === parts - 1 ? amount - each * (parts - 1) : each;
        installment([
          tenantId,
          uid(KIND.installment, installments++),
          id,
          dueOn,
          cents,
          stamp(signedOn),
          stamp(signedOn),
        ]);
      }
    }

    const count = isCancelled ? (rng.chance(0.3) ? 1 : 0) : rng.int(0, 5);
    let received = 0;
    for (let k = 0; k < count; k++) {
      const on = signed + k * 75 + rng.int(0, 45);
      if (on > today) break;
      const receivedOn = days[on]?.date as string;
      const cents = Math.max(100, Math.round((amount / Math.max(count, 2)) * (0.8 + rng.next() * 0.35)));
      received += cents;
      payment([
        tenantId,
        uid(KIND.payment, payments++),
        id,
        receivedOn,
        cents,
        null,
        received > amount ? 1 : 0,
        stamp(receivedOn),
        stamp(receivedOn),
      ]);
    }
  }
}

function addDaysFrom(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
