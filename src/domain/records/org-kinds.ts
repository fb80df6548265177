import { label, type RecordKind } from './field.ts';
import { notBefore } from './rules.ts';

export const orgUnitKind: RecordKind = {
  name: 'orgUnits',
  path: 'org-units',
  label: label('组织架构', 'Org units'),
  hasExternalId: true,
  defaultSort: 'sortOrder',
  fields: [
    {
      name: 'name',
      type: 'string',
      label: label('名称', 'Name'),
      isRequired: true,
      maxLength: 100,
      isSearchable: true,
      isSortable: true,
    },
    {
      name: 'kind',
      type: 'enum',
      label: label('类型', 'Kind'),
      isRequired: true,
      values: ['company', 'region', 'department', 'team'],
      valueLabels: {
        company: label('公司', 'Company'),
        region: label('区域', 'Region'),
        department: label('部门', 'Department'),
        team: label('团队', 'Team'),
      },
      isFilterable: true,
    },
    { name: 'parentId', type: 'ref', refKind: 'orgUnits', label: label('上级单位', 'Parent unit'), isFilterable: true },
    { name: 'managerId', type: 'ref', refKind: 'people', label: label('负责人', 'Manager'), isFilterable: true },
    {
      name: 'sortOrder',
      type: 'integer',
      label: label('排序', 'Sort order'),
      min: 0,
      max: 1_000_000,
      isSortable: true,
      default: { kind: 'value', value: 0 },
    },
    { name: 'path', type: 'string', label: label('路径', 'Path'), isReadOnly: true },
  ],
  check: (r) =>
    r.kind === 'company' && r.parentId
      ? [{ field: 'parentId', code: 'rule', reason: 'a company unit is the root and has no parent' }]
      : r.kind !== 'company' && !r.parentId
        ? [{ field: 'parentId', code: 'required', reason: `a ${String(r.kind)} unit needs a parent unit` }]
        : [],
};

export const positionKind: RecordKind = {
  name: 'positions',
  path: 'positions',
  label: label('岗位', 'Positions'),
  hasExternalId: true,
  defaultSort: 'code',
  fields: [
    {
      name: 'code',
      type: 'string',
      label: label('编码', 'Code'),
      isRequired: true,
      maxLength: 40,
      isSortable: true,
      isFilterable: true,
    },
    {
      name: 'name',
      type: 'string',
      label: label('名称', 'Name'),
      isRequired: true,
      maxLength: 100,
      isSearchable: true,
      isSortable: true,
    },
  ],
};

export const personKind: RecordKind = {
  name: 'people',
  path: 'people',
  label: label('人员', 'People'),
  hasExternalId: true,
  defaultSort: 'name',
  fields: [
    {
      name: 'name',
      type: 'string',
      label: label('姓名', 'Name'),
      isRequired: true,
      maxLength: 100,
      isSearchable: true,
      isSortable: true,
    },
    {
      name: 'email',
      type: 'string',
      label: label('邮箱', 'Email'),
      maxLength: 200,
      isFilterable: true,
      isSearchable: true,
    },
    { name: 'phone', type: 'string', label: label('电话', 'Phone'), maxLength: 40 },
    { name: 'positionId', type: 'ref', refKind: 'positions', label: label('岗位', 'Position'), isFilterable: true },
    { name: 'managerId', type: 'ref', refKind: 'people', label: label('直属上级', 'Manager'), isFilterable: true },
    {
      name: 'unitId',
      type: 'ref',
      refKind: 'orgUnits',
      label: label('所属团队', 'Unit'),
      isVirtual: true,
      isFilterable: true,
      help: label('修改即从今天起调动', 'Changing it transfers the person from today'),
    },
    { name: 'hiredOn', type: 'date', label: label('入职日期', 'Hired on'), isSortable: true },
    { name: 'leftOn', type: 'date', label: label('离职日期', 'Left on') },
  ],
  check: (r) => [
    ...notBefore(r, 'hiredOn', 'leftOn'),
    ...(typeof r.email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.email)
      ? [{ field: 'email', code: 'format' as const, reason: `'${r.email}' is not an email address` }]
      : []),
  ],
};

export const membershipKind: RecordKind = {
  name: 'memberships',
  path: 'memberships',
  label: label('人员归属', 'Memberships'),
  hasExternalId: true,
  defaultSort: 'startOn',
  fields: [
    {
      name: 'personId',
      type: 'ref',
      refKind: 'people',
      label: label('人员', 'Person'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'unitId',
      type: 'ref',
      refKind: 'orgUnits',
      label: label('单位', 'Unit'),
      isRequired: true,
      isFilterable: true,
    },
    {
      name: 'startOn',
      type: 'date',
      label: label('开始日期', 'Start on'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    { name: 'endOn', type: 'date', label: label('结束日期', 'End on'), isFilterable: true },
  ],
  check: (r) => notBefore(r, 'startOn', 'endOn'),
};

export const calendarDayKind: RecordKind = {
  name: 'calendarDays',
  path: 'calendar-days',
  label: label('节假日与调休', 'Holidays and make-up days'),
  hasExternalId: false,
  naturalKey: 'date',
  defaultSort: 'date',
  fields: [
    {
      name: 'date',
      type: 'date',
      label: label('日期', 'Date'),
      isRequired: true,
      isSortable: true,
      isFilterable: true,
    },
    {
      name: 'kind',
      type: 'enum',
      label: label('类型', 'Kind'),
      isRequired: true,
      values: ['holiday', 'workday'],
      valueLabels: { holiday: label('休假', 'Holiday'), workday: label('调休上班', 'Make-up working day') },
      isFilterable: true,
    },
    { name: 'name', type: 'string', label: label('名称', 'Name'), maxLength: 100 },
  ],
};
