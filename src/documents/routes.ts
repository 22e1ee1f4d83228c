import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../identity/http.ts';
import { officerOf, requireOfficer } from '../identity/guards.ts';
import { AppError } from '../platform/errors.ts';
import { revokeDocument, revokingRoles } from './revoke-document.ts';
import { documentParams, documentVerificationResponse, revokeBody, uploadVerificationResponse } from './routes.schema.ts';
import type { DocumentServices } from './services.ts';
import { storeRoutes } from './store-routes.ts';
import { checkUploadedPdf, describeDocument } from './verification.ts';

/** Largest PDF accepted for verification. */
const maxUploadBytes = 10 * 1024 * 1024;

/** The one uploaded file of a multipart request, read whole within the size limit. */
async function uploadedFile(request: FastifyRequest): Promise<Uint8Array> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file();
  if (!file) throw new AppError('FILE_MISSING');
  try {
    return new Uint8Array(await file.toBuffer());
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('BODY_TOO_LARGE', { maxBytes: maxUploadBytes });
    throw error;
  }
}

/** Public verification of signed documents and their revocation by the issuing agency. */
export async function documentsRoutes(app: FastifyInstance, opts: { services: DocumentServices }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { services } = opts;
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 0, parts: 1 } });
  await app.register(storeRoutes, { services });

  r.get(
    '/public/documents/:id/verification',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['documents'],
        summary: 'Public verification of a signed document by id (no sign-in); an unknown id is DOCUMENT_NOT_FOUND',
        params: documentParams,
        response: { 200: documentVerificationResponse },
      },
    },
    async (request) => describeDocument(services, request.params.id),
  );

  r.post(
    '/public/documents/verify',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['documents'],
        summary: 'Check an uploaded signed PDF (multipart/form-data, field "file"): signature, signer and hash',
        consumes: ['multipart/form-data'],
        response: { 200: uploadVerificationResponse },
      },
    },
    async (request) => {
      const result = await checkUploadedPdf(services, await uploadedFile(request), actorOf(request));
      request.log.info({ verification: { code: result.code, documentId: result.document?.documentId ?? null } }, 'document checked');
      return result;
    },
  );

  r.post(
    '/documents/:id/revoke',
    {
      preHandler: requireOfficer(...revokingRoles),
      schema: {
        tags: ['documents'],
        summary: 'Revoke a signed document (approver, leader or unit administrator of the issuing agency)',
        params: documentParams,
        body: revokeBody,
        response: { 200: documentVerificationResponse },
      },
    },
    async (request) => {
      const input = { documentId: request.params.id, reason: request.body.reason };
      await revokeDocument(services, officerOf(request), input, actorOf(request));
      return describeDocument(services, request.params.id);
    },
  );
}
