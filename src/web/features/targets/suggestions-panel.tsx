import { BulbOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Suggestion,
  type SuggestionsInput,
  useDecideSuggestion,
  useGenerateSuggestions,
  useSuggestions,
} from '../../api/targets.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { SuggestionReasoning } from './suggestion-reasoning.tsx';

type Method = SuggestionsInput['method'];
type Values = { unitId?: string; method: Method; marketFactor: number; percentile: number; historyCount: number };
type Deciding = { suggestion: Suggestion; decision: 'approve' | 'reject' };

const STATUS_COLOR = { proposed: 'processing', approved: 'success', rejected: 'error', superseded: 'default' } as const;

/** 智能目标调整: propose targets for a unit's people, review them beside the current ones, approve or reject. */
export function SuggestionsPanel({
  metricId,
  unit,
  period,
  units,
}: {
  metricId: string;
  unit: string;
  period: string;
  units: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form) ?? 'rest_of_period';
  const [isPendingOnly, setPendingOnly] = useState(true);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const list = useSuggestions(metricId, period, isPendingOnly ? 'proposed' : undefined);
  const generate = useGenerateSuggestions();
  const decide = useDecideSuggestion();
  const fmt = (v: number | null | undefined) => formatMetric(v, unit, locale);

  const onGenerate = async (values: Values) => {
    setError(null);
    setSkipped([]);
    if (!values.unitId) return;
    try {
      const result = await generate.mutateAsync({
        metricId,
        periodKey: period,
        unitId: values.unitId,
        method: values.method,
        marketFactor: values.marketFactor,
        percentile: values.percentile,
        historyCount: values.historyCount,
      });
      message.success(t('tgt.generated', { count: result.suggestions.length }));
      setSkipped(
        result.skipped.map((s) =>
          t('tgt.skipped', { name: s.name, reason: t(`tgt.skip.${s.code}`, { defaultValue: s.reason }) }),
        ),
      );
    } catch (e) {
      setError(problemText(e, locale, t));
    }
  };

  const onDecide = async () => {
    if (!deciding) return;
    try {
      await decide.mutateAsync({
        id: deciding.suggestion.id,
        decision: deciding.decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      message.success(t(deciding.decision === 'approve' ? 'tgt.approved' : 'tgt.rejected'));
      setDeciding(null);
      setReason('');
    } catch (e) {
      message.error(problemText(e, locale, t));
    }
  };

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="suggestions-panel"
      title={
        <Space>
          <BulbOutlined />
          {t('tgt.suggestions')}
        </Space>
      }
      extra={
        <Space size={4}>
          <Typography.Text type="secondary">{t('tgt.pendingOnly')}</Typography.Text>
          <Switch size="small" checked={isPendingOnly} onChange={setPendingOnly} data-testid="suggestions-pending" />
        </Space>
      }
    >
      <Form
        form={form}
        layout="inline"
        onFinish={onGenerate}
        initialValues={{ method: 'rest_of_period', marketFactor: 1, percentile: 60, historyCount: 12 }}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item name="unitId" rules={[{ required: true, message: t('issue.required') }]}>
          <Select
            style={{ width: 180 }}
            placeholder={t('tgt.unit')}
            data-testid="suggest-unit"
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="method">
          <Segmented
            data-testid="suggest-method"
            options={(['rest_of_period', 'history'] as const).map((m) => ({ value: m, label: t(`tgt.method.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="marketFactor" label={t('tgt.marketFactor')}>
          <InputNumber min={0.01} max={10} step={0.05} style={{ width: 90 }} data-testid="suggest-factor" />
        </Form.Item>
        {method === 'history' && (
          <>
            <Form.Item name="percentile" label={t('tgt.percentile')}>
              <InputNumber min={0} max={100} precision={0} prefix="P" style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="historyCount" label={t('tgt.historyCount')}>
              <InputNumber min={1} max={24} precision={0} style={{ width: 80 }} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={generate.isPending} data-testid="suggest-generate">
          {t('tgt.generate')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {skipped.length > 0 && <Alert type="warning" showIcon title={skipped.join('; ')} style={{ marginBottom: 8 }} />}
      <Table<Suggestion>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        data-testid="suggestions-table"
        locale={{ emptyText: t('tgt.none') }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'name', title: t('tgt.person'), dataIndex: 'name', width: 120 },
          {
            key: 'current',
            title: t('tgt.current'),
            align: 'right',
            width: 130,
            render: (_v, s) => <span data-testid={`current-${s.subject.id}`}>{fmt(s.currentValue)}</span>,
          },
          {
            key: 'proposed',
            title: t('tgt.proposed'),
            align: 'right',
            width: 130,
            render: (_v, s) => (
              <Typography.Text strong data-testid={`proposed-${s.subject.id}`}>
                {fmt(s.proposedValue)}
              </Typography.Text>
            ),
          },
          {
            key: 'change',
            title: t('tgt.change'),
            align: 'right',
            width: 120,
            render: (_v, s) => {
              if (s.currentValue === null) return '—';
              const d = s.proposedValue - s.currentValue;
              return (
                <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'success' : undefined}>
                  {d > 0 ? '+' : d < 0 ? '−' : ''}
                  {fmt(Math.abs(d))}
                </Typography.Text>
              );
            },
          },
          {
            key: 'why',
            title: t('tgt.why.title'),
            render: (_v, s) => <SuggestionReasoning reasoning={s.reasoning} unit={unit} />,
          },
          {
            key: 'status',
            title: t('tgt.statusTitle'),
            width: 150,
            render: (_v, s) =>
              s.status === 'proposed' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    icon={<CheckOutlined />}
                    data-testid={`approve-${s.subject.id}`}
                    onClick={() => setDeciding({ suggestion: s, decision: 'approve' })}
                  >
                    {t('tgt.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseOutlined />}
                    aria-label={t('tgt.reject')}
                    data-testid={`reject-${s.subject.id}`}
                    onClick={() => setDeciding({ suggestion: s, decision: 'reject' })}
                  />
                </Space>
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag color={STATUS_COLOR[s.status]} data-testid={`status-${s.subject.id}`}>
                    {t(`tgt.status.${s.status}`)}
                  </Tag>
                  {s.decisionReason && <Typography.Text type="secondary">{s.decisionReason}</Typography.Text>}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={
          deciding
            ? t(deciding.decision === 'approve' ? 'tgt.approveTitle' : 'tgt.rejectTitle', {
                name: deciding.suggestion.name,
                value: fmt(deciding.suggestion.proposedValue),
              })
            : ''
        }
        okText={deciding?.decision === 'reject' ? t('tgt.reject') : t('tgt.approve')}
        okButtonProps={{
          danger: deciding?.decision === 'reject',
          disabled: deciding?.decision === 'reject' && !reason.trim(),
          loading: decide.isPending,
          'data-testid': 'decide-ok',
        }}
        onOk={onDecide}
        onCancel={() => {
          setDeciding(null);
          setReason('');
        }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t(deciding?.decision === 'reject' ? 'tgt.rejectReason' : 'tgt.approveReason')}
          data-testid="decide-reason"
        />
      </Modal>
    </Card>
  );
}
