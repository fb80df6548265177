import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.ts';
import { ValidationError } from '../../app/errors.ts';
import { defaultReadLimits } from '../../app/files/read-table.ts';
import { exportTargetGrid, importTargetGrid } from '../../app/targets/target-grid-file.ts';
import { actorOf } from '../auth-hook.ts';
import { gridImportOut, gridImportQuery, gridQuery } from './target-files.schema.ts';

const tags = ['targets'];
export function targetFileRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/targets/export',
    {
      schema: {
        tags,
        summary: "A year's targets of one metric as an XLSX grid: units and people down, months and the year across",
        querystring: gridQuery,
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await exportTargetGrid(deps, actorOf(request), {
        metricId: request.query.metricId,
        yearKey: request.query.year,
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(bytes);
    },
  );

  r.post(
    '/api/v1/targets/import',
    {
      schema: {
        tags,
        summary:
          'Import a targets grid (multipart field "file"): a dry run reports every bad cell; a commit is all or nothing',
        consumes: ['multipart/form-data'],
        querystring: gridImportQuery,
        response: { 200: gridImportOut },
      },
    },
    async (request) => {
      const file = await request.file({ limits: { fileSize: defaultReadLimits.maxBytes, files: 1 } });
      if (!file)
        throw new ValidationError('targets', [
          { index: -1, field: 'file', code: 'required', reason: 'upload the file in the multipart field "file"' },
        ]);
      return importTargetGrid(deps, actorOf(request), {
        metricId: request.query.metricId,
        yearKey: request.query.year,
        bytes: await file.toBuffer(),
        fileName: file.filename,
        dryRun: request.query.dryRun === 'true',
      });
    },
  );
}
