import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldLabel } from '../../api/kinds.ts';
import { type RecordOf, useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { CursorPager, useCursorPaging } from '../../ui/cursor-paging.tsx';
import { ExportButton } from '../../ui/export-button.tsx';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';
import { sortOrderOf, sortParam } from '../../ui/sort.ts';

type Customer = RecordOf<'customers'>;
export const CUSTOMER_FIELDS = ['name', 'grade', 'industry', 'region', 'ownerId'] as const;
const GRADE_COLOR: Record<string, string> = { A: 'red', B: 'orange', C: 'blue' };

export function MyCustomersPage() {
  return <CustomerListPage scope="mine" />;
}
export function TeamCustomersPage() {
  return <CustomerListPage scope="team" />;
}

function CustomerListPage({ scope }: { scope: 'mine' | 'team' }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe().data;
  const navigate = useNavigate();
  const people = usePeople();
  const [q, setQ] = useState('');
  const [grade, setGrade] = useState<string[]>([]);
  const [owner, setOwner] = useState<string | undefined>();
  const [region, setRegion] = useState('');
  const [sort, setSort] = useState<string | undefined>('name');
  const [isCreating, setCreating] = useState(false);
  const ownerId = scope === 'mine' ? (me?.personId ?? undefined) : owner;
  const filters = { q, grade: grade.join(','), ownerId, region: region.trim(), sort };
  const paging = useCursorPaging(`${scope}|${JSON.stringify(filters)}`);
  const query = { ...filters, limit: paging.limit, cursor: paging.cursor };
  const page = useRecordPage('customers', query);
  const label = (f: string) => fieldLabel('customers', f, locale);
  const hasFilters = !!(q || grade.length || owner || region);

  return (
    <>
      <PageHeader
        title={t(scope === 'mine' ? 'nav.customers' : 'nav.teamCustomers')}
        extra={
          <>
            <ExportButton path="customers" query={query} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-customer">
              {t('customers.new')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('common.search')}
            onSearch={setQ}
            style={{ width: 240 }}
            data-testid="customer-search"
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={label('grade')}
            aria-label={label('grade')}
            value={grade}
            onChange={setGrade}
            options={['A', 'B', 'C'].map((g) => ({ value: g, label: g }))}
            style={{ minWidth: 140 }}
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
          <Input
            allowClear
            placeholder={label('region')}
            aria-label={label('region')}
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            style={{ width: 140 }}
          />
        </Space>
      </Card>
      <Table<Customer>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        onChange={(_p, _f, sorter) => setSort(sortParam(sorter))}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/customers/${r.id}`) })}
        locale={{
          emptyText: (
            <Empty description={hasFilters ? t('customers.emptyFiltered') : t('customers.empty')}>
              {!hasFilters && (
                <Button type="primary" onClick={() => setCreating(true)}>
                  {t('customers.new')}
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          {
            key: 'name',
            dataIndex: 'name',
            title: label('name'),
            sorter: true,
            sortOrder: sortOrderOf(sort, 'name'),
            render: (name: string, r) => <Link to={`/customers/${r.id}`}>{name}</Link>,
          },
          {
            key: 'grade',
            dataIndex: 'grade',
            title: label('grade'),
            sorter: true,
            sortOrder: sortOrderOf(sort, 'grade'),
            width: 110,
            render: (g: string) => <Tag color={GRADE_COLOR[g]}>{g}</Tag>,
          },
          { key: 'ownerId', dataIndex: 'ownerId', title: label('ownerId'), render: (id: string) => people.nameOf(id) },
          { key: 'industry', dataIndex: 'industry', title: label('industry') },
          { key: 'region', dataIndex: 'region', title: label('region') },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            title: t('common.createdAt'),
            sorter: true,
            sortOrder: sortOrderOf(sort, 'createdAt'),
            render: (v: string) => formatDate(v, locale),
          },
        ]}
      />
      <CursorPager paging={paging} nextCursor={page.data?.nextCursor} isLoading={page.isFetching} />
      <RecordDrawer
        path="customers"
        fields={CUSTOMER_FIELDS}
        isOpen={isCreating}
        title={t('customers.new')}
        initialValues={{ ownerId: me?.personId ?? undefined }}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(`/customers/${c.id}`)}
      />
    </>
  );
}
