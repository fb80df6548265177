import { label, type RecordKind } from './field.ts';

export const usageEventKind: RecordKind = {
  name: 'usageEvents',
  path: 'usage-events',
  label: label('系统使用记录', 'Usage events'),
  hasExternalId: false,
  isReadOnly: true,
  hasNoStamps: true,
  defaultSort: 'at',
  fields: [
    {
      name: 'userId',
      type: 'ref',
      refKind: 'people',
      label: label('账号', 'User'),
      isReadOnly: true,
      isFilterable: true,
    },
    {
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('人员', 'Person'),
      isReadOnly: true,
      isFilterable: true,
    },
    { name: 'at', type: 'datetime', label: label('时间', 'At'), isReadOnly: true, isSortable: true },
    { name: 'onDate', type: 'date', label: label('日期', 'Date'), isReadOnly: true, isFilterable: true },
    { name: 'action', type: 'string', label: label('操作', 'Action'), isReadOnly: true, isFilterable: true },
    {
      name: 'recordKind',
      type: 'string',
      label: label('记录类型', 'Record kind'),
      isReadOnly: true,
      isFilterable: true,
    },
    { name: 'recordId', type: 'string', label: label('记录', 'Record'), isReadOnly: true, isFilterable: true },
  ],
};

export const auditLogKind: RecordKind = {
  name: 'auditLog',
  path: 'audit-log',
  label: label('审计日志', 'Audit log'),
  hasExternalId: false,
  isReadOnly: true,
  hasNoStamps: true,
  defaultSort: 'at',
  fields: [
    { name: 'at', type: 'datetime', label: label('时间', 'At'), isReadOnly: true, isSortable: true },
    { name: 'actorUserId', type: 'string', label: label('操作人', 'Actor'), isReadOnly: true, isFilterable: true },
    { name: 'action', type: 'string', label: label('操作', 'Action'), isReadOnly: true, isFilterable: true },
    {
      name: 'recordKind',
      type: 'string',
      label: label('记录类型', 'Record kind'),
      isReadOnly: true,
      isFilterable: true,
    },
    { name: 'recordId', type: 'string', label: label('记录', 'Record'), isReadOnly: true, isFilterable: true },
    { name: 'beforeJson', type: 'text', label: label('修改前', 'Before'), isReadOnly: true },
    { name: 'afterJson', type: 'text', label: label('修改后', 'After'), isReadOnly: true },
    { name: 'reason', type: 'text', label: label('原因', 'Reason'), isReadOnly: true },
  ],
};
