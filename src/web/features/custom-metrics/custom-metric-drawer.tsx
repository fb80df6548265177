import { Alert, Button, Card, DatePicker, Drawer, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem } from '../../api/client.ts';
import {
  type CustomMetric,
  type CustomSource,
  usePreviewCustomMetric,
  useSaveCustomMetric,
} from '../../api/custom-metrics.ts';
import { useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { applyProblemAtPaths } from '../../ui/field-path.ts';
import { useLocale } from '../../ui/locale.ts';
import { usePeople } from '../../ui/people.ts';
import { caretLine, type RefusalIssue, refusalText } from '../../ui/refusals.ts';
import { type CustomMetricForm, EMPTY_FORM, fromMetric, toInput } from './custom-metric-form.ts';
import { AggregateFields } from './definition-fields.tsx';
import { PreviewTable, type SubjectLabel } from './preview-table.tsx';

const CATEGORIES = ['result', 'process', 'collaboration', 'data'] as const;
const UNITS = ['count', 'cny', 'ratio', 'score'] as const;

/** The formula error in the UI language, from its code and params. */
function FormulaError({ issue }: { issue: FieldProblem }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return <div data-testid="formula-error">{refusalText(issue as RefusalIssue, locale, t) ?? issue.reason}</div>;
}

/** The formula with a caret under the spot the error names (below the message, not animated with it). */
function FormulaCaret({ issue, formula }: { issue: FieldProblem; formula: string }) {
  const raw = (issue.params as Record<string, unknown> | undefined)?.position;
  if (typeof raw !== 'number' || formula.includes('\n')) return null;
  return (
    <pre
      data-testid="formula-caret"
      style={{
        margin: '4px 0 0',
        fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
        fontSize: 13,
        color: '#cf1322',
      }}
    >
      {`${formula}\n${caretLine(formula, raw)}`}
    </pre>
  );
}

export function CustomMetricDrawer({
  open,
  metric,
  sources,
  onClose,
}: {
  open: boolean;
  metric: CustomMetric | null;
  sources: readonly CustomSource[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe().data;
  const [form] = Form.useForm<CustomMetricForm>();
  const kind = Form.useWatch(['definition', 'kind'], form) ?? 'formula';
  const unit = Form.useWatch('unit', form) ?? 'count';
  const [period, setPeriod] = useState((me?.today ?? dayjs().format('YYYY-MM-DD')).slice(0, 7));
  const [formulaError, setFormulaError] = useState<FieldProblem | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const save = useSaveCustomMetric();
  const preview = usePreviewCustomMetric();
  const units = useRecordPage('org-units', { limit: 200 }, { enabled: open });
  const { people } = usePeople();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(metric ? fromMetric(metric, sources) : EMPTY_FORM);
    setFormulaError(null);
    setMessages([]);
    preview.reset();
  }, [open, metric, form, sources, preview.reset]);

  const subjects: SubjectLabel[] = [
    { key: 'tenant', label: t('metrics.company'), kind: 'tenant' },
    ...(units.data?.items ?? []).map((u) => ({ key: `unit:${u.id}`, label: u.name ?? u.id, kind: 'unit' as const })),
    ...people
      .filter((p) => !p.leftOn)
      .map((p) => ({ key: `person:${p.id}`, label: p.name ?? p.id, kind: 'person' as const })),
  ];

  const showError = (error: unknown) => {
    const issues = error instanceof ApiError ? ((error.problem.errors ?? []) as FieldProblem[]) : [];
    const formula = issues.find((i) => i.field === 'definition.formula');
    setFormulaError(formula ?? null);
    setMessages(applyProblemAtPaths(form, error, locale, t, { skip: (f) => f === 'definition.formula' }));
  };

  const run = async (action: 'preview' | 'save') => {
    setMessages([]);
    setFormulaError(null);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const input = toInput({ ...form.getFieldsValue(true), ...values } as CustomMetricForm, sources);
    try {
      if (action === 'preview')
        await preview.mutateAsync({ metric: input, period, subjects: subjects.map((s) => s.key).join(',') });
      else {
        await save.mutateAsync({ id: metric?.id, values: input });
        onClose();
      }
    } catch (error) {
      showError(error);
    }
  };

  const required = [{ required: true, message: t('issue.required') }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={Math.min(900, window.innerWidth)}
      title={metric ? t('customMetrics.editTitle', { key: metric.key }) : t('customMetrics.newTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => run('save')} data-testid="cm-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="cm-form" initialValues={EMPTY_FORM}>
        <Space wrap align="start">
          <Form.Item
            name="key"
            label={t('customMetrics.key')}
            tooltip={t('customMetrics.keyHelp')}
            rules={[...required, { pattern: /^[a-z][a-z0-9_]*$/, message: t('customMetrics.keyFormat') }]}
          >
            <Input style={{ width: 180 }} disabled={!!metric} placeholder="big_deals" />
          </Form.Item>
          <Form.Item name={['name', 'zh-CN']} label={t('customMetrics.nameZh')} rules={required}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={['name', 'en']} label={t('customMetrics.nameEn')} rules={required}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="category" label={t('metrics.category')}>
            <Select
              style={{ width: 150 }}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`metrics.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="unit" label={t('customMetrics.unit')}>
            <Select
              style={{ width: 150 }}
              options={UNITS.map((u) => ({ value: u, label: t(`customMetrics.units.${u}`) }))}
            />
          </Form.Item>
          <Form.Item name="direction" label={t('customMetrics.direction')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'higher', label: t('customMetrics.higher') },
                { value: 'lower', label: t('customMetrics.lower') },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name={['definition', 'kind']} label={t('customMetrics.mode')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="cm-kind"
            options={[
              { value: 'aggregate', label: t('customMetrics.aggregateMode') },
              { value: 'formula', label: t('customMetrics.formulaMode') },
            ]}
          />
        </Form.Item>
        {kind === 'formula' ? (
          <Form.Item
            name={['definition', 'formula']}
            label={t('customMetrics.formula')}
            extra={
              formulaError ? (
                <FormulaCaret
                  issue={formulaError}
                  formula={String(form.getFieldValue(['definition', 'formula']) ?? '')}
                />
              ) : (
                t('customMetrics.formulaHelp')
              )
            }
            validateStatus={formulaError ? 'error' : undefined}
            help={formulaError ? <FormulaError issue={formulaError} /> : undefined}
            rules={required}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              onChange={() => setFormulaError(null)}
              style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
              data-testid="cm-formula"
            />
          </Form.Item>
        ) : (
          <AggregateFields sources={sources} />
        )}
      </Form>
      {messages.length > 0 && (
        <Alert type="error" showIcon title={messages.join('; ')} style={{ marginBottom: 12 }} data-testid="cm-errors" />
      )}
      <Card
        size="small"
        title={t('customMetrics.previewTitle')}
        extra={
          <Space>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${period}-01`)}
              onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
              aria-label={t('metrics.period')}
            />
            <Button onClick={() => run('preview')} loading={preview.isPending} data-testid="cm-preview-run">
              {t('customMetrics.preview')}
            </Button>
          </Space>
        }
      >
        {preview.data ? (
          <PreviewTable result={preview.data} subjects={subjects} unit={unit} />
        ) : (
          <Typography.Text type="secondary">{t('customMetrics.previewHint')}</Typography.Text>
        )}
      </Card>
    </Drawer>
  );
}
