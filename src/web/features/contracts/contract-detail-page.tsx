import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Progress, Row, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { fieldLabel, valueLabel } from '../../api/kinds.ts';
import { useRecord, useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { NotFoundPage } from '../../pages/not-found-page.tsx';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';
import { RefName } from '../../ui/ref-select.tsx';
import { CONTRACT_FIELDS } from './contracts-page.tsx';
import { PAYMENT_FIELDS } from './payments-page.tsx';

const INSTALLMENT_FIELDS = ['contractId', 'dueOn', 'amountCents'] as const;

/** A contract with its installment plan (回款计划) and the payments received (回款). */
export function ContractDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const role = useMe().data?.role;
  const { nameOf } = usePeople();
  const contract = useRecord('contracts', id);
  const installments = useRecordPage(
    'installments',
    { contractId: id, limit: 200, sort: 'dueOn' },
    { enabled: !!contract.data },
  );
  const payments = useRecordPage(
    'payments',
    { contractId: id, limit: 200, sort: '-receivedOn' },
    { enabled: !!contract.data },
  );
  const [drawer, setDrawer] = useState<'edit' | 'installment' | 'payment' | null>(null);
  if (contract.error instanceof ApiError && (contract.error.status === 404 || contract.error.status === 403))
    return <NotFoundPage />;
  if (!contract.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = contract.data;
  const received = (payments.data?.items ?? []).reduce((s, p) => s + (p.amountCents ?? 0), 0);
  const pct = c.amountCents ? Math.round((received / c.amountCents) * 1000) / 10 : 0;
  const label = (kind: string, f: string) => fieldLabel(kind, f, locale);
  const canPay = role === 'admin' || role === 'manager' || role === 'finance';

  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')}>
            {t('common.edit')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={label('contracts', 'customerId')}>
            <Link to={`/customers/${c.customerId}`}>
              <RefName refKind="customers" id={c.customerId} />
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={label('contracts', 'amountCents')}>
            {formatMoney(c.amountCents, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={label('contracts', 'status')}>
            <Tag>{valueLabel('contracts', 'status', c.status, locale)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={label('contracts', 'signedOn')}>{formatDate(c.signedOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={label('contracts', 'endOn')}>{formatDate(c.endOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={label('contracts', 'ownerId')}>{nameOf(c.ownerId)}</Descriptions.Item>
          <Descriptions.Item label={label('contracts', 'splits')}>
            {(c.splits ?? []).map((s) => `${nameOf(s.personId)} ${s.sharePct}%`).join('、')}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ maxWidth: 480 }}>
          {t('contracts.collected', {
            received: formatMoney(received, locale),
            total: formatMoney(c.amountCents, locale),
          })}
          <Progress percent={pct} />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('contracts.installments')}
            extra={
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDrawer('installment')}>
                {t('common.new')}
              </Button>
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              loading={installments.isLoading}
              dataSource={installments.data?.items ?? []}
              columns={[
                {
                  key: 'dueOn',
                  dataIndex: 'dueOn',
                  title: label('installments', 'dueOn'),
                  render: (v: string) => formatDate(v, locale),
                },
                {
                  key: 'amountCents',
                  dataIndex: 'amountCents',
                  title: label('installments', 'amountCents'),
                  align: 'right',
                  render: (v: number) => formatMoney(v, locale),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('contracts.payments')}
            extra={
              canPay && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDrawer('payment')}>
                  {t('payments.new')}
                </Button>
              )
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              loading={payments.isLoading}
              dataSource={payments.data?.items ?? []}
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
                { key: 'note', dataIndex: 'note', title: label('payments', 'note') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <RecordDrawer
        path="contracts"
        fields={CONTRACT_FIELDS}
        record={c}
        isOpen={drawer === 'edit'}
        title={t('common.edit')}
        onClose={() => setDrawer(null)}
      />
      <RecordDrawer
        path="installments"
        fields={INSTALLMENT_FIELDS}
        initialValues={{ contractId: c.id }}
        isOpen={drawer === 'installment'}
        title={t('contracts.newInstallment')}
        onClose={() => setDrawer(null)}
      />
      <RecordDrawer
        path="payments"
        fields={PAYMENT_FIELDS}
        initialValues={{ contractId: c.id }}
        isOpen={drawer === 'payment'}
        title={t('payments.new')}
        onClose={() => setDrawer(null)}
      />
    </>
  );
}
