import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendFile } from '../dossiers/routes.ts';
import { citizenOf, officerOf, requireCitizen, requireOfficer } from '../identity/guards.ts';
import type { DocumentServices } from './services.ts';
import {
  officerStoreResponse,
  procedureParams,
  reusableResponse,
  storeConsentBody,
  storeContentQuery,
  storeDocumentParams,
  storeDocumentSchema,
  storeDossierParams,
  storeListResponse,
} from './store-routes.schema.ts';
import {
  grantStoreConsent,
  listOwnStoreDocuments,
  officerDossierStore,
  ownStoreDocumentContent,
  reusableForProcedure,
  revokeStoreConsent,
} from './store.ts';
import { vietnamToday } from '../units/routes.ts';

/** The electronic store (kho dữ liệu điện tử): a citizen's own documents and an officer's view while handling a dossier. */
export async function storeRoutes(app: FastifyInstance, opts: { services: DocumentServices }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { services } = opts;

  r.get(
    '/me/documents',
    {
      preHandler: requireCitizen,
      schema: { tags: ['documents'], summary: 'My electronic store (kho dữ liệu): documents I hold', response: { 200: storeListResponse } },
    },
    async (request) => ({ documents: await listOwnStoreDocuments(services, citizenOf(request)) }),
  );

  r.get(
    '/me/documents/:id/content',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['documents'],
        summary: 'Download, or view in the browser (?disposition=inline), one of my store documents (others: 404)',
        params: storeDocumentParams,
        querystring: storeContentQuery,
      },
    },
    async (request, reply) => {
      const context = { requestId: request.id, log: request.log, ip: request.ip };
      const file = await ownStoreDocumentContent(services, citizenOf(request), request.params.id, context);
      const fileName = `${request.params.id}.pdf`;
      return sendFile(reply, { bytes: file.bytes, mediaType: 'application/pdf', fileName }, request.query.disposition);
    },
  );

  r.post(
    '/me/documents/:id/consents',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['documents'],
        summary: 'Let another agency see one of my store documents',
        params: storeDocumentParams,
        body: storeConsentBody,
        response: { 200: storeDocumentSchema },
      },
    },
    async (request) =>
      grantStoreConsent(
        services,
        citizenOf(request),
        { id: request.params.id, agencyCode: request.body.agencyCode },
        { requestId: request.id, log: request.log, ip: request.ip },
      ),
  );

  r.delete(
    '/me/documents/:id/consents',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['documents'],
        summary: 'Withdraw my consent for an agency',
        params: storeDocumentParams,
        body: storeConsentBody,
        response: { 200: storeDocumentSchema },
      },
    },
    async (request) =>
      revokeStoreConsent(
        services,
        citizenOf(request),
        { id: request.params.id, agencyCode: request.body.agencyCode },
        { requestId: request.id, log: request.log, ip: request.ip },
      ),
  );

  r.get(
    '/procedures/:code/reusable-documents',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['documents'],
        summary: 'My valid store documents that can stand for components of the procedure (no upload needed)',
        params: procedureParams,
        response: { 200: reusableResponse },
      },
    },
    async (request) => reusableForProcedure(services, citizenOf(request), request.params.code, vietnamToday(services.now())),
  );

  r.get(
    '/officer/dossiers/:code/store',
    {
      preHandler: requireOfficer(),
      schema: {
        tags: ['documents'],
        summary:
          "The applicant's store, for an officer handling the open dossier (else 403 STORE_ACCESS_WITHOUT_DOSSIER; every read logged)",
        params: storeDossierParams,
        response: { 200: officerStoreResponse },
      },
    },
    async (request) =>
      officerDossierStore(services, officerOf(request), request.params.code, { requestId: request.id, log: request.log, ip: request.ip }),
  );
}
