import { Alert, App, Descriptions, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRaiseDispute } from '../../api/disputes.ts';
import { useLocale } from '../../ui/locale.ts';
import { applyProblemToForm } from '../../ui/problem.ts';

export type DisputeAspect = 'actual' | 'target' | 'score' | 'total';

/** The number a person contests, as the scorecard showed it. */
export type DisputedNumber = {
  metricId: string;
  metricName: string;
  periodKey: string;
  /** What each aspect read on the screen ('—' when there was none). */
  shown: Record<DisputeAspect, string>;
  aspect: DisputeAspect;
};

type Values = { aspect: DisputeAspect; recordRefs?: string; description: string };

const ASPECTS: readonly DisputeAspect[] = ['actual', 'target', 'score', 'total'];

/** 申诉: from a scorecard row, name the number, the records behind it and why it is wrong. */
export function RaiseDisputeModal({ number, onClose }: { number: DisputedNumber | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const raise = useRaiseDispute();
  const navigate = useNavigate();
  const [messages, setMessages] = useState<string[]>([]);

  // The form is built afresh on each open (destroyOnHidden), starting at the number clicked.
  useEffect(() => {
    if (number) setMessages([]);
  }, [number]);

  const submit = async () => {
    if (!number) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setMessages([]);
    try {
      await raise.mutateAsync({
        metricId: number.metricId,
        periodKey: number.periodKey,
        aspect: values.aspect,
        shownValue: number.shown[values.aspect],
        recordRefs: values.recordRefs?.trim() || null,
        description: values.description,
      });
      message.success(
        <span data-testid="dispute-raised">
          {t('disp.disputes.raised')}{' '}
          {/* The message renders outside the router: navigate through this screen's own hook. */}
          <Typography.Link onClick={() => navigate('/disputes')}>{t('disp.disputes.seeStatus')}</Typography.Link>
        </span>,
      );
      onClose();
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };

  return (
    <Modal
      open={!!number}
      title={t('disp.disputes.raiseTitle', { metric: number?.metricName ?? '' })}
      okText={t('disp.disputes.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={raise.isPending}
      okButtonProps={{ 'data-testid': 'dispute-submit' } as Record<string, string>}
      destroyOnHidden
      width={560}
    >
      {number && (
        <Form form={form} layout="vertical" initialValues={{ aspect: number.aspect }} data-testid="dispute-form">
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('disp.disputes.metric')}>{number.metricName}</Descriptions.Item>
            <Descriptions.Item label={t('disp.disputes.period')}>{number.periodKey}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="aspect" label={t('disp.disputes.which')} rules={[{ required: true }]}>
            <Radio.Group data-testid="dispute-aspect">
              <Space orientation="vertical">
                {ASPECTS.map((a) => (
                  <Radio key={a} value={a}>
                    {t(`disp.disputes.aspects.${a}`)}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {number.shown[a]}
                    </Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="recordRefs" label={t('disp.disputes.records')} extra={t('disp.disputes.recordsHelp')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="dispute-records" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('disp.disputes.why')}
            rules={[{ required: true, whitespace: true, message: t('issue.required') }]}
          >
            <Input.TextArea rows={3} maxLength={5000} showCount data-testid="dispute-why" />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('disp.disputes.ownerHelp')}
          </Typography.Paragraph>
        </Form>
      )}
      {messages.length > 0 && <Alert type="error" showIcon title={messages.join('; ')} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
