import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inputSuffix } from '../metrics/metric-input.ts';

export type MetricOption = { value: string; label: string; unit: string };

const APPLIES = ['all', 'result', 'process', 'collaboration', 'data'] as const;
const GATE_OPS = ['<', '<=', '>', '>='] as const;

/** One scheme item: metric, weight, primary/auxiliary, and linear floor/cap or steps. */
export function ItemRow({
  name,
  metrics,
  isDisabled,
  onRemove,
}: {
  name: number;
  metrics: readonly MetricOption[];
  isDisabled: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const mode = Form.useWatch(['items', name, 'mode'], form) as string | undefined;
  const required = [{ required: true, message: t('issue.required') }];
  return (
    <div data-testid={`scheme-item-${name}`} style={{ borderBottom: '1px dashed #f0f0f0', paddingTop: 8 }}>
      <Space align="start" wrap>
        <Form.Item name={[name, 'metricId']} rules={required} label={t('metrics.metric')}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 200 }} options={[...metrics]} />
        </Form.Item>
        <Form.Item name={[name, 'weight']} rules={required} label={t('scorecard.weight')}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} data-testid={`weight-${name}`} />
        </Form.Item>
        <Form.Item name={[name, 'role']} label={t('schemes.role')}>
          <Select
            style={{ width: 100 }}
            options={[
              { value: 'primary', label: t('schemes.roles.primary') },
              { value: 'auxiliary', label: t('schemes.roles.auxiliary') },
            ]}
          />
        </Form.Item>
        <Form.Item name={[name, 'mode']} label={t('schemes.mode')}>
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'linear', label: t('schemes.modes.linear') },
              { value: 'steps', label: t('schemes.modes.steps') },
            ]}
          />
        </Form.Item>
        {mode !== 'steps' ? (
          <>
            <Form.Item name={[name, 'floor']} label={t('schemes.floor')}>
              <InputNumber min={0} suffix="%" placeholder="0" style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name={[name, 'cap']} label={t('schemes.cap')}>
              <InputNumber min={0} suffix="%" placeholder="120" style={{ width: 100 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('schemes.steps')}>
            <Form.List name={[name, 'steps']}>
              {(steps, { add, remove }) => (
                <>
                  {steps.map((s) => (
                    <Space key={s.key} align="start">
                      <Form.Item name={[s.name, 'threshold']} rules={required}>
                        <InputNumber suffix="%" placeholder={t('schemes.threshold')} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[s.name, 'score']} rules={required}>
                        <InputNumber placeholder={t('scorecard.score')} style={{ width: 90 }} />
                      </Form.Item>
                      <Button
                        type="text"
                        disabled={isDisabled}
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(s.name)}
                      />
                    </Space>
                  ))}
                  <Button size="small" disabled={isDisabled} icon={<PlusOutlined />} onClick={() => add({})}>
                    {t('schemes.addStep')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
        )}
        <Form.Item label=" ">
          <Button
            type="text"
            disabled={isDisabled}
            icon={<MinusCircleOutlined />}
            onClick={onRemove}
            aria-label={t('common.remove')}
          />
        </Form.Item>
      </Space>
    </div>
  );
}

/** A gate: when a metric's actual meets the condition, the scores of a category are multiplied. */
export function GateRow({
  name,
  metrics,
  isDisabled,
  onRemove,
}: {
  name: number;
  metrics: readonly MetricOption[];
  isDisabled: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const metricId = Form.useWatch(['gates', name, 'metricId'], form) as string | undefined;
  const unit = metrics.find((m) => m.value === metricId)?.unit;
  const required = [{ required: true, message: t('issue.required') }];
  return (
    <Space align="start" wrap>
      <Form.Item name={[name, 'metricId']} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          placeholder={t('metrics.metric')}
          options={[...metrics]}
        />
      </Form.Item>
      <Form.Item name={[name, 'op']} rules={required}>
        <Select style={{ width: 70 }} options={GATE_OPS.map((o) => ({ value: o, label: o }))} />
      </Form.Item>
      <Form.Item name={[name, 'value']} rules={required}>
        <InputNumber style={{ width: 120 }} suffix={inputSuffix(unit)} />
      </Form.Item>
      <Typography.Text style={{ lineHeight: '24px' }}>{t('schemes.then')}</Typography.Text>
      <Form.Item name={[name, 'appliesTo']} rules={required}>
        <Select
          style={{ width: 130 }}
          options={APPLIES.map((a) => ({
            value: a,
            label: a === 'all' ? t('schemes.allItems') : t(`metrics.categories.${a}`),
          }))}
        />
      </Form.Item>
      <Typography.Text style={{ lineHeight: '24px' }}>×</Typography.Text>
      <Form.Item name={[name, 'factor']} rules={required}>
        <InputNumber min={0} step={0.1} style={{ width: 90 }} />
      </Form.Item>
      <Button
        type="text"
        disabled={isDisabled}
        icon={<MinusCircleOutlined />}
        onClick={onRemove}
        aria-label={t('common.remove')}
      />
    </Space>
  );
}
