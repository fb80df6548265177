import type { Label } from '../records/field.ts';

// What a zero-code custom metric may read (spec 3): a whitelist of record kinds, their fields,
// their date fields and how a fact is credited. The SQL is generated from this table only, so a
// definition can never name a column, table or expression that is not listed here.

export type SourceFieldType = 'number' | 'money' | 'text' | 'enum' | 'ref';
export type SourceField = {
  name: string;
  column: string;
  type: SourceFieldType;
  label: Label;
  values?: readonly string[];
};
export type CreditRule = 'owner' | 'split' | 'author';

export type Source = {
  name: string;
  table: string;
  label: Label;
  fields: readonly SourceField[];
  /** Date fields: the API name and the SQL expression giving a 'YYYY-MM-DD' text. */
  dateFields: ReadonlyArray<{ name: string; sql: string; label: Label }>;
  /** Credit rules and the column naming the credited person (split: through a shares table). */
  credits: Partial<Record<CreditRule, string>>;
  /** For split credit: the shares table and its key column pointing at this source's contract or deal. */
  split?: { table: string; key: string; via: string };
};

const L = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

export const customSources: readonly Source[] = [
  {
    name: 'activities',
    table: 'activities',
    label: L('跟进记录', 'Activities'),
    fields: [
      {
        name: 'type',
        column: 'type',
        type: 'enum',
        label: L('跟进方式', 'Type'),
        values: ['call', 'visit', 'meeting', 'message', 'email', 'other'],
      },
      { name: 'durationMin', column: 'duration_min', type: 'number', label: L('时长(分钟)', 'Duration (min)') },
      { name: 'notesLength', column: 'notes_length', type: 'number', label: L('内容字数', 'Notes length') },
      {
        name: 'isLoggedOnTime',
        column: 'is_logged_on_time',
        type: 'number',
        label: L('24小时内录入', 'Logged within 24 h'),
      },
      { name: 'customerId', column: 'customer_id', type: 'ref', label: L('客户', 'Customer') },
    ],
    dateFields: [{ name: 'occurredOn', sql: 't.occurred_on', label: L('跟进日期', 'Occurred on') }],
    credits: { owner: 'person_id', author: 'person_id' },
  },
  {
    name: 'deals',
    table: 'deals',
    label: L('商机', 'Deals'),
    fields: [
      { name: 'amountCents', column: 'amount_cents', type: 'money', label: L('金额', 'Amount') },
      {
        name: 'stage',
        column: 'stage',
        type: 'enum',
        label: L('阶段', 'Stage'),
        values: ['lead', 'qualify', 'proposal', 'negotiate', 'closed'],
      },
      {
        name: 'outcome',
        column: 'outcome',
        type: 'enum',
        label: L('结果', 'Outcome'),
        values: ['open', 'won', 'lost'],
      },
      { name: 'customerId', column: 'customer_id', type: 'ref', label: L('客户', 'Customer') },
    ],
    dateFields: [
      { name: 'createdOn', sql: 't.created_on', label: L('创建日期', 'Created on') },
      { name: 'closedOn', sql: 't.closed_on', label: L('关闭日期', 'Closed on') },
    ],
    credits: { owner: 'owner_id', split: 'person_id' },
    split: { table: 'deal_members', key: 'deal_id', via: 'id' },
  },
  {
    name: 'contracts',
    table: 'contracts',
    label: L('合同', 'Contracts'),
    fields: [
      { name: 'amountCents', column: 'amount_cents', type: 'money', label: L('合同金额', 'Amount') },
      {
        name: 'status',
        column: 'status',
        type: 'enum',
        label: L('状态', 'Status'),
        values: ['active', 'completed', 'cancelled'],
      },
      { name: 'customerId', column: 'customer_id', type: 'ref', label: L('客户', 'Customer') },
    ],
    dateFields: [
      { name: 'signedOn', sql: 't.signed_on', label: L('签约日期', 'Signed on') },
      { name: 'endOn', sql: 't.end_on', label: L('到期日期', 'End on') },
    ],
    credits: { owner: 'owner_id', split: 'person_id' },
    split: { table: 'contract_splits', key: 'contract_id', via: 'id' },
  },
  {
    name: 'payments',
    table: 'payments',
    label: L('回款', 'Payments'),
    fields: [{ name: 'amountCents', column: 'amount_cents', type: 'money', label: L('回款金额', 'Amount') }],
    dateFields: [{ name: 'receivedOn', sql: 't.received_on', label: L('到账日期', 'Received on') }],
    credits: { split: 'person_id' },
    split: { table: 'contract_splits', key: 'contract_id', via: 'contract_id' },
  },
  {
    name: 'proposals',
    table: 'proposals',
    label: L('方案', 'Proposals'),
    fields: [{ name: 'customerId', column: 'customer_id', type: 'ref', label: L('客户', 'Customer') }],
    dateFields: [
      { name: 'dueOn', sql: 't.due_on', label: L('截止日期', 'Due on') },
      { name: 'sentOn', sql: 't.sent_on', label: L('发送日期', 'Sent on') },
    ],
    credits: { owner: 'person_id', author: 'person_id' },
  },
  {
    name: 'surveys',
    table: 'surveys',
    label: L('满意度调查', 'Surveys'),
    fields: [
      { name: 'score', column: 'score', type: 'number', label: L('评分', 'Score') },
      { name: 'customerId', column: 'customer_id', type: 'ref', label: L('客户', 'Customer') },
    ],
    dateFields: [{ name: 'respondedOn', sql: 't.responded_on', label: L('反馈日期', 'Responded on') }],
    credits: { owner: 'person_id' },
  },
  {
    name: 'knowledgePosts',
    table: 'knowledge_posts',
    label: L('案例分享', 'Knowledge posts'),
    fields: [{ name: 'tags', column: 'tags', type: 'text', label: L('标签', 'Tags') }],
    dateFields: [{ name: 'publishedOn', sql: 't.published_on', label: L('发布日期', 'Published on') }],
    credits: { author: 'author_id', owner: 'author_id' },
  },
  {
    name: 'peerRatings',
    table: 'peer_ratings',
    label: L('协作评分', 'Peer ratings'),
    fields: [{ name: 'score', column: 'score', type: 'number', label: L('评分', 'Score') }],
    dateFields: [{ name: 'month', sql: "t.month || '-01'", label: L('月份', 'Month') }],
    credits: { owner: 'ratee_id' },
  },
];

export function customSource(name: string): Source | undefined {
  return customSources.find((s) => s.name === name);
}
