import type { Locale } from '../api/kind-meta.ts';

// Money is integer cents (分) everywhere; it becomes yuan only on screen.

const fullFormats = new Map<Locale, Intl.NumberFormat>();
function full(locale: Locale): Intl.NumberFormat {
  let f = fullFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'symbol' });
    fullFormats.set(locale, f);
  }
  return f;
}

/** ¥1,234,567.00 in either language (the yuan sign, not "CN¥"). */
export function formatMoney(cents: number | null | undefined, locale: Locale): string {
  if (cents === null || cents === undefined) return '';
  return full(locale)
    .format(cents / 100)
    .replace('CN¥', '¥');
}

/**
 * Big figures the way a reader expects them: 万 and 亿 in Chinese (¥123.46万), K/M/B in English.
 * Below 10,000 yuan the full amount is shown.
 */
export function formatMoneyShort(cents: number | null | undefined, locale: Locale): string {
  if (cents === null || cents === undefined) return '';
  const yuan = cents / 100;
  const abs = Math.abs(yuan);
  if (abs < 10_000) return formatMoney(cents, locale);
  const sign = yuan < 0 ? '-' : '';
  if (locale === 'zh-CN') {
    const [value, unit] = abs >= 1e8 ? [abs / 1e8, '亿'] : [abs / 1e4, '万'];
    return `${sign}¥${trim(value)}${unit}`;
  }
  const [value, unit] = abs >= 1e9 ? [abs / 1e9, 'B'] : abs >= 1e6 ? [abs / 1e6, 'M'] : [abs / 1e3, 'K'];
  return `${sign}¥${trim(value)}${unit}`;
}

const trim = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: true });

/** A calendar date 'YYYY-MM-DD' as the reader writes it: 2026年11月27日 / Nov 27, 2026. */
export function formatDate(date: string | null | undefined, locale: Locale): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** An instant in the tenant's time zone: 2026年11月27日 14:05 / Nov 27, 2026, 2:05 PM. */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

/** Yuan typed in a form (may have decimals) to integer cents; undefined when empty. */
export function yuanToCents(yuan: number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return undefined;
  return Math.round(yuan * 100);
}
