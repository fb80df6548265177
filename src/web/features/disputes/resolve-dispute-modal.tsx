import { Alert, App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dispute, useDecideDispute } from '../../api/disputes.ts';
import { useLocale } from '../../ui/locale.ts';
import { applyProblemToForm } from '../../ui/problem.ts';

type Values = { status: 'accepted' | 'rejected'; outcome: string };

/** 处理申诉: the owner accepts or rejects, and writes down the outcome the raiser will read. */
export function ResolveDisputeModal({
  dispute,
  describe,
  onClose,
}: {
  dispute: Dispute | null;
  /** The dispute's number in words (metric, period, which number and its value). */
  describe: (d: Dispute) => { metric: string; raiser: string; number: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decide = useDecideDispute();
  const [messages, setMessages] = useState<string[]>([]);
  const words = dispute ? describe(dispute) : null;

  const submit = async () => {
    if (!dispute) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setMessages([]);
    try {
      await decide.mutateAsync({ id: dispute.id, status: values.status, outcome: values.outcome.trim() });
      message.success(t('disp.disputes.decided'));
      onClose();
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };

  return (
    <Modal
      open={!!dispute}
      title={t('disp.disputes.resolveTitle')}
      okText={t('disp.disputes.record')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={() => {
        setMessages([]);
        onClose();
      }}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'resolve-submit' } as Record<string, string>}
      destroyOnHidden
      width={560}
    >
      {dispute && words && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('disp.disputes.raisedBy')}>{words.raiser}</Descriptions.Item>
            <Descriptions.Item label={t('disp.disputes.metric')}>{words.metric}</Descriptions.Item>
            <Descriptions.Item label={t('disp.disputes.number')}>{words.number}</Descriptions.Item>
            <Descriptions.Item label={t('disp.disputes.why')}>{dispute.description}</Descriptions.Item>
            {dispute.recordRefs && (
              <Descriptions.Item label={t('disp.disputes.records')}>{dispute.recordRefs}</Descriptions.Item>
            )}
          </Descriptions>
          <Form form={form} layout="vertical" data-testid="resolve-form">
            <Form.Item
              name="status"
              label={t('disp.disputes.decision')}
              rules={[{ required: true, message: t('disp.disputes.pickDecision') }]}
            >
              <Radio.Group data-testid="resolve-status">
                <Radio value="accepted">{t('disp.disputes.status.accepted')}</Radio>
                <Radio value="rejected">{t('disp.disputes.status.rejected')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="outcome"
              label={t('disp.disputes.outcome')}
              extra={t('disp.disputes.outcomeHelp')}
              rules={[{ required: true, whitespace: true, message: t('issue.required') }]}
            >
              <Input.TextArea rows={3} maxLength={5000} showCount data-testid="resolve-outcome" />
            </Form.Item>
          </Form>
        </>
      )}
      {messages.length > 0 && <Alert type="error" showIcon title={messages.join('; ')} />}
    </Modal>
  );
}
