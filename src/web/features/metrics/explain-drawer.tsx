import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MetricExplanation, useMetricExplanation } from '../../api/metrics.ts';
import { recordKindMeta } from '../../api/record-kinds.gen.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { RefName } from '../../ui/ref-select.tsx';
import { formatContribution, formatMetric } from './metric-format.ts';

type Fact = MetricExplanation['facts'][number];
export type ExplainTarget = { metricId: string; subject: string; subjectLabel: string; period: string };

const NAMED_KINDS = new Set(['customers', 'contracts', 'deals', 'proposals', 'knowledgePosts']);
const LINKED: Record<string, string> = { customers: '/customers', contracts: '/contracts' };

function RecordCell({ fact }: { fact: Fact }) {
  const { pick } = useLocale();
  const meta = recordKindMeta.find((k) => k.name === fact.recordKind);
  const kindLabel = meta ? pick(meta.label) : fact.recordKind;
  const name = NAMED_KINDS.has(fact.recordKind) ? (
    <RefName refKind={fact.recordKind} id={fact.recordId} />
  ) : (
    <Typography.Text type="secondary" copyable={{ text: fact.recordId }}>
      {fact.recordId.slice(-8)}
    </Typography.Text>
  );
  const base = LINKED[fact.recordKind];
  return (
    <Space size={4} wrap>
      <Tag>{kindLabel}</Tag>
      {base ? <Link to={`${base}/${fact.recordId}`}>{name}</Link> : name}
    </Space>
  );
}

/** The records behind one value: counted or excluded (and why), and the share credited. */
export function ExplainDrawer({ target, onClose }: { target: ExplainTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const { nameOf } = usePeople();
  const [filter, setFilter] = useState<'all' | 'counted' | 'excluded'>('all');
  const explain = useMetricExplanation(
    target && { metricId: target.metricId, subject: target.subject, period: target.period },
  );
  const data = explain.data;
  const unit = data?.metric.unit ?? 'count';
  const facts = (data?.facts ?? []).filter((f) => filter === 'all' || (filter === 'counted') === (f.reason === null));
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={Math.min(820, window.innerWidth)}
      title={data ? `${pick(data.metric.name)} · ${target?.subjectLabel}` : target?.subjectLabel}
      data-testid="explain-drawer"
    >
      {explain.isError && <Alert type="error" showIcon title={problemText(explain.error, locale, t)} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">{pick(data.metric.description)}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('metrics.value')}>
              <Typography.Text strong data-testid="explain-value">
                {formatMetric(data.value.value, unit, locale)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('metrics.period')}>
              {formatDate(data.period.start, locale)} – {formatDate(data.period.end, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('metrics.counted')}>
              <span data-testid="explain-counted">{data.counted}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('metrics.excluded')}>
              <span data-testid="explain-excluded">{data.excluded}</span>
            </Descriptions.Item>
          </Descriptions>
          <Segmented
            value={filter}
            onChange={setFilter}
            style={{ marginBottom: 12 }}
            options={[
              { value: 'all', label: t('metrics.all', { n: data.facts.length }) },
              { value: 'counted', label: t('metrics.countedN', { n: data.counted }) },
              { value: 'excluded', label: t('metrics.excludedN', { n: data.excluded }) },
            ]}
          />
        </>
      )}
      <Table<Fact>
        rowKey={(f) => `${f.recordId}:${f.personId}:${f.factOn}`}
        size="small"
        loading={explain.isLoading}
        dataSource={facts}
        pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('metrics.noFacts') }}
        data-testid="explain-facts"
        columns={[
          {
            key: 'factOn',
            title: t('metrics.date'),
            dataIndex: 'factOn',
            render: (d: string) => formatDate(d, locale),
            width: 140,
          },
          {
            key: 'person',
            title: t('metrics.person'),
            dataIndex: 'personId',
            render: (id: string) => nameOf(id),
            width: 90,
          },
          { key: 'record', title: t('metrics.record'), render: (_v, f) => <RecordCell fact={f} /> },
          {
            key: 'num',
            title: t('metrics.contribution'),
            align: 'right',
            render: (_v, f) => formatContribution(f.num, f.den, unit, locale),
          },
          {
            key: 'share',
            title: t('metrics.share'),
            dataIndex: 'sharePct',
            align: 'right',
            render: (p: number | null) => (p === null ? '—' : `${p}%`),
          },
          {
            key: 'status',
            title: t('metrics.status'),
            dataIndex: 'reason',
            render: (reason: string | null) =>
              reason === null ? (
                <Tag color="success" icon={<CheckCircleOutlined />}>
                  {t('metrics.isCounted')}
                </Tag>
              ) : (
                <Tag color="default" icon={<MinusCircleOutlined />}>
                  {t(`metrics.reason.${reason}`, { defaultValue: reason })}
                </Tag>
              ),
          },
        ]}
      />
    </Drawer>
  );
}
