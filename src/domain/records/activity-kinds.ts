import { localDate } from '../time/dates.ts';
import { type Issue, label, type RecordKind, type RecordValues } from './field.ts';
import { notBefore } from './rules.ts';

export const ACTIVITY_TYPES = ['call', 'visit', 'meeting', 'message', 'email', 'other'] as const;

const notInFuture = (r: RecordValues, field: string, now: string): Issue[] =>
  typeof r[field] === 'string' && (r[field] as string) > now
    ? [{ field, code: 'future', reason: `${field} (${String(r[field])}) is in the future` }]
    : [];

const DAY_MS = 86_400_000;

/**
 * What the metrics read from an activity, fixed when it is written: its local date, the length
 * of its notes after trimming white space (in characters, so 5 Chinese characters are 5), and
 * whether it was logged within 24 hours (exactly 24 h is on time).
 */
export function deriveActivity(r: RecordValues, timeZone: string): RecordValues {
  const occurredAt = String(r.occurredAt);
  const loggedAt = typeof r.loggedAt === 'string' ? r.loggedAt : occurredAt;
  return {
    occurredOn: localDate(occurredAt, timeZone),
    notesLength: [...String(r.notes ?? '').trim()].length,
    isLoggedOnTime: Date.parse(loggedAt) - Date.parse(occurredAt) <= DAY_MS ? 1 : 0,
  };
}

