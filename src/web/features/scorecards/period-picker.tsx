import { DatePicker, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindOf, type PeriodKind, periodKeyOf, periodStart } from './period-key.ts';

/** A month / quarter (/ year) switch and the matching picker; the value is a period key. */
export function PeriodPicker({
  value,
  onChange,
  kinds = ['month', 'quarter'],
}: {
  value: string;
  onChange: (key: string) => void;
  kinds?: readonly PeriodKind[];
}) {
  const { t } = useTranslation();
  const kind = kindOf(value);
  const start = periodStart(value);
  return (
    <Space.Compact>
      <Segmented
        value={kind}
        data-testid="period-kind"
        options={kinds.map((k) => ({ value: k, label: t(`periods.kinds.${k}`) }))}
        onChange={(k) => onChange(periodKeyOf(start, k as PeriodKind))}
      />
      <DatePicker
        picker={kind}
        allowClear={false}
        value={start}
        format={kind === 'quarter' ? () => value : undefined}
        onChange={(d) => d && onChange(periodKeyOf(d, kind))}
        aria-label={t('metrics.period')}
        data-testid="period-picker"
      />
    </Space.Compact>
  );
}
