import { LockOutlined, RedoOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PeriodAction, usePeriodAction, usePeriodStatus } from '../../api/scoring.ts';
import { useMe } from '../../api/session.ts';
import { applyProblemAtPaths } from '../../ui/field-path.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { PeriodPicker } from '../scorecards/period-picker.tsx';

const STATUS_COLOR = { open: 'default', closed: 'geekblue', reopened: 'orange' } as const;

/** Admin › 结算: close a period (freezes its results); reopen or recalculate it with a reason. */
export function PeriodClosePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const me = useMe().data;
  const [period, setPeriod] = useState(dayjs(me?.today).subtract(1, 'month').format('YYYY-MM'));
  const status = usePeriodStatus(period);
  const act = usePeriodAction();
  const [reasonFor, setReasonFor] = useState<Exclude<PeriodAction, 'close'> | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  const isClosed = s?.status === 'closed';

  const done = (action: PeriodAction, scorecards?: number) =>
    message.success(t(`periods.done.${action}`, { period, n: scorecards ?? 0 }));

  const onClose = () =>
    modal.confirm({
      title: t('periods.closeConfirm', { period }),
      content: t('periods.closeHelp'),
      okText: t('periods.close'),
      onOk: async () => {
        setError(null);
        try {
          const result = await act.mutateAsync({ key: period, action: 'close' });
          done('close', result.scorecards);
        } catch (e) {
          setError(problemText(e, locale, t));
        }
      },
    });

  const onReason = async (values: { reason: string }) => {
    if (!reasonFor) return;
    try {
      const result = await act.mutateAsync({ key: period, action: reasonFor, reason: values.reason.trim() });
      done(reasonFor, result.scorecards);
      setReasonFor(null);
      form.resetFields();
    } catch (e) {
      const rest = applyProblemAtPaths(form, e, locale, t);
      if (rest.length) form.setFields([{ name: 'reason', errors: rest }]);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.periodClose')}
        extra={<PeriodPicker value={period} onChange={setPeriod} kinds={['month', 'quarter', 'year']} />}
      />
      {(status.isError || error) && (
        <Alert
          type="error"
          showIcon
          title={error ?? problemText(status.error, locale, t)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card size="small" loading={status.isLoading} title={t('periods.statusOf', { period })} data-testid="period-card">
        {s && (
          <>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('periods.status')}>
                <Tag color={STATUS_COLOR[s.status]} data-testid="period-status" data-status={s.status}>
                  {t(`periods.statuses.${s.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('periods.revision')}>{s.revision}</Descriptions.Item>
              <Descriptions.Item label={t('periods.at')}>
                {s.at ? formatDateTime(s.at, locale, me?.timeZone ?? 'Asia/Shanghai') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('periods.reason')}>{s.reason ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary">{t('periods.help')}</Typography.Paragraph>
            <Space wrap>
              <Button
                type="primary"
                icon={<LockOutlined />}
                disabled={isClosed}
                onClick={onClose}
                data-testid="period-close"
              >
                {t('periods.close')}
              </Button>
              <Button
                icon={<UnlockOutlined />}
                disabled={!isClosed}
                onClick={() => setReasonFor('reopen')}
                data-testid="period-reopen"
              >
                {t('periods.reopen')}
              </Button>
              <Button
                icon={<RedoOutlined />}
                disabled={!isClosed}
                onClick={() => setReasonFor('recalculate')}
                data-testid="period-recalculate"
              >
                {t('periods.recalculate')}
              </Button>
            </Space>
          </>
        )}
      </Card>
      <Modal
        open={!!reasonFor}
        title={reasonFor ? t(`periods.${reasonFor}Title`, { period }) : ''}
        okText={reasonFor ? t(`periods.${reasonFor}`) : ''}
        confirmLoading={act.isPending}
        onCancel={() => setReasonFor(null)}
        onOk={() => form.submit()}
        destroyOnHidden={false}
      >
        <Form form={form} layout="vertical" onFinish={onReason}>
          <Form.Item
            name="reason"
            label={t('periods.reason')}
            rules={[{ required: true, whitespace: true, message: t('periods.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="period-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
