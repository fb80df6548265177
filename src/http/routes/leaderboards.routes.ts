import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.ts';
import { ForbiddenError } from '../../app/errors.ts';
import {
  archiveWeeklyLeaderboards,
  listArchivedWeeks,
  readArchivedBoard,
} from '../../app/leaderboards/archive-boards.ts';
import { readLeaderboard } from '../../app/leaderboards/read-leaderboard.ts';
import { actorOf } from '../auth-hook.ts';
import { sendCachedJson, viewerKey } from '../cached-json.ts';
import {
  archiveBody,
  archivedBoardParams,
  archivedBoardQuery,
  archivedWeeksOut,
  archiveOut,
  leaderboardOut,
  leaderboardQuery,
} from './leaderboards.schema.ts';

const tags = ['leaderboards'];

export function leaderboardRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/leaderboards',
    {
      schema: {
        tags,
        summary: 'A leaderboard: ranks by a metric or the total score, as the viewer may see it',
        querystring: leaderboardQuery,
        response: { 200: leaderboardOut },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = request.query;
      return sendCachedJson(reply, deps, {
        tenantId: actor.tenantId,
        key: `leaderboards|${viewerKey(actor)}|${q.metric}|${q.scope}|${q.period}|${q.by}|${q.limit}`,
        schema: leaderboardOut,
        compute: () => readLeaderboard(deps, actor, q),
      });
    },
  );

  r.get(
    '/api/v1/leaderboards/archive',
    { schema: { tags, summary: 'The archived weeks and their boards', response: { 200: archivedWeeksOut } } },
    async (request) => listArchivedWeeks(deps, actorOf(request)),
  );

  r.get(
    '/api/v1/leaderboards/archive/:weekKey',
    {
      schema: {
        tags,
        summary: 'An archived weekly board, as the viewer may see it',
        params: archivedBoardParams,
        querystring: archivedBoardQuery,
        response: { 200: leaderboardOut },
      },
    },
    async (request) => readArchivedBoard(deps, actorOf(request), request.params.weekKey, request.query.metric),
  );

  r.post(
    '/api/v1/leaderboards/archive',
    {
      schema: {
        tags,
        summary: "Archive a past week's boards now (an admin; the server does it every Monday)",
        body: archiveBody,
        response: { 200: archiveOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.role !== 'admin') throw new ForbiddenError('only an admin archives leaderboards');
      return archiveWeeklyLeaderboards(deps, actor.tenantId, request.body.week);
    },
  );
}
