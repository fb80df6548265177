import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.ts';
import { companyDashboard } from '../../app/dashboards/company-dashboard.ts';
import { personDashboard } from '../../app/dashboards/person-dashboard.ts';
import { personTrends } from '../../app/dashboards/person-trends.ts';
import { teamDashboard } from '../../app/dashboards/team-dashboard.ts';
import { actorOf } from '../auth-hook.ts';
import { sendCachedJson, viewerKey } from '../cached-json.ts';
import {
  companyDashboardOut,
  companyQuery,
  periodQuery,
  personDashboardOut,
  personParams,
  personTrendsOut,
  teamDashboardOut,
  unitParams,
} from './dashboards.schema.ts';

const tags = ['dashboards'];

export function dashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/dashboards/person/:id',
    {
      schema: {
        tags,
        summary: "A person's dashboard 我的绩效: scorecard with pace and gaps, last period, recent activities",
        params: personParams,
        querystring: periodQuery,
        response: { 200: personDashboardOut },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = { personId: request.params.id, periodKey: request.query.period };
      return sendCachedJson(reply, deps, {
        tenantId: actor.tenantId,
        key: `dashboards|person|${viewerKey(actor)}|${input.personId}|${input.periodKey}`,
        schema: personDashboardOut,
        compute: () => personDashboard(deps, actor, input),
      });
    },
  );

  r.get(
    '/api/v1/dashboards/person/:id/trends',
    {
      schema: {
        tags,
        summary: 'Ranks in team and company, and the metrics day by day against earlier periods at the same point',
        params: personParams,
        querystring: periodQuery,
        response: { 200: personTrendsOut },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = { personId: request.params.id, periodKey: request.query.period };
      return sendCachedJson(reply, deps, {
        tenantId: actor.tenantId,
        key: `dashboards|trends|${viewerKey(actor)}|${input.personId}|${input.periodKey}`,
        schema: personTrendsOut,
        compute: () => personTrends(deps, actor, input),
      });
    },
  );

  r.get(
    '/api/v1/dashboards/team/:unitId',
    {
      schema: {
        tags,
        summary: '团队看板: members x metrics with pace, red-line warnings, the unit’s own targets',
        params: unitParams,
        querystring: periodQuery,
        response: { 200: teamDashboardOut },
      },
    },
    async (request, reply) => {
      // Cached per viewer scope: the access check runs inside, and a refusal is never cached.
      const actor = actorOf(request);
      const input = { unitId: request.params.unitId, periodKey: request.query.period };
      return sendCachedJson(reply, deps, {
        tenantId: actor.tenantId,
        key: `dashboards|team|${viewerKey(actor)}|${input.unitId}|${input.periodKey}`,
        schema: teamDashboardOut,
        compute: () => teamDashboard(deps, actor, input),
      });
    },
  );

  r.get(
    '/api/v1/dashboards/company',
    {
      schema: {
        tags,
        summary: '公司看板: org tree with attainment, ratings distribution, trend against target, pipeline funnel',
        querystring: companyQuery,
        response: { 200: companyDashboardOut },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { period, metric } = request.query;
      return sendCachedJson(reply, deps, {
        tenantId: actor.tenantId,
        key: `dashboards|company|${viewerKey(actor)}|${period}|${metric ?? ''}`,
        schema: companyDashboardOut,
        compute: () => companyDashboard(deps, actor, { periodKey: period, ...(metric ? { metricId: metric } : {}) }),
      });
    },
  );
}
