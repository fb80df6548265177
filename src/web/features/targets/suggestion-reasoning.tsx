import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../api/targets.ts';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';

/** A suggestion's reasoning (its inputs and arithmetic, stored as data) in the UI language. */
export function SuggestionReasoning({ reasoning, unit }: { reasoning: Suggestion['reasoning']; unit: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fmt = (v: number | null | undefined) => formatMetric(v, unit, locale);
  const num = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(v);
  const pct = (v: number | null) =>
    v === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);
  const lines: string[] = [];
  if (reasoning.method === 'rest_of_period') {
    const r = reasoning;
    lines.push(
      t('tgt.why.runRate', {
        actual: fmt(r.actualToDate),
        elapsed: r.elapsedWorkingDays,
        perDay: fmt(r.runRatePerDay),
        remaining: r.remainingWorkingDays,
        projected: fmt(r.runRateRemaining),
      }),
    );
    if (r.basis === 'seasonality')
      lines.push(
        t('tgt.why.seasonality', {
          lyElapsed: fmt(r.lastYearElapsed),
          lyRemaining: fmt(r.lastYearRemaining),
          share: pct(r.lastYearRemainingShare),
          actual: fmt(r.actualToDate),
          projected: fmt(r.seasonalRemaining),
        }),
      );
    lines.push(t(`tgt.why.basis.${r.basis}`));
    lines.push(
      t('tgt.why.total', {
        actual: fmt(r.actualToDate),
        remaining: fmt(r.basis === 'seasonality' ? r.seasonalRemaining : r.runRateRemaining),
        factor: num(r.marketFactor),
        proposal: fmt(r.proposal),
      }),
    );
  } else {
    const r = reasoning;
    lines.push(
      t('tgt.why.history', {
        count: r.history.length,
        values: r.history.map((h) => `${h.periodKey} ${fmt(h.actual)}`).join(locale === 'en' ? ', ' : '、'),
      }),
    );
    lines.push(
      t('tgt.why.percentile', {
        p: r.percentile,
        lower: r.lowerRank,
        upper: r.upperRank,
        value: fmt(r.percentileValue),
        factor: num(r.marketFactor),
        proposal: fmt(r.proposal),
      }),
    );
  }
  return (
    <div data-testid="suggestion-reasoning">
      {lines.map((line) => (
        <Typography.Paragraph key={line} style={{ marginBottom: 2, fontSize: 12 }} type="secondary">
          {line}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
