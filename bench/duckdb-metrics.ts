import type { DuckDBConnection } from '@duckdb/node-api';
import type { FactParams } from '../src/db/repositories/metric-facts.repository.ts';

// Every built-in metric in DuckDB SQL, mirroring src/db/repositories/metric-facts.repository.ts:
// the counted facts (person, fact date, numerator, denominator, already times the credit share),
// summed per person, per unit through the membership on the fact's date (a unit includes its
// descendants), and for the tenant. One query per metric, like the engine.

const d = (date: string) => `DATE '${date}'`;
const list = (items: readonly string[]) => items.map((s) => `'${s}'`).join(', ');

type FactSql = (p: FactParams) => string;

const signed =
  (weighted: boolean): FactSql =>
  (p) =>
    `
  select s.person_id, c.signed_on as fact_on,
    c.amount_cents * s.share_bp / 10000.0 * ${weighted ? `(case cu.grade when 'A' then ${p.gradeWeights.A} when 'B' then ${p.gradeWeights.B} else ${p.gradeWeights.C} end)` : '1'} as num,
    s.share_bp / 10000.0 as den
  from contracts c join contract_splits s on s.contract_id = c.id
  ${weighted ? 'join customers cu on cu.id = c.customer_id' : ''}
  where c.signed_on between ${d(p.start)} and ${d(p.end)} and c.status <> 'cancelled'`;

const activities = (p: FactParams, type?: string) => `
  ranked as (
    select a.*, row_number() over (partition by person_id, customer_id, type, occurred_on order by occurred_at, id) as rn
    from activities a
    where a.occurred_on between ${d(p.start)} and ${d(p.end)} and a.customer_id is not null
      and a.notes_length >= ${p.minNotesLength} ${type ? `and a.type = '${type}'` : ''}
  )`;

export const duckFacts: Record<string, FactSql> = {
  signed_amount: signed(false),
  weighted_signed_amount: signed(true),
  avg_order_value: signed(false),
  collected_amount: (p) => `
    select s.person_id, pay.received_on as fact_on, pay.amount_cents * s.share_bp / 10000.0 as num, 0 as den
    from payments pay join contract_splits s on s.contract_id = pay.contract_id
    where pay.received_on between ${d(p.start)} and ${d(p.end)}`,
  collection_rate: (p) => `
    with plan as (
      select contract_id, id as inst_id, due_on, amount_cents from installments
      union all
      select c.id, c.id, c.signed_on, c.amount_cents from contracts c
      where not exists (select 1 from installments i where i.contract_id = c.id)
    ),
    relevant as (select distinct contract_id from plan where due_on between ${d(p.start)} and ${d(p.end)}),
    fifo as (
      select plan.*, coalesce(sum(amount_cents) over (partition by contract_id order by due_on, inst_id
        rows between unbounded preceding and 1 preceding), 0) as before_cents
      from plan where contract_id in (select contract_id from relevant)
    ),
    paid as (
      select contract_id, sum(amount_cents) as paid_cents from payments
      where received_on <= ${d(p.cutoff)} and contract_id in (select contract_id from relevant) group by contract_id
    )
    select s.person_id, f.due_on as fact_on,
      least(greatest(coalesce(pd.paid_cents, 0) - f.before_cents, 0), f.amount_cents) * s.share_bp / 10000.0 as num,
      f.amount_cents * s.share_bp / 10000.0 as den
    from fifo f join contracts c on c.id = f.contract_id join contract_splits s on s.contract_id = c.id
    left join paid pd on pd.contract_id = f.contract_id
    where f.due_on between ${d(p.start)} and ${d(p.end)} and c.status <> 'cancelled'`,
  new_customers: (p) => `
    with ranked as (
      select id, row_number() over (partition by customer_id order by signed_on, created_at, id) as rn
      from contracts where status <> 'cancelled'
    )
    select s.person_id, c.signed_on as fact_on, s.share_bp / 10000.0 as num, 0 as den
    from contracts c join contract_splits s on s.contract_id = c.id join ranked r on r.id = c.id
    where c.signed_on between ${d(p.start)} and ${d(p.end)} and c.status <> 'cancelled' and r.rn = 1`,
  repurchase_rate: (p) => `
    select cu.owner_id as person_id, ${d(p.start)} as fact_on,
      case when cu.id in (select customer_id from contracts where status <> 'cancelled'
        and signed_on between ${d(p.start)} and ${d(p.end)}) then 1 else 0 end as num, 1 as den
    from customers cu
    where cu.owner_id is not null and cu.id in (select customer_id from contracts where status <> 'cancelled'
      and signed_on between ${d(p.priorStart)} and ${d(p.priorEnd)})`,
  renewal_rate: (p) => `
    select s.person_id, c.end_on as fact_on,
      case when exists (select 1 from contracts r where r.renewal_of = c.id and r.status <> 'cancelled'
        and r.signed_on <= c.end_on + 30 and r.signed_on <= ${d(p.today)}) then s.share_bp / 10000.0 else 0 end as num,
      s.share_bp / 10000.0 as den
    from contracts c join contract_splits s on s.contract_id = c.id
    where c.end_on between ${d(p.start)} and ${d(p.end)} and c.status <> 'cancelled'`,
  win_rate: (p) => `
    select owner_id as person_id, closed_on as fact_on, case when outcome = 'won' then 1 else 0 end as num, 1 as den
    from deals where closed_on between ${d(p.start)} and ${d(p.end)} and outcome in ('won', 'lost')`,
  csat: (p) => `
    select person_id, responded_on as fact_on, score as num, 1 as den
    from surveys where responded_on between ${d(p.start)} and ${d(p.end)}`,
  follow_ups: (p) => `
    with ${activities(p)}
    select person_id, occurred_on as fact_on, 1 as num, 0 as den from ranked where rn = 1 and type <> 'other'`,
  effective_visits: (p) => `
    with ${activities(p, 'visit')}
    select person_id, occurred_on as fact_on, 1 as num, 0 as den
    from ranked where rn = 1 and coalesce(duration_min, 0) >= ${p.effectiveVisitMinutes}`,
  proposal_on_time_rate: (p) => `
    select person_id, due_on as fact_on, case when sent_on is not null and sent_on <= due_on then 1 else 0 end as num, 1 as den
    from proposals where due_on between ${d(p.start)} and ${d(p.end)} and not (sent_on is null and due_on >= ${d(p.today)})`,
  customer_coverage: (p) => `
    select cu.owner_id as person_id, ${d(p.start)} as fact_on,
      case when exists (select 1 from activities a where a.customer_id = cu.id and a.person_id = cu.owner_id
        and a.occurred_on between ${d(p.start)} and ${d(p.end)} and a.notes_length >= ${p.minNotesLength}) then 1 else 0 end as num,
      1 as den
    from customers cu where cu.owner_id is not null and cu.grade in ('A', 'B')`,
  pipeline_added: (p) => `
    select owner_id as person_id, created_on as fact_on, amount_cents as num, 0 as den
    from deals where created_on between ${d(p.start)} and ${d(p.end)}`,
  assists: (p) => `
    select dm.person_id, d.closed_on as fact_on, 1 as num, 0 as den
    from deals d join deal_members dm on dm.deal_id = d.id and dm.role = 'assist'
    where d.closed_on between ${d(p.start)} and ${d(p.end)} and d.outcome = 'won'`,
  knowledge_shares: (p) => `
    select author_id as person_id, published_on as fact_on, 1 as num, 0 as den
    from knowledge_posts where published_on between ${d(p.start)} and ${d(p.end)}`,
  knowledge_useful: (p) => `
    select k.author_id as person_id, v.voted_on as fact_on, 1 as num, 0 as den
    from knowledge_votes v join knowledge_posts k on k.id = v.post_id
    where v.voted_on between ${d(p.start)} and ${d(p.end)} and v.voter_id <> k.author_id`,
  peer_rating: (p) => `
    select ratee_id as person_id, cast(month || '-01' as date) as fact_on, score as num, 1 as den
    from peer_ratings
    where ${p.wholeMonths.length > 0 ? `month in (${list(p.wholeMonths)})` : '1 = 0'} and rater_id <> ratee_id`,
  entry_timeliness: (p) => `
    select person_id, occurred_on as fact_on, is_logged_on_time as num, 1 as den
    from activities where occurred_on between ${d(p.start)} and ${d(p.end)}`,
  crm_active_days: (p) => `
    with days as (
      select cast(g.day as date) as day from generate_series(${d(p.start)}, least(${d(p.end)}, ${d(p.today)}), interval 1 day) g(day)
      where (isodow(g.day) <= 5 and cast(g.day as date) not in (select date from calendar_days where kind = 'holiday'))
        or cast(g.day as date) in (select date from calendar_days where kind = 'workday')
    ),
    active as (
      select distinct person_id, on_date from usage_events
      where person_id is not null and on_date between ${d(p.start)} and ${d(p.cutoff)}
    )
    select a.person_id, a.on_date as fact_on, 1 as num, 0 as den from active a where a.on_date in (select day from days)
    union all
    select pe.id, days.day, 0, 1 from people pe cross join days where pe.left_on is null or pe.left_on >= ${d(p.start)}`,
};

