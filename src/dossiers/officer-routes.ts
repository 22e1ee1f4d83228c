import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { officerOf, requireOfficer } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { DocumentServices } from '../documents/services.ts';
import type { Database } from '../platform/db/client.ts';
import { AgencyDirectory } from '../units/agency-directory.ts';
import { CurrentCommunes } from '../units/current-communes.ts';
import { dossierWorkerRoles } from './dossier-access.ts';
import { listInbox } from './inbox.ts';
import {
  actionOutcome,
  dossierActionBody,
  dossierParams,
  dossierView,
  inboxQuery,
  inboxResponse,
  slipParams,
} from './officer-routes.schema.ts';
import { performDossierAction, type CalendarProvider } from './perform-action.ts';
import { readDossierForOfficer } from './read-dossier.ts';
import { downloadSlip } from './slips/download-slip.ts';

export interface OfficerDossierRoutesOptions {
  database: Database;
  now: () => Date;
  calendarFor: CalendarProvider;
  provinceCode: string;
  publicUrl: string;
  /** Signs the electronic result at `record_result`. */
  documents: DocumentServices;
}

/** The one-stop back office under /api/v1/officer: inbox, dossier view, actions and slips. */
export async function officerDossierRoutes(app: FastifyInstance, opts: OfficerDossierRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: opts.database.db, now: opts.now, calendarFor: opts.calendarFor, documents: opts.documents };
  const worker = requireOfficer(...dossierWorkerRoles);
  const communes = new CurrentCommunes(opts.database.db);
  const agencies = new AgencyDirectory(opts.database.db, opts.provinceCode);

  r.get(
    '/officer/inbox',
    {
      preHandler: worker,
      schema: {
        tags: ['dossiers'],
        summary: 'The officer’s inbox: dossiers of their agencies, filtered and sorted by deadline, with queue counts',
        querystring: inboxQuery,
        response: { 200: inboxResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listInbox(deps, officerOf(request), request.query, opts.provinceCode);
    },
  );

  r.get(
    '/officer/dossiers/:code',
    {
      preHandler: worker,
      schema: {
        tags: ['dossiers'],
        summary: 'One dossier in full: components, form data, timeline, steps, remaining working time (the read is logged)',
        params: dossierParams,
        response: { 200: dossierView },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readDossierForOfficer(deps, officerOf(request), request.params.code, actorOf(request));
    },
  );

  r.post(
    '/officer/dossiers/:code/actions',
    {
      preHandler: worker,
      schema: {
        tags: ['dossiers'],
        summary: 'Act on a dossier (receive, refuse, request supplement, forward, approve, return…) at the version last seen',
        description: 'The transition table is in src/dossiers/domain/workflow.ts. A stale expectedVersion answers 409 DOSSIER_CHANGED.',
        params: dossierParams,
        body: dossierActionBody,
        response: { 200: actionOutcome },
      },
    },
    async (request) =>
      performDossierAction(deps, officerOf(request), request.params.code, request.body, {
        actor: actorOf(request),
        sessionTokenHash: request.sessionTokenHash,
      }),
  );

  r.get(
    '/officer/dossiers/:code/slips/:form',
    {
      preHandler: worker,
      schema: {
        tags: ['dossiers'],
        summary: 'A slip of the dossier as PDF: 01 receipt, 02 supplement, 03 refusal, 04 apology, 05 processing control sheet',
        params: slipParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { code, form } = request.params;
      const slip = await downloadSlip(
        { ...deps, publicUrl: opts.publicUrl, communes, agencies },
        officerOf(request),
        code,
        form,
        actorOf(request),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${slip.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(slip.bytes));
    },
  );
}
