import type { TFunction } from 'i18next';
import type { SchemeItem, SchemeVersion } from '../../api/scoring.ts';

// What a person reads about an item before rating it: how it scores, in words; and which versions
// of a scheme are open to feedback (its drafts and the one in force today).

const pct = (ratio: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

export function itemRule(item: SchemeItem, locale: string, t: TFunction): string {
  if (item.mode === 'linear')
    return t('disp.feedback.linear', { floor: pct(item.floor ?? 0, locale), cap: pct(item.cap ?? 1.2, locale) });
  const steps = item.steps.map((s) => t('disp.feedback.step', { threshold: pct(s.threshold, locale), score: s.score }));
  return t('disp.feedback.steps', { steps: steps.join(locale === 'en' ? ', ' : '，') });
}

/** Drafts (newest first), then the published version in force on `today` (the latest one started). */
export function versionsOpenToFeedback(versions: readonly SchemeVersion[], today: string): SchemeVersion[] {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const live = sorted.find((v) => v.status === 'published' && v.effectiveFrom <= today);
  return [...sorted.filter((v) => v.status === 'draft'), ...(live ? [live] : [])];
}
