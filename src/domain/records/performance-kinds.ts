import { label, type RecordKind } from './field.ts';

// Records people keep about their performance: disputes of a number (spec 6) and feedback on the
// items of a scheme (issue 5). They use the generic write path, so lists, scopes, exports and the
// audit log come with them.

export const disputeKind: RecordKind = {
  name: 'disputes',
  path: 'disputes',
  label: label('申诉', 'Disputes'),
  hasExternalId: false,
  defaultSort: 'createdAt',
  fields: [
    {
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('申诉人', 'Raised by'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    {
      name: 'ownerId',
      type: 'ref',
      refKind: 'people',
      label: label('处理人', 'Owner'),
      isRequired: true,
      default: { kind: 'server' },
      isFilterable: true,
      help: label('默认为申诉人的直属上级', "Defaults to the person's manager"),
    },
    {
      name: 'metricId',
      type: 'string',
      label: label('指标', 'Metric'),
      isRequired: true,
      maxLength: 60,
      isFilterable: true,
    },
    {
      name: 'periodKey',
      type: 'string',
      label: label('期间', 'Period'),
      isRequired: true,
      maxLength: 40,
      isFilterable: true,
    },
    {
      name: 'aspect',
      type: 'enum',
      label: label('申诉的数值', 'Number disputed'),
      values: ['actual', 'target', 'score', 'total'],
      valueLabels: {
        actual: label('实际值', 'Actual'),
        target: label('目标', 'Target'),
        score: label('得分', 'Score'),
        total: label('总分', 'Total score'),
      },
      default: { kind: 'value', value: 'actual' },
      isFilterable: true,
    },
    {
      name: 'shownValue',
      type: 'string',
      label: label('当时显示的数值', 'Value shown'),
      maxLength: 60,
      help: label('申诉时页面上显示的数值', 'The number as the page showed it when the dispute was raised'),
    },
    { name: 'recordRefs', type: 'text', label: label('相关记录', 'Records named'), maxLength: 2000 },
    { name: 'description', type: 'text', label: label('申诉理由', 'Why'), isRequired: true, maxLength: 5000 },
    {
      name: 'deadlineOn',
      type: 'date',
      label: label('处理期限', 'Deadline'),
      isRequired: true,
      default: { kind: 'server' },
      isSortable: true,
      isFilterable: true,
      help: label('默认7天后', 'Defaults to 7 days from today'),
    },
    {
      name: 'status',
      type: 'enum',
      label: label('状态', 'Status'),
      values: ['open', 'accepted', 'rejected'],
      valueLabels: {
        open: label('处理中', 'Open'),
        accepted: label('已采纳', 'Accepted'),
        rejected: label('已驳回', 'Rejected'),
      },
      default: { kind: 'value', value: 'open' },
      isFilterable: true,
    },
    { name: 'outcome', type: 'text', label: label('处理结果', 'Outcome'), maxLength: 5000 },
  ],
  check: (r) => [
    ...(r.status !== 'open' && !String(r.outcome ?? '').trim()
      ? [{ field: 'outcome', code: 'required' as const, reason: 'a decided dispute records its outcome' }]
      : []),
  ],
};

export const schemeFeedbackKind: RecordKind = {
  name: 'schemeFeedback',
  path: 'scheme-feedback',
  label: label('方案反馈', 'Scheme feedback'),
  hasExternalId: false,
  defaultSort: 'createdAt',
  fields: [
    {
      name: 'schemeVersionId',
      type: 'string',
      label: label('方案版本', 'Scheme version'),
      isRequired: true,
      maxLength: 100,
      isFilterable: true,
    },
    {
      name: 'metricId',
      type: 'string',
      label: label('考核项', 'Item'),
      isRequired: true,
      maxLength: 60,
      isFilterable: true,
    },
    {
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('反馈人', 'From'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    { name: 'rating', type: 'integer', label: label('评分(1-5)', 'Rating (1-5)'), isRequired: true, min: 1, max: 5 },
    { name: 'comment', type: 'text', label: label('意见', 'Comment'), maxLength: 2000 },
  ],
};