export const activityKind: RecordKind = {
  name: 'activities',
  path: 'activities',
  label: label('跟进记录', 'Activities'),
  hasExternalId: true,
  defaultSort: 'occurredAt',
  fields: [
    {
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('销售', 'Person'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    { name: 'customerId', type: 'ref', refKind: 'customers', label: label('客户', 'Customer'), isFilterable: true },
    {
      name: 'type',
      type: 'enum',
      label: label('跟进方式', 'Type'),
      isRequired: true,
      values: ACTIVITY_TYPES,
      valueLabels: {
        call: label('电话', 'Call'),
        visit: label('拜访', 'Visit'),
        meeting: label('会议', 'Meeting'),
        message: label('消息', 'Message'),
        email: label('邮件', 'Email'),
        other: label('其他', 'Other'),
      },
      isFilterable: true,
    },
    {
      name: 'occurredAt',
      type: 'datetime',
      label: label('跟进时间', 'Occurred at'),
      isRequired: true,
      isSortable: true,
    },
    {
      name: 'occurredOn',
      type: 'date',
      label: label('跟进日期', 'Occurred on'),
      isReadOnly: true,
      isFilterable: true,
      isSortable: true,
    },
    { name: 'durationMin', type: 'integer', label: label('时长(分钟)', 'Duration (min)'), min: 0, max: 1440 },
    {
      name: 'notes',
      type: 'text',
      label: label('跟进内容', 'Notes'),
      maxLength: 5000,
      isSearchable: true,
      default: { kind: 'value', value: '' },
    },
    { name: 'notesLength', type: 'integer', label: label('内容字数', 'Notes length'), isReadOnly: true },
    {
      name: 'invalidReason',
      type: 'enum',
      label: label('无效原因', 'Why not counted'),
      isReadOnly: true,
      isVirtual: true,
      values: ['no_customer', 'short_notes', 'duplicate'],
      valueLabels: {
        no_customer: label('无客户', 'No customer'),
        short_notes: label('内容过短', 'Notes too short'),
        duplicate: label('重复记录', 'Duplicate'),
      },
    },
    {
      name: 'isLoggedOnTime',
      type: 'integer',
      label: label('24小时内录入', 'Logged within 24 h'),
      isReadOnly: true,
      isFilterable: true,
    },
    {
      name: 'loggedAt',
      type: 'datetime',
      label: label('录入时间', 'Logged at'),
      isImportOnly: true,
      isImmutable: true,
      default: { kind: 'now' },
      isSortable: true,
      help: label('系统自动记录；仅导入历史数据时可填写', 'Set by the server; only an import of history may carry it'),
    },
  ],
  check: (r, ctx) => [...notInFuture(r, 'occurredAt', ctx.now), ...notBefore(r, 'occurredAt', 'loggedAt')],
  derive: (r, ctx) => deriveActivity(r, ctx.timeZone),
};

export const proposalKind: RecordKind = {
  name: 'proposals',
  path: 'proposals',
  label: label('方案', 'Proposals'),
  hasExternalId: true,
  defaultSort: 'dueOn',
  fields: [
    {
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('销售', 'Person'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    { name: 'customerId', type: 'ref', refKind: 'customers', label: label('客户', 'Customer'), isFilterable: true },
    { name: 'dealId', type: 'ref', refKind: 'deals', label: label('商机', 'Deal'), isFilterable: true },
    {
      name: 'title',
      type: 'string',
      label: label('方案名称', 'Title'),
      isRequired: true,
      maxLength: 200,
      isSearchable: true,
    },
    {
      name: 'dueOn',
      type: 'date',
      label: label('截止日期', 'Due on'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    { name: 'sentAt', type: 'datetime', label: label('发送时间', 'Sent at'), isSortable: true },
    { name: 'sentOn', type: 'date', label: label('发送日期', 'Sent on'), isReadOnly: true },
  ],
  check: (r, ctx) => notInFuture(r, 'sentAt', ctx.now),
  derive: (r, ctx) => ({ sentOn: typeof r.sentAt === 'string' ? localDate(r.sentAt, ctx.timeZone) : null }),
};

export const surveyKind: RecordKind = {
  name: 'surveys',
  path: 'surveys',
  label: label('满意度调查', 'Satisfaction surveys'),
  hasExternalId: true,
  defaultSort: 'respondedOn',
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
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('被评价销售', 'Rated person'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'score',
      type: 'integer',
      label: label('评分(1-5)', 'Score (1-5)'),
      isRequired: true,
      min: 1,
      max: 5,
      isSortable: true,
    },
    {
      name: 'respondedOn',
      type: 'date',
      label: label('反馈日期', 'Responded on'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    { name: 'comment', type: 'text', label: label('评价内容', 'Comment'), maxLength: 2000 },
  ],
};

export const knowledgePostKind: RecordKind = {
  name: 'knowledgePosts',
  path: 'knowledge-posts',
  label: label('案例分享', 'Knowledge posts'),
  hasExternalId: true,
  defaultSort: 'publishedAt',
  fields: [
    {
      name: 'authorId',
      type: 'ref',
      refKind: 'people',
      label: label('作者', 'Author'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    {
      name: 'title',
      type: 'string',
      label: label('标题', 'Title'),
      isRequired: true,
      maxLength: 200,
      isSearchable: true,
      isSortable: true,
    },
    {
      name: 'body',
      type: 'text',
      label: label('正文', 'Body'),
      isRequired: true,
      maxLength: 50_000,
      isSearchable: true,
    },
    { name: 'tags', type: 'string', label: label('标签', 'Tags'), maxLength: 200 },
    {
      name: 'publishedAt',
      type: 'datetime',
      label: label('发布时间', 'Published at'),
      default: { kind: 'now' },
      isSortable: true,
    },
    {
      name: 'publishedOn',
      type: 'date',
      label: label('发布日期', 'Published on'),
      isReadOnly: true,
      isFilterable: true,
    },
  ],
  check: (r, ctx) => notInFuture(r, 'publishedAt', ctx.now),
  derive: (r, ctx) => ({ publishedOn: localDate(String(r.publishedAt), ctx.timeZone) }),
};

export const knowledgeVoteKind: RecordKind = {
  name: 'knowledgeVotes',
  path: 'knowledge-votes',
  label: label('有用投票', 'Useful votes'),
  hasExternalId: true,
  defaultSort: 'votedAt',
  fields: [
    {
      name: 'postId',
      type: 'ref',
      refKind: 'knowledgePosts',
      label: label('案例', 'Post'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'voterId',
      type: 'ref',
      refKind: 'people',
      label: label('投票人', 'Voter'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    {
      name: 'votedAt',
      type: 'datetime',
      label: label('投票时间', 'Voted at'),
      default: { kind: 'now' },
      isSortable: true,
    },
    { name: 'votedOn', type: 'date', label: label('投票日期', 'Voted on'), isReadOnly: true, isFilterable: true },
  ],
  check: (r, ctx) => notInFuture(r, 'votedAt', ctx.now),
  derive: (r, ctx) => ({ votedOn: localDate(String(r.votedAt), ctx.timeZone) }),
};

export const peerRatingKind: RecordKind = {
  name: 'peerRatings',
  path: 'peer-ratings',
  label: label('协作评分', 'Peer ratings'),
  hasExternalId: true,
  defaultSort: 'month',
  fields: [
    {
      name: 'raterId',
      type: 'ref',
      refKind: 'people',
      label: label('评分人', 'Rater'),
      isRequired: true,
      default: { kind: 'self' },
      isFilterable: true,
    },
    {
      name: 'rateeId',
      type: 'ref',
      refKind: 'people',
      label: label('被评分人', 'Ratee'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'month',
      type: 'month',
      label: label('月份', 'Month'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    { name: 'score', type: 'integer', label: label('评分(1-5)', 'Score (1-5)'), isRequired: true, min: 1, max: 5 },
    { name: 'comment', type: 'text', label: label('评语', 'Comment'), maxLength: 2000 },
  ],
};
