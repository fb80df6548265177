import type { Locale } from '../../api/kind-meta.ts';

// The IANA zones the browser knows, labelled with their current UTC offset; China's first.

const FALLBACK = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/London',
  'America/New_York',
  'UTC',
];

function offsetOf(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

export function timeZoneOptions(locale: Locale): Array<{ value: string; label: string }> {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  const zones = supported && supported.length > 0 ? supported : FALLBACK;
  const ordered = ['Asia/Shanghai', ...zones.filter((z) => z !== 'Asia/Shanghai')];
  const china = locale === 'zh-CN' ? '（中国标准时间）' : ' (China Standard Time)';
  return ordered.map((zone) => ({
    value: zone,
    label: `${zone} · ${offsetOf(zone)}${zone === 'Asia/Shanghai' ? china : ''}`,
  }));
}
