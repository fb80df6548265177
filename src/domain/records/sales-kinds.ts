import { type Issue, label, type RecordKind } from './field.ts';
import { notBefore, type ShareEntry, sharesIssues, teamOwnerIssues } from './rules.ts';

export const DEAL_STAGES = ['lead', 'qualify', 'proposal', 'negotiate', 'closed'] as const;
export const DEAL_OUTCOMES = ['open', 'won', 'lost'] as const;
export const CONTRACT_STATUSES = ['active', 'completed', 'cancelled'] as const;

export const customerKind: RecordKind = {
  name: 'customers',
  path: 'customers',
  label: label('客户', 'Customers'),
  hasExternalId: true,
  defaultSort: 'name',
  fields: [
    {
      name: 'name',
      type: 'string',
      label: label('客户名称', 'Name'),
      isRequired: true,
      maxLength: 200,
      isSearchable: true,
      isSortable: true,
    },
    {
      name: 'grade',
      type: 'enum',
      label: label('客户等级', 'Grade'),
      isRequired: true,
      values: ['A', 'B', 'C'],
      isFilterable: true,
      isSortable: true,
    },
    {
      name: 'ownerId',
      type: 'ref',
      refKind: 'people',
      label: label('负责人', 'Owner'),
      default: { kind: 'self' },
      isFilterable: true,
    },
    { name: 'industry', type: 'string', label: label('行业', 'Industry'), maxLength: 100, isFilterable: true },
    { name: 'region', type: 'string', label: label('地区', 'Region'), maxLength: 100, isFilterable: true },
  ],
};

