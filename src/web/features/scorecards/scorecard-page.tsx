import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMetricCatalog } from '../../api/metrics.ts';
import { type ScorecardItem, useScorecard } from '../../api/scoring.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { type DisputedNumber, RaiseDisputeModal } from '../disputes/raise-dispute-modal.tsx';
import { ExplainDrawer, type ExplainTarget } from '../metrics/explain-drawer.tsx';
import { formatMetric } from '../metrics/metric-format.ts';
import { PeriodPicker } from './period-picker.tsx';

const RATING_COLOR: Record<string, string> = { S: 'magenta', A: 'green', B: 'blue', C: 'orange', D: 'red' };

const num = (v: number | null | undefined, locale: string, digits = 2) =>
  v === null || v === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
const pct = (v: number | null | undefined, locale: string) =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);

/** 我的考核: one person's scorecard for a month or quarter; every actual opens its records. */
export function ScorecardPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const { options, nameOf } = usePeople();
  const catalog = useMetricCatalog();
  const isRep = me?.role === 'rep';
  // Person and period live in the URL, so a scorecard can be linked to and reloaded.
  const [params, setParams] = useSearchParams();
  const personId = params.get('person') ?? me?.personId ?? undefined;
  const period = params.get('period') ?? (me?.today ?? dayjs().format('YYYY-MM-DD')).slice(0, 7);
  const setParam = (name: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );
  const setPersonId = (id: string) => setParam('person', id);
  const setPeriod = (key: string) => setParam('period', key);
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const chosen = isRep ? (me?.personId ?? undefined) : personId;
  const card = useScorecard(chosen, period);
  const data = card.data;
  const unitOf = (metricId: string) => catalog.data?.find((m) => m.id === metricId)?.unit ?? 'count';
  const nameOfMetric = (metricId: string) => {
    const label = data?.names[metricId] as { 'zh-CN': string; en: string } | undefined;
    return label ? pick(label) : metricId;
  };
  // 申诉: a person disputes a number of their own scorecard, as it reads on the screen.
  const [disputing, setDisputing] = useState<DisputedNumber | null>(null);
  const isOwnCard = !!data && !!me?.personId && data.personId === me.personId;
  const disputedNumber = (i: ScorecardItem): DisputedNumber => ({
    metricId: i.metricId,
    metricName: nameOfMetric(i.metricId),
    periodKey: data?.period.key ?? period,
    aspect: i.isNA ? 'actual' : 'score',
    shown: {
      actual: formatMetric(i.actual, unitOf(i.metricId), locale),
      target: formatMetric(i.target, unitOf(i.metricId), locale),
      score: num(i.score, locale),
      total: num(data?.total, locale),
    },
  });
  const gateText = (g: ScorecardItem['gates'][number]) =>
    t('scorecard.gate', {
      metric: nameOfMetric(g.metricId),
      op: g.op,
      value: formatMetric(g.value, unitOf(g.metricId), locale),
      factor: g.factor,
    });

  return (
    <>
      <PageHeader
        title={t('nav.scorecard')}
        extra={
          <>
            {isRep ? (
              <Typography.Text>{nameOf(chosen)}</Typography.Text>
            ) : (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 180 }}
                placeholder={t('scorecard.person')}
                aria-label={t('scorecard.person')}
                value={personId}
                onChange={setPersonId}
                options={options}
                data-testid="scorecard-person"
              />
            )}
            <PeriodPicker value={period} onChange={setPeriod} />
          </>
        }
      />
      {card.isError && (
        <Alert type="warning" showIcon title={problemText(card.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {!chosen && <Empty description={t('scorecard.pickPerson')} />}
      {data && (
        <Card
          size="small"
          data-testid="scorecard"
          title={
            <Space wrap>
              <span>{nameOf(data.personId)}</span>
              <Typography.Text type="secondary">
                {data.period.key} · {t('scorecard.version', { n: data.version })}
              </Typography.Text>
              {data.isFrozen && (
                <Tooltip title={t('scorecard.frozenHelp', { n: data.closeRevision })}>
                  <Tag icon={<LockOutlined />} color="geekblue" data-testid="scorecard-frozen">
                    {t('scorecard.frozen')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          }
        >
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('scorecard.total')}>
              <Typography.Text strong style={{ fontSize: 18 }} data-testid="scorecard-total">
                {num(data.total, locale)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('scorecard.rating')}>
              {data.rating ? (
                <Tag color={RATING_COLOR[data.rating]} style={{ fontSize: 16 }} data-testid="scorecard-rating">
                  {data.rating}
                </Tag>
              ) : (
                '—'
              )}
            </Descriptions.Item>
          </Descriptions>
          <Table<ScorecardItem>
            rowKey="metricId"
            size="small"
            pagination={false}
            dataSource={data.items}
            scroll={{ x: 1000 }}
            data-testid="scorecard-items"
            columns={[
              {
                key: 'metric',
                title: t('metrics.metric'),
                fixed: 'left',
                width: 170,
                render: (_v, i) => (
                  <Space size={4}>
                    <Typography.Text strong>{nameOfMetric(i.metricId)}</Typography.Text>
                    <Tag color={i.role === 'primary' ? 'blue' : 'default'}>{t(`schemes.roles.${i.role}`)}</Tag>
                  </Space>
                ),
              },
              {
                key: 'actual',
                title: t('scorecard.actual'),
                align: 'right',
                render: (_v, i) =>
                  i.actual === null ? (
                    '—'
                  ) : (
                    <Typography.Link
                      data-testid={`actual-${i.metricId}`}
                      onClick={() =>
                        setExplain({
                          metricId: i.metricId,
                          subject: `person:${data.personId}`,
                          subjectLabel: nameOf(data.personId),
                          period: data.period.key,
                        })
                      }
                    >
                      {formatMetric(i.actual, unitOf(i.metricId), locale)}
                    </Typography.Link>
                  ),
              },
              {
                key: 'target',
                title: t('scorecard.target'),
                align: 'right',
                render: (_v, i) => formatMetric(i.target, unitOf(i.metricId), locale),
              },
              {
                key: 'attainment',
                title: t('scorecard.attainment'),
                align: 'right',
                render: (_v, i) => (i.isUnbounded ? '∞' : pct(i.attainment, locale)),
              },
              { key: 'score', title: t('scorecard.score'), align: 'right', render: (_v, i) => num(i.score, locale) },
              {
                key: 'weight',
                title: t('scorecard.weight'),
                align: 'right',
                render: (_v, i) =>
                  i.reweightedWeight !== null && Math.abs(i.reweightedWeight - i.weight) > 1e-9 ? (
                    <Tooltip title={t('scorecard.reweighted')}>
                      <span>
                        {i.weight} → {num(i.reweightedWeight, locale)}
                      </span>
                    </Tooltip>
                  ) : (
                    i.weight
                  ),
              },
              {
                key: 'contribution',
                title: t('scorecard.contribution'),
                align: 'right',
                render: (_v, i) => num(i.contribution, locale),
              },
              ...(isOwnCard
                ? [
                    {
                      key: 'dispute',
                      title: '',
                      width: 80,
                      render: (_v: unknown, i: ScorecardItem) => (
                        <Button
                          size="small"
                          onClick={() => setDisputing(disputedNumber(i))}
                          data-testid={`dispute-${i.metricId}`}
                        >
                          {t('disp.disputes.raise')}
                        </Button>
                      ),
                    },
                  ]
                : []),
              {
                key: 'notes',
                title: t('scorecard.notes'),
                render: (_v, i) => (
                  <Space size={4} wrap>
                    {i.isNA && (
                      <Tooltip title={t('scorecard.naHelp')}>
                        <Tag data-testid={`na-${i.metricId}`}>{t('scorecard.na')}</Tag>
                      </Tooltip>
                    )}
                    {i.gates.map((g) => (
                      <Tag key={`${g.metricId}${g.op}${g.value}`} color="volcano">
                        {gateText(g)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {card.isLoading && chosen && <Card loading />}
      <ExplainDrawer target={explain} onClose={() => setExplain(null)} />
      <RaiseDisputeModal number={disputing} onClose={() => setDisputing(null)} />
    </>
  );
}
