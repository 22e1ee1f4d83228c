import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertOfficerScope, officerOf } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { Database } from '../platform/db/client.ts';
import { createProcedure, publishProcedureVersion } from './publish-version.ts';
import {
  createProcedureBody,
  procedureParams,
  publishVersionBody,
  publishVersionResponse,
  referenceStateResponse,
  returnToReferenceBody,
} from './routes.schema.ts';
import { referenceStateOf, returnToReference } from './sync-catalogue.ts';

/** The province's administrators keep its procedure catalogue: a change publishes a new version. */
export async function procedureAdminRoutes(app: FastifyInstance, opts: { database: Database; provinceCode: string }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;
  const province = { agencyCode: '', unitCode: opts.provinceCode, provinceCode: opts.provinceCode };
  const systemAdminOnly = async (request: FastifyRequest) => assertOfficerScope(officerOf(request), province, 'system_admin');

  r.post(
    '/admin/procedures',
    {
      preHandler: systemAdminOnly,
      schema: {
        tags: ['procedures'],
        summary: "Add a procedure the reference catalogue lacks, as version 1 (the province's system administrators)",
        body: createProcedureBody,
        response: { 201: publishVersionResponse },
      },
    },
    async (request, reply) => {
      const { code, content } = request.body;
      const created = await createProcedure(db, { provinceCode: opts.provinceCode, code, content, actor: actorOf(request) });
      return reply.code(201).send({ code, ...created });
    },
  );

  r.post(
    '/admin/procedures/:code/versions',
    {
      preHandler: systemAdminOnly,
      schema: {
        tags: ['procedures'],
        summary:
          "Publish a new version of a procedure (the province's system administrators); dossiers keep the version they were filed under",
        params: procedureParams,
        body: publishVersionBody,
        response: { 201: publishVersionResponse },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const { basedOnVersion, changeNote, changes } = request.body;
      const published = await publishProcedureVersion(db, {
        provinceCode: opts.provinceCode,
        code,
        changes,
        changeNote,
        basedOnVersion,
        actor: actorOf(request),
      });
      return reply.code(201).send({ code, ...published });
    },
  );

  r.get(
    '/admin/procedures/:code/reference',
    {
      preHandler: systemAdminOnly,
      schema: {
        tags: ['procedures'],
        summary: "How a procedure stands against this release's reference catalogue (the province's system administrators)",
        params: procedureParams,
        response: { 200: referenceStateResponse },
      },
    },
    async (request) => {
      const found = await referenceStateOf(db, { provinceCode: opts.provinceCode, code: request.params.code });
      return { state: found.state, reference: found.state === 'differs' ? found.reference : null };
    },
  );

  r.post(
    '/admin/procedures/:code/reference',
    {
      preHandler: systemAdminOnly,
      schema: {
        tags: ['procedures'],
        summary: "Go back to the reference catalogue's content for a procedure, as a new version that later releases update again",
        params: procedureParams,
        body: returnToReferenceBody,
        response: { 201: publishVersionResponse },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const published = await returnToReference(db, {
        provinceCode: opts.provinceCode,
        code,
        basedOnVersion: request.body.basedOnVersion,
        actor: actorOf(request),
      });
      return reply.code(201).send({ code, ...published });
    },
  );
}
