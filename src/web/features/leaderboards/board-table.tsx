import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, TrophyFilled } from '@ant-design/icons';
import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Leaderboard, LeaderboardRow } from '../../api/leaderboards.ts';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';

const RATING_COLOR: Record<string, string> = { S: 'magenta', A: 'green', B: 'blue', C: 'orange', D: 'red' };
const MEDAL = ['#d4a017', '#9e9e9e', '#b0703c'];
// The viewer's own row stands out; antd paints the cells, so the colour goes on them.
const OWN_ROW_CSS = '.lb-own > td { background: #e6f4ff !important; font-weight: 600; }';

function ChangeCell({ row }: { row: LeaderboardRow }) {
  const { t } = useTranslation();
  if (row.change === null) return null;
  if (row.change === 'new') return <Tag color="blue">{t('leaderboards.change.new')}</Tag>;
  const moved = row.previousRank !== null && row.rank !== null ? Math.abs(row.previousRank - row.rank) : 0;
  const title = t(`leaderboards.change.${row.change}`, { n: moved, previous: row.previousRank });
  if (row.change === 'same')
    return (
      <Tooltip title={title}>
        <MinusOutlined style={{ color: '#8c8c8c' }} aria-label={title} />
      </Tooltip>
    );
  const isUp = row.change === 'up';
  return (
    <Tooltip title={title}>
      <Typography.Text style={{ color: isUp ? '#389e0d' : '#cf1322' }} aria-label={title} data-testid="rank-change">
        {isUp ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {moved}
      </Typography.Text>
    </Tooltip>
  );
}

/** The ranked rows of one board: rank and its change, who, the value (opening its records). */
export function BoardTable({ board, onExplain }: { board: Leaderboard; onExplain: (row: LeaderboardRow) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const isScore = board.metric.id === 'score';
  const isTop = board.visibility.mode === 'top' && board.rows.length < board.totalRows;
  return (
    <>
      <style>{OWN_ROW_CSS}</style>
      {isTop && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('leaderboards.topOnly', { n: board.visibility.topN, total: board.totalRows })}
          data-testid="board-top-only"
        />
      )}
      <Table<LeaderboardRow>
        rowKey={(r, i) => `${r.subject.id ?? 'hidden'}-${i}`}
        size="middle"
        pagination={false}
        dataSource={board.rows}
        rowClassName={(r) => (r.isOwn ? 'lb-own' : '')}
        onRow={(r) => ({ 'data-testid': r.isOwn ? 'board-own-row' : 'board-row' }) as object}
        scroll={{ x: 640 }}
        data-testid="board-table"
        locale={{ emptyText: t('leaderboards.empty') }}
        columns={[
          {
            key: 'rank',
            title: t('leaderboards.rank'),
            width: 80,
            align: 'center',
            render: (_v, r) =>
              r.rank === null ? (
                <Tooltip title={t('leaderboards.unranked')}>
                  <Typography.Text type="secondary">—</Typography.Text>
                </Tooltip>
              ) : r.rank <= 3 ? (
                <Space size={4}>
                  <TrophyFilled style={{ color: MEDAL[r.rank - 1] }} />
                  <Typography.Text strong>{r.rank}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text strong>{r.rank}</Typography.Text>
              ),
          },
          {
            key: 'change',
            title: t('leaderboards.changeTitle'),
            width: 90,
            align: 'center',
            render: (_v, r) => <ChangeCell row={r} />,
          },
          {
            key: 'name',
            title: board.by === 'unit' ? t('leaderboards.team') : t('leaderboards.person'),
            render: (_v, r) =>
              r.isNameHidden ? (
                <Typography.Text type="secondary">{t('leaderboards.anonymous')}</Typography.Text>
              ) : (
                <Space size={6}>
                  <span>{r.name}</span>
                  {r.isOwn && <Tag color="processing">{t('leaderboards.you')}</Tag>}
                </Space>
              ),
          },
          ...(board.by === 'person'
            ? [
                {
                  key: 'unit',
                  title: t('leaderboards.team'),
                  render: (_v: unknown, r: LeaderboardRow) => r.unitName ?? '—',
                },
              ]
            : []),
          {
            key: 'value',
            title: isScore ? t('leaderboards.score') : t('leaderboards.value'),
            align: 'right' as const,
            render: (_v: unknown, r: LeaderboardRow) => {
              const text = formatMetric(r.value, board.metric.unit, locale);
              if (r.value === null || !r.explainUrl || !r.subject.id) return text;
              return isScore ? (
                <Link to={`/scorecard?person=${r.subject.id}&period=${encodeURIComponent(board.period.key)}`}>
                  {text}
                </Link>
              ) : (
                <Typography.Link onClick={() => onExplain(r)} data-testid="board-value">
                  {text}
                </Typography.Link>
              );
            },
          },
          ...(isScore
            ? [
                {
                  key: 'rating',
                  title: t('leaderboards.rating'),
                  align: 'center' as const,
                  width: 90,
                  render: (_v: unknown, r: LeaderboardRow) =>
                    r.rating ? <Tag color={RATING_COLOR[r.rating]}>{r.rating}</Tag> : '—',
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
