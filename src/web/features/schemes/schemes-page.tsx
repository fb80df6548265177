import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMetricCatalog } from '../../api/metrics.ts';
import { useRecordPage } from '../../api/records.ts';
import { type Scheme, useCreateScheme, useSaveDraft, useSchemes } from '../../api/scoring.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { FeedbackPanel } from '../feedback/feedback-panel.tsx';
import type { MetricOption } from './item-rows.tsx';
import { TrialRunPanel } from './trial-run-panel.tsx';
import { VersionEditor } from './version-editor.tsx';

/** Admin › 考核方案: per position, its scheme's versions; drafts are edited, tried and published here. */
export function SchemesPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const { message } = App.useApp();
  const me = useMe().data;
  const schemes = useSchemes();
  const positions = useRecordPage('positions', { limit: 100 });
  const catalog = useMetricCatalog();
  const createScheme = useCreateScheme();
  const saveDraft = useSaveDraft();
  const [positionId, setPositionId] = useState<string | null>(null);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const metrics: MetricOption[] = (catalog.data ?? []).map((m) => ({
    value: m.id,
    label: `${pick(m.name)}${m.isCustom ? ` (${t('schemes.custom')})` : ''}`,
    unit: m.unit,
  }));
  const schemeOf = (id: string) => schemes.data?.find((s) => s.positionId === id);
  const positionList = [...(positions.data?.items ?? [])].sort(
    (a, b) => Number(!schemeOf(a.id)) - Number(!schemeOf(b.id)),
  );
  const currentPosition = positionId ?? positionList.find((p) => schemeOf(p.id))?.id ?? null;
  const scheme = currentPosition ? schemeOf(currentPosition) : undefined;
  const versions = [...(scheme?.versions ?? [])].sort((a, b) => b.version - a.version);
  const version = versions.find((v) => v.id === versionId) ?? versions[0];

  const newDraft = async (s: Scheme) => {
    setError(null);
    const latest = [...s.versions].sort((a, b) => b.version - a.version)[0];
    const nextMonth = dayjs(me?.today).add(1, 'month').startOf('month').format('YYYY-MM-DD');
    const {
      id: _id,
      version: _v,
      status: _s,
      publishedAt: _p,
      ...definition
    } = latest ?? {
      id: '',
      version: 0,
      status: 'draft',
      publishedAt: null,
      effectiveFrom: nextMonth,
      items: [{ metricId: 'signed_amount', weight: 100, role: 'primary' as const, mode: 'linear' as const }],
    };
    try {
      const created = await saveDraft.mutateAsync({
        schemeId: s.id,
        body: { ...definition, effectiveFrom: nextMonth },
      });
      setVersionId(created.id);
      message.success(t('schemes.draftCreated', { n: created.version }));
    } catch (e) {
      setError(problemText(e, locale, t));
    }
  };

  const addScheme = async (id: string, name: string) => {
    setError(null);
    try {
      await createScheme.mutateAsync({ positionId: id, name: t('schemes.defaultName', { position: name }) });
    } catch (e) {
      setError(problemText(e, locale, t));
    }
  };

  return (
    <>
      <PageHeader title={t('nav.schemes')} />
      {(error || schemes.isError) && (
        <Alert
          type="error"
          showIcon
          title={error ?? problemText(schemes.error, locale, t)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Card size="small" title={t('schemes.positions')}>
            <List
              loading={positions.isLoading || schemes.isLoading}
              dataSource={positionList}
              data-testid="scheme-positions"
              renderItem={(p) => {
                const s = schemeOf(p.id);
                const isCurrent = p.id === currentPosition;
                return (
                  <List.Item
                    style={{ cursor: 'pointer', background: isCurrent ? '#e6f4ff' : undefined, paddingInline: 8 }}
                    onClick={() => {
                      setPositionId(p.id);
                      setVersionId(null);
                    }}
                    extra={
                      !s && (
                        <Button size="small" onClick={() => addScheme(p.id, p.name ?? '')}>
                          {t('schemes.create')}
                        </Button>
                      )
                    }
                  >
                    <List.Item.Meta
                      title={p.name}
                      description={s ? s.name : <Typography.Text type="secondary">{t('schemes.none')}</Typography.Text>}
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={17}>
          {scheme ? (
            <>
              <Card
                size="small"
                title={scheme.name}
                style={{ marginBottom: 12 }}
                extra={
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => newDraft(scheme)}
                    loading={saveDraft.isPending}
                    data-testid="new-draft"
                  >
                    {t('schemes.newDraft')}
                  </Button>
                }
              >
                <Space wrap data-testid="scheme-versions">
                  {versions.map((v) => (
                    <Button
                      key={v.id}
                      type={v.id === version?.id ? 'primary' : 'default'}
                      onClick={() => setVersionId(v.id)}
                      data-testid={`version-${v.version}`}
                    >
                      {t('schemes.versionN', { n: v.version })}
                      <Tag color={v.status === 'draft' ? 'orange' : 'green'} style={{ marginInlineStart: 6 }}>
                        {t(`schemes.status.${v.status}`)}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('schemes.from', { date: v.effectiveFrom })}
                      </Typography.Text>
                    </Button>
                  ))}
                </Space>
              </Card>
              {version && <VersionEditor scheme={scheme} version={version} metrics={metrics} />}
              {version && (
                <FeedbackPanel
                  schemeId={scheme.id}
                  versionId={version.id}
                  metricName={(id) => metrics.find((m) => m.value === id)?.label ?? id}
                />
              )}
              {version?.status === 'draft' && <TrialRunPanel scheme={scheme} version={version} />}
            </>
          ) : (
            <Empty description={t('schemes.pick')} />
          )}
        </Col>
      </Row>
    </>
  );
}
