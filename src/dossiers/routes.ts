import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { requestLanguage } from '../platform/http/errors.ts';
import { citizenOf, principalOf, requireCitizen, requireSignedIn } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import { readAttachmentContent, receiveAttachment } from './attachments.ts';
import type { DossierDeps } from './deps.ts';
import { deleteDraft, readDraft, saveDraft } from './drafts.ts';
import { attachmentSchema, draftParams, draftSchema, saveDraftBody } from './drafts.schema.ts';
import { receiptForApplicant } from './receipt.ts';
import { submitDossier } from './submit.ts';
import { dossierSchema, dossierSummarySchema, idempotencyHeaders, submitDossierBody } from './submit.schema.ts';
import { listMyDossiers, lookupDossierStatus, readMyDossier } from './tracking.ts';
import { dossierCodeParams, myDossiersQuery, publicDossierStatusSchema, publicLookupQuery, withdrawBody } from './tracking.schema.ts';
import { withdrawDossier } from './withdraw.ts';

export interface DossierRoutesOptions {
  deps: DossierDeps;
  publicLookupPerMinute: number;
  /** Send queued e-mail from this process right after the commit (else a worker sends the pending rows). */
  dispatchAfterCommit: boolean;
}

// Multipart framing around one file: boundaries, part headers and a few small fields.
const multipartOverheadBytes = 64 * 1024;

/** `attachment; filename="ascii"; filename*=UTF-8''…` so Vietnamese names survive every browser. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function sendFile(reply: FastifyReply, file: { bytes: Uint8Array; mediaType: string; fileName: string }, kind: 'inline' | 'attachment'): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(kind, file.fileName))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** Citizen dossiers under /api/v1: attachments, drafts, submission, my dossiers, withdrawal, public lookup. */
export async function dossierRoutes(app: FastifyInstance, opts: DossierRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = opts;
  const maxBytes = deps.limits.maxBytes;

  r.post(
    '/attachments',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['dossiers'],
        summary: 'Upload one file (multipart part "file"): PDF, JPEG or PNG by content, size/page/pixel limits, SHA-256',
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const declared = Number(request.headers['content-length']);
      // Refuse a declared oversize body before reading a byte of it.
      if (Number.isFinite(declared) && declared > maxBytes + multipartOverheadBytes) {
        reply.header('connection', 'close');
        throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes });
      }
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
      const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 12 }, throwFileSizeLimit: false });
      if (!part || part.fieldname !== 'file') throw new AppError('ATTACHMENT_FILE_MISSING');
      try {
        const attachment = await receiveAttachment(deps, principal, { fileName: part.filename, content: part.file }, actorOf(request));
        return reply.status(201).send(attachment);
      } catch (error) {
        // Stop reading what is left of a refused upload; the connection is closed after the answer.
        part.file.resume();
        reply.header('connection', 'close');
        throw error;
      }
    },
  );

  r.get(
    '/attachments/:id/content',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['dossiers'],
        summary: 'The bytes of an attachment: its owner, or an officer of the agency receiving/handling its dossier',
        params: z.strictObject({ id: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const file = await readAttachmentContent(deps, principalOf(request), request.params.id, request.id);
      return sendFile(reply, file, 'attachment');
    },
  );

  r.get(
    '/drafts/:procedureCode',
    {
      preHandler: requireCitizen,
      schema: { tags: ['dossiers'], summary: 'The signed-in citizen’s draft for a procedure', params: draftParams, response: { 200: draftSchema } },
    },
    async (request) => readDraft(deps, citizenOf(request).id, request.params.procedureCode),
  );

  r.put(
    '/drafts/:procedureCode',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['dossiers'],
        summary: 'Save the draft (partial answers allowed) to resume on another device',
        params: draftParams,
        body: saveDraftBody,
        response: { 200: draftSchema },
      },
    },
    async (request) => saveDraft(deps, citizenOf(request).id, request.params.procedureCode, request.body),
  );

  r.delete(
    '/drafts/:procedureCode',
    { preHandler: requireCitizen, schema: { tags: ['dossiers'], summary: 'Discard the draft', params: draftParams } },
    async (request, reply) => {
      await deleteDraft(deps, citizenOf(request).id, request.params.procedureCode);
      return reply.status(204).send();
    },
  );

  r.post(
    '/dossiers',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['dossiers'],
        summary: 'Submit a dossier online (Idempotency-Key required; a retry with the same key answers 200 with the same dossier)',
        headers: idempotencyHeaders,
        body: submitDossierBody,
        response: { 200: dossierSchema, 201: dossierSchema },
      },
    },
    async (request, reply) => {
      const outcome = await submitDossier(deps, {
        citizen: citizenOf(request),
        sessionMethod: request.sessionMethod,
        idempotencyKey: request.headers['idempotency-key'],
        body: request.body,
        actor: actorOf(request),
        lang: requestLanguage(request),
      });
      if (outcome.notificationId && opts.dispatchAfterCommit) deps.notifications.dispatch(outcome.notificationId);
      if (outcome.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(outcome.isReplay ? 200 : 201).send(outcome.dossier);
    },
  );

  r.get(
    '/dossiers/mine',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['dossiers'],
        summary: 'My dossiers, newest first',
        querystring: myDossiersQuery,
        response: { 200: z.object({ items: z.array(dossierSummarySchema), total: z.number().int() }) },
      },
    },
    async (request) => listMyDossiers(deps, citizenOf(request), request.query),
  );

  r.get(
    '/dossiers/:code',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['dossiers'],
        summary: 'One of my dossiers with its history in plain words (others: 404)',
        params: dossierCodeParams,
        response: { 200: dossierSchema },
      },
    },
    async (request) => readMyDossier(deps, citizenOf(request), request.params.code, { requestId: request.id, log: request.log }),
  );

  r.get(
    '/dossiers/:code/receipt.pdf',
    {
      preHandler: requireCitizen,
      schema: { tags: ['dossiers'], summary: 'Receipt and appointment slip (form 01) as PDF', params: dossierCodeParams },
    },
    async (request, reply) => {
      const receipt = await receiptForApplicant(deps, citizenOf(request), request.params.code, request.log);
      return sendFile(reply, { bytes: receipt.pdf, mediaType: 'application/pdf', fileName: `giay-tiep-nhan-${receipt.code}.pdf` }, 'inline');
    },
  );

  r.post(
    '/dossiers/:code/withdraw',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['dossiers'],
        summary: 'Withdraw one of my dossiers before it is decided (status 7)',
        params: dossierCodeParams,
        body: withdrawBody,
        response: { 200: dossierSchema },
      },
    },
    async (request) =>
      withdrawDossier(deps, {
        citizen: citizenOf(request),
        sessionMethod: request.sessionMethod,
        code: request.params.code,
        reason: request.body.reason,
        actor: actorOf(request),
        log: request.log,
      }),
  );

  r.get(
    '/public/dossiers/:code',
    {
      config: { rateLimit: { max: opts.publicLookupPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Public status of a dossier: only with the applicant’s ID number; unknown code and wrong number both 404',
        params: dossierCodeParams,
        querystring: publicLookupQuery,
        response: { 200: publicDossierStatusSchema },
      },
    },
    async (request, reply) => {
      const status = await lookupDossierStatus(deps, request.params.code, request.query.idNumber);
      if (!status) throw new AppError('DOSSIER_NOT_FOUND');
      reply.header('cache-control', 'no-store');
      return status;
    },
  );
}
