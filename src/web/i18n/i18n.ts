import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/kind-meta.ts';

// Each catalog is its own chunk, loaded when its language is used: the first screen downloads one
// language, not both (the initial JavaScript has a budget; see scripts/check-bundle.mjs).
const catalogs: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('./zh-CN.json'),
  en: () => import('./en.json'),
};

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

/** Switches the UI language, loading its catalog first. */
export async function changeLanguage(locale: Locale): Promise<void> {
  if (!i18next.hasResourceBundle(locale, 'translation'))
    i18next.addResourceBundle(locale, 'translation', (await catalogs[locale]()).default);
  await i18next.changeLanguage(locale);
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLocale();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: (await catalogs[lng]()).default } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
