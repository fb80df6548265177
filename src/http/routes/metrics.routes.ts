import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { computeBreakdown, computeValues } from '../../app/metrics/compute-metrics.ts';
import { computeSeries } from '../../app/metrics/compute-series.ts';
import { explainMetric } from '../../app/metrics/explain-metric.ts';
import { metricCatalog } from '../../app/metrics/manage-custom-metrics.ts';
import { assertCanSee, visiblePeople } from '../../app/metrics/metric-access.ts';
import { actorOf } from '../auth-hook.ts';
import {
  breakdownQuery,
  explainOut,
  explainQuery,
  metricDefOut,
  parseSubject,
  seriesOut,
  seriesQuery,
  valuesOut,
  valuesQuery,
} from './metrics.schema.ts';

const tags = ['metrics'];
const ids = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function metricRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/metrics',
    { schema: { tags, summary: 'The metric catalog: built-in and custom', response: { 200: z.array(metricDefOut) } } },
    async (request) => metricCatalog(deps, actorOf(request)),
  );

  r.get(
    '/api/v1/metrics/values',
    {
      schema: {
        tags,
        summary: 'Values of metrics for people, units or the company over a period',
        querystring: valuesQuery,
        response: { 200: valuesOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const subjects = ids(request.query.subjects).map(parseSubject);
      await assertCanSee(deps, actor, subjects);
      return computeValues(deps, actor, {
        metricIds: ids(request.query.metrics),
        subjects,
        periodKey: request.query.period,
      });
    },
  );

  r.get(
    '/api/v1/metrics/breakdown',
    {
      schema: {
        tags,
        summary: 'A unit broken down by member or child unit',
        querystring: breakdownQuery,
        response: { 200: valuesOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { metrics, unitId, by, period } = request.query;
      const result = await computeBreakdown(deps, actor, { metricIds: ids(metrics), unitId, by, periodKey: period });
      // Members' values are personal: keep only those the actor may see, plus the unit's total.
      const people = result.rows.flatMap((s) => (s.kind === 'person' ? [s.id] : []));
      const visible = new Set(people.length ? await visiblePeople(deps, actor, people) : []);
      return {
        period: result.period,
        values: result.values.filter((v) => v.subject.kind !== 'person' || visible.has(v.subject.id)),
      };
    },
  );

  r.get(
    '/api/v1/metrics/series',
    {
      schema: {
        tags,
        summary: 'A time series of metrics for one subject',
        querystring: seriesQuery,
        response: { 200: seriesOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const subject = parseSubject(request.query.subject);
      await assertCanSee(deps, actor, [subject]);
      const { metrics, kind, count, lastDate } = request.query;
      return computeSeries(deps, actor, {
        metricIds: ids(metrics),
        subject,
        kind,
        count,
        ...(lastDate ? { lastDate } : {}),
      });
    },
  );

  r.get(
    '/api/v1/metrics/:metricId/explain',
    {
      schema: {
        tags,
        summary: 'The records behind a value: counted, excluded and why, share credited',
        params: z.object({ metricId: z.string().max(100) }),
        querystring: explainQuery,
        response: { 200: explainOut },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const subject = parseSubject(request.query.subject);
      await assertCanSee(deps, actor, [subject]);
      return explainMetric(deps, actor, {
        metricId: request.params.metricId,
        subject,
        periodKey: request.query.period,
      });
    },
  );
}
