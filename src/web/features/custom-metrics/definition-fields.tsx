import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomSource } from '../../api/custom-metrics.ts';
import { useLocale } from '../../ui/locale.ts';

const AGGREGATES = ['count', 'distinct_count', 'sum', 'mean', 'min', 'max'] as const;
const OPS = ['=', '!=', '>', '>=', '<', '<=', 'in'] as const;

/** Source, aggregate, field, filters, date field and credit rule of an aggregate definition. */
export function AggregateFields({ sources }: { sources: readonly CustomSource[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const form = Form.useFormInstance();
  const sourceName = Form.useWatch(['definition', 'source'], form) as string | undefined;
  const aggregate = Form.useWatch(['definition', 'aggregate'], form) as string | undefined;
  const source = sources.find((s) => s.name === sourceName);
  const fieldOptions = (source?.fields ?? []).map((f) => ({ value: f.name, label: pick(f.label) }));
  const needsField = aggregate !== undefined && aggregate !== 'count';
  return (
    <>
      <Form.Item
        name={['definition', 'source']}
        label={t('customMetrics.source')}
        rules={[{ required: true, message: t('issue.required') }]}
      >
        <Select
          data-testid="cm-source"
          options={sources.map((s) => ({ value: s.name, label: pick(s.label) }))}
          onChange={() =>
            form.setFieldsValue({
              definition: { field: undefined, filters: [], dateField: undefined, credit: undefined },
            })
          }
        />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item
          name={['definition', 'aggregate']}
          label={t('customMetrics.aggregate')}
          rules={[{ required: true, message: t('issue.required') }]}
        >
          <Select
            style={{ width: 170 }}
            options={AGGREGATES.map((a) => ({ value: a, label: t(`customMetrics.aggregates.${a}`) }))}
          />
        </Form.Item>
        <Form.Item
          name={['definition', 'field']}
          label={t('customMetrics.field')}
          rules={[{ required: needsField, message: t('issue.required') }]}
        >
          <Select style={{ width: 200 }} allowClear disabled={!needsField} options={fieldOptions} />
        </Form.Item>
        <Form.Item
          name={['definition', 'dateField']}
          label={t('customMetrics.dateField')}
          rules={[{ required: true, message: t('issue.required') }]}
        >
          <Select
            style={{ width: 170 }}
            options={(source?.dateFields ?? []).map((f) => ({ value: f.name, label: pick(f.label) }))}
          />
        </Form.Item>
        <Form.Item
          name={['definition', 'credit']}
          label={t('customMetrics.credit')}
          rules={[{ required: true, message: t('issue.required') }]}
        >
          <Select
            style={{ width: 170 }}
            options={(source?.credits ?? []).map((c) => ({ value: c, label: t(`customMetrics.credits.${c}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('customMetrics.filters')}>
        <Form.List name={['definition', 'filters']}>
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <FilterRow key={row.key} name={row.name} source={source} onRemove={() => remove(row.name)} />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ op: '=' })} disabled={!source}>
                {t('customMetrics.addFilter')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

function FilterRow({ name, source, onRemove }: { name: number; source?: CustomSource; onRemove: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const form = Form.useFormInstance();
  const fieldName = Form.useWatch(['definition', 'filters', name, 'field'], form) as string | undefined;
  const op = Form.useWatch(['definition', 'filters', name, 'op'], form) as string | undefined;
  const field = source?.fields.find((f) => f.name === fieldName);
  return (
    <div>
      <Space align="start" wrap>
        <Form.Item name={[name, 'field']} rules={[{ required: true, message: t('issue.required') }]}>
          <Select
            style={{ width: 170 }}
            placeholder={t('customMetrics.field')}
            options={(source?.fields ?? []).map((f) => ({ value: f.name, label: pick(f.label) }))}
          />
        </Form.Item>
        <Form.Item name={[name, 'op']}>
          <Select style={{ width: 80 }} options={OPS.map((o) => ({ value: o, label: o }))} />
        </Form.Item>
        <Form.Item name={[name, 'value']} rules={[{ required: true, message: t('issue.required') }]}>
          {field?.values ? (
            <Select
              style={{ width: 200 }}
              mode={op === 'in' ? 'multiple' : undefined}
              options={field.values.map((v) => ({ value: v, label: v }))}
            />
          ) : (
            <Input
              style={{ width: 200 }}
              placeholder={field?.type === 'money' ? t('customMetrics.moneyHint') : undefined}
              suffix={field?.type === 'money' ? '¥' : undefined}
            />
          )}
        </Form.Item>
        <Button type="text" icon={<MinusCircleOutlined />} onClick={onRemove} aria-label={t('common.remove')} />
      </Space>
    </div>
  );
}
