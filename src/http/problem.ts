import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../app/errors.ts';
import { FileFormatError } from '../app/files/file-error.ts';

// Every error leaves as application/problem+json (RFC 9457) naming the record, the field path and
// the reason, so a person (or the web app) can show it next to the field.

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  record?: string;
  recordId?: string;
  errors?: Array<{ field?: string; code: string; reason: string; [k: string]: unknown }>;
};

const problem = (
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: Partial<Problem> = {},
): Problem => ({
  type: `https://pacer.dev/problems/${slug}`,
  title,
  status,
  detail,
  ...extra,
});

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof ValidationError)
    return problem(422, 'validation', 'Validation failed', error.message, {
      record: error.recordKind,
      errors: error.issues,
    });
  if (error instanceof NotFoundError)
    return problem(404, 'not-found', 'Not found', error.message, {
      record: error.recordKind,
      recordId: error.recordId,
    });
  if (error instanceof ForbiddenError) return problem(403, 'forbidden', 'Forbidden', error.message);
  if (error instanceof UnauthorizedError) return problem(401, 'unauthorized', 'Unauthorized', error.message);
  if (error instanceof ConflictError)
    return problem(409, 'conflict', 'Conflict', error.message, {
      record: error.recordKind,
      recordId: error.recordId,
      ...(error.issue
        ? { errors: [{ code: error.issue.code, reason: error.message, params: error.issue.params }] }
        : {}),
    });
  if (error instanceof FileFormatError)
    return problem(error.code === 'too_large' ? 413 : 422, `file-${error.code}`, 'Unreadable file', error.message, {
      errors: [{ field: 'file', code: error.code, reason: error.message }],
    });
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const where = e.validationContext ?? 'body';
    const errors = e.validation.map((v) => {
      const path = v.instancePath
        .replace(/^\//, '')
        .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
        .replace(/\//g, '.');
      const missing = /received undefined/.test(v.message ?? '');
      return {
        field: path || where,
        code: missing ? 'required' : 'type',
        reason: missing ? `${path} is required` : (v.message ?? 'is invalid'),
      };
    });
    const record = request.routeOptions.url?.split('/')[3];
    return problem(
      422,
      'validation',
      'Validation failed',
      `${request.method} ${request.routeOptions.url}: ${errors.map((x) => `${x.field}: ${x.reason}`).join('; ')}`,
      {
        ...(record ? { record } : {}),
        errors,
      },
    );
  }
  if (e.statusCode && e.statusCode < 500)
    return problem(e.statusCode, e.code?.toLowerCase().replace(/_/g, '-') ?? 'bad-request', 'Bad request', e.message);
  return problem(500, 'internal', 'Internal error', 'an unexpected error occurred; it has been logged');
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json').send(p);
}
