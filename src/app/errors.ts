import type { IssueCode } from '../domain/records/field.ts';
import type { RowIssue } from './records/save-records.ts';

// Errors a use case raises on purpose; the HTTP layer maps each to a problem+json status.

export class NotFoundError extends Error {
  constructor(
    readonly recordKind: string,
    readonly recordId: string,
  ) {
    super(`${recordKind} ${recordId} was not found`);
  }
}

export class ForbiddenError extends Error {}

export class UnauthorizedError extends Error {}

export class ValidationError extends Error {
  constructor(
    readonly recordKind: string,
    readonly issues: RowIssue[],
    message?: string,
  ) {
    super(message ?? `${recordKind}: ${issues.map((i) => `${i.field ?? 'record'}: ${i.reason}`).join('; ')}`);
  }
}

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly recordKind?: string,
    readonly recordId?: string,
    /** A code and raw values a UI words in its own language (e.g. in_use: { usedBy, count }). */
    readonly issue?: { code: IssueCode; params: Record<string, string | number> },
  ) {
    super(message);
  }
}
