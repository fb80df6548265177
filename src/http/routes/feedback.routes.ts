import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { versionFeedback } from '../../app/scoring/scheme-feedback.ts';
import { actorOf } from '../auth-hook.ts';
import { feedbackSummaryOut } from './feedback.schema.ts';

// Reps write feedback and disputes through the record routes (/scheme-feedback, /disputes);
// this adds the director's summary of a version's feedback per item.

export function feedbackRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/schemes/:id/versions/:versionId/feedback',
    {
      schema: {
        tags: ['schemes'],
        summary: 'Feedback 参与设计 per item of a version: average rating, count, spread and comments',
        params: z.object({ id: z.string().max(100), versionId: z.string().max(100) }),
        response: { 200: feedbackSummaryOut },
      },
    },
    async (request) => {
      const summary = await versionFeedback(deps, actorOf(request), request.params.id, request.params.versionId);
      return summary as z.infer<typeof feedbackSummaryOut>;
    },
  );
}
