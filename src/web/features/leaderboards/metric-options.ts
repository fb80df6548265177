import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type MetricDef, useMetricCatalog } from '../../api/metrics.ts';
import { useLocale } from '../../ui/locale.ts';

type Pick = (label: { 'zh-CN': string; en: string }) => string;

/** The metric picker's groups: the total score, the built-in catalog, the tenant's own metrics. */
export function metricOptions(
  catalog: readonly MetricDef[],
  pick: Pick,
  labels: { score: string; builtIn: string; custom: string },
) {
  const option = (m: MetricDef) => ({ value: m.id, label: pick(m.name) });
  const custom = catalog.filter((m) => m.isCustom);
  return [
    { label: labels.score, options: [{ value: 'score', label: labels.score }] },
    { label: labels.builtIn, options: catalog.filter((m) => !m.isCustom).map(option) },
    ...(custom.length ? [{ label: labels.custom, options: custom.map(option) }] : []),
  ];
}

/** The metric picker's groups for the tenant's catalog, in the reader's language. */
export function useMetricOptions() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const catalog = useMetricCatalog();
  return useMemo(
    () =>
      metricOptions(catalog.data ?? [], pick, {
        score: t('leaderboards.totalScore'),
        builtIn: t('leaderboards.builtIn'),
        custom: t('leaderboards.custom'),
      }),
    [catalog.data, pick, t],
  );
}
