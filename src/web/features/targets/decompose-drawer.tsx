import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type DecomposeResult, useDecompose } from '../../api/targets.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';
import { refusalText } from '../../ui/refusals.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { fromInputValue, inputSuffix, toInputValue } from '../metrics/metric-input.ts';
import type { TargetRow } from './target-tree.ts';

type Method = 'equal' | 'headcount' | 'last_year' | 'manual';
type ChildValues = { isLocked?: boolean; lock?: number; pct?: number };
type Values = { method: Method; reason?: string; children: Record<string, ChildValues> };

/** 分解: a unit's target split among its children, previewed before it is applied. */
export function DecomposeDrawer({
  row,
  metricId,
  unit,
  period,
  lockedValues,
  onClose,
}: {
  row: TargetRow | null;
  metricId: string;
  unit: string;
  period: string;
  /** Children whose current target is locked, by child id: they start locked at that value. */
  lockedValues: ReadonlyMap<string, number>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form) ?? 'equal';
  const decompose = useDecompose();
  const [preview, setPreview] = useState<DecomposeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const children = row?.children ?? [];

  // biome-ignore lint/correctness/useExhaustiveDependencies: set once per opened unit, not on every refetch
  useEffect(() => {
    if (!row) return;
    form.resetFields();
    const locked: Record<string, ChildValues> = {};
    for (const c of row.children ?? []) {
      const value = lockedValues.get(c.id);
      if (value !== undefined) locked[c.id] = { isLocked: true, lock: toInputValue(value, unit) };
    }
    form.setFieldsValue({ children: locked });
    setPreview(null);
    setError(null);
  }, [row, form]);

  // Refusals carry their numbers (locked, whole) in params: shown in the metric's own format.
  const reasonText = (e: unknown) => {
    const issue = e instanceof ApiError ? e.problem.errors?.[0] : undefined;
    const text = issue && refusalText(issue, locale, t, (n) => formatMetric(n, unit, locale));
    return text ?? problemText(e, locale, t);
  };

  const run = async (apply: boolean) => {
    if (!row) return;
    setError(null);
    const values = form.getFieldsValue(true) as Values;
    const locks: Record<string, number> = {};
    const manualPct: Record<string, number> = {};
    for (const c of children) {
      const v = values.children?.[c.id];
      if (v?.isLocked && v.lock !== undefined && v.lock !== null) locks[c.id] = fromInputValue(v.lock, unit) ?? 0;
      if (values.method === 'manual') manualPct[c.id] = v?.pct ?? 0;
    }
    try {
      const result = await decompose.mutateAsync({
        metricId,
        unitId: row.id,
        periodKey: period,
        method: values.method,
        ...(Object.keys(locks).length ? { locks } : {}),
        ...(values.method === 'manual' ? { manualPct } : {}),
        apply,
        ...(apply && values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      setPreview(result);
      if (apply) onClose();
    } catch (e) {
      setPreview(null);
      setError(reasonText(e));
    }
  };

  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      size={Math.min(720, window.innerWidth)}
      title={t('targets.decomposeTitle', { name: row?.name ?? '' })}
      data-testid="decompose-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ method: 'equal', children: {} }}
        onValuesChange={() => setPreview(null)}
      >
        <Form.Item name="method" label={t('targets.method')}>
          <Radio.Group
            optionType="button"
            data-testid="decompose-method"
            options={(['equal', 'headcount', 'last_year', 'manual'] as const).map((m) => ({
              value: m,
              label: t(`targets.methods.${m}`),
            }))}
          />
        </Form.Item>
        <Table<TargetRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={children}
          columns={[
            { key: 'name', title: t('targets.child'), dataIndex: 'name' },
            ...(method === 'manual'
              ? [
                  {
                    key: 'pct',
                    title: t('targets.pct'),
                    render: (_v: unknown, c: TargetRow) => (
                      <Form.Item name={['children', c.id, 'pct']} noStyle>
                        <InputNumber min={0} max={100} suffix="%" style={{ width: 100 }} />
                      </Form.Item>
                    ),
                  },
                ]
              : []),
            {
              key: 'lock',
              title: t('targets.lockAt'),
              render: (_v, c) => (
                <Space>
                  <Form.Item name={['children', c.id, 'isLocked']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={t('targets.lock')} data-testid={`lock-${c.id}`} />
                  </Form.Item>
                  <Form.Item name={['children', c.id, 'lock']} noStyle>
                    <InputNumber style={{ width: 140 }} suffix={inputSuffix(unit)} data-testid={`lockvalue-${c.id}`} />
                  </Form.Item>
                </Space>
              ),
            },
            {
              key: 'preview',
              title: t('targets.previewValue'),
              align: 'right',
              render: (_v, c) => {
                const part = preview?.parts.find((p) => p.subject.id === c.id);
                return part ? (
                  <Space size={4}>
                    {part.isLocked && <Tag>{t('targets.locked')}</Tag>}
                    {part.proration && !part.proration.isWholePeriod && (
                      <Tag color="orange" data-testid={`prorated-${c.id}`}>
                        {t('tgt.prorated', { days: part.proration.memberDays, of: part.proration.periodDays })}
                      </Tag>
                    )}
                    {part.proration && part.proration.absorbed > 0 && (
                      <Tag color="blue">
                        {t('tgt.absorbed', { amount: formatMetric(part.proration.absorbed, unit, locale) })}
                      </Tag>
                    )}
                    <span data-testid={`part-${c.id}`}>{formatMetric(part.value, unit, locale)}</span>
                  </Space>
                ) : (
                  '—'
                );
              },
            },
          ]}
        />
        {preview && (
          <Typography.Paragraph style={{ marginTop: 8 }} data-testid="decompose-sum">
            {t('targets.partsSum', {
              whole: formatMetric(preview.whole, unit, locale),
              sum: formatMetric(
                preview.parts.reduce((s, p) => s + p.value, 0),
                unit,
                locale,
              ),
            })}
            {preview.unallocated
              ? ` ${t('tgt.unallocated', { amount: formatMetric(preview.unallocated, unit, locale) })}`
              : ''}
          </Typography.Paragraph>
        )}
        {error && (
          <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} data-testid="decompose-error" />
        )}
        <Form.Item name="reason" label={t('targets.reason')} style={{ marginTop: 12 }}>
          <Input maxLength={500} />
        </Form.Item>
        <Space>
          <Button onClick={() => run(false)} loading={decompose.isPending && !preview} data-testid="decompose-preview">
            {t('customMetrics.preview')}
          </Button>
          <Button type="primary" disabled={!preview} onClick={() => run(true)} data-testid="decompose-apply">
            {t('targets.apply')}
          </Button>
        </Space>
      </Form>
    </Drawer>
  );
}
