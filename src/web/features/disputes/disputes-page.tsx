import { Alert, Button, Empty, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dispute, useDisputes } from '../../api/disputes.ts';
import { useMetricCatalog } from '../../api/metrics.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { ResolveDisputeModal } from './resolve-dispute-modal.tsx';

type View = 'mine' | 'inbox' | 'all';

const STATUS_COLOR: Record<string, string> = { open: 'processing', accepted: 'success', rejected: 'default' };

/** 申诉: the disputes a person raised (with their status and outcome) and, for an owner, the inbox. */
export function DisputesPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const { nameOf } = usePeople();
  const catalog = useMetricCatalog();
  const today = me?.today ?? dayjs().format('YYYY-MM-DD');
  const canDecide = me?.role === 'manager' || me?.role === 'admin';
  const views: View[] = [
    ...(me?.personId ? (['mine'] as const) : []),
    ...(canDecide && me?.personId ? (['inbox'] as const) : []),
    ...(me?.role === 'admin' ? (['all'] as const) : []),
  ];
  const [chosen, setView] = useState<View | null>(null);
  const view = chosen ?? (canDecide ? (views.find((v) => v !== 'mine') ?? 'mine') : 'mine');
  const [isOpenOnly, setOpenOnly] = useState(true);
  const [resolving, setResolving] = useState<Dispute | null>(null);

  const query =
    view === 'mine'
      ? { personId: me?.personId, sort: '-createdAt' }
      : {
          ...(view === 'inbox' ? { ownerId: me?.personId } : {}),
          ...(isOpenOnly ? { status: 'open' } : {}),
          sort: 'deadlineOn',
        };
  const list = useDisputes(query, { enabled: !!me && (view !== 'mine' || !!me.personId) });
  const rows = list.data?.items ?? [];

  const metricName = (id: string | null) => {
    const m = catalog.data?.find((x) => x.id === id);
    return m ? pick(m.name) : (id ?? '');
  };
  const numberText = (d: Dispute) =>
    `${t(`disp.disputes.aspects.${d.aspect ?? 'actual'}`)}${d.shownValue ? ` ${d.shownValue}` : ''}`;
  const isOverdue = (d: Dispute) => d.status === 'open' && !!d.deadlineOn && d.deadlineOn < today;
  const mayDecide = (d: Dispute) => d.status === 'open' && (me?.role === 'admin' || d.ownerId === me?.personId);

  return (
    <>
      <PageHeader
        title={t('disp.nav.disputes')}
        extra={
          <>
            {views.length > 1 && (
              <Segmented<View>
                value={view}
                onChange={setView}
                options={views.map((v) => ({ value: v, label: t(`disp.disputes.views.${v}`) }))}
                data-testid="disputes-view"
              />
            )}
            {view !== 'mine' && (
              <Segmented<'open' | 'any'>
                value={isOpenOnly ? 'open' : 'any'}
                onChange={(v) => setOpenOnly(v === 'open')}
                options={[
                  { value: 'open', label: t('disp.disputes.openOnly') },
                  { value: 'any', label: t('disp.disputes.everything') },
                ]}
              />
            )}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t(`disp.disputes.hint.${view}`)}</Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title={problemText(list.error, locale, t)} />}
      <Table<Dispute>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="disputes-table"
        locale={{ emptyText: <Empty description={t(`disp.disputes.empty.${view}`)} /> }}
        expandable={{
          expandedRowRender: (d) => (
            <Space orientation="vertical" size={4}>
              <span>
                <Typography.Text type="secondary">{t('disp.disputes.why')}：</Typography.Text>
                {d.description}
              </span>
              {d.recordRefs && (
                <span>
                  <Typography.Text type="secondary">{t('disp.disputes.records')}：</Typography.Text>
                  {d.recordRefs}
                </span>
              )}
            </Space>
          ),
        }}
        columns={[
          {
            key: 'metric',
            title: t('disp.disputes.metric'),
            render: (_v, d) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{metricName(d.metricId)}</Typography.Text>
                <Typography.Text type="secondary">{d.periodKey}</Typography.Text>
              </Space>
            ),
          },
          { key: 'number', title: t('disp.disputes.number'), render: (_v, d) => numberText(d) },
          view === 'mine'
            ? { key: 'owner', title: t('disp.disputes.owner'), render: (_v, d) => nameOf(d.ownerId) }
            : { key: 'raiser', title: t('disp.disputes.raisedBy'), render: (_v, d) => nameOf(d.personId) },
          {
            key: 'deadline',
            title: t('disp.disputes.deadline'),
            render: (_v, d) =>
              isOverdue(d) ? (
                <Tooltip title={t('disp.disputes.overdueHelp')}>
                  <Typography.Text type="danger" strong data-testid={`overdue-${d.id}`}>
                    {formatDate(d.deadlineOn, locale)} · {t('disp.disputes.overdue')}
                  </Typography.Text>
                </Tooltip>
              ) : (
                formatDate(d.deadlineOn, locale)
              ),
          },
          {
            key: 'status',
            title: t('disp.disputes.statusTitle'),
            render: (_v, d) => (
              <Tag color={STATUS_COLOR[d.status ?? 'open']} data-testid={`status-${d.id}`}>
                {t(`disp.disputes.status.${d.status ?? 'open'}`)}
              </Tag>
            ),
          },
          {
            key: 'outcome',
            title: t('disp.disputes.outcome'),
            render: (_v, d) =>
              d.outcome ? (
                <Typography.Paragraph style={{ margin: 0, maxWidth: 320 }} ellipsis={{ rows: 2, tooltip: d.outcome }}>
                  {d.outcome}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('disp.disputes.noOutcome')}</Typography.Text>
              ),
          },
          ...(view === 'mine'
            ? []
            : [
                {
                  key: 'actions',
                  title: '',
                  width: 90,
                  render: (_v: unknown, d: Dispute) =>
                    mayDecide(d) && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setResolving(d)}
                        data-testid={`resolve-${d.id}`}
                      >
                        {t('disp.disputes.resolve')}
                      </Button>
                    ),
                },
              ]),
        ]}
      />
      <ResolveDisputeModal
        dispute={resolving}
        describe={(d) => ({
          metric: `${metricName(d.metricId)} · ${d.periodKey}`,
          raiser: nameOf(d.personId),
          number: numberText(d),
        })}
        onClose={() => setResolving(null)}
      />
    </>
  );
}
