import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from '../api/client.ts';
import type { Locale } from '../api/kind-meta.ts';

// The server's problem+json names the field and the reason; these put each reason next to its
// field in the form (the typed values stay as they are) and return what no field can show.

type IssueLike = { field?: string; code: string; reason: string; params?: Record<string, unknown> };

/** A reason in the UI language: the server's English reason, or the catalog's text for its code. */
export function issueMessage(issue: IssueLike, locale: Locale, t: TFunction): string {
  if (locale === 'en') return issue.reason;
  const key = `issue.${issue.code}`;
  return t(key, { ...issue.params, reason: issue.reason, defaultValue: issue.reason });
}

/** 'team[1].sharePct' -> 'team': the form item that holds the field. */
export function topField(path: string | undefined): string | undefined {
  return path?.split(/[.[]/)[0] || undefined;
}

export function applyProblemToForm(
  form: FormInstance,
  error: unknown,
  locale: Locale,
  t: TFunction,
): { messages: string[] } {
  if (!(error instanceof ApiError)) return { messages: [error instanceof Error ? error.message : String(error)] };
  const known = new Set(Object.keys(form.getFieldsValue(true) as object));
  const byField = new Map<string, string[]>();
  const messages: string[] = [];
  for (const issue of (error.problem.errors ?? []) as FieldProblem[]) {
    const field = topField(issue.field);
    const text = issueMessage(issue as IssueLike, locale, t);
    if (field && (known.has(field) || form.getFieldInstance(field)))
      byField.set(field, [...(byField.get(field) ?? []), text]);
    else messages.push(issue.field ? `${issue.field}: ${text}` : text);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0 && messages.length === 0) messages.push(problemText(error, locale, t));
  return { messages };
}

export function problemText(error: unknown, locale: Locale, t: TFunction): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 404) return t('error.notFound');
  if (error.status === 403) return locale === 'en' ? error.problem.detail : t('error.forbidden');
  if (error.status >= 500) return t('error.server');
  return error.problem.detail;
}
