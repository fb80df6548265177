import type { Issue, RecordValues } from './field.ts';

// Small cross-field rules shared by several record kinds.

/** `later` must not be before `earlier` when both are set (ISO dates and instants compare as text). */
export function notBefore(record: RecordValues, earlier: string, later: string): Issue[] {
  const a = record[earlier];
  const b = record[later];
  if (typeof a !== 'string' || typeof b !== 'string' || b >= a) return [];
  return [
    {
      field: later,
      code: 'order',
      reason: `${later} (${b}) is before ${earlier} (${a})`,
      params: { earlier, later, earlierValue: a, laterValue: b },
    },
  ];
}

export type ShareEntry = { personId: string; role?: string; shareBp: number };

export const FULL_SHARE_BP = 10_000;

/** Credit shares must name each person once and sum to exactly 100% (spec 2). */
export function sharesIssues(field: string, entries: readonly ShareEntry[]): Issue[] {
  const issues: Issue[] = [];
  if (entries.length === 0) {
    issues.push({ field, code: 'required', reason: `${field} needs at least one person` });
    return issues;
  }
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.personId)) {
      issues.push({
        field: `${field}[${index}].personId`,
        code: 'shares_duplicate',
        reason: `person ${entry.personId} appears more than once in ${field}`,
        params: { personId: entry.personId },
      });
    }
    seen.add(entry.personId);
    if (entry.shareBp <= 0) {
      issues.push({
        field: `${field}[${index}].sharePct`,
        code: 'range',
        reason: `a share must be more than 0% (got ${entry.shareBp / 100}%)`,
      });
    }
  });
  const total = entries.reduce((sum, e) => sum + e.shareBp, 0);
  if (total !== FULL_SHARE_BP) {
    issues.push({
      field,
      code: 'shares_sum',
      reason: `shares sum to ${total / 100}%, they must sum to exactly 100%`,
      params: { totalPct: total / 100 },
    });
  }
  return issues;
}

/** A deal team has exactly one member with role owner, and that member is the deal's owner. */
export function teamOwnerIssues(ownerId: unknown, team: readonly ShareEntry[]): Issue[] {
  const owners = team.filter((m) => m.role === 'owner');
  if (owners.length !== 1) {
    return [
      {
        field: 'team',
        code: 'shares_owner',
        reason: `the team must have exactly one member with role owner (has ${owners.length})`,
      },
    ];
  }
  if (typeof ownerId === 'string' && owners[0]?.personId !== ownerId) {
    return [
      {
        field: 'team',
        code: 'shares_owner',
        reason: `the team's owner (${owners[0]?.personId}) is not the deal's ownerId (${ownerId})`,
      },
    ];
  }
  return [];
}
