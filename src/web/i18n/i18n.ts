import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/kind-meta.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'pacer.locale';

/** The remembered choice, else zh-CN for a Chinese browser and English otherwise. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const browser = navigator.languages?.[0] ?? navigator.language ?? '';
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
