import { Alert, Card, Empty, Segmented, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type Leaderboard,
  type LeaderboardRow,
  useArchivedBoard,
  useArchivedWeeks,
  useLeaderboard,
} from '../../api/leaderboards.ts';
import { useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { ExplainDrawer, type ExplainTarget } from '../metrics/explain-drawer.tsx';
import { boardPeriodKey } from './board-period.ts';
import { BoardPeriodPicker } from './board-period-picker.tsx';
import { BoardTable } from './board-table.tsx';
import { type metricOptions, useMetricOptions } from './metric-options.ts';

/** 排行榜: rank people or teams by any metric or the total score, live; and the weekly archive. */
export function LeaderboardsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const today = dayjs(me?.today ?? undefined);
  const tab = params.get('tab') === 'archive' ? 'archive' : 'live';
  const metric = params.get('metric') ?? 'signed_amount';
  const scope = params.get('scope') ?? 'company';
  const by = params.get('by') === 'unit' && metric !== 'score' ? 'unit' : 'person';
  const period = params.get('period') ?? boardPeriodKey(today, 'month');
  const set = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const options = useMetricOptions();
  const openExplain = (board: Leaderboard) => (row: LeaderboardRow) =>
    row.subject.id &&
    setExplain({
      metricId: board.metric.id,
      subject: `${row.subject.kind}:${row.subject.id}`,
      subjectLabel: row.name ?? '',
      period: board.period.key,
    });

  return (
    <>
      <PageHeader title={t('leaderboards.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key })}
        items={[
          {
            key: 'live',
            label: t('leaderboards.live'),
            children: (
              <LiveBoard
                query={{ metric, scope, period, by }}
                metricOptions={options}
                onChange={set}
                onExplain={openExplain}
                hasTeam={!!me?.personId}
              />
            ),
          },
          {
            key: 'archive',
            label: t('leaderboards.archive'),
            children: (
              <ArchiveBoard
                week={params.get('week') ?? undefined}
                metric={params.get('archiveMetric') ?? 'signed_amount'}
                metricOptions={options}
                onChange={set}
                onExplain={openExplain}
              />
            ),
          },
        ]}
      />
      <ExplainDrawer target={explain} onClose={() => setExplain(null)} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('leaderboards.help')}
      </Typography.Paragraph>
    </>
  );
}

type Options = ReturnType<typeof metricOptions>;

function LiveBoard({
  query,
  metricOptions: options,
  onChange,
  onExplain,
  hasTeam,
}: {
  query: { metric: string; scope: string; period: string; by: 'person' | 'unit' };
  metricOptions: Options;
  onChange: (changes: Record<string, string>) => void;
  onExplain: (board: Leaderboard) => (row: LeaderboardRow) => void;
  hasTeam: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const board = useLeaderboard(query);
  const units = useRecordPage('org-units', { limit: 500, sort: 'sortOrder' });
  const scopeOptions = [
    ...(hasTeam ? [{ value: 'team', label: t('leaderboards.scopes.team') }] : []),
    { value: 'company', label: t('leaderboards.scopes.company') },
    ...(units.data?.items ?? []).map((u) => ({ value: `unit:${u.id}`, label: u.name })),
  ];
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={query.metric}
          options={options}
          onChange={(metric) => onChange({ metric })}
          aria-label={t('leaderboards.metric')}
          data-testid="board-metric"
        />
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
          value={query.scope}
          options={scopeOptions}
          onChange={(scope) => onChange({ scope })}
          aria-label={t('leaderboards.scope')}
          data-testid="board-scope"
        />
        <Segmented
          value={query.by}
          options={[
            { value: 'person', label: t('leaderboards.byPerson') },
            { value: 'unit', label: t('leaderboards.byTeam'), disabled: query.metric === 'score' },
          ]}
          onChange={(by) => onChange({ by: String(by) })}
          data-testid="board-by"
        />
        <BoardPeriodPicker value={query.period} onChange={(period) => onChange({ period })} />
      </Space>
      {board.isError && (
        <Alert type="warning" showIcon title={problemText(board.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {board.data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="board-caption">
            {t('leaderboards.caption', {
              period: board.data.period.key,
              previous: board.data.previousPeriod.key,
              direction: t(`leaderboards.direction.${board.data.metric.direction}`),
            })}
          </Typography.Paragraph>
          <BoardTable board={board.data} onExplain={onExplain(board.data)} />
        </>
      )}
    </Card>
  );
}

function ArchiveBoard({
  week,
  metric,
  metricOptions: options,
  onChange,
  onExplain,
}: {
  week: string | undefined;
  metric: string;
  metricOptions: Options;
  onChange: (changes: Record<string, string>) => void;
  onExplain: (board: Leaderboard) => (row: LeaderboardRow) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const weeks = useArchivedWeeks();
  const chosen = week ?? weeks.data?.[0]?.weekKey;
  const archivedMetrics = new Set(weeks.data?.find((w) => w.weekKey === chosen)?.metrics ?? []);
  const board = useArchivedBoard(chosen, metric);
  if (weeks.data && weeks.data.length === 0) return <Empty description={t('leaderboards.noArchive')} />;
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 260 }}
          value={chosen}
          loading={weeks.isLoading}
          options={(weeks.data ?? []).map((w) => ({
            value: w.weekKey,
            label: t('leaderboards.week', { key: w.weekKey, start: w.start, end: w.end }),
          }))}
          onChange={(value) => onChange({ week: value })}
          aria-label={t('leaderboards.archiveWeek')}
          data-testid="archive-week"
        />
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={metric}
          options={options
            .map((g) => ({ ...g, options: g.options.filter((o) => archivedMetrics.has(o.value)) }))
            .filter((g) => g.options.length > 0)}
          onChange={(value) => onChange({ archiveMetric: value })}
          aria-label={t('leaderboards.metric')}
          data-testid="archive-metric"
        />
      </Space>
      {board.isError && (
        <Alert type="warning" showIcon title={problemText(board.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      {board.data && (
        <>
          <Typography.Paragraph type="secondary">
            {t('leaderboards.archivedAt', { at: dayjs(board.data.archivedAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Paragraph>
          <BoardTable board={board.data} onExplain={onExplain(board.data)} />
        </>
      )}
    </Card>
  );
}
