import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMeta, valueLabel } from '../api/kinds.ts';
import { type KindPath, type RecordOf, useRecordPage } from '../api/records.ts';
import { useMe } from '../api/session.ts';
import { CursorPager, useCursorPaging } from './cursor-paging.tsx';
import { ExportButton } from './export-button.tsx';
import { formatDate, formatDateTime, formatMoney } from './format.ts';
import { useLocale } from './locale.ts';
import { PageHeader } from './page-header.tsx';
import { usePeople } from './people.ts';
import { RecordDrawer } from './record-drawer.tsx';
import { RefName } from './ref-select.tsx';
import { sortOrderOf, sortParam } from './sort.ts';

type Props<P extends KindPath> = {
  path: P;
  title: string;
  columns: readonly string[];
  formFields?: readonly string[];
  /** With 'mine', only the user's own rows (by this person field). */
  mineField?: string;
  scope?: 'mine' | 'team';
  defaultSort?: string;
  canCreate?: boolean;
  newLabel?: string;
  initialValues?: Record<string, unknown>;
  render?: Partial<Record<string, (value: unknown, record: RecordOf<P>) => ReactNode>>;
  emptyText?: string;
  /** More buttons in the header (a view switch, say). */
  extraActions?: ReactNode;
  /** Buttons at the end of each row. */
  rowActions?: (record: RecordOf<P>) => ReactNode;
};

/** A list of any record kind: search, sortable columns, cursor pages, XLSX export, create/edit drawer. */
export function RecordListPage<P extends KindPath>(props: Props<P>) {
  const { path, title, columns, formFields, mineField, scope = 'team', canCreate = true } = props;
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const { nameOf } = usePeople();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<string | undefined>(props.defaultSort);
  const [editing, setEditing] = useState<RecordOf<P> | 'new' | null>(null);
  const mine = scope === 'mine' && mineField && me?.personId ? { [mineField]: me.personId } : {};
  const filters = { q, sort, ...mine };
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = { ...filters, limit: paging.limit, cursor: paging.cursor };
  const page = useRecordPage(path, query);

  const tableColumns: ColumnType<RecordOf<P>>[] = columns.map((name, index) => {
    const meta = fieldMeta(path, name);
    const custom = props.render?.[name];
    const render = (value: unknown, record: RecordOf<P>): ReactNode => {
      if (custom) return custom(value, record);
      if (value === null || value === undefined) return '';
      switch (meta?.type) {
        case 'money':
          return formatMoney(value as number, locale);
        case 'date':
          return formatDate(value as string, locale);
        case 'datetime':
          return formatDateTime(value as string, locale, me?.timeZone ?? 'Asia/Shanghai');
        case 'enum':
          return <Tag>{valueLabel(path, name, value as string, locale)}</Tag>;
        case 'ref':
          return meta.refKind === 'people' ? (
            nameOf(value as string)
          ) : (
            <RefName refKind={meta.refKind ?? ''} id={value as string} />
          );
        default:
          return String(value);
      }
    };
    return {
      key: name,
      dataIndex: name,
      title: meta ? pick(meta.label) : t('common.createdAt'),
      align: meta?.type === 'money' ? 'right' : undefined,
      sorter: !!meta?.isSortable,
      sortOrder: meta?.isSortable ? sortOrderOf(sort, name) : undefined,
      render:
        index === 0 && formFields && !custom
          ? (v: unknown, r: RecordOf<P>) => (
              <Typography.Link onClick={() => setEditing(r)}>{render(v, r)}</Typography.Link>
            )
          : render,
    };
  });

  if (props.rowActions) {
    const actions = props.rowActions;
    tableColumns.push({ key: 'actions', title: t('common.actions'), fixed: 'right', render: (_v, r) => actions(r) });
  }

  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            {props.extraActions}
            <Input.Search
              allowClear
              placeholder={t('common.search')}
              aria-label={t('common.search')}
              onSearch={setQ}
              style={{ width: 220 }}
            />
            <ExportButton path={path} query={query} />
            {canCreate && formFields && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid={`new-${path}`}
              >
                {props.newLabel ?? t('common.new')}
              </Button>
            )}
          </>
        }
      />
      <Table<RecordOf<P>>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: Math.max(600, columns.length * 140) }}
        onChange={(_p, _f, sorter) => setSort(sortParam(sorter) ?? props.defaultSort)}
        columns={tableColumns}
        locale={{ emptyText: <Empty description={props.emptyText ?? t('common.emptyList')} /> }}
      />
      <CursorPager paging={paging} nextCursor={page.data?.nextCursor} isLoading={page.isFetching} />
      {formFields && (
        <RecordDrawer
          path={path}
          fields={formFields}
          record={editing && editing !== 'new' ? editing : undefined}
          initialValues={props.initialValues}
          isOpen={editing !== null}
          title={editing === 'new' ? (props.newLabel ?? t('common.new')) : t('common.edit')}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
