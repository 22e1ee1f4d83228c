import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerOf, requireOfficer } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import { requestLanguage } from '../platform/http/errors.ts';
import type { DossierDeps } from './deps.ts';
import { listCommunityHelpers, registerCommunityHelper, registerOfficerDossier } from './intake.ts';
import { communityHelperBody, communityHelperQuery, communityHelperSchema, officerIntakeBody } from './intake.schema.ts';
import type { WorkflowDeps } from './perform-action.ts';
import { dossierSchema, idempotencyHeaders } from './submit.schema.ts';

export interface IntakeRoutesOptions {
  deps: DossierDeps;
  workflow: WorkflowDeps;
}

function presentHelper(row: { id: string; unitCode: string; name: string; phone: string | null; team: string; createdAt: Date }) {
  return { id: row.id, unitCode: row.unitCode, name: row.name, phone: row.phone, team: row.team, createdAt: row.createdAt.toISOString() };
}

/** Counter and assisted intake by reception officers; community digital-technology helpers (unit admins). */
export async function intakeRoutes(app: FastifyInstance, opts: IntakeRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps, workflow } = opts;

  r.post(
    '/officer/dossiers',
    {
      preHandler: requireOfficer('reception'),
      schema: {
        tags: ['dossiers'],
        summary: 'Register a counter (channel 1, received at once) or assisted (channel 2) dossier; Idempotency-Key required',
        headers: idempotencyHeaders,
        body: officerIntakeBody,
        response: {
          200: dossierSchema.extend({ slips: z.array(z.object({ form: z.string(), url: z.string() })) }),
          201: dossierSchema.extend({ slips: z.array(z.object({ form: z.string(), url: z.string() })) }),
        },
      },
    },
    async (request, reply) => {
      const outcome = await registerOfficerDossier(deps, workflow, {
        officer: officerOf(request),
        idempotencyKey: request.headers['idempotency-key'],
        body: request.body,
        ip: request.ip,
        sessionTokenHash: request.sessionTokenHash,
        actor: actorOf(request),
        lang: requestLanguage(request),
      });
      if (outcome.notificationId) deps.notifications.dispatch(outcome.notificationId);
      if (outcome.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.isReplay ? 200 : 201).send({ ...outcome.dossier, slips: outcome.slips });
    },
  );

  r.post(
    '/officer/community-helpers',
    {
      preHandler: requireOfficer('unit_admin'),
      schema: {
        tags: ['dossiers'],
        summary: 'Register a community digital-technology team member (unit administrator of the unit)',
        body: communityHelperBody,
        response: { 201: communityHelperSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentHelper(await registerCommunityHelper(deps, officerOf(request), request.body, actorOf(request)))),
  );

  r.get(
    '/officer/community-helpers',
    {
      preHandler: requireOfficer('unit_admin'),
      schema: {
        tags: ['dossiers'],
        summary: 'Community digital-technology team members of a unit',
        querystring: communityHelperQuery,
        response: { 200: z.object({ items: z.array(communityHelperSchema) }) },
      },
    },
    async (request) => ({ items: (await listCommunityHelpers(deps, officerOf(request), request.query.unitCode)).map(presentHelper) }),
  );
}
