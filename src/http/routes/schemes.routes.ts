import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { trialRun } from '../../app/scoring/compute-scorecard.ts';
import {
  addVersion,
  createScheme,
  listSchemesWithVersions,
  publishVersion,
  updateDraft,
} from '../../app/scoring/manage-schemes.ts';
import { scorecardFor } from '../../app/scoring/read-scorecard.ts';
import { actorOf } from '../auth-hook.ts';
import { schemeCreate, schemeOut, scorecardOut, trialOut, versionBody, versionOut } from './schemes.schema.ts';

const tags = ['schemes'];
const ids = z.object({ id: z.string().max(100) });
const versionIds = z.object({ id: z.string().max(100), versionId: z.string().max(100) });

export function schemeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Scheme steps are readonly in the domain; the response schema's arrays are the same data.
  type Out<T extends z.ZodType> = z.infer<T>;
  r.get(
    '/api/v1/schemes',
    { schema: { tags, response: { 200: z.array(schemeOut) } } },
    async (request) => (await listSchemesWithVersions(deps, actorOf(request))) as Out<typeof schemeOut>[],
  );
  r.post(
    '/api/v1/schemes',
    { schema: { tags, body: schemeCreate, response: { 201: schemeOut } } },
    async (request, reply) =>
      reply.code(201).send((await createScheme(deps, actorOf(request), request.body)) as Out<typeof schemeOut>),
  );
  r.post(
    '/api/v1/schemes/:id/versions',
    { schema: { tags, summary: 'Add a draft version', params: ids, body: versionBody, response: { 201: versionOut } } },
    async (request, reply) =>
      reply
        .code(201)
        .send((await addVersion(deps, actorOf(request), request.params.id, request.body)) as Out<typeof versionOut>),
  );
  r.put(
    '/api/v1/schemes/:id/versions/:versionId',
    {
      schema: {
        tags,
        summary: 'Edit a draft version',
        params: versionIds,
        body: versionBody,
        response: { 200: versionOut },
      },
    },
    async (request) =>
      (await updateDraft(deps, actorOf(request), request.params.id, request.params.versionId, request.body)) as Out<
        typeof versionOut
      >,
  );
  r.post(
    '/api/v1/schemes/:id/versions/:versionId/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: it then scores periods officially and is frozen',
        params: versionIds,
        response: { 200: versionOut },
      },
    },
    async (request) =>
      (await publishVersion(deps, actorOf(request), request.params.id, request.params.versionId)) as Out<
        typeof versionOut
      >,
  );
  r.post(
    '/api/v1/schemes/:id/versions/:versionId/trial',
    {
      schema: {
        tags,
        summary: 'Trial run 试运行: score a version beside the live one; nothing official changes',
        params: versionIds,
        body: z.object({ period: z.string().max(40) }),
        response: { 200: trialOut },
      },
    },
    async (request) =>
      trialRun(deps, actorOf(request), {
        schemeId: request.params.id,
        versionId: request.params.versionId,
        periodKey: request.body.period,
      }),
  );
  r.get(
    '/api/v1/scorecards',
    {
      schema: {
        tags: ['scorecards'],
        querystring: z.object({ personId: z.string().max(100), period: z.string().max(40) }),
        response: { 200: scorecardOut },
      },
    },
    async (request) =>
      scorecardFor(deps, actorOf(request), { personId: request.query.personId, periodKey: request.query.period }),
  );
}
