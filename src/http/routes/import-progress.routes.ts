import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { readImportProgress } from '../../app/import-export/import-progress.ts';
import { actorOf } from '../auth-hook.ts';
import { progressOut } from './import-progress.schema.ts';

// The import wizard polls this while its upload (POST /api/v1/<kind>/import?jobId=...) runs.

export function importProgressRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/imports/:jobId/progress',
    {
      schema: {
        tags: ['import'],
        summary: 'How far the server is with an import started with this jobId (only its own user sees it)',
        params: z.object({ jobId: z.string().max(64) }),
        response: { 200: progressOut },
      },
    },
    async (request) => readImportProgress(actorOf(request), request.params.jobId),
  );
}
