import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from '../api/client.ts';
import type { Locale } from '../api/kind-meta.ts';
import { refusalText } from './refusals.ts';

// The server's problem+json names the field and the reason; these put each reason next to its
// field in the form (the typed values stay as they are) and return what no field can show.

export type IssueLike = { field?: string; code: string; reason: string; params?: Record<string, unknown> };

// Rules whose server reason names record ids: said plainly in either language.
const KNOWN_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/cannot move under its own descendant/, 'issueText.ownDescendant'],
  [/company unit is the root/, 'issueText.companyRoot'],
  [/overlaps membership/, 'issueText.membershipOverlap'],
];

/** A reason in the UI language: the server's English reason, or the catalog's text for its code. */
export function issueMessage(issue: IssueLike, locale: Locale, t: TFunction): string {
  const refusal = refusalText(issue, locale, t);
  if (refusal) return refusal;
  const known = KNOWN_REASONS.find(([pattern]) => pattern.test(issue.reason));
  if (known) return t(known[1]);
  if (locale === 'en') return issue.reason;
  // A field may word a code its own way (a password 'length' is too short, not too long).
  const field = topField(issue.field);
  const keys = [...(field ? [`issueByField.${field}.${issue.code}`] : []), `issue.${issue.code}`];
  return t(keys, { ...issue.params, reason: issue.reason, defaultValue: issue.reason });
}

/** 'team[1].sharePct' -> 'team': the form item that holds the field. */
export function topField(path: string | undefined): string | undefined {
  return path?.split(/[.[]/)[0] || undefined;
}

/**
 * Puts each reason next to its field. With `isNested` a dotted path ('settings.pace.green') names
 * a nested form item, and the closest enclosing item that exists takes the reason.
 */
export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  locale: Locale,
  t: TFunction,
  options: {
    isNested?: boolean;
    /** Server field -> form item, where the form shows it elsewhere. */
    alias?: Record<string, string[]>;
    message?: (issue: IssueLike) => string | undefined;
  } = {},
): { messages: string[] } {
  if (!(error instanceof ApiError)) return { messages: [error instanceof Error ? error.message : String(error)] };
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const byField = new Map<string, { name: string[]; errors: string[] }>();
  const messages: string[] = [];
  for (const issue of (error.problem.errors ?? []) as FieldProblem[]) {
    const alias = issue.field ? options.alias?.[issue.field] : undefined;
    const name = alias ?? (options.isNested ? nestedName(form, issue.field) : flatName(form, known, issue.field));
    const text = options.message?.(issue as IssueLike) ?? issueMessage(issue as IssueLike, locale, t);
    if (name) {
      const key = name.join('.');
      byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), text] });
    } else messages.push(issue.field ? `${issue.field}: ${text}` : text);
  }
  form.setFields([...byField.values()]);
  if (byField.size === 0 && messages.length === 0) messages.push(problemText(error, locale, t));
  return { messages };
}

function flatName(form: FormInstance, known: Set<string>, path: string | undefined): string[] | undefined {
  const field = topField(path);
  return field && (known.has(field) || form.getFieldInstance(field)) ? [field] : undefined;
}

function nestedName(form: FormInstance, path: string | undefined): string[] | undefined {
  const parts = path?.split('.').filter(Boolean) ?? [];
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n);
    if (form.getFieldInstance(name)) return name;
  }
  return undefined;
}

export function problemText(error: unknown, locale: Locale, t: TFunction): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 404) return t('error.notFound');
  if (error.status === 403) return locale === 'en' ? error.problem.detail : t('error.forbidden');
  if (error.status >= 500) return t('error.server');
  // A refusal with a code and params (an item in use, a formula error) reads in the UI language.
  const worded = (error.problem.errors ?? []).map((i) => refusalText(i as IssueLike, locale, t));
  if (worded.length > 0 && worded.every(Boolean)) return worded.join('; ');
  return error.problem.detail;
}
