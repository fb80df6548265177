import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumOptions, fieldLabel, valueLabel } from '../../api/kinds.ts';
import { type RecordOf, useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { CursorPager, useCursorPaging } from '../../ui/cursor-paging.tsx';
import { ExportButton } from '../../ui/export-button.tsx';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';
import { RefName } from '../../ui/ref-select.tsx';
import { sortOrderOf, sortParam } from '../../ui/sort.ts';
import { DealBoard } from './deal-board.tsx';

type Deal = RecordOf<'deals'>;
const DEAL_FIELDS = [
  'customerId',
  'name',
  'amountCents',
  'stage',
  'outcome',
  'createdOn',
  'closedOn',
  'ownerId',
  'team',
] as const;

export function MyDealsPage() {
  return <DealsPage scope="mine" />;
}
export function TeamDealsPage() {
  return <DealsPage scope="team" />;
}

function DealsPage({ scope }: { scope: 'mine' | 'team' }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe().data;
  const people = usePeople();
  const [view, setView] = useState<'board' | 'table'>('board');
  const [q, setQ] = useState('');
  const [owner, setOwner] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<string | undefined>('open');
  const [sort, setSort] = useState<string | undefined>('-createdOn');
  const [editing, setEditing] = useState<Deal | 'new' | null>(null);
  const ownerId = scope === 'mine' ? (me?.personId ?? undefined) : owner;
  const filters = { q, ownerId, outcome, sort };
  const paging = useCursorPaging(`${scope}|${view}|${JSON.stringify(filters)}`);
  const query =
    view === 'board' ? { ...filters, limit: 300 } : { ...filters, limit: paging.limit, cursor: paging.cursor };
  const page = useRecordPage('deals', query);
  const deals = page.data?.items ?? [];
  const label = (f: string) => fieldLabel('deals', f, locale);

  return (
    <>
      <PageHeader
        title={t(scope === 'mine' ? 'nav.deals' : 'nav.teamDeals')}
        extra={
          <>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'board' | 'table')}
              options={[
                { value: 'board', label: t('deals.board') },
                { value: 'table', label: t('deals.table') },
              ]}
            />
            <ExportButton path="deals" query={query} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-deal">
              {t('deals.new')}
            </Button>
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('deals.searchPlaceholder')}
          aria-label={t('common.search')}
          onSearch={setQ}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={label('outcome')}
          aria-label={label('outcome')}
          value={outcome}
          onChange={setOutcome}
          options={enumOptions('deals', 'outcome', locale)}
          style={{ width: 130 }}
        />
        {scope === 'team' && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={label('ownerId')}
            aria-label={label('ownerId')}
            value={owner}
            onChange={setOwner}
            options={people.options}
            style={{ width: 160 }}
          />
        )}
      </Space>
      {view === 'board' ? (
        <DealBoard deals={deals} onOpen={setEditing} />
      ) : (
        <>
          <Table<Deal>
            rowKey="id"
            size="middle"
            loading={page.isFetching}
            dataSource={deals}
            pagination={false}
            scroll={{ x: 900 }}
            onChange={(_p, _f, sorter) => setSort(sortParam(sorter))}
            columns={[
              {
                key: 'name',
                dataIndex: 'name',
                title: label('name'),
                sorter: true,
                sortOrder: sortOrderOf(sort, 'name'),
                render: (v: string, r) => <Typography.Link onClick={() => setEditing(r)}>{v}</Typography.Link>,
              },
              {
                key: 'customerId',
                dataIndex: 'customerId',
                title: label('customerId'),
                render: (v: string) => <RefName refKind="customers" id={v} />,
              },
              {
                key: 'amountCents',
                dataIndex: 'amountCents',
                title: label('amountCents'),
                align: 'right',
                sorter: true,
                sortOrder: sortOrderOf(sort, 'amountCents'),
                render: (v: number) => formatMoney(v, locale),
              },
              {
                key: 'stage',
                dataIndex: 'stage',
                title: label('stage'),
                render: (v: string) => <Tag>{valueLabel('deals', 'stage', v, locale)}</Tag>,
              },
              {
                key: 'outcome',
                dataIndex: 'outcome',
                title: label('outcome'),
                render: (v: string) => valueLabel('deals', 'outcome', v, locale),
              },
              {
                key: 'ownerId',
                dataIndex: 'ownerId',
                title: label('ownerId'),
                render: (v: string) => people.nameOf(v),
              },
              {
                key: 'createdOn',
                dataIndex: 'createdOn',
                title: label('createdOn'),
                sorter: true,
                sortOrder: sortOrderOf(sort, 'createdOn'),
                render: (v: string) => formatDate(v, locale),
              },
            ]}
          />
          <CursorPager paging={paging} nextCursor={page.data?.nextCursor} isLoading={page.isFetching} />
        </>
      )}
      <RecordDrawer
        path="deals"
        fields={DEAL_FIELDS}
        record={editing && editing !== 'new' ? editing : undefined}
        initialValues={{
          stage: 'lead',
          ownerId: me?.personId ?? undefined,
          team: me?.personId ? [{ personId: me.personId, role: 'owner', sharePct: 100 }] : [],
        }}
        isOpen={editing !== null}
        title={editing === 'new' ? t('deals.new') : t('deals.edit')}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
