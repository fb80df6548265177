import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { ValidationError } from '../../app/errors.ts';
import { defaultReadLimits } from '../../app/files/read-table.ts';
import { contentTypeFor } from '../../app/files/write-table.ts';
import { exportRecords, templateFile } from '../../app/import-export/export-records.ts';
import { type ImportPhase, reportImportProgress } from '../../app/import-export/import-progress.ts';
import { importFile } from '../../app/import-export/import-records.ts';
import { deleteVisibleRecord } from '../../app/records/delete-record.ts';
import { getVisibleRecord, listVisibleRecords } from '../../app/records/read-records.ts';
import { type SaveMode, saveRecords } from '../../app/records/save-records.ts';
import type { Locale, RecordKind } from '../../domain/records/field.ts';
import { recordKinds } from '../../domain/records/kinds.ts';
import { actorOf } from '../auth-hook.ts';
import {
  issueSchema,
  listQuerySchema,
  presentRecord,
  recordInputSchema,
  recordOutputSchema,
  saveReportSchema,
} from './records.schema.ts';

const MAX_BATCH = 5_000;
const idParams = z.object({ id: z.string().max(100) });
const fileQuery = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

function splitListQuery(kind: RecordKind, query: Record<string, unknown>) {
  const { limit, cursor, sort, q, format: _f, lang: _l, ...filters } = query;
  return {
    limit: Number(limit ?? 50),
    ...(typeof cursor === 'string' ? { cursor } : {}),
    ...(typeof sort === 'string' ? { sort } : {}),
    ...(typeof q === 'string' && q.trim() ? { q: q.trim() } : {}),
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<
      string,
      string
    >,
    kind: kind.name,
  };
}

