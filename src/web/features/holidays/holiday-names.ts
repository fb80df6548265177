import type { Locale } from '../../api/kind-meta.ts';

// The loader names days in Chinese (the State Council's names); English readers get these.
const EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  '中秋节、国庆节': 'Mid-Autumn Festival and National Day',
  调休上班: 'Make-up working day',
};

export function holidayName(name: string | null | undefined, locale: Locale): string {
  if (!name) return '';
  return locale === 'en' ? (EN[name] ?? name) : name;
}
