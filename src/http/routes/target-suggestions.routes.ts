import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import {
  approveSuggestion,
  findSuggestions,
  generateSuggestions,
  rejectSuggestion,
} from '../../app/targets/suggest-targets.ts';
import { actorOf } from '../auth-hook.ts';
import {
  approveBody,
  generateSuggestionsBody,
  generateSuggestionsOut,
  rejectBody,
  suggestionOut,
  suggestionsQuery,
} from './target-suggestions.schema.ts';

const tags = ['targets'];
const params = z.object({ id: z.string().max(100) });

export function targetSuggestionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/targets/suggestions',
    {
      schema: {
        tags,
        summary: "Propose targets for a unit's people (stored as proposed; nothing changes until approved)",
        body: generateSuggestionsBody,
        response: { 200: generateSuggestionsOut },
      },
    },
    async (request) => generateSuggestions(deps, actorOf(request), request.body),
  );

  r.get(
    '/api/v1/targets/suggestions',
    { schema: { tags, querystring: suggestionsQuery, response: { 200: z.array(suggestionOut) } } },
    async (request) => {
      const { metricId, period, status } = request.query;
      return findSuggestions(deps, actorOf(request), {
        ...(metricId ? { metricId } : {}),
        ...(period ? { periodKey: period } : {}),
        ...(status ? { status } : {}),
      });
    },
  );

  r.post(
    '/api/v1/targets/suggestions/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve: the target is set to the proposal, with history (from suggestion <id>: <reason>)',
        params,
        body: approveBody,
        response: { 200: suggestionOut },
      },
    },
    async (request) => approveSuggestion(deps, actorOf(request), request.params.id, request.body.reason),
  );

  r.post(
    '/api/v1/targets/suggestions/:id/reject',
    {
      schema: { tags, summary: 'Reject, saying why', params, body: rejectBody, response: { 200: suggestionOut } },
    },
    async (request) => rejectSuggestion(deps, actorOf(request), request.params.id, request.body.reason),
  );
}
