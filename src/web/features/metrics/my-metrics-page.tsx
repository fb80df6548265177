import { Alert, Card, DatePicker, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MetricDef, type MetricValue, useMetricCatalog, useMetricValues } from '../../api/metrics.ts';
import { useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { ExplainDrawer, type ExplainTarget } from './explain-drawer.tsx';
import { formatMetric } from './metric-format.ts';
import { subjectsFor } from './metric-subjects.ts';

const CATEGORY_COLOR: Record<string, string> = {
  result: 'blue',
  process: 'green',
  collaboration: 'purple',
  data: 'orange',
};

/** 我的绩效: this month's built-in metrics; every value opens the records behind it. */
export function MyMetricsPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const [period, setPeriod] = useState((me?.today ?? dayjs().format('YYYY-MM-DD')).slice(0, 7));
  const [target, setTarget] = useState<ExplainTarget | null>(null);
  const catalog = useMetricCatalog();
  const isManager = me?.role === 'manager';
  const units = useRecordPage(
    'org-units',
    { managerId: me?.personId ?? undefined, limit: 50 },
    { enabled: isManager && !!me?.personId },
  );
  const isReady = !!me && (!isManager || !units.isLoading);
  const subjects = me
    ? subjectsFor(me.role, me.personId, units.data?.items ?? [], { me: t('metrics.me'), company: t('metrics.company') })
    : [];
  const metrics = catalog.data ?? [];
  const values = useMetricValues(
    isReady ? metrics.map((m) => m.id) : [],
    subjects.map((s) => s.key),
    period,
  );
  const findValue = (metricId: string, subject: string): MetricValue | undefined =>
    values.data?.values.find(
      (v) =>
        v.metricId === metricId &&
        (v.subject.kind === 'tenant' ? 'tenant' : `${v.subject.kind}:${v.subject.id}`) === subject,
    );

  const columns: ColumnType<MetricDef>[] = [
    {
      key: 'name',
      title: t('metrics.metric'),
      fixed: 'left',
      width: 220,
      render: (_v, m) => (
        <Tooltip title={pick(m.description)}>
          <Typography.Text strong>{pick(m.name)}</Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'category',
      title: t('metrics.category'),
      width: 110,
      render: (_v, m) => (
        <Tag color={CATEGORY_COLOR[m.category]}>
          {t(`metrics.categories.${m.category}`, { defaultValue: m.category })}
        </Tag>
      ),
    },
    ...subjects.map(
      (s): ColumnType<MetricDef> => ({
        key: s.key,
        title: s.label,
        align: 'right',
        render: (_v, m) => {
          const v = findValue(m.id, s.key);
          if (!v) return null;
          if (v.value === null)
            return (
              <Tooltip title={t(`metrics.note.${v.note ?? 'no_data'}`)}>
                <Typography.Text type="secondary">—</Typography.Text>
              </Tooltip>
            );
          return (
            <Typography.Link
              data-testid={`value-${m.id}-${s.key.split(':')[0]}`}
              onClick={() => setTarget({ metricId: m.id, subject: s.key, subjectLabel: s.label, period })}
            >
              {formatMetric(v.value, m.unit, locale, true)}
            </Typography.Link>
          );
        },
      }),
    ),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.myMetrics')}
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
            aria-label={t('metrics.period')}
          />
        }
      />
      {values.isError && (
        <Alert type="error" showIcon title={problemText(values.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {me && subjects.length === 0 ? (
        <Empty description={t('metrics.noPerson')} />
      ) : (
        <Card size="small" title={t('metrics.hint')}>
          <Table<MetricDef>
            rowKey="id"
            size="small"
            loading={catalog.isLoading || values.isFetching || !isReady}
            dataSource={metrics}
            columns={columns}
            pagination={false}
            scroll={{ x: 360 + subjects.length * 160 }}
            data-testid="metrics-table"
          />
        </Card>
      )}
      <ExplainDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
