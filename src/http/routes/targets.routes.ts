import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { assertCanSee } from '../../app/metrics/metric-access.ts';
import { decomposeByOrganisation, decomposeByTime } from '../../app/targets/decompose-target.ts';
import { findTargetsFor, historyOf, setTargets } from '../../app/targets/set-targets.ts';
import { paceFor } from '../../app/targets/target-pace.ts';
import { actorOf } from '../auth-hook.ts';
import { parseSubject } from './metrics.schema.ts';
import {
  decomposeOrgBody,
  decomposeOrgOut,
  decomposeTimeBody,
  decomposeTimeOut,
  historyOut,
  paceOut,
  paceQuery,
  setTargetsBody,
  targetOut,
  targetsQuery,
} from './targets.schema.ts';

const tags = ['targets'];

export function targetRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/targets',
    { schema: { tags, querystring: targetsQuery, response: { 200: z.array(targetOut) } } },
    async (request) => {
      const { metricId, subject, period } = request.query;
      return findTargetsFor(deps, actorOf(request), {
        ...(metricId ? { metricId } : {}),
        ...(subject ? { subject: parseSubject(subject) } : {}),
        ...(period ? { periodKey: period } : {}),
      });
    },
  );

  r.put(
    '/api/v1/targets',
    {
      schema: {
        tags,
        summary: 'Set targets (all or nothing); every change keeps who, when, old, new and why',
        body: setTargetsBody,
        response: { 200: z.array(targetOut) },
      },
    },
    async (request) =>
      setTargets(
        deps,
        actorOf(request),
        request.body.targets.map((t) => ({ ...t, subject: parseSubject(t.subject) })),
      ),
  );

  r.get(
    '/api/v1/targets/:id/history',
    { schema: { tags, params: z.object({ id: z.string().max(100) }), response: { 200: historyOut } } },
    async (request) => historyOf(deps, actorOf(request), request.params.id),
  );

  r.post(
    '/api/v1/targets/decompose-org',
    {
      schema: {
        tags,
        summary: "Split a unit's target among its child units or members",
        body: decomposeOrgBody,
        response: { 200: decomposeOrgOut },
      },
    },
    async (request) => decomposeByOrganisation(deps, actorOf(request), request.body),
  );

  r.post(
    '/api/v1/targets/decompose-time',
    {
      schema: {
        tags,
        summary: "Split a year's target into months by last year's seasonality",
        body: decomposeTimeBody,
        response: { 200: decomposeTimeOut },
      },
    },
    async (request) =>
      decomposeByTime(deps, actorOf(request), { ...request.body, subject: parseSubject(request.body.subject) }),
  );

  r.get(
    '/api/v1/targets/pace',
    {
      schema: {
        tags,
        summary: 'Target, actual, expected-to-date and pace status',
        querystring: paceQuery,
        response: { 200: paceOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const subject = parseSubject(request.query.subject);
      await assertCanSee(deps, actor, [subject]);
      return paceFor(deps, actor, { metricId: request.query.metricId, subject, periodKey: request.query.period });
    },
  );
}
