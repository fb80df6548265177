import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumOptions, fieldLabel } from '../../api/kinds.ts';
import { useSaveRecord } from '../../api/records.ts';
import { useLocale } from '../../ui/locale.ts';
import { applyProblemToForm } from '../../ui/problem.ts';
import { RefSelect } from '../../ui/ref-select.tsx';

type Values = { type: string; customerId?: string; occurredAt: dayjs.Dayjs; durationMin?: number; notes?: string };

/** Log a follow-up in a few taps: big type buttons, the customer, how long, what happened. */
export function LogActivityForm({ customerId }: { customerId?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveRecord('activities');
  const [messages, setMessages] = useState<string[]>([]);
  const label = (f: string) => fieldLabel('activities', f, locale);
  const submit = async (v: Values) => {
    setMessages([]);
    try {
      await save.mutateAsync({
        values: {
          type: v.type as 'call',
          customerId: v.customerId ?? null,
          occurredAt: v.occurredAt.toISOString(),
          durationMin: v.durationMin ?? null,
          notes: v.notes ?? '',
        },
      });
      message.success(t('activities.saved'));
      form.resetFields(['notes', 'durationMin']);
      form.setFieldValue('occurredAt', dayjs());
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ type: 'visit', customerId, occurredAt: dayjs(), durationMin: 30 }}
      data-testid="log-activity-form"
    >
      {messages.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={messages.join('\n')} />
      )}
      <Form.Item
        name="type"
        label={label('type')}
        rules={[{ required: true, message: t('form.required', { field: label('type') }) }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={enumOptions('activities', 'type', locale)}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
        />
      </Form.Item>
      {!customerId && (
        <Form.Item name="customerId" label={label('customerId')}>
          <RefSelect refKind="customers" placeholder={t('activities.pickCustomer')} aria-label={label('customerId')} />
        </Form.Item>
      )}
      <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 160px' } }}>
        <Form.Item
          name="occurredAt"
          label={label('occurredAt')}
          rules={[{ required: true, message: t('form.required', { field: label('occurredAt') }) }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item name="durationMin" label={label('durationMin')}>
          <InputNumber min={0} max={1440} step={15} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
      </Space>
      <Form.Item name="notes" label={label('notes')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={5000}
          placeholder={t('activities.notesPlaceholder')}
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={save.isPending}
        data-testid="log-activity-submit"
      >
        {t('activities.log')}
      </Button>
    </Form>
  );
}
