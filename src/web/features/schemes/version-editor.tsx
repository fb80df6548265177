import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Divider, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Scheme, type SchemeVersion, usePublishVersion, useSaveDraft } from '../../api/scoring.ts';
import { applyProblemAtPaths } from '../../ui/field-path.ts';
import { useLocale } from '../../ui/locale.ts';
import { GateRow, ItemRow, type MetricOption } from './item-rows.tsx';
import { toBody, toForm, type VersionForm, weightTotal } from './version-form.ts';

/** One version of a scheme: editable while a draft (running weight total, errors per field), then published. */
export function VersionEditor({
  scheme,
  version,
  metrics,
}: {
  scheme: Scheme;
  version: SchemeVersion;
  metrics: readonly MetricOption[];
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<VersionForm>();
  const save = useSaveDraft();
  const publish = usePublishVersion();
  const [errors, setErrors] = useState<string[]>([]);
  const isDraft = version.status === 'draft';
  const unitOf = (id: string) => metrics.find((m) => m.value === id)?.unit ?? 'count';
  const items = Form.useWatch('items', form);
  const total = weightTotal(items);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when another version is shown or it was saved
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(version, unitOf));
    setErrors([]);
  }, [version, form]);

  const onSave = async () => {
    setErrors([]);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const all = form.getFieldsValue(true) as VersionForm;
    const sum = weightTotal(all.items);
    if (sum !== 100) {
      setErrors([t('schemes.weightsOff', { sum })]);
      return;
    }
    try {
      await save.mutateAsync({ schemeId: scheme.id, versionId: version.id, body: toBody(all, unitOf) });
      message.success(t('schemes.saved'));
    } catch (error) {
      setErrors(applyProblemAtPaths(form, error, locale, t));
    }
  };

  const onPublish = () =>
    modal.confirm({
      title: t('schemes.publishConfirm', { n: version.version }),
      content: t('schemes.publishHelp'),
      okText: t('schemes.publish'),
      onOk: async () => {
        try {
          await publish.mutateAsync({ schemeId: scheme.id, versionId: version.id });
          message.success(t('schemes.published'));
        } catch (error) {
          setErrors(applyProblemAtPaths(form, error, locale, t));
        }
      },
    });

  return (
    <Card
      size="small"
      data-testid="version-editor"
      title={
        <Space>
          <span>{t('schemes.versionN', { n: version.version })}</span>
          <Tag color={isDraft ? 'orange' : 'green'}>{t(`schemes.status.${version.status}`)}</Tag>
        </Space>
      }
      extra={
        isDraft && (
          <Space>
            <Button onClick={onSave} loading={save.isPending} data-testid="draft-save">
              {t('common.save')}
            </Button>
            <Button type="primary" onClick={onPublish} data-testid="draft-publish">
              {t('schemes.publish')}
            </Button>
          </Space>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={!isDraft} size="small">
        <Form.Item name="effectiveFrom" label={t('schemes.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('schemes.items')}
        </Divider>
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <ItemRow
                  key={row.key}
                  name={row.name}
                  metrics={metrics}
                  isDisabled={!isDraft}
                  onRemove={() => remove(row.name)}
                />
              ))}
              <Space style={{ marginTop: 8 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ role: 'primary', mode: 'linear', weight: 0 })}>
                  {t('schemes.addItem')}
                </Button>
                <Typography.Text strong type={total === 100 ? 'success' : 'danger'} data-testid="weight-total">
                  {t('schemes.weightTotal', { sum: total })}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {t('schemes.gates')}
        </Divider>
        <Form.List name="gates">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <GateRow
                  key={row.key}
                  name={row.name}
                  metrics={metrics}
                  isDisabled={!isDraft}
                  onRemove={() => remove(row.name)}
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ op: '<', factor: 0.8, appliesTo: 'result' })}>
                {t('schemes.addGate')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {t('schemes.bands')}
        </Divider>
        <Form.List name="ratingBands">
          {(rows, { add, remove }) => (
            <Space wrap align="start">
              {rows.map((row) => (
                <Space.Compact key={row.key}>
                  <Form.Item name={[row.name, 'rating']} rules={[{ required: true, message: t('issue.required') }]}>
                    <Input style={{ width: 50 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'min']}>
                    <InputNumber prefix="≥" placeholder="—" style={{ width: 90 }} />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ rating: '', min: null })} />
            </Space>
          )}
        </Form.List>
      </Form>
      {errors.length > 0 && (
        <Alert type="error" showIcon title={errors.join('; ')} style={{ marginTop: 12 }} data-testid="draft-errors" />
      )}
    </Card>
  );
}
