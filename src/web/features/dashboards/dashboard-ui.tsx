import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';

// Small pieces every dashboard shares: the pace colour, the change against the previous period.

export type PaceStatus = 'green' | 'yellow' | 'red' | 'none';

const TAG_COLOR: Record<PaceStatus, string> = { green: 'success', yellow: 'warning', red: 'error', none: 'default' };
/** Heat-table backgrounds: readable behind dark text, distinct without colour vision (the tag says it too). */
export const HEAT_BACKGROUND: Record<PaceStatus, string> = {
  green: '#d9f7be',
  yellow: '#fff1b8',
  red: '#ffccc7',
  none: 'transparent',
};
export const RATING_COLOR: Record<string, string> = { S: 'magenta', A: 'green', B: 'blue', C: 'orange', D: 'red' };

export const percent = (v: number | null | undefined, locale: string) =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
export const points = (v: number | null | undefined, locale: string) =>
  v === null || v === undefined ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);

export function PaceTag({ status, ratio }: { status: PaceStatus; ratio?: number | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Tag color={TAG_COLOR[status]} data-testid="pace-tag" data-status={status}>
      {t(`dashboards.pace.${status}`)}
      {ratio !== null && ratio !== undefined ? ` ${percent(ratio, locale)}` : ''}
    </Tag>
  );
}

/** The previous period's value and the change to this one (a rise is good when higher is better). */
export function Delta({
  current,
  previous,
  unit,
  direction = 'higher',
}: {
  current: number | null | undefined;
  previous: number | null | undefined;
  unit: string;
  direction?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (previous === null || previous === undefined)
    return (
      <Typography.Text type="secondary" data-testid="delta">
        {t('dashboards.previousNone')}
      </Typography.Text>
    );
  const change = current === null || current === undefined ? null : current - previous;
  const isUp = change !== null && change > 0;
  const isGood = change === null || change === 0 ? null : isUp === (direction !== 'lower');
  const relative = change !== null && previous !== 0 ? change / Math.abs(previous) : null;
  return (
    <Tooltip title={t('dashboards.previousValue', { value: formatMetric(previous, unit, locale) })}>
      <Typography.Text
        type={isGood === null ? 'secondary' : isGood ? 'success' : 'danger'}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="delta"
      >
        {change === null || change === 0 ? '—' : isUp ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
        {t('dashboards.previousShort', { value: formatMetric(previous, unit, locale, true) })}
        {relative !== null && change !== 0 ? ` (${relative > 0 ? '+' : ''}${percent(relative, locale)})` : ''}
      </Typography.Text>
    </Tooltip>
  );
}
