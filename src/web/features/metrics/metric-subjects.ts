import type { Role } from '../../api/session.ts';

export type Subject = { key: string; label: string };

/** Whose numbers a role sees first: a rep their own, a manager their team(s) and themselves, admin and finance the company. */
export function subjectsFor(
  role: Role,
  personId: string | null,
  managedUnits: ReadonlyArray<{ id: string; name: string | null }>,
  labels: { me: string; company: string },
): Subject[] {
  const me = personId ? [{ key: `person:${personId}`, label: labels.me }] : [];
  if (role === 'rep') return me;
  if (role === 'manager') return [...managedUnits.map((u) => ({ key: `unit:${u.id}`, label: u.name ?? u.id })), ...me];
  return [{ key: 'tenant', label: labels.company }];
}
