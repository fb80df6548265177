import type { Locale } from '../../api/kind-meta.ts';
import { formatMoney, formatMoneyShort } from '../../ui/format.ts';

// A metric value as its unit reads: money (cents -> ¥, 万 for big figures), a share as %, a count, a score.

export function formatMetric(value: number | null | undefined, unit: string, locale: Locale, isShort = false): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'cny':
      return isShort ? formatMoneyShort(Math.round(value), locale) : formatMoney(Math.round(value), locale);
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'score':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
}

/** What one fact adds: money for amount metrics, otherwise the raw number (1 visit, 4 points). */
export function formatContribution(num: number, den: number, unit: string, locale: Locale): string {
  if (unit === 'cny') return formatMoney(Math.round(num), locale);
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return den ? `${n.format(num)} / ${n.format(den)}` : n.format(num);
}