export const contactKind: RecordKind = {
  name: 'contacts',
  path: 'contacts',
  label: label('联系人', 'Contacts'),
  hasExternalId: true,
  defaultSort: 'name',
  fields: [
    {
      name: 'customerId',
      type: 'ref',
      refKind: 'customers',
      label: label('客户', 'Customer'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'name',
      type: 'string',
      label: label('姓名', 'Name'),
      isRequired: true,
      maxLength: 100,
      isSearchable: true,
      isSortable: true,
    },
    { name: 'title', type: 'string', label: label('职务', 'Title'), maxLength: 100 },
    { name: 'phone', type: 'string', label: label('电话', 'Phone'), maxLength: 40 },
    { name: 'email', type: 'string', label: label('邮箱', 'Email'), maxLength: 200 },
  ],
};

const shareHelp = label(
  '格式：人员编号:角色:比例，多人用分号分隔，如 P001:owner:60;P002:assist:40',
  'Format: person:role:percent, several separated by ";", e.g. P001:owner:60;P002:assist:40',
);

export const dealKind: RecordKind = {
  name: 'deals',
  path: 'deals',
  label: label('商机', 'Deals'),
  hasExternalId: true,
  defaultSort: 'createdOn',
  fields: [
    {
      name: 'customerId',
      type: 'ref',
      refKind: 'customers',
      label: label('客户', 'Customer'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'name',
      type: 'string',
      label: label('商机名称', 'Name'),
      isRequired: true,
      maxLength: 200,
      isSearchable: true,
      isSortable: true,
    },
    {
      name: 'amountCents',
      type: 'money',
      label: label('金额(元)', 'Amount (CNY)'),
      isRequired: true,
      min: 0,
      isSortable: true,
    },
    {
      name: 'stage',
      type: 'enum',
      label: label('阶段', 'Stage'),
      isRequired: true,
      values: DEAL_STAGES,
      valueLabels: {
        lead: label('初步接洽', 'Lead'),
        qualify: label('需求确认', 'Qualify'),
        proposal: label('方案报价', 'Proposal'),
        negotiate: label('商务谈判', 'Negotiate'),
        closed: label('已关闭', 'Closed'),
      },
      isFilterable: true,
    },
    {
      name: 'outcome',
      type: 'enum',
      label: label('结果', 'Outcome'),
      values: DEAL_OUTCOMES,
      valueLabels: { open: label('进行中', 'Open'), won: label('赢单', 'Won'), lost: label('输单', 'Lost') },
      default: { kind: 'value', value: 'open' },
      isFilterable: true,
    },
    {
      name: 'createdOn',
      type: 'date',
      label: label('创建日期', 'Created on'),
      default: { kind: 'today' },
      isSortable: true,
      isFilterable: true,
    },
    { name: 'closedOn', type: 'date', label: label('关闭日期', 'Closed on'), isSortable: true, isFilterable: true },
    {
      name: 'ownerId',
      type: 'ref',
      refKind: 'people',
      label: label('负责人', 'Owner'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    { name: 'team', type: 'team', label: label('商机团队', 'Deal team'), help: shareHelp },
  ],
  check: (r) => {
    const issues: Issue[] = [...notBefore(r, 'createdOn', 'closedOn')];
    const isClosed = r.outcome === 'won' || r.outcome === 'lost';
    if (isClosed && !r.closedOn)
      issues.push({ field: 'closedOn', code: 'required', reason: `a ${String(r.outcome)} deal needs closedOn` });
    if (!isClosed && r.closedOn)
      issues.push({ field: 'outcome', code: 'rule', reason: 'a deal with closedOn must have outcome won or lost' });
    if (isClosed !== (r.stage === 'closed'))
      issues.push({ field: 'stage', code: 'rule', reason: 'stage is closed exactly when the outcome is won or lost' });
    const team = (r.team as ShareEntry[] | undefined) ?? [];
    issues.push(...sharesIssues('team', team));
    if (team.length > 0) issues.push(...teamOwnerIssues(r.ownerId, team));
    return issues;
  },
};

export const contractKind: RecordKind = {
  name: 'contracts',
  path: 'contracts',
  label: label('合同', 'Contracts'),
  hasExternalId: true,
  defaultSort: 'signedOn',
  fields: [
    {
      name: 'customerId',
      type: 'ref',
      refKind: 'customers',
      label: label('客户', 'Customer'),
      isRequired: true,
      isFilterable: true,
    },
    { name: 'dealId', type: 'ref', refKind: 'deals', label: label('商机', 'Deal'), isFilterable: true },
    {
      name: 'ownerId',
      type: 'ref',
      refKind: 'people',
      label: label('负责人', 'Owner'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    {
      name: 'title',
      type: 'string',
      label: label('合同名称', 'Title'),
      isRequired: true,
      maxLength: 200,
      isSearchable: true,
      isSortable: true,
    },
    {
      name: 'amountCents',
      type: 'money',
      label: label('合同金额(元)', 'Amount (CNY)'),
      isRequired: true,
      min: 0,
      isSortable: true,
    },
    {
      name: 'signedOn',
      type: 'date',
      label: label('签约日期', 'Signed on'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    { name: 'startOn', type: 'date', label: label('开始日期', 'Start on') },
    { name: 'endOn', type: 'date', label: label('到期日期', 'End on'), isSortable: true, isFilterable: true },
    {
      name: 'status',
      type: 'enum',
      label: label('状态', 'Status'),
      values: CONTRACT_STATUSES,
      valueLabels: {
        active: label('执行中', 'Active'),
        completed: label('已完成', 'Completed'),
        cancelled: label('已作废', 'Cancelled'),
      },
      default: { kind: 'value', value: 'active' },
      isFilterable: true,
    },
    { name: 'renewalOf', type: 'ref', refKind: 'contracts', label: label('续签自', 'Renewal of'), isFilterable: true },
    {
      name: 'splits',
      type: 'splits',
      label: label('业绩分配', 'Credit split'),
      help: label('格式：人员编号:比例，如 P001:60;P002:40', 'Format: person:percent, e.g. P001:60;P002:40'),
    },
  ],
  check: (r) => [
    ...notBefore(r, 'startOn', 'endOn'),
    ...sharesIssues('splits', (r.splits as ShareEntry[] | undefined) ?? []),
    ...(r.renewalOf && r.renewalOf === r.id
      ? [{ field: 'renewalOf', code: 'rule' as const, reason: 'a contract cannot renew itself' }]
      : []),
  ],
};

export const installmentKind: RecordKind = {
  name: 'installments',
  path: 'installments',
  label: label('回款计划', 'Installments'),
  hasExternalId: true,
  defaultSort: 'dueOn',
  fields: [
    {
      name: 'contractId',
      type: 'ref',
      refKind: 'contracts',
      label: label('合同', 'Contract'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'dueOn',
      type: 'date',
      label: label('计划回款日期', 'Due on'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    {
      name: 'amountCents',
      type: 'money',
      label: label('计划金额(元)', 'Amount (CNY)'),
      isRequired: true,
      min: 1,
      isSortable: true,
    },
  ],
};

export const paymentKind: RecordKind = {
  name: 'payments',
  path: 'payments',
  label: label('回款', 'Payments'),
  hasExternalId: true,
  defaultSort: 'receivedOn',
  fields: [
    {
      name: 'contractId',
      type: 'ref',
      refKind: 'contracts',
      label: label('合同', 'Contract'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'receivedOn',
      type: 'date',
      label: label('到账日期', 'Received on'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    {
      name: 'amountCents',
      type: 'money',
      label: label('回款金额(元)', 'Amount (CNY)'),
      isRequired: true,
      isSortable: true,
      help: label('退款填负数', 'A refund is a negative amount'),
    },
    { name: 'note', type: 'text', label: label('备注', 'Note'), maxLength: 2000 },
    { name: 'exceedsOutstanding', type: 'integer', label: label('超额回款', 'Exceeds outstanding'), isReadOnly: true },
  ],
  check: (r, ctx) => [
    ...(r.amountCents === 0
      ? [{ field: 'amountCents', code: 'range' as const, reason: 'a payment of 0 records nothing' }]
      : []),
    ...(typeof r.receivedOn === 'string' && r.receivedOn > ctx.today
      ? [
          {
            field: 'receivedOn',
            code: 'future' as const,
            reason: `money cannot be received in the future (${r.receivedOn} is after today, ${ctx.today})`,
          },
        ]
      : []),
  ],
};