export type DuckTotals = { rows: number; tenant: { num: number; den: number }; root: { num: number; den: number } };

/** One metric: the facts, then people, units (by membership on the fact date) and the tenant. */
export async function runDuckMetric(
  connection: DuckDBConnection,
  metricId: string,
  p: FactParams,
  rootUnitId: string,
): Promise<DuckTotals> {
  const facts = duckFacts[metricId];
  if (!facts) throw new Error(`no DuckDB SQL for ${metricId}`);
  const reader = await connection.runAndReadAll(`
    with f as (${facts(p)}),
    pd as (select person_id, fact_on, sum(num) as num, sum(den) as den from f group by person_id, fact_on),
    mu as (
      select person_id, unit_id, start_on, coalesce(end_on, DATE '9999-12-31') as end_on from memberships
      where start_on <= ${d(p.end)} and (end_on is null or end_on >= ${d(p.start)})
    ),
    by_unit as (
      select a.ancestor_id as subject, sum(pd.num) as num, sum(pd.den) as den
      from pd join mu on mu.person_id = pd.person_id and pd.fact_on between mu.start_on and mu.end_on
      join unit_ancestors a on a.unit_id = mu.unit_id
      group by a.ancestor_id
    )
    select 'person' as kind, person_id as subject, sum(num)::double as num, sum(den)::double as den from pd group by person_id
    union all select 'unit', subject, num::double, den::double from by_unit
    union all select 'tenant', null, coalesce(sum(num), 0)::double, coalesce(sum(den), 0)::double from pd`);
  const rows = reader.getRows() as Array<[string, string | null, number, number]>;
  const tenant = rows.find((r) => r[0] === 'tenant');
  const root = rows.find((r) => r[0] === 'unit' && r[1] === rootUnitId);
  return {
    rows: rows.length,
    tenant: { num: Number(tenant?.[2] ?? 0), den: Number(tenant?.[3] ?? 0) },
    root: { num: Number(root?.[2] ?? 0), den: Number(root?.[3] ?? 0) },
  };
}
