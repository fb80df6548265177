import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonDashboard } from '../../api/dashboards.ts';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { Delta, PaceTag, percent, points } from './dashboard-ui.tsx';

type Item = PersonDashboard['items'][number];

/** The scorecard's items: actual (opens its records), target, attainment, pace and the gaps 还差. */
export function ScorecardItems({ items, onExplain }: { items: Item[]; onExplain: (item: Item) => void }) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const money = (v: number | null | undefined, unit: string) => formatMetric(v ?? null, unit, locale);
  return (
    <Table<Item>
      rowKey="metricId"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      data-testid="dashboard-items"
      locale={{ emptyText: t('dashboards.noItems') }}
      columns={[
        {
          key: 'metric',
          title: t('dashboards.metric'),
          fixed: 'left',
          width: 150,
          render: (_v, i) => (
            <span>
              <Typography.Text strong>{pick(i.name)}</Typography.Text>{' '}
              {i.weight !== null ? (
                <Tag bordered={false}>{t('dashboards.weight', { n: i.weight })}</Tag>
              ) : (
                <Tag bordered={false}>{t('dashboards.targetOnly')}</Tag>
              )}
            </span>
          ),
        },
        {
          key: 'actual',
          title: t('dashboards.actual'),
          align: 'right',
          render: (_v, i) => (
            <Typography.Link data-testid={`actual-${i.metricId}`} onClick={() => onExplain(i)}>
              {money(i.actual, i.unit)}
            </Typography.Link>
          ),
        },
        {
          key: 'target',
          title: t('dashboards.target'),
          align: 'right',
          render: (_v, i) => money(i.target, i.unit),
        },
        {
          key: 'attainment',
          title: t('dashboards.attainment'),
          align: 'right',
          render: (_v, i) =>
            i.attainment !== null
              ? percent(i.attainment, locale)
              : i.target && i.actual !== null
                ? percent(i.actual / i.target, locale)
                : '—',
        },
        {
          key: 'pace',
          title: t('dashboards.paceTitle'),
          render: (_v, i) =>
            i.pace ? <PaceTag status={i.pace.status} ratio={i.pace.ratio} /> : <PaceTag status="none" />,
        },
        {
          key: 'gapToTarget',
          title: t('dashboards.gapToTarget'),
          align: 'right',
          render: (_v, i) =>
            i.pace?.gapToTarget ? (
              <span data-testid={`gap-target-${i.metricId}`}>
                {t('dashboards.gap', { value: money(i.pace.gapToTarget, i.unit) })}
              </span>
            ) : i.pace ? (
              <Typography.Text type="success">{t('dashboards.reached')}</Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          key: 'gapToPace',
          title: (
            <Tooltip title={t('dashboards.gapToPaceHint')}>
              <span>{t('dashboards.gapToPace')}</span>
            </Tooltip>
          ),
          align: 'right',
          render: (_v, i) =>
            i.pace?.gapToPace ? (
              <Typography.Text type="danger" data-testid={`gap-pace-${i.metricId}`}>
                {t('dashboards.gap', { value: money(i.pace.gapToPace, i.unit) })}
              </Typography.Text>
            ) : i.pace ? (
              <Typography.Text type="success">{t('dashboards.onPace')}</Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          key: 'score',
          title: t('dashboards.score'),
          align: 'right',
          render: (_v, i) => points(i.score, locale),
        },
        {
          key: 'previous',
          title: t('dashboards.vsPrevious'),
          render: (_v, i) => (
            <Delta current={i.actual} previous={i.previousActual} unit={i.unit} direction={i.direction} />
          ),
        },
      ]}
    />
  );
}
