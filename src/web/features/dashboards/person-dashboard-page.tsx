import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type PersonTrends, usePersonDashboard, usePersonTrends } from '../../api/dashboards.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { ExplainDrawer, type ExplainTarget } from '../metrics/explain-drawer.tsx';
import { Delta, points, RATING_COLOR } from './dashboard-ui.tsx';
import { PeriodSwitch } from './period-switch.tsx';
import { RecentActivities } from './recent-activities.tsx';
import { ScorecardItems } from './scorecard-items.tsx';
import { TrendCharts } from './trend-charts.tsx';
import { usePeriodParam } from './use-period-param.ts';

type Rank = PersonTrends['rank']['team'] | undefined;

function RankCard({ title, rank, previous, testId }: { title: string; rank: Rank; previous: Rank; testId: string }) {
  const { t } = useTranslation();
  if (rank === undefined)
    return (
      <Card size="small" data-testid={testId}>
        <Skeleton active paragraph={{ rows: 1 }} />
      </Card>
    );
  const moved = rank?.rank && previous?.rank ? previous.rank - rank.rank : null;
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={rank?.rank ?? '—'} suffix={rank?.rank ? `/ ${rank.of}` : undefined} />
      <Typography.Text type={moved ? (moved > 0 ? 'success' : 'danger') : 'secondary'}>
        {moved === null
          ? t('dashboards.previousNone')
          : moved === 0
            ? t('dashboards.rankSame')
            : t(moved > 0 ? 'dashboards.rankUp' : 'dashboards.rankDown', { n: Math.abs(moved) })}
      </Typography.Text>
    </Card>
  );
}

/** 我的绩效: the first screen of a rep; a manager opens any member's at /dashboard/person/:id. */
export function PersonDashboardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe().data;
  const params = useParams();
  const personId = params.id ?? me?.personId ?? undefined;
  const { period, setPeriod, fiscalStart } = usePeriodParam();
  const dashboard = usePersonDashboard(personId, period);
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const data = dashboard.data;
  // Ranks need everyone scored: they come with the trends, after the first screen has drawn.
  const ranks = usePersonTrends(data?.person.id, data?.period.key ?? period, !!data).data?.rank;
  const isMine = personId === me?.personId;
  const title = isMine || !data ? t('dashboards.nav.mine') : t('dashboards.personTitle', { name: data.person.name });

  return (
    <>
      <PageHeader
        title={title}
        extra={<PeriodSwitch value={period} onChange={setPeriod} fiscalStart={fiscalStart} />}
      />
      {!personId && <Empty description={t('dashboards.noPerson')} />}
      {dashboard.isError && (
        <Alert type="error" showIcon title={problemText(dashboard.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {personId && !data && !dashboard.isError && <Skeleton active />}
      {data && (
        <div data-testid="person-dashboard" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="dashboard-total">
                <Statistic
                  title={t('dashboards.total', { period: data.period.key })}
                  value={data.scorecard ? points(data.scorecard.total, locale) : '—'}
                  suffix={
                    data.scorecard?.rating ? (
                      <Tag color={RATING_COLOR[data.scorecard.rating]} data-testid="dashboard-rating">
                        {data.scorecard.rating}
                      </Tag>
                    ) : undefined
                  }
                />
                <Delta current={data.scorecard?.total} previous={data.previous?.total} unit="score" />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <RankCard
                title={t('dashboards.teamRank')}
                rank={ranks?.team}
                previous={ranks?.previousTeam}
                testId="rank-team"
              />
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <RankCard
                title={t('dashboards.companyRank')}
                rank={ranks?.company}
                previous={ranks?.previousCompany}
                testId="rank-company"
              />
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card size="small">
                <Statistic
                  title={t('dashboards.redItems')}
                  value={data.items.filter((i) => i.pace?.status === 'red').length}
                  suffix={`/ ${data.items.length}`}
                  styles={{
                    content: { color: data.items.some((i) => i.pace?.status === 'red') ? '#cf1322' : undefined },
                  }}
                />
                <Typography.Text type="secondary">{t('dashboards.redItemsHint')}</Typography.Text>
              </Card>
            </Col>
          </Row>
          {isMine && me?.role === 'manager' && data.items.length === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="manager-hint"
              title={
                <span>
                  {t('dashboards.managerHint')} <Link to="/dashboard/team">{t('dashboards.nav.team')}</Link>
                </span>
              }
            />
          )}
          <Card
            size="small"
            title={t('dashboards.scorecardTitle')}
            style={{ marginBottom: 12 }}
            extra={data.scorecard?.isFrozen ? <Tag>{t('dashboards.frozen')}</Tag> : null}
          >
            <ScorecardItems
              items={data.items}
              onExplain={(i) =>
                setExplain({
                  metricId: i.metricId,
                  subject: `person:${data.person.id}`,
                  subjectLabel: data.person.name,
                  period: data.period.key,
                })
              }
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('dashboards.trends')}>
                <TrendCharts personId={data.person.id} period={data.period.key} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('dashboards.recentActivities')}>
                <RecentActivities activities={data.activities} />
              </Card>
            </Col>
          </Row>
        </div>
      )}
      <ExplainDrawer target={explain} onClose={() => setExplain(null)} />
    </>
  );
}
