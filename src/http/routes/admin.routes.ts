import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { getTenant, loadChineseHolidays, updateTenantSettings } from '../../app/tenants/tenant-settings.ts';
import { createAccount, listAccounts, updateAccount } from '../../app/users/manage-users.ts';
import { actorOf } from '../auth-hook.ts';
import {
  loadHolidaysBody,
  loadHolidaysOut,
  tenantOut,
  tenantPatch,
  userCreate,
  userOut,
  userPatch,
} from './admin.schema.ts';

/** Accounts and roles, tenant settings and the holiday calendar: the admin's settings. */
export function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/users', { schema: { tags: ['users'], response: { 200: z.array(userOut) } } }, async (request) =>
    listAccounts(deps, actorOf(request)),
  );
  r.post(
    '/api/v1/users',
    { schema: { tags: ['users'], body: userCreate, response: { 201: userOut } } },
    async (request, reply) => reply.code(201).send(await createAccount(deps, actorOf(request), request.body)),
  );
  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        params: z.object({ id: z.string().max(100) }),
        body: userPatch,
        response: { 200: userOut },
      },
    },
    async (request) => updateAccount(deps, actorOf(request), request.params.id, request.body),
  );

  r.get('/api/v1/tenant', { schema: { tags: ['tenant'], response: { 200: tenantOut } } }, async (request) =>
    getTenant(deps, actorOf(request)),
  );
  r.patch(
    '/api/v1/tenant',
    { schema: { tags: ['tenant'], body: tenantPatch, response: { 200: tenantOut } } },
    async (request) => updateTenantSettings(deps, actorOf(request), request.body),
  );

  r.post(
    '/api/v1/calendar-days/load-cn',
    {
      schema: {
        tags: ['calendar-days'],
        summary: 'Load the Chinese public holidays and 调休 make-up working days of a year',
        body: loadHolidaysBody,
        response: { 200: loadHolidaysOut },
      },
    },
    async (request) => loadChineseHolidays(deps, actorOf(request), request.body.year),
  );
}
