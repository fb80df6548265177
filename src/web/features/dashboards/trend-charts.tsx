import { Alert, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PersonTrends, usePersonTrends } from '../../api/dashboards.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { LazyChart } from './lazy-chart.tsx';

type Metric = PersonTrends['metrics'][number];

const COLORS = ['#1677ff', '#8c8c8c', '#bfbfbf', '#d9d9d9'];

function option(metric: Metric, locale: 'zh-CN' | 'en', dayLabel: (n: number) => string) {
  const length = Math.max(...metric.series.map((s) => s.points.length), 1);
  const isMoney = metric.unit === 'cny';
  return {
    animation: false,
    color: COLORS,
    grid: { left: 8, right: 12, top: 30, bottom: 4, containLabel: true },
    legend: { type: 'scroll', top: 0, itemWidth: 16, itemHeight: 8, textStyle: { fontSize: 10 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => formatMetric(v, metric.unit, locale, true),
    },
    xAxis: { type: 'category', data: Array.from({ length }, (_, i) => dayLabel(i + 1)), axisLabel: { fontSize: 10 } },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: 10, formatter: (v: number) => formatMetric(v, metric.unit, locale, true) },
      ...(isMoney ? {} : { minInterval: metric.unit === 'count' ? 1 : 0 }),
    },
    series: metric.series.map((s, i) => ({
      name: s.period.key,
      type: 'line',
      showSymbol: false,
      connectNulls: true,
      lineStyle: { width: i === 0 ? 3 : 1.5, type: i === 0 ? 'solid' : 'dashed' },
      data: s.points,
    })),
  };
}

/** 趋势: each metric this period against the previous ones at the same point (loaded after the page). */
export function TrendCharts({ personId, period }: { personId: string; period: string }) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const trends = usePersonTrends(personId, period);
  if (trends.isError) return <Alert type="error" showIcon title={problemText(trends.error, locale, t)} />;
  if (!trends.data) return <Skeleton active />;
  if (trends.data.metrics.length === 0) return <Empty description={t('dashboards.noTrends')} />;
  return (
    <Row gutter={[12, 12]} data-testid="trend-charts">
      {trends.data.metrics.map((m) => {
        const [current, previous] = m.series;
        return (
          <Col key={m.metricId} xs={24} md={12} xl={8}>
            <Card size="small" title={pick(m.name)} data-testid={`trend-${m.metricId}`}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 12 }}>
                {t('dashboards.samePoint', {
                  now: formatMetric(current?.atSamePoint ?? null, m.unit, locale, true),
                  before: formatMetric(previous?.atSamePoint ?? null, m.unit, locale, true),
                  period: previous?.period.key ?? '—',
                })}
              </Typography.Paragraph>
              <LazyChart
                option={option(m, locale, (n) => t('dashboards.dayN', { n }))}
                height={200}
                testId={`chart-${m.metricId}`}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