/** The same routes for every record kind: list, read, create, update, delete, batch, import, export. */
export function recordRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of recordKinds) {
    const base = `/api/v1/${kind.path}`;
    const tags = [kind.path];
    const out = recordOutputSchema(kind);
    const writeResult = z.object({ record: out, warnings: z.array(issueSchema) });

    r.get(
      base,
      {
        schema: {
          tags,
          summary: `List ${kind.label.en} (${kind.label['zh-CN']})`,
          querystring: listQuerySchema(kind),
          response: { 200: z.object({ items: z.array(out), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const page = await listVisibleRecords(deps, actorOf(request), kind, splitListQuery(kind, request.query));
        return { items: page.items.map((i) => presentRecord(kind, i)), nextCursor: page.nextCursor };
      },
    );

    r.get(
      `${base}/export`,
      {
        schema: {
          tags,
          summary: `Export ${kind.label.en} to XLSX or CSV (same filters as the list)`,
          querystring: listQuerySchema(kind).extend(fileQuery.shape).omit({ limit: true, cursor: true }),
        },
      },
      async (request, reply) => {
        const { format, lang } = request.query as { format: 'xlsx' | 'csv'; lang: Locale };
        const query = splitListQuery(kind, request.query);
        const bytes = await exportRecords(deps, actorOf(request), kind, format, lang, query);
        return reply
          .type(contentTypeFor(format))
          .header('content-disposition', `attachment; filename="${kind.path}.${format}"`)
          .send(bytes);
      },
    );

    r.get(`${base}/:id`, { schema: { tags, params: idParams, response: { 200: out } } }, async (request) =>
      presentRecord(kind, await getVisibleRecord(deps, actorOf(request), kind, request.params.id)),
    );

    if (kind.isReadOnly) continue;

    const writeOne = async (actorRequest: Parameters<typeof actorOf>[0], mode: SaveMode, raw: unknown, id?: string) => {
      const report = await saveRecords(
        deps,
        actorOf(actorRequest),
        kind,
        mode,
        [{ raw: raw as Record<string, unknown>, id }],
        {
          source: 'api',
        },
      );
      if (!report.isCommitted) throw new ValidationError(kind.name, report.issues);
      const saved = report.records[0] ?? {};
      const record = await getVisibleRecord(deps, actorOf(actorRequest), kind, String(saved.id ?? id));
      return { record: presentRecord(kind, record), warnings: report.warnings };
    };

    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Create one of ${kind.label.en}`,
          body: recordInputSchema(kind, 'create'),
          response: { 201: writeResult },
        },
      },
      async (request, reply) => reply.code(201).send(await writeOne(request, 'create', request.body)),
    );

    r.patch(
      `${base}/:id`,
      { schema: { tags, params: idParams, body: recordInputSchema(kind, 'update'), response: { 200: writeResult } } },
      async (request) => writeOne(request, 'update', request.body, request.params.id),
    );

    r.delete(
      `${base}/:id`,
      { schema: { tags, params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await deleteVisibleRecord(deps, actorOf(request), kind, request.params.id);
        return reply.code(204).send(null);
      },
    );

    r.post(
      `${base}/batch`,
      {
        schema: {
          tags,
          summary: `Create or update many ${kind.label.en} by ${kind.hasExternalId ? 'externalId' : (kind.naturalKey ?? 'id')} (idempotent)`,
          body: z.object({
            records: z.array(recordInputSchema(kind, 'batch')).min(1).max(MAX_BATCH),
            dryRun: z.boolean().default(false),
            skipInvalid: z.boolean().default(false).describe('write the good rows and report the bad ones'),
          }),
          response: { 200: saveReportSchema },
        },
      },
      async (request) => {
        const { records, dryRun, skipInvalid } = request.body;
        const report = await saveRecords(
          deps,
          actorOf(request),
          kind,
          'upsert',
          records.map((raw) => ({ raw: raw as Record<string, unknown> })),
          { source: 'import', dryRun, skipInvalid },
        );
        return { ...report, records: undefined };
      },
    );

    r.get(
      `${base}/template`,
      { schema: { tags, summary: `Import template for ${kind.label.en}`, querystring: fileQuery } },
      async (request, reply) => {
        const { format, lang } = request.query;
        return reply
          .type(contentTypeFor(format))
          .header('content-disposition', `attachment; filename="${kind.path}-template.${format}"`)
          .send(await templateFile(kind, format, lang));
      },
    );

    r.post(
      `${base}/import`,
      {
        schema: {
          tags,
          summary: `Import ${kind.label.en} from a CSV or XLSX file (multipart field "file")`,
          consumes: ['multipart/form-data'],
          querystring: z.object({
            dryRun: z.enum(['true', 'false']).default('false'),
            skipInvalid: z.enum(['true', 'false']).default('false'),
            lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
            jobId: z
              .string()
              .regex(/^[A-Za-z0-9-]{8,64}$/)
              .optional()
              .describe('a client-chosen id: GET /api/v1/imports/{jobId}/progress follows this import while it runs'),
          }),
          response: {
            200: saveReportSchema.extend({
              fileName: z.string(),
              format: z.enum(['csv', 'xlsx']),
              encoding: z.string().optional(),
              ignoredColumns: z.array(z.string()),
            }),
          },
        },
      },
      async (request) => {
        const file = await request.file({ limits: { fileSize: defaultReadLimits.maxBytes, files: 1 } });
        if (!file)
          throw new ValidationError(kind.name, [
            { index: -1, field: 'file', code: 'required', reason: 'upload the file in the multipart field "file"' },
          ]);
        const bytes = await file.toBuffer();
        const { dryRun, skipInvalid, lang, jobId } = request.query;
        const actor = actorOf(request);
        const track = (phase: ImportPhase, done?: number, total?: number) => {
          if (jobId) reportImportProgress(deps, actor, jobId, phase, done, total);
        };
        track('reading');
        try {
          const report = await importFile(
            deps,
            actor,
            kind,
            { bytes, fileName: file.filename },
            {
              dryRun: dryRun === 'true',
              skipInvalid: skipInvalid === 'true',
              locale: lang,
              onProgress: track,
            },
          );
          track('done', report.total, report.total);
          return report;
        } catch (error) {
          track('failed');
          throw error;
        }
      },
    );
  }
}
