import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { recordKinds } from '../../domain/records/kinds.ts';
import { actorOf } from '../auth-hook.ts';

export function systemRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), dialect: z.string() }) } } },
    async () => ({ status: 'ok' as const, dialect: deps.dialect }),
  );

  // The record kinds and their fields, so a client (the web app, an integrator) can build forms
  // and import screens without hard-coding them.
  r.get(
    '/api/v1/record-kinds',
    {
      schema: {
        tags: ['system'],
        response: {
          200: z.array(
            z.object({
              name: z.string(),
              path: z.string(),
              label: z.record(z.string(), z.string()),
              hasExternalId: z.boolean(),
              isReadOnly: z.boolean(),
              fields: z.array(
                z.object({
                  name: z.string(),
                  type: z.string(),
                  label: z.record(z.string(), z.string()),
                  isRequired: z.boolean(),
                  isReadOnly: z.boolean(),
                  values: z.array(z.string()).optional(),
                  refKind: z.string().optional(),
                }),
              ),
            }),
          ),
        },
      },
    },
    async (request) => {
      actorOf(request);
      return recordKinds.map((k) => ({
        name: k.name,
        path: k.path,
        label: k.label,
        hasExternalId: k.hasExternalId,
        isReadOnly: !!k.isReadOnly,
        fields: k.fields.map((f) => ({
          name: f.name,
          type: f.type,
          label: f.label,
          isRequired: !!f.isRequired,
          isReadOnly: !!f.isReadOnly,
          ...(f.values ? { values: [...f.values] } : {}),
          ...(f.refKind ? { refKind: f.refKind } : {}),
        })),
      }));
    },
  );
}
