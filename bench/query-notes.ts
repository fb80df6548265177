// What each metric's query in src/db/repositories/metric-facts.repository.ts does, in a line,
// for the "where the time goes" list of docs/performance.md.

export const QUERY_NOTES: Record<string, string> = {
  signed_amount: 'Contracts signed in the month (contracts_signed_ix) joined to their splits and customers.',
  weighted_signed_amount: 'As signed_amount, times the customer grade weight.',
  avg_order_value: 'The same query as signed_amount.',
  collected_amount: 'Payments received in the month (payments_received_ix) joined to the contract splits.',
  collection_rate:
    'Builds the installment plan of every contract in the tenant (all installments UNION contracts without one, a NOT EXISTS per contract), keeps those with one due in the month, runs a FIFO window over their plans and sums all their payments up to the cutoff.',
  new_customers:
    'Ranks every non-cancelled contract of the tenant per customer (row_number over all contracts, not just the month) to find first contracts, then joins the month.',
  repurchase_rate:
    'Every customer with an owner, two correlated EXISTS subqueries each (a contract in the month, one in the prior 365 days) through contracts_customer_ix.',
  renewal_rate: 'Contracts ending in the month, a correlated EXISTS for a renewal (no index on renewal_of).',
  win_rate: 'Deals closed in the month (deals_closed_ix).',
  csat: 'Surveys responded in the month.',
  follow_ups:
    'All activities of the month (about a 1/18 slice of the table), a row_number window over (person, customer, type, date, validity) to mark duplicates, then grouped per person and day.',
  effective_visits: 'As follow_ups, for visits only.',
  proposal_on_time_rate: 'Proposals due in the month.',
  customer_coverage:
    'Every customer with an owner, a correlated EXISTS into activities per customer (activities has no (customer, date) index: it walks activities_person_on_ix of the owner).',
  pipeline_added: 'Deals created in the month.',
  assists: 'Deals closed in the month joined to their assist members.',
  knowledge_shares: 'Knowledge posts published in the month.',
  knowledge_useful: 'Votes cast in the month joined to their posts.',
  peer_rating: 'Peer ratings of the whole months inside the period.',
  entry_timeliness: 'All activities of the month, grouped per person and day.',
  crm_active_days:
    'Usage events of the month grouped per person and day; the engine then adds one denominator tally per person per elapsed working day in JavaScript.',
};
