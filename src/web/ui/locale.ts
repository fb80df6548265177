import { useTranslation } from 'react-i18next';
import type { Label, Locale } from '../api/kind-meta.ts';
import { changeLanguage, rememberLocale } from '../i18n/i18n.ts';

/** The UI language, a switcher that remembers the choice, and a picker for server labels. */
export function useLocale() {
  const { i18n } = useTranslation();
  const locale = (i18n.language === 'en' ? 'en' : 'zh-CN') as Locale;
  return {
    locale,
    setLocale: async (next: Locale) => {
      rememberLocale(next);
      await changeLanguage(next);
    },
    pick: (label: Label | undefined) => (label ? label[locale] : ''),
  };
}
