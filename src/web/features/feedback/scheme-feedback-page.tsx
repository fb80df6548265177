import { Alert, Col, Empty, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyFeedback } from '../../api/disputes.ts';
import { useMetricCatalog } from '../../api/metrics.ts';
import { useSchemes } from '../../api/scoring.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { ItemFeedbackCard } from './item-feedback-card.tsx';
import { itemRule, versionsOpenToFeedback } from './item-rule.ts';

/** 参与设计: the people a scheme scores rate and comment on each of its items, draft or live. */
export function SchemeFeedbackPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const today = me?.today ?? dayjs().format('YYYY-MM-DD');
  const schemes = useSchemes();
  const catalog = useMetricCatalog();
  const { people } = usePeople();
  const myPosition = people.find((p) => p.id === me?.personId)?.positionId;
  const [schemeId, setSchemeId] = useState<string | null>(null);
  const [versionId, setVersionId] = useState<string | null>(null);

  const list = schemes.data ?? [];
  const scheme =
    list.find((s) => s.id === schemeId) ?? list.find((s) => s.positionId === myPosition) ?? list[0] ?? undefined;
  const open = scheme ? versionsOpenToFeedback(scheme.versions, today) : [];
  const version = open.find((v) => v.id === versionId) ?? open[0];
  const mine = useMyFeedback(version?.id, me?.personId);
  const metricName = (id: string) => {
    const m = catalog.data?.find((x) => x.id === id);
    return m ? pick(m.name) : id;
  };

  return (
    <>
      <PageHeader
        title={t('disp.nav.schemeFeedback')}
        extra={
          list.length > 1 && (
            <Select
              style={{ width: 220 }}
              aria-label={t('disp.feedback.scheme')}
              value={scheme?.id}
              onChange={(id) => {
                setSchemeId(id);
                setVersionId(null);
              }}
              options={list.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="feedback-scheme"
            />
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('disp.feedback.hint')}</Typography.Paragraph>
      {schemes.isError && <Alert type="error" showIcon title={problemText(schemes.error, locale, t)} />}
      {!me?.personId && <Alert type="info" showIcon title={t('disp.feedback.noPerson')} />}
      {scheme && open.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={version?.id}
            onChange={(id) => setVersionId(String(id))}
            data-testid="feedback-versions"
            options={open.map((v) => ({
              value: v.id,
              label: (
                <Space size={4}>
                  {t('schemes.versionN', { n: v.version })}
                  <Tag color={v.status === 'draft' ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
                    {v.status === 'draft' ? t('disp.feedback.draft') : t('disp.feedback.live')}
                  </Tag>
                </Space>
              ),
            }))}
          />
          {version && (
            <Typography.Text type="secondary">
              {t('disp.feedback.from', { date: formatDate(version.effectiveFrom, locale) })}
            </Typography.Text>
          )}
        </Space>
      )}
      {!schemes.isLoading && (!scheme || open.length === 0) && <Empty description={t('disp.feedback.nothing')} />}
      {version && me?.personId && (
        <Row gutter={[16, 16]} data-testid="feedback-items">
          {version.items.map((item) => (
            <Col key={`${version.id}-${item.metricId}`} xs={24} md={12} xl={8}>
              <ItemFeedbackCard
                versionId={version.id}
                item={item}
                metricName={metricName(item.metricId)}
                rule={itemRule(item, locale, t)}
                mine={mine.data?.items.find((f) => f.metricId === item.metricId)}
              />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
