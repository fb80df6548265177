import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Scheme, type SchemeVersion, type TrialRun, useTrialRun } from '../../api/scoring.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';
import { PeriodPicker } from '../scorecards/period-picker.tsx';

type Row = TrialRun['rows'][number];

const fmt = (v: number | null | undefined, locale: string) =>
  v === null || v === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);

/** 试运行: the draft scored beside the live version on real data; who gains, who loses. Nothing official changes. */
export function TrialRunPanel({ scheme, version }: { scheme: Scheme; version: SchemeVersion }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe().data;
  const today = me?.today ?? dayjs().format('YYYY-MM-DD');
  const [period, setPeriod] = useState(dayjs(today).subtract(1, 'month').format('YYYY-MM'));
  const trial = useTrialRun();
  const rows = [...(trial.data?.rows ?? [])].sort(
    (a, b) => (b.difference ?? Number.NEGATIVE_INFINITY) - (a.difference ?? Number.NEGATIVE_INFINITY),
  );
  const rating = (r: { rating: string | null } | null) => (r?.rating ? <Tag>{r.rating}</Tag> : null);
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={t('schemes.trialTitle', { n: version.version })}
      extra={
        <Space>
          <PeriodPicker value={period} onChange={setPeriod} />
          <Button
            type="primary"
            ghost
            loading={trial.isPending}
            data-testid="trial-run"
            onClick={() => trial.mutate({ schemeId: scheme.id, versionId: version.id, period })}
          >
            {t('schemes.trialRun')}
          </Button>
        </Space>
      }
    >
      {trial.isError && <Alert type="error" showIcon title={problemText(trial.error, locale, t)} />}
      {trial.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('schemes.trialSummary', {
              live: trial.data.liveVersion ?? '—',
              trial: trial.data.trialVersion,
              up: rows.filter((r) => (r.difference ?? 0) > 0).length,
              down: rows.filter((r) => (r.difference ?? 0) < 0).length,
            })}
          </Typography.Paragraph>
          <Table<Row>
            rowKey="personId"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 15, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="trial-table"
            columns={[
              { key: 'name', title: t('metrics.person'), dataIndex: 'name' },
              {
                key: 'live',
                title: t('schemes.live'),
                align: 'right',
                render: (_v, r) => (
                  <Space size={4}>
                    {fmt(r.live?.total, locale)}
                    {rating(r.live)}
                  </Space>
                ),
              },
              {
                key: 'trial',
                title: t('schemes.trial'),
                align: 'right',
                render: (_v, r) => (
                  <Space size={4}>
                    {fmt(r.trial.total, locale)}
                    {rating(r.trial)}
                  </Space>
                ),
              },
              {
                key: 'difference',
                title: t('schemes.difference'),
                align: 'right',
                render: (_v, r) => (
                  <Typography.Text
                    type={r.difference === null ? 'secondary' : r.difference >= 0 ? 'success' : 'danger'}
                    data-testid="trial-diff"
                  >
                    {r.difference === null ? '—' : `${r.difference > 0 ? '+' : ''}${fmt(r.difference, locale)}`}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      ) : (
        <Typography.Text type="secondary">{t('schemes.trialHint')}</Typography.Text>
      )}
    </Card>
  );
}
