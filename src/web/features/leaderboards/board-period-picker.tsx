import { DatePicker, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BoardPeriodKind, boardPeriodKey, boardPeriodKind, boardPeriodStart } from './board-period.ts';

const KINDS: readonly BoardPeriodKind[] = ['week', 'month', 'quarter', 'year'];

/** A week / month / quarter / year switch and the matching picker; the value is a period key. */
export function BoardPeriodPicker({ value, onChange }: { value: string; onChange: (key: string) => void }) {
  const { t } = useTranslation();
  const kind = boardPeriodKind(value);
  const start = boardPeriodStart(value);
  return (
    <Space.Compact>
      <Segmented
        value={kind}
        data-testid="board-period-kind"
        options={KINDS.map((k) => ({ value: k, label: t(`leaderboards.kinds.${k}`) }))}
        onChange={(k) => onChange(boardPeriodKey(start, k as BoardPeriodKind))}
      />
      <DatePicker
        picker={kind}
        allowClear={false}
        value={start}
        format={() => value}
        onChange={(d) => d && onChange(boardPeriodKey(d, kind))}
        aria-label={t('leaderboards.period')}
        data-testid="board-period"
        style={{ width: 130 }}
      />
    </Space.Compact>
  );
}
