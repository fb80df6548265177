import { Alert, Card, Col, Progress, Row, Select, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CompanyDashboard, useCompanyDashboard } from '../../api/dashboards.ts';
import { valueLabel } from '../../api/kinds.ts';
import { useMetricCatalog } from '../../api/metrics.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { ExplainDrawer, type ExplainTarget } from '../metrics/explain-drawer.tsx';
import { formatMetric } from '../metrics/metric-format.ts';
import { funnelOption, ratingsOption, trendOption } from './company-charts.ts';
import { Delta, PaceTag, percent } from './dashboard-ui.tsx';
import { LazyChart } from './lazy-chart.tsx';
import { PeriodSwitch } from './period-switch.tsx';
import { usePeriodParam } from './use-period-param.ts';

type Unit = CompanyDashboard['units'][number];
type TreeRow = Unit & { children?: TreeRow[] };

function treeOf(units: Unit[]): TreeRow[] {
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u]);
  const build = (parentId: string | null): TreeRow[] =>
    (byParent.get(parentId) ?? []).map((u) => {
      const children = build(u.id);
      return children.length ? { ...u, children } : u;
    });
  return build(null);
}

function Attainment({ value, status }: { value: number | null; status: string }) {
  const { locale } = useLocale();
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const color = status === 'red' ? '#cf1322' : status === 'yellow' ? '#d48806' : '#389e0d';
  return (
    <Progress
      percent={Math.min(100, Math.round(value * 1000) / 10)}
      strokeColor={color}
      format={() => percent(value, locale)}
      size="small"
      style={{ minWidth: 120, margin: 0 }}
    />
  );
}

