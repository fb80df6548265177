import { type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../database.ts';
import type { Executor } from './records.repository.ts';

// The facts behind every built-in metric, one SQL definition each (spec section 3). A query
// returns one row per fact and credited person: the fact's date, its numerator and denominator
// contribution (already multiplied by the credit share), the record it comes from, and the reason
// it is excluded (NULL = counted). The same query, filtered, explains a value; aggregated by
// person and date, it computes values for every person at once.

export type FactParams = {
  tenantId: string;
  start: string;
  end: string;
  today: string;
  /** min(end, today): payments up to here cover installments (collection rate). */
  cutoff: string;
  /** start - 365 and start - 1 (repurchase rate). */
  priorStart: string;
  priorEnd: string;
  /** Months wholly inside the period (peer rating). */
  wholeMonths: string[];
  minNotesLength: number;
  effectiveVisitMinutes: number;
  gradeWeights: { A: number; B: number; C: number };
  /** Limit to these people (undefined = everyone in the tenant). */
  personIds?: readonly string[];
};

export type FactRow = {
  personId: string;
  factOn: string;
  num: number;
  den: number;
  recordKind: string;
  recordId: string;
  reason: string | null;
  shareBp: number | null;
};

type Q = (p: FactParams, d: DialectName) => RawBuilder<FactRow>;

const least = (d: DialectName) => sql.raw(d === 'sqlite' ? 'min' : 'least');
const greatest = (d: DialectName) => sql.raw(d === 'sqlite' ? 'max' : 'greatest');
const plusDays = (d: DialectName, column: string, days: number) =>
  d === 'sqlite'
    ? sql.raw(`date(${column}, '+${days} days')`)
    : sql.raw(`to_char(${column}::date + ${days}, 'YYYY-MM-DD')`);

function people(p: FactParams, column: string) {
  if (!p.personIds) return sql``;
  if (p.personIds.length === 0) return sql` and 1 = 0`;
  return sql` and ${sql.ref(column)} in (${sql.join(p.personIds)})`;
}

/** Credited contract amounts, optionally weighted by the customer's grade (signed amounts, order value). */
const signed =
  (weighted: boolean): Q =>
  (p) =>
    sql<FactRow>`
    select s.person_id as "personId", c.signed_on as "factOn",
      c.amount_cents * s.share_bp / 10000.0 * ${weighted ? sql`(case cu.grade when 'A' then cast(${p.gradeWeights.A} as double precision) when 'B' then cast(${p.gradeWeights.B} as double precision) else cast(${p.gradeWeights.C} as double precision) end)` : sql`1`} as "num",
      s.share_bp / 10000.0 as "den",
      'contracts' as "recordKind", c.id as "recordId",
      case when c.status = 'cancelled' then 'cancelled' end as "reason", s.share_bp as "shareBp"
    from contracts c
    join contract_splits s on s.tenant_id = c.tenant_id and s.contract_id = c.id
    join customers cu on cu.tenant_id = c.tenant_id and cu.id = c.customer_id
    where c.tenant_id = ${p.tenantId} and c.signed_on between ${p.start} and ${p.end}${people(p, 's.person_id')}`;

const collected: Q = (p) => sql<FactRow>`
  select s.person_id as "personId", pay.received_on as "factOn",
    pay.amount_cents * s.share_bp / 10000.0 as "num", 0 as "den",
    'payments' as "recordKind", pay.id as "recordId", null as "reason", s.share_bp as "shareBp"
  from payments pay
  join contract_splits s on s.tenant_id = pay.tenant_id and s.contract_id = pay.contract_id
  where pay.tenant_id = ${p.tenantId} and pay.received_on between ${p.start} and ${p.end}${people(p, 's.person_id')}`;

/**
 * Installments due in the period (a contract without a plan is one installment of its amount due
 * on signing), covered first-in-first-out by all the contract's payments up to the cutoff.
 */
const collectionRate: Q = (p, d) => sql<FactRow>`
  with relevant as (
    select i.contract_id from installments i where i.tenant_id = ${p.tenantId} and i.due_on between ${p.start} and ${p.end}
    union
    select c.id from contracts c
    where c.tenant_id = ${p.tenantId} and c.signed_on between ${p.start} and ${p.end}
      and not exists (select 1 from installments i where i.tenant_id = c.tenant_id and i.contract_id = c.id)
  ),
  plan as (
    select i.contract_id, i.id as inst_id, i.due_on, i.amount_cents from installments i
    where i.tenant_id = ${p.tenantId} and i.contract_id in (select contract_id from relevant)
    union all
    select c.id, c.id, c.signed_on, c.amount_cents from contracts c
    where c.tenant_id = ${p.tenantId} and c.id in (select contract_id from relevant)
      and not exists (select 1 from installments i where i.tenant_id = c.tenant_id and i.contract_id = c.id)
  ),
  fifo as materialized (
    select plan.*, coalesce(sum(plan.amount_cents) over (
      partition by plan.contract_id order by plan.due_on, plan.inst_id rows between unbounded preceding and 1 preceding), 0) as before_cents
    from plan
  ),
  paid as (
    select contract_id, sum(amount_cents) as paid_cents from payments
    where tenant_id = ${p.tenantId} and received_on <= ${p.cutoff} and contract_id in (select contract_id from relevant)
    group by contract_id
  )
  select s.person_id as "personId", f.due_on as "factOn",
    ${least(d)}(${greatest(d)}(coalesce(pd.paid_cents, 0) - f.before_cents, 0), f.amount_cents) * s.share_bp / 10000.0 as "num",
    f.amount_cents * s.share_bp / 10000.0 as "den",
    case when f.inst_id = f.contract_id then 'contracts' else 'installments' end as "recordKind", f.inst_id as "recordId",
    case when c.status = 'cancelled' then 'cancelled' end as "reason", s.share_bp as "shareBp"
  from fifo f
  join contracts c on c.tenant_id = ${p.tenantId} and c.id = f.contract_id
  join contract_splits s on s.tenant_id = c.tenant_id and s.contract_id = c.id
  left join paid pd on pd.contract_id = f.contract_id
  where f.due_on between ${p.start} and ${p.end}${people(p, 's.person_id')}`;

/** A customer is new in the period its first non-cancelled contract is signed (ties: earliest created). */
const newCustomers: Q = (p) => sql<FactRow>`
  with signed as (
    select distinct c.customer_id from contracts c
    where c.tenant_id = ${p.tenantId} and c.signed_on between ${p.start} and ${p.end}
  ),
  ranked as (
    select c.id, row_number() over (partition by c.customer_id order by c.signed_on, c.created_at, c.id) as rn
    from contracts c
    where c.tenant_id = ${p.tenantId} and c.status <> 'cancelled' and c.customer_id in (select customer_id from signed)
  )
  select s.person_id as "personId", c.signed_on as "factOn", s.share_bp / 10000.0 as "num", 0 as "den",
    'contracts' as "recordKind", c.id as "recordId",
    case when c.status = 'cancelled' then 'cancelled' when r.rn > 1 then 'not_first_contract' end as "reason",
    s.share_bp as "shareBp"
  from contracts c
  cross join contract_splits s
  left join ranked r on r.id = c.id
  where s.tenant_id = c.tenant_id and s.contract_id = c.id
    and c.tenant_id = ${p.tenantId} and c.signed_on between ${p.start} and ${p.end}${people(p, 's.person_id')}`;

/** Customers owned now with a contract in the 365 days before the period; signed again in it? */
const repurchaseRate: Q = (p) => sql<FactRow>`
  with prior as (
    select distinct customer_id from contracts
    where tenant_id = ${p.tenantId} and status <> 'cancelled' and signed_on between ${p.priorStart} and ${p.priorEnd}
  ),
  current as (
    select distinct customer_id from contracts
    where tenant_id = ${p.tenantId} and status <> 'cancelled' and signed_on between ${p.start} and ${p.end}
  )
  select cu.owner_id as "personId", cast(${p.start} as text) as "factOn",
    case when cur.customer_id is not null then 1 else 0 end as "num",
    1 as "den", 'customers' as "recordKind", cu.id as "recordId",
    case when pr.customer_id is null then 'no_contract_in_prior_year' end as "reason",
    null as "shareBp"
  from customers cu
  left join prior pr on pr.customer_id = cu.id
  left join current cur on cur.customer_id = cu.id
  where cu.tenant_id = ${p.tenantId} and cu.owner_id is not null${people(p, 'cu.owner_id')}`;

const renewalRate: Q = (p, d) => sql<FactRow>`
  select s.person_id as "personId", c.end_on as "factOn",
    case when exists (select 1 from contracts r where r.tenant_id = c.tenant_id and r.renewal_of = c.id and r.status <> 'cancelled'
      and r.signed_on <= ${plusDays(d, 'c.end_on', 30)} and r.signed_on <= ${p.today}) then s.share_bp / 10000.0 else 0 end as "num",
    s.share_bp / 10000.0 as "den", 'contracts' as "recordKind", c.id as "recordId",
    case when c.status = 'cancelled' then 'cancelled' end as "reason", s.share_bp as "shareBp"
  from contracts c
  join contract_splits s on s.tenant_id = c.tenant_id and s.contract_id = c.id
  where c.tenant_id = ${p.tenantId} and c.end_on between ${p.start} and ${p.end}${people(p, 's.person_id')}`;

const winRate: Q = (p) => sql<FactRow>`
  select d.owner_id as "personId", d.closed_on as "factOn", case when d.outcome = 'won' then 1 else 0 end as "num", 1 as "den",
    'deals' as "recordKind", d.id as "recordId", case when d.outcome not in ('won', 'lost') then 'not_closed' end as "reason",
    null as "shareBp"
  from deals d where d.tenant_id = ${p.tenantId} and d.closed_on between ${p.start} and ${p.end}${people(p, 'd.owner_id')}`;

const csat: Q = (p) => sql<FactRow>`
  select sv.person_id as "personId", sv.responded_on as "factOn", sv.score as "num", 1 as "den",
    'surveys' as "recordKind", sv.id as "recordId", null as "reason", null as "shareBp"
  from surveys sv where sv.tenant_id = ${p.tenantId} and sv.responded_on between ${p.start} and ${p.end}${people(p, 'sv.person_id')}`;

/**
 * Activities in the period with why they do not count: no customer, notes too short, or a
 * duplicate of an earlier valid one (same person, customer, type and local date).
 */
function activities(p: FactParams, onlyType?: string) {
  return sql`
    with acts as (
      select a.id, a.person_id, a.customer_id, a.type, a.occurred_on, a.occurred_at, a.duration_min,
        case when a.customer_id is null then 'no_customer' when a.notes_length < ${p.minNotesLength} then 'short_notes' end as invalid
      from activities a
      where a.tenant_id = ${p.tenantId} and a.occurred_on between ${p.start} and ${p.end}${people(p, 'a.person_id')}
        ${onlyType ? sql`and a.type = ${onlyType}` : sql``}
    ),
    ranked as (
      select acts.*, row_number() over (partition by person_id, customer_id, type, occurred_on, invalid order by occurred_at, id) as rn
      from acts
    )`;
}

const followUps: Q = (p) => sql<FactRow>`
  ${activities(p)}
  select person_id as "personId", occurred_on as "factOn", 1 as "num", 0 as "den", 'activities' as "recordKind", id as "recordId",
    case when invalid is not null then invalid when rn > 1 then 'duplicate' when type = 'other' then 'type_other' end as "reason",
    null as "shareBp"
  from ranked`;

const effectiveVisits: Q = (p) => sql<FactRow>`
  ${activities(p, 'visit')}
  select person_id as "personId", occurred_on as "factOn", 1 as "num", 0 as "den", 'activities' as "recordKind", id as "recordId",
    case when invalid is not null then invalid when rn > 1 then 'duplicate'
      when coalesce(duration_min, 0) < ${p.effectiveVisitMinutes} then 'too_short' end as "reason",
    null as "shareBp"
  from ranked`;

const proposalsOnTime: Q = (p) => sql<FactRow>`
  select pr.person_id as "personId", pr.due_on as "factOn",
    case when pr.sent_on is not null and pr.sent_on <= pr.due_on then 1 else 0 end as "num", 1 as "den",
    'proposals' as "recordKind", pr.id as "recordId",
    case when pr.sent_on is null and pr.due_on >= ${p.today} then 'not_due_yet' end as "reason", null as "shareBp"
  from proposals pr where pr.tenant_id = ${p.tenantId} and pr.due_on between ${p.start} and ${p.end}${people(p, 'pr.person_id')}`;

const customerCoverage: Q = (p) => sql<FactRow>`
  with touched as (
    select distinct a.customer_id, a.person_id from activities a
    where a.tenant_id = ${p.tenantId} and a.occurred_on between ${p.start} and ${p.end}
      and a.customer_id is not null and a.notes_length >= ${p.minNotesLength}
  )
  select cu.owner_id as "personId", cast(${p.start} as text) as "factOn",
    case when t.customer_id is not null then 1 else 0 end as "num",
    1 as "den", 'customers' as "recordKind", cu.id as "recordId",
    case when cu.grade not in ('A', 'B') then 'grade_c' end as "reason", null as "shareBp"
  from customers cu
  left join touched t on t.customer_id = cu.id and t.person_id = cu.owner_id
  where cu.tenant_id = ${p.tenantId} and cu.owner_id is not null${people(p, 'cu.owner_id')}`;

const pipelineAdded: Q = (p) => sql<FactRow>`
  select d.owner_id as "personId", d.created_on as "factOn", d.amount_cents as "num", 0 as "den",
    'deals' as "recordKind", d.id as "recordId", null as "reason", null as "shareBp"
  from deals d where d.tenant_id = ${p.tenantId} and d.created_on between ${p.start} and ${p.end}${people(p, 'd.owner_id')}`;

const assists: Q = (p) => sql<FactRow>`
  select dm.person_id as "personId", d.closed_on as "factOn", 1 as "num", 0 as "den",
    'deals' as "recordKind", d.id as "recordId", case when d.outcome <> 'won' then 'not_won' end as "reason", null as "shareBp"
  from deals d join deal_members dm on dm.tenant_id = d.tenant_id and dm.deal_id = d.id and dm.role = 'assist'
  where d.tenant_id = ${p.tenantId} and d.closed_on between ${p.start} and ${p.end}${people(p, 'dm.person_id')}`;

const knowledgeShares: Q = (p) => sql<FactRow>`
  select k.author_id as "personId", k.published_on as "factOn", 1 as "num", 0 as "den",
    'knowledgePosts' as "recordKind", k.id as "recordId", null as "reason", null as "shareBp"
  from knowledge_posts k where k.tenant_id = ${p.tenantId} and k.published_on between ${p.start} and ${p.end}${people(p, 'k.author_id')}`;

const knowledgeUseful: Q = (p) => sql<FactRow>`
  select k.author_id as "personId", v.voted_on as "factOn", 1 as "num", 0 as "den",
    'knowledgeVotes' as "recordKind", v.id as "recordId", case when v.voter_id = k.author_id then 'self_vote' end as "reason",
    null as "shareBp"
  from knowledge_votes v join knowledge_posts k on k.tenant_id = v.tenant_id and k.id = v.post_id
  where v.tenant_id = ${p.tenantId} and v.voted_on between ${p.start} and ${p.end}${people(p, 'k.author_id')}`;

const peerRating: Q = (p) => sql<FactRow>`
  select r.ratee_id as "personId", r.month || '-01' as "factOn",
    r.score as "num", 1 as "den", 'peerRatings' as "recordKind", r.id as "recordId",
    case when r.rater_id = r.ratee_id then 'self_rating' end as "reason", null as "shareBp"
  from peer_ratings r
  where r.tenant_id = ${p.tenantId} and ${p.wholeMonths.length > 0 ? sql`r.month in (${sql.join(p.wholeMonths)})` : sql`1 = 0`}${people(p, 'r.ratee_id')}`;

const entryTimeliness: Q = (p) => sql<FactRow>`
  select a.person_id as "personId", a.occurred_on as "factOn", a.is_logged_on_time as "num", 1 as "den",
    'activities' as "recordKind", a.id as "recordId", null as "reason", null as "shareBp"
  from activities a where a.tenant_id = ${p.tenantId} and a.occurred_on between ${p.start} and ${p.end}${people(p, 'a.person_id')}`;

/** Days with at least one write (the denominator, elapsed working days, is added by the engine). */
const activeDays: Q = (p) => sql<FactRow>`
  select u.person_id as "personId", u.on_date as "factOn", 1 as "num", 0 as "den",
    'usageEvents' as "recordKind", min(u.id) as "recordId", null as "reason", null as "shareBp"
  from usage_events u
  where u.tenant_id = ${p.tenantId} and u.person_id is not null and u.on_date between ${p.start} and ${p.cutoff}${people(p, 'u.person_id')}
  group by u.person_id, u.on_date`;

const queries: Record<string, Q> = {
  signed_amount: signed(false),
  weighted_signed_amount: signed(true),
  collected_amount: collected,
  collection_rate: collectionRate,
  new_customers: newCustomers,
  repurchase_rate: repurchaseRate,
  renewal_rate: renewalRate,
  avg_order_value: signed(false),
  win_rate: winRate,
  csat,
  follow_ups: followUps,
  effective_visits: effectiveVisits,
  proposal_on_time_rate: proposalsOnTime,
  customer_coverage: customerCoverage,
  pipeline_added: pipelineAdded,
  assists,
  knowledge_shares: knowledgeShares,
  knowledge_useful: knowledgeUseful,
  peer_rating: peerRating,
  entry_timeliness: entryTimeliness,
  crm_active_days: activeDays,
};

function queryFor(metricId: string, p: FactParams, d: DialectName): RawBuilder<FactRow> {
  const q = queries[metricId];
  if (!q) throw new Error(`no fact query for metric ${metricId}`);
  return q(p, d);
}

/** Every fact with its reason, for explaining a value. */
export async function loadFacts(db: Executor, d: DialectName, metricId: string, p: FactParams): Promise<FactRow[]> {
  const { rows } =
    await sql<FactRow>`select * from (${queryFor(metricId, p, d)}) f order by "factOn", "recordId"`.execute(
      db as never,
    );
  return rows.map((r) => ({
    ...r,
    num: Number(r.num),
    den: Number(r.den),
    shareBp: r.shareBp === null ? null : Number(r.shareBp),
  }));
}

export type PersonDayTally = { personId: string; factOn: string; num: number; den: number };

/** Counted facts summed per person and date: what values of people and units are made of. */
export async function tallyFacts(
  db: Executor,
  d: DialectName,
  metricId: string,
  p: FactParams,
): Promise<PersonDayTally[]> {
  const { rows } = await sql<PersonDayTally>`
    select "personId", "factOn", sum("num") as "num", sum("den") as "den"
    from (${queryFor(metricId, p, d)}) f where "reason" is null group by "personId", "factOn"`.execute(db as never);
  return rows.map((r) => ({ personId: r.personId, factOn: r.factOn, num: Number(r.num), den: Number(r.den) }));
}
