import { Alert, Card, List, Rate, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FeedbackSummary, useFeedbackSummary } from '../../api/disputes.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';

type ItemSummary = FeedbackSummary['items'][number];

/** 参与设计反馈 in the scheme editor: per item, the average rating, how many rated, and what they wrote. */
export function FeedbackPanel({
  schemeId,
  versionId,
  metricName,
}: {
  schemeId: string;
  versionId: string;
  metricName: (metricId: string) => string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const summary = useFeedbackSummary(schemeId, versionId);
  const data = summary.data;
  const average = (v: number | null) =>
    v === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);

  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={t('disp.feedback.panelTitle')}
      extra={
        data && <Typography.Text type="secondary">{t('disp.feedback.people', { n: data.people })}</Typography.Text>
      }
      data-testid="feedback-panel"
    >
      {summary.isError && <Alert type="error" showIcon title={problemText(summary.error, locale, t)} />}
      <Table<ItemSummary>
        rowKey="metricId"
        size="small"
        pagination={false}
        loading={summary.isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('disp.feedback.none') }}
        expandable={{
          rowExpandable: (i) => i.comments.length > 0,
          expandedRowRender: (i) => (
            <List
              size="small"
              dataSource={i.comments}
              renderItem={(c) => (
                <List.Item data-testid={`feedback-comment-${i.metricId}`}>
                  <Space orientation="vertical" size={0}>
                    <Space size={8}>
                      <Typography.Text strong>{c.personName}</Typography.Text>
                      <Rate disabled value={c.rating} style={{ fontSize: 12 }} />
                      <Typography.Text type="secondary">{formatDate(c.updatedAt.slice(0, 10), locale)}</Typography.Text>
                    </Space>
                    <span>{c.comment}</span>
                  </Space>
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          {
            key: 'item',
            title: t('disp.feedback.item'),
            render: (_v, i) => (
              <Space size={4}>
                <span>{metricName(i.metricId)}</span>
                {!i.isItem && (
                  <Tooltip title={t('disp.feedback.removedHelp')}>
                    <Tag>{t('disp.feedback.removed')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            key: 'average',
            title: t('disp.feedback.average'),
            width: 200,
            render: (_v, i) => (
              <Space size={6} data-testid={`feedback-average-${i.metricId}`}>
                <Rate disabled allowHalf value={Math.round((i.averageRating ?? 0) * 2) / 2} style={{ fontSize: 14 }} />
                <Typography.Text strong type={i.averageRating !== null && i.averageRating < 3 ? 'danger' : undefined}>
                  {average(i.averageRating)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'count',
            title: t('disp.feedback.count'),
            width: 80,
            align: 'right',
            render: (_v, i) => <span data-testid={`feedback-count-${i.metricId}`}>{i.count}</span>,
          },
          {
            key: 'spread',
            title: t('disp.feedback.spread'),
            width: 200,
            render: (_v, i) => (i.count === 0 ? '—' : <Spread distribution={i.distribution} count={i.count} />),
          },
          {
            key: 'comments',
            title: t('disp.feedback.comments'),
            width: 90,
            align: 'right',
            render: (_v, i) => i.comments.length,
          },
        ]}
      />
    </Card>
  );
}

// One star (1) to five (5): red to green.
const STAR_COLORS = ['#f5222d', '#fa8c16', '#fadb14', '#a0d911', '#52c41a'];

/** The ratings as one bar cut by stars, with the counts in its tooltip. */
function Spread({ distribution, count }: { distribution: readonly number[]; count: number }) {
  const { t } = useTranslation();
  const counts = [1, 2, 3, 4, 5].map((stars) => distribution[stars - 1] ?? 0);
  return (
    <Tooltip title={counts.map((n, k) => `${k + 1}★ ${n}`).join(' · ')}>
      <div
        role="img"
        aria-label={t('disp.feedback.spread')}
        style={{ display: 'flex', width: 160, height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f0f0' }}
      >
        {counts.map((n, k) =>
          n > 0 ? (
            <div key={STAR_COLORS[k]} style={{ width: `${(n / count) * 100}%`, background: STAR_COLORS[k] }} />
          ) : null,
        )}
      </div>
    </Tooltip>
  );
}
