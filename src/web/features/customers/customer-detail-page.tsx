import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Spin, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { fieldLabel, valueLabel } from '../../api/kinds.ts';
import { useRecord, useRecordPage } from '../../api/records.ts';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';
import { ActivityTimeline } from '../activities/activity-timeline.tsx';
import { CUSTOMER_FIELDS } from './customer-list-page.tsx';

const CONTACT_FIELDS = ['customerId', 'name', 'title', 'phone', 'email'] as const;

export function CustomerDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { nameOf } = usePeople();
  const customer = useRecord('customers', id);
  const [drawer, setDrawer] = useState<'edit' | 'contact' | null>(null);
  const contacts = useRecordPage('contacts', { customerId: id, limit: 100 }, { enabled: !!customer.data });
  const deals = useRecordPage(
    'deals',
    { customerId: id, limit: 100, sort: '-createdOn' },
    { enabled: !!customer.data },
  );
  const contracts = useRecordPage(
    'contracts',
    { customerId: id, limit: 100, sort: '-signedOn' },
    { enabled: !!customer.data },
  );
  const contractIds = (contracts.data?.items ?? []).map((c) => c.id).join(',');
  const payments = useRecordPage(
    'payments',
    { contractId: contractIds, limit: 200, sort: '-receivedOn' },
    { enabled: !!contractIds },
  );

  if (customer.error instanceof ApiError && (customer.error.status === 404 || customer.error.status === 403))
    return <NotFoundPage subTitle={t('customers.notFound')} />;
  if (!customer.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = customer.data;
  const label = (kind: string, f: string) => fieldLabel(kind, f, locale);

  return (
    <>
      <PageHeader
        title={c.name}
        extra={
          <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')}>
            {t('common.edit')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={label('customers', 'grade')}>
            <Tag>{c.grade}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={label('customers', 'ownerId')}>{nameOf(c.ownerId)}</Descriptions.Item>
          <Descriptions.Item label={label('customers', 'industry')}>{c.industry}</Descriptions.Item>
          <Descriptions.Item label={label('customers', 'region')}>{c.region}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatDate(c.createdAt, locale)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'activities',
              label: t('customers.tabActivities'),
              children: <ActivityTimeline customerId={c.id} />,
            },
            {
              key: 'contacts',
              label: `${t('customers.tabContacts')} (${contacts.data?.items.length ?? 0})`,
              children: (
                <>
                  <Button icon={<PlusOutlined />} onClick={() => setDrawer('contact')} style={{ marginBottom: 8 }}>
                    {t('customers.newContact')}
                  </Button>
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    scroll={{ x: 600 }}
                    loading={contacts.isLoading}
                    dataSource={contacts.data?.items ?? []}
                    columns={['name', 'title', 'phone', 'email'].map((f) => ({
                      key: f,
                      dataIndex: f,
                      title: label('contacts', f),
                    }))}
                  />
                </>
              ),
            },
            {
              key: 'deals',
              label: `${t('customers.tabDeals')} (${deals.data?.items.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 600 }}
                  loading={deals.isLoading}
                  dataSource={deals.data?.items ?? []}
                  columns={[
                    { key: 'name', dataIndex: 'name', title: label('deals', 'name') },
                    {
                      key: 'amountCents',
                      dataIndex: 'amountCents',
                      title: label('deals', 'amountCents'),
                      align: 'right',
                      render: (v: number) => formatMoney(v, locale),
                    },
                    {
                      key: 'stage',
                      dataIndex: 'stage',
                      title: label('deals', 'stage'),
                      render: (v: string) => valueLabel('deals', 'stage', v, locale),
                    },
                    {
                      key: 'outcome',
                      dataIndex: 'outcome',
                      title: label('deals', 'outcome'),
                      render: (v: string) => valueLabel('deals', 'outcome', v, locale),
                    },
                    {
                      key: 'ownerId',
                      dataIndex: 'ownerId',
                      title: label('deals', 'ownerId'),
                      render: (v: string) => nameOf(v),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'contracts',
              label: `${t('customers.tabContracts')} (${contracts.data?.items.length ?? 0})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 600 }}
                  loading={contracts.isLoading}
                  dataSource={contracts.data?.items ?? []}
                  columns={[
                    {
                      key: 'title',
                      dataIndex: 'title',
                      title: label('contracts', 'title'),
                      render: (v: string, r) => <Link to={`/contracts/${r.id}`}>{v}</Link>,
                    },
                    {
                      key: 'amountCents',
                      dataIndex: 'amountCents',
                      title: label('contracts', 'amountCents'),
                      align: 'right',
                      render: (v: number) => formatMoney(v, locale),
                    },
                    {
                      key: 'signedOn',
                      dataIndex: 'signedOn',
                      title: label('contracts', 'signedOn'),
                      render: (v: string) => formatDate(v, locale),
                    },
                    {
                      key: 'status',
                      dataIndex: 'status',
                      title: label('contracts', 'status'),
                      render: (v: string) => valueLabel('contracts', 'status', v, locale),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'payments',
              label: `${t('customers.tabPayments')} (${contractIds ? (payments.data?.items.length ?? 0) : 0})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 600 }}
                  loading={payments.isLoading && !!contractIds}
                  dataSource={contractIds ? (payments.data?.items ?? []) : []}
                  columns={[
                    {
                      key: 'receivedOn',
                      dataIndex: 'receivedOn',
                      title: label('payments', 'receivedOn'),
                      render: (v: string) => formatDate(v, locale),
                    },
                    {
                      key: 'amountCents',
                      dataIndex: 'amountCents',
                      title: label('payments', 'amountCents'),
                      align: 'right',
                      render: (v: number) => formatMoney(v, locale),
                    },
                    {
                      key: 'contractId',
                      dataIndex: 'contractId',
                      title: label('payments', 'contractId'),
                      render: (v: string) => contracts.data?.items.find((x) => x.id === v)?.title,
                    },
                    { key: 'note', dataIndex: 'note', title: label('payments', 'note') },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      <RecordDrawer
        path="customers"
        fields={CUSTOMER_FIELDS}
        record={c}
        isOpen={drawer === 'edit'}
        title={t('customers.edit')}
        onClose={() => setDrawer(null)}
      />
      <RecordDrawer
        path="contacts"
        fields={CONTACT_FIELDS}
        initialValues={{ customerId: c.id }}
        isOpen={drawer === 'contact'}
        title={t('customers.newContact')}
        onClose={() => setDrawer(null)}
      />
    </>
  );
}
