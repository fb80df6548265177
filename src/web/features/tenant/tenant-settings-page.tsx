import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Tenant, useTenant, useUpdateTenant } from '../../api/admin.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { applyProblemToForm, problemText } from '../../ui/problem.ts';
import { LeaderboardSettingsCard } from '../leaderboards/leaderboard-settings-card.tsx';
import { timeZoneOptions } from './time-zones.ts';

// Pace thresholds are ratios on the server (1 = on pace); people think of them as percentages.
type Values = Omit<Tenant, 'id' | 'slug' | 'currency' | 'settings'> & {
  settings: Omit<Tenant['settings'], 'pace'> & { pace: { green: number; yellow: number } };
};

const toValues = (t: Tenant): Values => ({
  name: t.name,
  timeZone: t.timeZone,
  fiscalYearStartMonth: t.fiscalYearStartMonth,
  settings: {
    ...t.settings,
    pace: { green: Math.round(t.settings.pace.green * 100), yellow: Math.round(t.settings.pace.yellow * 100) },
  },
});

/** 租户设置: time zone, fiscal year, currency, and the rules the metrics apply. */
export function TenantSettingsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const tenant = useTenant();
  const update = useUpdateTenant();
  const [form] = Form.useForm<Values>();
  const [messages, setMessages] = useState<string[]>([]);
  const zones = useMemo(() => timeZoneOptions(locale), [locale]);
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_v, i) => ({
    value: i + 1,
    label: monthName.format(Date.UTC(2024, i, 1)),
  }));
  useEffect(() => {
    if (tenant.data && !form.isFieldsTouched()) form.setFieldsValue(toValues(tenant.data));
  }, [tenant.data, form]);

  const submit = async (v: Values) => {
    setMessages([]);
    try {
      const saved = await update.mutateAsync({
        ...v,
        settings: { ...v.settings, pace: { green: v.settings.pace.green / 100, yellow: v.settings.pace.yellow / 100 } },
      });
      form.resetFields();
      form.setFieldsValue(toValues(saved));
      message.success(t('tenant.saved'));
    } catch (error) {
      const result = applyProblemToForm(form, error, locale, t, {
        isNested: true,
        alias: { 'settings.pace': ['settings', 'pace', 'yellow'] },
        message: (issue) =>
          locale === 'zh-CN' && issue.field
            ? t(`tenant.rules.${issue.field}`, { defaultValue: '' }) || undefined
            : undefined,
      });
      setMessages(result.messages);
    }
  };

  const num = (
    name: string[],
    label: string,
    extra: string,
    props: { min: number; max: number; step?: number; precision?: number; suffix?: string },
  ) => (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, message: t('form.required', { field: label }) }]}
    >
      <InputNumber
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        precision={props.precision ?? 0}
        suffix={props.suffix}
        style={{ width: '100%' }}
      />
    </Form.Item>
  );

  return (
    <>
      <PageHeader
        title={t('nav.tenant')}
        extra={
          <Button type="primary" onClick={() => form.submit()} loading={update.isPending} data-testid="tenant-save">
            {t('common.save')}
          </Button>
        }
      />
      {tenant.isError && <Alert type="error" showIcon title={problemText(tenant.error, locale, t)} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={!tenant.data} scrollToFirstError>
        {messages.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={messages.join('\n')} />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tenant.company')} loading={tenant.isLoading}>
              <Form.Item
                name="name"
                label={t('tenant.name')}
                rules={[{ required: true, message: t('form.required', { field: t('tenant.name') }) }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="timeZone"
                label={t('tenant.timeZone')}
                extra={t('tenant.timeZoneHint')}
                rules={[{ required: true, message: t('form.required', { field: t('tenant.timeZone') }) }]}
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={zones} data-testid="tenant-time-zone" />
              </Form.Item>
              <Form.Item
                name="fiscalYearStartMonth"
                label={t('tenant.fiscalYearStartMonth')}
                extra={t('tenant.fiscalYearHint')}
                rules={[{ required: true, message: t('form.required', { field: t('tenant.fiscalYearStartMonth') }) }]}
              >
                <Select options={months} />
              </Form.Item>
              <Form.Item label={t('tenant.currency')} extra={t('tenant.currencyHint')}>
                <Input value={tenant.data?.currency ?? 'CNY'} disabled aria-label={t('tenant.currency')} />
              </Form.Item>
            </Card>
            <LeaderboardSettingsCard isLoading={tenant.isLoading} />
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('tenant.gradeWeights')} loading={tenant.isLoading}>
              <Typography.Paragraph type="secondary">{t('tenant.gradeWeightsHint')}</Typography.Paragraph>
              <Space.Compact block style={{ gap: 12, display: 'flex' }}>
                {(['A', 'B', 'C'] as const).map((g) => (
                  <div key={g} style={{ flex: 1 }}>
                    {num(['settings', 'gradeWeights', g], t('tenant.grade', { grade: g }), '', {
                      min: 0,
                      max: 10,
                      step: 0.1,
                      precision: 2,
                    })}
                  </div>
                ))}
              </Space.Compact>
            </Card>
            <Card size="small" title={t('tenant.followUps')} loading={tenant.isLoading} style={{ marginTop: 16 }}>
              {num(['settings', 'minNotesLength'], t('tenant.minNotesLength'), t('tenant.minNotesLengthHint'), {
                min: 0,
                max: 200,
                suffix: t('tenant.chars'),
              })}
              {num(
                ['settings', 'effectiveVisitMinutes'],
                t('tenant.effectiveVisitMinutes'),
                t('tenant.effectiveVisitMinutesHint'),
                { min: 0, max: 600, suffix: t('tenant.minutes') },
              )}
            </Card>
            <Card size="small" title={t('tenant.pace')} loading={tenant.isLoading} style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">{t('tenant.paceHint')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col span={12}>
                  {num(['settings', 'pace', 'green'], t('tenant.paceGreen'), '', { min: 1, max: 500, suffix: '%' })}
                </Col>
                <Col span={12}>
                  {num(['settings', 'pace', 'yellow'], t('tenant.paceYellow'), '', { min: 1, max: 500, suffix: '%' })}
                </Col>
              </Row>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
