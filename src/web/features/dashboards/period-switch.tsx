import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type DashboardPeriodKind, kindOfKey, periodKeyFor, periodStartOf, rangeEndOf } from './period-keys.ts';

const KINDS: DashboardPeriodKind[] = ['week', 'month', 'quarter', 'year', 'custom'];

/** Week, month, quarter, fiscal year or a custom range; the value is a period key. */
export function PeriodSwitch({
  value,
  onChange,
  fiscalStart = 1,
}: {
  value: string;
  onChange: (key: string) => void;
  fiscalStart?: number;
}) {
  const { t } = useTranslation();
  const kind = kindOfKey(value);
  const start = periodStartOf(value, fiscalStart);
  const end = rangeEndOf(value) ?? start;
  const keyOf = (k: DashboardPeriodKind, date: string) =>
    k === 'custom'
      ? `${start}..${end === start ? dayjs(start).endOf('month').format('YYYY-MM-DD') : end}`
      : periodKeyFor(k, date, fiscalStart);
  return (
    <Space wrap data-testid="period-switch">
      <Segmented
        value={kind}
        data-testid="period-kind"
        options={KINDS.map((k) => ({ value: k, label: t(`dashboards.periodKinds.${k}`) }))}
        onChange={(k) => onChange(keyOf(k as DashboardPeriodKind, start))}
      />
      {kind === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(start), dayjs(end)]}
          onChange={(range) => {
            const [a, b] = range ?? [];
            if (a && b) onChange(`${a.format('YYYY-MM-DD')}..${b.format('YYYY-MM-DD')}`);
          }}
          aria-label={t('dashboards.period')}
        />
      ) : (
        <DatePicker
          picker={kind}
          allowClear={false}
          value={dayjs(start)}
          format={() => value}
          onChange={(d) => d && onChange(periodKeyFor(kind, d.format('YYYY-MM-DD'), fiscalStart))}
          aria-label={t('dashboards.period')}
          data-testid="period-picker"
        />
      )}
    </Space>
  );
}
