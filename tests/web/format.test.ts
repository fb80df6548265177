import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatMoneyShort, yuanToCents } from '../../src/web/ui/format.ts';

describe('money on screen', () => {
  it.each([
    [123_456_700, 'zh-CN', '¥1,234,567.00'],
    [123_456_700, 'en', '¥1,234,567.00'],
    [0, 'zh-CN', '¥0.00'],
    [-5_050, 'zh-CN', '-¥50.50'],
  ] as const)('formatMoney(%i, %s) = %s', (cents, locale, expected) => {
    expect(formatMoney(cents, locale)).toBe(expected);
  });

  it.each([
    [999_999, 'zh-CN', '¥9,999.99'],
    [1_000_000, 'zh-CN', '¥1万'],
    [123_456_700, 'zh-CN', '¥123.46万'],
    [25_000_000_000, 'zh-CN', '¥2.5亿'],
    [123_456_700, 'en', '¥1.23M'],
    [5_430_000, 'en', '¥54.3K'],
    [-123_456_700, 'zh-CN', '-¥123.46万'],
  ] as const)('formatMoneyShort(%i, %s) = %s', (cents, locale, expected) => {
    expect(formatMoneyShort(cents, locale)).toBe(expected);
  });

  it('turns typed yuan into whole cents', () => {
    expect(yuanToCents(1234.565)).toBe(123457);
    expect(yuanToCents(0.1 + 0.2)).toBe(30);
    expect(yuanToCents(null)).toBeUndefined();
  });
});

describe('dates on screen', () => {
  it('writes a calendar date the way each reader does, without shifting the day', () => {
    expect(formatDate('2026-11-27', 'zh-CN')).toBe('2026年11月27日');
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
  });
});
