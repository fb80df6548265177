import { Alert, Button, Checkbox, Drawer, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DecomposeTimeResult, useDecomposeTime } from '../../api/targets.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { fromInputValue, inputSuffix } from '../metrics/metric-input.ts';
import type { TargetRow } from './target-tree.ts';

type Lock = { isLocked: boolean; value?: number | null };

/** 按月分解: a year's target into its months by last year's seasonality; locked months keep theirs. */
export function TimeDecomposeDrawer({
  row,
  metricId,
  unit,
  year,
  onClose,
}: {
  row: TargetRow | null;
  metricId: string;
  unit: string;
  year: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const decompose = useDecomposeTime();
  const [locks, setLocks] = useState<Record<string, Lock>>({});
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<DecomposeTimeResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per opened row
  useEffect(() => {
    if (!row) return;
    setLocks({});
    setReason('');
    setPreview(null);
    setError(null);
    // A first preview shows the months at once.
    void run(false, {});
  }, [row]);

  async function run(apply: boolean, current = locks) {
    if (!row) return;
    setError(null);
    const lockValues: Record<string, number> = {};
    for (const [key, lock] of Object.entries(current))
      if (lock.isLocked && lock.value !== undefined && lock.value !== null)
        lockValues[key] = fromInputValue(lock.value, unit) ?? 0;
    try {
      const result = await decompose.mutateAsync({
        metricId,
        subject: row.subject,
        periodKey: year,
        ...(Object.keys(lockValues).length ? { locks: lockValues } : {}),
        apply,
        ...(apply && reason.trim() ? { reason: reason.trim() } : {}),
      });
      setPreview(result);
      if (apply) onClose();
    } catch (e) {
      setPreview(null);
      setError(problemText(e, locale, t));
    }
  }

  const setLock = (key: string, next: Lock) => {
    setLocks((all) => ({ ...all, [key]: next }));
  };
  const months = preview?.parts ?? [];
  const sum = months.reduce((s, p) => s + p.value, 0);

  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      size={Math.min(640, window.innerWidth)}
      title={t('tgt.timeTitle', { name: row?.name ?? '', year })}
      data-testid="time-decompose-drawer"
    >
      <Typography.Paragraph type="secondary">{t('tgt.timeHint')}</Typography.Paragraph>
      <Table
        rowKey="periodKey"
        size="small"
        pagination={false}
        dataSource={months}
        loading={decompose.isPending}
        columns={[
          { key: 'month', title: t('tgt.month'), dataIndex: 'periodKey', width: 100 },
          {
            key: 'lock',
            title: t('targets.lockAt'),
            render: (_v, p) => (
              <Space>
                <Checkbox
                  checked={locks[p.periodKey]?.isLocked ?? false}
                  aria-label={t('targets.lock')}
                  data-testid={`month-lock-${p.periodKey}`}
                  onChange={(e) => setLock(p.periodKey, { ...locks[p.periodKey], isLocked: e.target.checked })}
                />
                <InputNumber
                  style={{ width: 150 }}
                  suffix={inputSuffix(unit)}
                  value={locks[p.periodKey]?.value ?? null}
                  data-testid={`month-lockvalue-${p.periodKey}`}
                  onChange={(v) => setLock(p.periodKey, { isLocked: true, value: v })}
                />
              </Space>
            ),
          },
          {
            key: 'value',
            title: t('targets.previewValue'),
            align: 'right',
            render: (_v, p) => (
              <Space size={4}>
                {p.isLocked && <Tag>{t('targets.locked')}</Tag>}
                <span data-testid={`month-${p.periodKey}`}>{formatMetric(p.value, unit, locale)}</span>
              </Space>
            ),
          },
        ]}
      />
      {preview && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="time-decompose-sum">
          {t('targets.partsSum', {
            whole: formatMetric(preview.whole, unit, locale),
            sum: formatMetric(sum, unit, locale),
          })}
        </Typography.Paragraph>
      )}
      {error && (
        <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} data-testid="time-decompose-error" />
      )}
      <Input
        maxLength={500}
        placeholder={t('targets.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        style={{ margin: '12px 0' }}
      />
      <Space>
        <Button onClick={() => run(false)} data-testid="time-decompose-preview">
          {t('customMetrics.preview')}
        </Button>
        <Button type="primary" disabled={!preview} onClick={() => run(true)} data-testid="time-decompose-apply">
          {t('targets.apply')}
        </Button>
      </Space>
    </Drawer>
  );
}
