import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, type FieldProblem } from '../api/client.ts';
import type { Locale } from '../api/kind-meta.ts';
import { type IssueLike, issueMessage, problemText } from './problem.ts';

// Forms that mirror the request body put each server reason at its exact path
// ('items[1].cap' -> ['items', 1, 'cap']), so a list row shows its own error.

export type NamePath = (string | number)[];

export function toNamePath(path: string): NamePath {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Sets every reason the form can show on its field (the closest enclosing field that exists) and
 * returns the rest, already worded for the UI language.
 */
export function applyProblemAtPaths(
  form: FormInstance,
  error: unknown,
  locale: Locale,
  t: TFunction,
  options: { mapPath?: (path: NamePath) => NamePath | undefined; skip?: (field: string) => boolean } = {},
): string[] {
  if (!(error instanceof ApiError)) return [error instanceof Error ? error.message : String(error)];
  const rest: string[] = [];
  const byKey = new Map<string, { name: NamePath; errors: string[] }>();
  const issues = (error.problem.errors ?? []) as FieldProblem[];
  for (const issue of issues) {
    if (issue.field && options.skip?.(issue.field)) continue;
    const text = issueMessage(issue as IssueLike, locale, t);
    const raw = issue.field ? toNamePath(issue.field) : [];
    const mapped = options.mapPath ? options.mapPath(raw) : raw;
    let name: NamePath | undefined;
    for (let n = mapped?.length ?? 0; n > 0 && mapped; n--) {
      const candidate = mapped.slice(0, n);
      if (form.getFieldInstance(candidate)) {
        name = candidate;
        break;
      }
    }
    if (name) {
      const key = JSON.stringify(name);
      byKey.set(key, { name, errors: [...(byKey.get(key)?.errors ?? []), text] });
    } else rest.push(text);
  }
  form.setFields([...byKey.values()]);
  if (issues.length === 0) rest.push(problemText(error, locale, t));
  return rest;
}
