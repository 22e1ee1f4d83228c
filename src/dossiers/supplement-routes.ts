import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { citizenOf, requireCitizen } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { DossierDeps } from './deps.ts';
import type { WorkflowDeps } from './perform-action.ts';
import { supplementDossier } from './supplement.ts';
import { supplementBody } from './supplement.schema.ts';
import { dossierSchema } from './submit.schema.ts';
import { readMyDossier } from './tracking.ts';
import { dossierCodeParams } from './tracking.schema.ts';

export interface SupplementRoutesOptions {
  deps: DossierDeps;
  workflow: WorkflowDeps;
}

/** The applicant's supplement (bổ sung hồ sơ) under /api/v1. */
export async function supplementRoutes(app: FastifyInstance, opts: SupplementRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps, workflow } = opts;
  r.post(
    '/dossiers/:code/supplement',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['dossiers'],
        summary: 'Hand in the components a supplement request (form 02) listed; the dossier resumes (others: 404)',
        description: 'Only from status 5 (409 TRANSITION_NOT_ALLOWED otherwise). Files come from POST /api/v1/attachments.',
        params: dossierCodeParams,
        body: supplementBody,
        response: { 200: dossierSchema },
      },
    },
    async (request) => {
      const citizen = citizenOf(request);
      await supplementDossier(deps, workflow, citizen, request.params.code, request.body, {
        actor: actorOf(request),
        sessionTokenHash: request.sessionTokenHash,
      });
      return readMyDossier(deps, citizen, request.params.code, { requestId: request.id, log: request.log });
    },
  );
}
