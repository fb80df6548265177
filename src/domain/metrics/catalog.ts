import type { Label } from '../records/field.ts';

// The built-in metric catalog of the spec (section 3). A metric is data: how its value is
// aggregated (sum, rate = sum of numerators / sum of denominators, mean = sum / count), which way
// is better, and whether it exists for units at all (some are defined per person only).

export type MetricCategory = 'result' | 'process' | 'collaboration' | 'data';
export type MetricUnit = 'cny' | 'count' | 'ratio' | 'score';
export type Aggregation = 'sum' | 'rate' | 'mean';

export type MetricDef = {
  id: string;
  name: Label;
  category: MetricCategory;
  unit: MetricUnit;
  direction: 'higher' | 'lower';
  aggregation: Aggregation;
  /** Defined for a person only (customers "currently owned by the person"): N/A for units. */
  isPersonOnly?: boolean;
  /** The date that places a fact in a period and credits it to a unit (spec 2). */
  factDate: string;
  description: Label;
};

const m = (def: MetricDef) => def;
const L = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });

export const builtInMetrics: readonly MetricDef[] = [
  m({
    id: 'signed_amount',
    name: L('签约金额', 'Signed amount'),
    category: 'result',
    unit: 'cny',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'signed_on',
    description: L(
      '期间内签约的未作废合同金额，按业绩分配比例计入',
      'Credited amount of non-cancelled contracts signed in the period',
    ),
  }),
  m({
    id: 'weighted_signed_amount',
    name: L('加权签约金额', 'Weighted signed amount'),
    category: 'result',
    unit: 'cny',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'signed_on',
    description: L('签约金额乘以客户等级权重', 'Signed amount times the customer grade weight'),
  }),
  m({
    id: 'collected_amount',
    name: L('回款金额', 'Collected amount'),
    category: 'result',
    unit: 'cny',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'received_on',
    description: L('期间内到账的回款，按合同业绩分配计入', 'Credited payments received in the period'),
  }),
  m({
    id: 'collection_rate',
    name: L('回款率', 'Collection rate'),
    category: 'result',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'due_on',
    description: L(
      '期间内到期的回款计划中已按先进先出收回的比例',
      'Share of installments due in the period covered by payments (FIFO)',
    ),
  }),
  m({
    id: 'new_customers',
    name: L('新签客户数', 'New customers'),
    category: 'result',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'signed_on',
    description: L(
      '首份未作废合同在期间内签约的客户',
      'Customers whose first non-cancelled contract is signed in the period',
    ),
  }),
  m({
    id: 'repurchase_rate',
    name: L('复购率', 'Repurchase rate'),
    category: 'result',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    isPersonOnly: true,
    factDate: 'signed_on',
    description: L(
      '前365天有签约的名下客户中，期间内再次签约的比例',
      'Owned customers with a contract in the prior 365 days that sign again in the period',
    ),
  }),
  m({
    id: 'renewal_rate',
    name: L('续签率', 'Renewal rate'),
    category: 'result',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'end_on',
    description: L(
      '期间内到期的合同中，在到期后30天内续签的比例',
      'Contracts ending in the period renewed within 30 days of their end',
    ),
  }),
  m({
    id: 'avg_order_value',
    name: L('平均订单金额', 'Average order value'),
    category: 'result',
    unit: 'cny',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'signed_on',
    description: L(
      '签约金额除以计入的合同数（业绩比例之和）',
      'Signed amount divided by the credited count of those contracts',
    ),
  }),
  m({
    id: 'win_rate',
    name: L('赢单率', 'Win rate'),
    category: 'result',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'closed_on',
    description: L('期间内关闭的商机中赢单的比例（按负责人）', 'Won share of deals closed in the period, by owner'),
  }),
  m({
    id: 'csat',
    name: L('客户满意度', 'Customer satisfaction'),
    category: 'result',
    unit: 'score',
    direction: 'higher',
    aggregation: 'mean',
    factDate: 'responded_on',
    description: L('期间内满意度调查的平均分（1-5）', 'Mean survey score (1-5) in the period'),
  }),
  m({
    id: 'follow_ups',
    name: L('有效跟进次数', 'Valid follow-ups'),
    category: 'process',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'occurred_at',
    description: L(
      '有效的电话、拜访、会议、消息、邮件跟进（同日重复只计一次）',
      'Valid calls, visits, meetings, messages and emails (same-day duplicates once)',
    ),
  }),
  m({
    id: 'effective_visits',
    name: L('有效拜访次数', 'Effective visits'),
    category: 'process',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'occurred_at',
    description: L('时长不少于15分钟的有效拜访', 'Valid visits of at least 15 minutes'),
  }),
  m({
    id: 'proposal_on_time_rate',
    name: L('方案发送及时率', 'Proposals on time'),
    category: 'process',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'due_on',
    description: L('期间内到期的方案中按时发送的比例', 'Share of proposals due in the period sent by their due date'),
  }),
  m({
    id: 'customer_coverage',
    name: L('客户覆盖率', 'Customer coverage'),
    category: 'process',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    isPersonOnly: true,
    factDate: 'occurred_at',
    description: L(
      '名下A、B级客户中期间内有有效跟进的比例',
      'Owned A and B customers with a valid activity in the period',
    ),
  }),
  m({
    id: 'pipeline_added',
    name: L('新增商机金额', 'Pipeline added'),
    category: 'process',
    unit: 'cny',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'created_on',
    description: L('期间内创建的商机金额（按负责人）', 'Amount of deals created in the period, by owner'),
  }),
  m({
    id: 'assists',
    name: L('协作助攻', 'Assists'),
    category: 'collaboration',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'closed_on',
    description: L('期间内赢单且本人为协作成员的商机数', 'Deals won in the period with the person as an assist'),
  }),
  m({
    id: 'knowledge_shares',
    name: L('知识分享数', 'Knowledge shared'),
    category: 'collaboration',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'published_at',
    description: L('期间内发布的案例与经验', 'Knowledge posts published in the period'),
  }),
  m({
    id: 'knowledge_useful',
    name: L('知识被采纳数', 'Knowledge found useful'),
    category: 'collaboration',
    unit: 'count',
    direction: 'higher',
    aggregation: 'sum',
    factDate: 'voted_at',
    description: L(
      '期间内本人案例获得的“有用”票（不含自投）',
      '"Useful" votes on the person\'s posts in the period, self-votes excluded',
    ),
  }),
  m({
    id: 'peer_rating',
    name: L('协作评分', 'Peer rating'),
    category: 'collaboration',
    unit: 'score',
    direction: 'higher',
    aggregation: 'mean',
    factDate: 'month',
    description: L(
      '完整落在期间内的月份的同事评分平均分（不含自评）',
      'Mean peer rating for months wholly inside the period, self-ratings excluded',
    ),
  }),
  m({
    id: 'entry_timeliness',
    name: L('数据填报及时率', 'Entry timeliness'),
    category: 'data',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'occurred_at',
    description: L('24小时内录入的跟进记录比例', 'Share of activities logged within 24 hours'),
  }),
  m({
    id: 'crm_active_days',
    name: L('CRM活跃度', 'CRM activity'),
    category: 'data',
    unit: 'ratio',
    direction: 'higher',
    aggregation: 'rate',
    factDate: 'on_date',
    description: L('已过去的工作日中有系统操作的天数比例', 'Share of elapsed working days with at least one write'),
  }),
];

const byId = new Map(builtInMetrics.map((d) => [d.id, d]));

export function builtInMetric(id: string): MetricDef | undefined {
  return byId.get(id);
}
