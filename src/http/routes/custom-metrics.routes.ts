import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import {
  createCustom,
  deleteCustom,
  listCustom,
  previewCustom,
  updateCustom,
} from '../../app/metrics/manage-custom-metrics.ts';
import { assertCanSee } from '../../app/metrics/metric-access.ts';
import { customSources } from '../../domain/metrics/custom-sources.ts';
import { actorOf } from '../auth-hook.ts';
import { customCreate, customOut, customUpdate, previewBody, sourceOut } from './custom-metrics.schema.ts';
import { parseSubject, valuesOut } from './metrics.schema.ts';

const tags = ['custom-metrics'];
const idParams = z.object({ id: z.string().max(100) });

export function customMetricRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/custom-metrics/sources',
    { schema: { tags, summary: 'What a custom metric can read', response: { 200: sourceOut } } },
    async (request) => {
      actorOf(request);
      return customSources.map((s) => ({
        name: s.name,
        label: s.label,
        fields: s.fields.map((f) => ({
          name: f.name,
          type: f.type,
          label: f.label,
          ...(f.values ? { values: [...f.values] } : {}),
        })),
        dateFields: s.dateFields.map((f) => ({ name: f.name, label: f.label })),
        credits: Object.keys(s.credits),
      }));
    },
  );
  r.get('/api/v1/custom-metrics', { schema: { tags, response: { 200: z.array(customOut) } } }, async (request) =>
    listCustom(deps, actorOf(request)),
  );
  r.post(
    '/api/v1/custom-metrics',
    { schema: { tags, body: customCreate, response: { 201: customOut } } },
    async (request, reply) => reply.code(201).send(await createCustom(deps, actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/custom-metrics/:id',
    { schema: { tags, params: idParams, body: customUpdate, response: { 200: customOut } } },
    async (request) => updateCustom(deps, actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/custom-metrics/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteCustom(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/v1/custom-metrics/preview',
    {
      schema: {
        tags,
        summary: 'Evaluate a draft on live data without saving it',
        body: previewBody,
        response: { 200: valuesOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const subjects = request.body.subjects.split(',').map((s) => parseSubject(s.trim()));
      await assertCanSee(deps, actor, subjects);
      return previewCustom(deps, actor, request.body.metric, request.body.period, subjects);
    },
  );
}
