import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppDeps } from '../app/context.ts';
import { createLive } from '../app/live/live.ts';
import { registerAuth } from './auth-hook.ts';
import { registerChangePublishing } from './live-hook.ts';
import { sendProblem, toProblem } from './problem.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { customMetricRoutes } from './routes/custom-metrics.routes.ts';
import { dashboardRoutes } from './routes/dashboards.routes.ts';
import { feedbackRoutes } from './routes/feedback.routes.ts';
import { importProgressRoutes } from './routes/import-progress.routes.ts';
import { leaderboardRoutes } from './routes/leaderboards.routes.ts';
import { liveRoutes } from './routes/live.routes.ts';
import { metricRoutes } from './routes/metrics.routes.ts';
import { periodRoutes } from './routes/periods.routes.ts';
import { recordRoutes } from './routes/records.routes.ts';
import { schemeRoutes } from './routes/schemes.routes.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { targetFileRoutes } from './routes/target-files.routes.ts';
import { targetSuggestionRoutes } from './routes/target-suggestions.routes.ts';
import { targetRoutes } from './routes/targets.routes.ts';
import { wallRoutes } from './routes/wall.routes.ts';
import { registerWebApp } from './web-static.ts';

export type BuildOptions = {
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  /** The built web app (dist/web) to serve beside the API; omitted in API tests. */
  webDistDir?: string;
};

/** The whole HTTP app without listening: tests drive it with app.inject(). */
export async function buildApp(givenDeps: AppDeps, options: BuildOptions = {}) {
  const deps: AppDeps = givenDeps.live ? givenDeps : { ...givenDeps, live: createLive() };
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 25 * 1024 * 1024,
    // Live streams (server-sent events) never go idle: close them with the server.
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Pacer API',
        description:
          'Pacer sales performance management (销售绩效管理系统). Authenticate with the session cookie from POST /api/v1/auth/login (writes then need the x-csrf-token header) or with `Authorization: Bearer <API token>`. Errors are application/problem+json naming the record, the field and the reason.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'pacer_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ problem: problem.type, detail: problem.detail }, 'request refused');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: 'https://pacer.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );

  registerAuth(app, deps);
  registerChangePublishing(app, deps);
  authRoutes(app, deps, { secureCookies: options.secureCookies ?? false });
  recordRoutes(app, deps);
  metricRoutes(app, deps);
  leaderboardRoutes(app, deps);
  adminRoutes(app, deps);
  customMetricRoutes(app, deps);
  targetRoutes(app, deps);
  targetSuggestionRoutes(app, deps);
  targetFileRoutes(app, deps);
  schemeRoutes(app, deps);
  feedbackRoutes(app, deps);
  importProgressRoutes(app, deps);
  periodRoutes(app, deps);
  dashboardRoutes(app, deps);
  systemRoutes(app, deps);
  liveRoutes(app, deps);
  wallRoutes(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (options.webDistDir) await registerWebApp(app, options.webDistDir);
  await app.ready();
  return app;
}
