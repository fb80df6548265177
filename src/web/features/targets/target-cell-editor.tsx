import { Button, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Target, useSetTargets } from '../../api/targets.ts';
import { applyProblemAtPaths } from '../../ui/field-path.ts';
import { useLocale } from '../../ui/locale.ts';
import { fromInputValue, inputSuffix, toInputValue } from '../metrics/metric-input.ts';

type Values = { value?: number; isLocked: boolean; reason?: string };

/** A target edited in its row: value, lock and why; the server's reasons show beside the inputs. */
export function TargetCellEditor({
  metricId,
  unit,
  subject,
  period,
  current,
  onDone,
}: {
  metricId: string;
  unit: string;
  subject: string;
  period: string;
  current: Target | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const save = useSetTargets();
  const [rest, setRest] = useState<string[]>([]);
  const onSave = async (values: Values) => {
    setRest([]);
    try {
      await save.mutateAsync([
        {
          metricId,
          subject,
          periodKey: period,
          value: fromInputValue(values.value, unit) ?? 0,
          isLocked: values.isLocked,
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        },
      ]);
      onDone();
    } catch (error) {
      // 'targets[0].value' or 'value': the one row being edited.
      setRest(
        applyProblemAtPaths(form, error, locale, t, {
          mapPath: (p) => (p[0] === 'targets' ? p.slice(2) : p),
        }),
      );
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      size="small"
      onFinish={onSave}
      initialValues={{ value: toInputValue(current?.value, unit), isLocked: current?.isLocked ?? false }}
      data-testid="target-editor"
    >
      <Space align="start" wrap>
        <Form.Item name="value" rules={[{ required: true, message: t('issue.required') }]}>
          <InputNumber autoFocus style={{ width: 140 }} suffix={inputSuffix(unit)} data-testid="target-value" />
        </Form.Item>
        <Form.Item name="isLocked" valuePropName="checked">
          <Checkbox>{t('targets.lock')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="reason"
          help={rest.length ? rest.join('; ') : undefined}
          validateStatus={rest.length ? 'error' : undefined}
        >
          <Input style={{ width: 160 }} placeholder={t('targets.reason')} data-testid="target-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="target-save">
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
