import type { TFunction } from 'i18next';
import type { Locale } from '../api/kind-meta.ts';
import { recordKindMeta } from '../api/record-kinds.gen.ts';

// Refusals the server explains with a code and raw values (params) rather than only an English
// sentence: a formula that does not parse, a delete of something still in use, a decomposition
// whose numbers do not add up. Worded here from the catalog, in either language.

export type RefusalIssue = { code: string; reason?: string; params?: Record<string, unknown> };

const FORMULA_CODES = new Set(['formula', 'unknown_metric', 'formula_cycle']);
const REFUSAL_CODES = new Set([...FORMULA_CODES, 'in_use', 'decomposition']);

export const isRefusal = (issue: RefusalIssue) => REFUSAL_CODES.has(issue.code);

/** A kind the server names (`contacts`, `customMetrics`): its label in the UI language. */
export function kindName(name: string, locale: Locale, t: TFunction): string {
  const meta = recordKindMeta.find((k) => k.name === name || k.path === name);
  return meta ? meta.label[locale] : t([`disp.kinds.${name}`, 'disp.kinds.records']);
}

/**
 * The refusal in the UI language, or undefined when the issue is not one of these. `formatAmount`
 * renders a decomposition's raw units (cents or counts) as the metric shows them.
 */
export function refusalText(
  issue: RefusalIssue,
  locale: Locale,
  t: TFunction,
  formatAmount: (units: number) => string = (n) => new Intl.NumberFormat(locale).format(n),
): string | undefined {
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'formula':
      return t('disp.refusal.formulaAt', {
        column: p.column,
        message: t([`disp.refusal.formula.${String(p.expected)}`, 'disp.refusal.formula.unknown'], p),
      });
    case 'unknown_metric':
      return t('disp.refusal.unknownMetric', p);
    case 'formula_cycle':
      return t('disp.refusal.formulaCycle', p);
    case 'in_use':
      if (p.usedBy === 'customMetrics' && p.names) return t('disp.refusal.inUseFormulas', p);
      return Number(p.count) > 0
        ? t('disp.refusal.inUse', { count: p.count, usedBy: kindName(String(p.usedBy), locale, t) })
        : t('disp.refusal.inUseSomewhere');
    case 'decomposition': {
      const money = (key: string) => (typeof p[key] === 'number' ? formatAmount(p[key] as number) : p[key]);
      return t([`disp.refusal.decomposition.${String(p.refusal)}`, 'disp.refusal.decomposition.other'], {
        ...p,
        locked: money('locked'),
        whole: money('whole'),
        reason: issue.reason,
      });
    }
    default:
      return undefined;
  }
}

/** A caret under the column a formula error names, for a monospaced line below the formula. */
export function caretLine(formula: string, position: number): string {
  const clipped = Math.min(Math.max(position, 0), formula.length);
  // Full-width characters take two columns in a monospaced font.
  const before = [...formula.slice(0, clipped)].map((ch) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? '  ' : ' '));
  return `${before.join('')}^`;
}