/** 公司看板 (admin, finance): the org tree by attainment, regions side by side, ratings, the year, the pipeline. */
export function CompanyDashboardPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const { period, setPeriod, fiscalStart } = usePeriodParam();
  const [metric, setMetric] = useState('signed_amount');
  const catalog = useMetricCatalog();
  const company = useCompanyDashboard(period, metric);
  const data = company.data;
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const tree = useMemo(() => treeOf(data?.units ?? []), [data]);
  const unit = data?.metric.unit ?? 'cny';
  const fmt = (v: number | null | undefined) => formatMetric(v ?? null, unit, locale);
  const targetText = (r: { target: number | null; targetSource: string }) =>
    r.target === null ? (
      '—'
    ) : r.targetSource === 'people' ? (
      <Tooltip title={t('dashboards.targetFromPeople')}>
        <span>
          {fmt(r.target)} <Tag bordered={false}>Σ</Tag>
        </span>
      </Tooltip>
    ) : (
      fmt(r.target)
    );
  const options = useMemo(
    () =>
      data && {
        trend: trendOption(data, locale, {
          actual: t('dashboards.actual'),
          target: t('dashboards.target'),
          cumulativeActual: t('dashboards.cumulativeActual'),
          cumulativeTarget: t('dashboards.cumulativeTarget'),
        }),
        funnel: funnelOption(
          data,
          locale,
          (stage) => valueLabel('deals', 'stage', stage, locale),
          (n) => t('dashboards.dealsN', { n }),
        ),
        ratings: ratingsOption(data, t('dashboards.company'), t('dashboards.noRating')),
      },
    [data, locale, t],
  );

  return (
    <>
      <PageHeader
        title={t('dashboards.nav.company')}
        extra={
          <>
            <Select
              style={{ width: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={metric}
              onChange={setMetric}
              aria-label={t('dashboards.metric')}
              data-testid="company-metric"
              options={(catalog.data ?? []).map((m) => ({ value: m.id, label: pick(m.name) }))}
            />
            <PeriodSwitch value={period} onChange={setPeriod} fiscalStart={fiscalStart} />
          </>
        }
      />
      {company.isError && (
        <Alert type="error" showIcon title={problemText(company.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {!data && !company.isError && <Skeleton active />}
      {data && options && (
        <div data-testid="company-dashboard" style={{ opacity: company.isPlaceholderData ? 0.6 : 1 }}>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="company-total">
                <Statistic title={`${pick(data.metric.name)} · ${data.period.key}`} value={fmt(data.company.actual)} />
                <div>
                  {t('dashboards.target')}: {targetText(data.company)}
                </div>
                <Attainment value={data.company.attainment} status={data.company.status} />
                <Delta
                  current={data.company.actual}
                  previous={data.company.previousActual}
                  unit={unit}
                  direction={data.metric.direction}
                />
              </Card>
            </Col>
            {data.units
              .filter((u) => u.kind === 'region')
              .map((r) => (
                <Col key={r.id} xs={24} sm={12} md={8} xl={4}>
                  <Card size="small" data-testid="region-card">
                    <Statistic title={r.name} value={fmt(r.actual)} valueStyle={{ fontSize: 20 }} />
                    <Attainment value={r.attainment} status={r.status} />
                    <Delta
                      current={r.actual}
                      previous={r.previousActual}
                      unit={unit}
                      direction={data.metric.direction}
                    />
                  </Card>
                </Col>
              ))}
          </Row>
          <Card size="small" title={t('dashboards.orgTree')} style={{ marginBottom: 12 }}>
            <Table<TreeRow>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={tree}
              expandable={{ defaultExpandAllRows: true }}
              scroll={{ x: 1000 }}
              data-testid="org-tree"
              columns={[
                {
                  key: 'name',
                  title: t('dashboards.unit'),
                  width: 200,
                  render: (_v, u) =>
                    u.kind === 'team' ? (
                      <Link to={`/dashboard/team?unit=${u.id}&period=${encodeURIComponent(period)}`}>{u.name}</Link>
                    ) : (
                      u.name
                    ),
                },
                {
                  key: 'actual',
                  title: t('dashboards.actual'),
                  align: 'right',
                  width: 130,
                  render: (_v, u) => (
                    <Typography.Link
                      data-testid={`unit-actual-${u.id}`}
                      onClick={() =>
                        setExplain({
                          metricId: data.metric.id,
                          subject: `unit:${u.id}`,
                          subjectLabel: u.name,
                          period: data.period.key,
                        })
                      }
                    >
                      {fmt(u.actual)}
                    </Typography.Link>
                  ),
                },
                {
                  key: 'target',
                  title: t('dashboards.target'),
                  align: 'right',
                  width: 150,
                  render: (_v, u) => targetText(u),
                },
                {
                  key: 'attainment',
                  title: t('dashboards.attainment'),
                  width: 170,
                  render: (_v, u) => <Attainment value={u.attainment} status={u.status} />,
                },
                {
                  key: 'pace',
                  title: t('dashboards.paceTitle'),
                  width: 90,
                  render: (_v, u) => <PaceTag status={u.status} />,
                },
                {
                  key: 'previous',
                  title: t('dashboards.vsPrevious'),
                  width: 170,
                  render: (_v, u) => (
                    <Delta
                      current={u.actual}
                      previous={u.previousActual}
                      unit={unit}
                      direction={data.metric.direction}
                    />
                  ),
                },
                {
                  key: 'ratings',
                  title: t('dashboards.ratings'),
                  width: 200,
                  render: (_v, u) =>
                    data.ratingScale
                      .filter((r) => r !== 'none' && Number(u.ratings[r] ?? 0) > 0)
                      .map((r) => (
                        <Tag key={r} bordered={false}>
                          {r} {Number(u.ratings[r])}
                        </Tag>
                      )),
                },
              ]}
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('dashboards.yearTrend', { year: data.trend.year, metric: pick(data.metric.name) })}
              >
                <LazyChart option={options.trend} height={280} testId="company-trend" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('dashboards.funnel')}>
                <LazyChart option={options.funnel} height={280} testId="company-funnel" />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('dashboards.ratingDistribution')}>
                <LazyChart
                  option={options.ratings}
                  height={60 + 40 * (1 + data.units.filter((u) => u.kind === 'region').length)}
                  testId="company-ratings"
                />
              </Card>
            </Col>
          </Row>
        </div>
      )}
      <ExplainDrawer target={explain} onClose={() => setExplain(null)} />
    </>
  );
}
