import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, List, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type TeamDashboard, useTeamDashboard } from '../../api/dashboards.ts';
import { useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { ExplainDrawer, type ExplainTarget } from '../metrics/explain-drawer.tsx';
import { formatMetric } from '../metrics/metric-format.ts';
import { Delta, PaceTag } from './dashboard-ui.tsx';
import { HeatTable } from './heat-table.tsx';
import { PeriodSwitch } from './period-switch.tsx';
import { usePeriodParam } from './use-period-param.ts';

type UnitTarget = TeamDashboard['unitTargets'][number];

/** 团队看板: a manager's units (admin: any unit), members x metrics by pace, red lines, the team's targets. */
export function TeamDashboardPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const isManager = me?.role === 'manager';
  const units = useRecordPage(
    'org-units',
    isManager ? { managerId: me?.personId ?? undefined, limit: 50 } : { limit: 200 },
    { enabled: !!me && (!isManager || !!me.personId) },
  );
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? units.data?.items[0]?.id;
  const { period, setPeriod, fiscalStart } = usePeriodParam();
  const team = useTeamDashboard(unitId, period);
  const data = team.data;
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const metricName = (id: string) => pick(data?.metrics.find((m) => m.id === id)?.name);
  const metricUnit = (id: string) => data?.metrics.find((m) => m.id === id)?.unit ?? 'count';

  return (
    <>
      <PageHeader
        title={t('dashboards.nav.team')}
        extra={
          <>
            <Select
              style={{ width: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={unitId}
              loading={units.isLoading}
              aria-label={t('dashboards.unit')}
              data-testid="team-unit"
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              onChange={(id: string) =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('unit', id);
                  return next;
                })
              }
            />
            <PeriodSwitch value={period} onChange={setPeriod} fiscalStart={fiscalStart} />
          </>
        }
      />
      {team.isError && (
        <Alert type="error" showIcon title={problemText(team.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {units.data && !unitId && <Empty description={t('dashboards.noUnits')} />}
      {unitId && !data && !team.isError && <Skeleton active />}
      {data && (
        <div data-testid="team-dashboard" style={{ opacity: team.isPlaceholderData ? 0.6 : 1 }}>
          <Card
            size="small"
            title={
              <span>
                <WarningOutlined style={{ color: '#cf1322' }} /> {t('dashboards.redLines', { n: data.redLines.length })}
              </span>
            }
            style={{ marginBottom: 12 }}
          >
            <List
              size="small"
              grid={{ gutter: 8, xs: 1, sm: 2, lg: 3, xxl: 4 }}
              dataSource={data.redLines}
              locale={{ emptyText: t('dashboards.noRedLines') }}
              data-testid="red-lines"
              renderItem={(r) => (
                <List.Item data-testid="red-line">
                  <Link to={`/dashboard/person/${r.personId}?period=${encodeURIComponent(period)}`}>{r.name}</Link>{' '}
                  <Tag color="error">{metricName(r.metricId)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      r.redSince ? t('dashboards.redSince', { date: formatDate(r.redSince, locale) }) : null,
                      t('dashboards.gap', { value: formatMetric(r.gapToPace, metricUnit(r.metricId), locale, true) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('dashboards.heatTitle', { unit: data.unit.name })} style={{ marginBottom: 12 }}>
            <HeatTable
              data={data}
              period={period}
              onExplain={(metricId, m) =>
                setExplain({ metricId, subject: `person:${m.personId}`, subjectLabel: m.name, period: data.period.key })
              }
            />
          </Card>
          <Card size="small" title={t('dashboards.unitTargets')}>
            <Table<UnitTarget>
              rowKey="metricId"
              size="small"
              pagination={false}
              dataSource={data.unitTargets}
              scroll={{ x: 820 }}
              data-testid="unit-targets"
              locale={{ emptyText: t('dashboards.noUnitTargets') }}
              columns={[
                { key: 'metric', title: t('dashboards.metric'), render: (_v, r) => pick(r.name) },
                {
                  key: 'actual',
                  title: t('dashboards.actual'),
                  align: 'right',
                  render: (_v, r) => formatMetric(r.actual, r.unit, locale),
                },
                {
                  key: 'target',
                  title: t('dashboards.target'),
                  align: 'right',
                  render: (_v, r) => formatMetric(r.target, r.unit, locale),
                },
                {
                  key: 'expected',
                  title: t('dashboards.expectedToDate'),
                  align: 'right',
                  render: (_v, r) => formatMetric(r.expectedToDate, r.unit, locale),
                },
                {
                  key: 'pace',
                  title: t('dashboards.paceTitle'),
                  render: (_v, r) => <PaceTag status={r.status} ratio={r.ratio} />,
                },
                {
                  key: 'gap',
                  title: t('dashboards.gapToTarget'),
                  align: 'right',
                  render: (_v, r) =>
                    r.gapToTarget ? t('dashboards.gap', { value: formatMetric(r.gapToTarget, r.unit, locale) }) : '—',
                },
                {
                  key: 'previous',
                  title: t('dashboards.vsPrevious'),
                  render: (_v, r) => <Delta current={r.actual} previous={r.previousActual} unit={r.unit} />,
                },
              ]}
            />
          </Card>
        </div>
      )}
      <ExplainDrawer target={explain} onClose={() => setExplain(null)} />
    </>
  );
}
