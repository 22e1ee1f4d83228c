import { z } from 'zod';
import { procedureCode } from '../procedures/domain/procedure.ts';

const agencyCode = z.string().regex(/^\d{2,5}-[A-Za-zĐđ]{2,12}$/, 'an agency code such as 26572-TTPVHCC');

/** POST /api/v1/dossiers — what the applicant submits. */
export const submitDossierBody = z.strictObject({
  procedureCode,
  procedureVersion: z.number().int().min(1).describe('The version the form was filled for; must still be the current one'),
  receivingAgencyCode: agencyCode.describe('A service centre of the province (Decree 118/2025: any centre)'),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .describe('Commune whose agency handles a commune-level procedure; default: the receiving centre’s commune'),
  formData: z.record(z.string(), z.unknown()).describe('Answers to the version’s form definition ({} when it has none)'),
  components: z
    .array(
      z.strictObject({
        componentCode: z.string().min(1).max(60),
        attachmentIds: z.array(z.uuid()).max(20).default([]),
        storeDocumentId: z.uuid().optional().describe('A document of my electronic store used instead of a file (see reusable-documents)'),
      }),
    )
    .max(50)
    .default([])
    .describe('Files per component, or a store document; merged with the attachment ids in the form’s file fields'),
  contact: z
    .strictObject({ email: z.email().max(320).optional(), phone: z.string().max(30).optional() })
    .default({})
    .describe('Where to send the receipt; default: the e-mail and phone of the VNeID account'),
});
export type SubmitDossierBody = z.infer<typeof submitDossierBody>;

export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe('8–100 printable characters (a UUID); a retry with the same key returns the same dossier'),
});

/** Text in Vietnamese and English (status names, history lines). */
export const bilingual = z.object({ vi: z.string(), en: z.string() });

export const dossierSummarySchema = z.object({
  code: z.string(),
  status: z.number().int(),
  statusName: bilingual,
  channel: z.number().int(),
  procedure: z.object({ code: z.string(), version: z.number().int(), name: z.string(), nameEn: z.string().nullable() }),
  receivingAgency: z.object({ code: z.string(), name: z.string() }),
  handlingAgency: z.object({ code: z.string(), name: z.string() }),
  applicant: z.object({ name: z.string(), idNumberMasked: z.string() }),
  submittedAt: z.string(),
  appointmentAt: z.string().nullable(),
  feeTotalVnd: z.number().int(),
  canWithdraw: z.boolean(),
});

/** One financial obligation the handling agency determined (request_financial_obligation). */
export const financialObligationItem = z.object({ amountVnd: z.number().int(), description: z.string(), requestedAt: z.string() });

export const dossierSchema = dossierSummarySchema.extend({
  components: z.array(
    z.object({
      componentCode: z.string(),
      name: z.string(),
      source: z.string().describe('upload | eform (the online declaration) | population_db (VNeID identity) | counter_scan | store'),
      attachmentId: z.string().nullable(),
      fileName: z.string().nullable(),
      sizeBytes: z.number().int().nullable(),
      sha256: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({ at: z.string(), action: z.string(), status: z.number().int(), statusName: bilingual, description: bilingual }),
  ),
  results: z
    .array(
      z.object({
        documentId: z.uuid(),
        storeDocumentId: z.uuid(),
        title: z.string(),
        documentType: z.string(),
        signedAt: z.string(),
        isRevoked: z.boolean(),
        downloadUrl: z.string().describe('The signed PDF from the applicant’s store'),
        verifyPath: z.string().describe('Public verification page, as in the QR code'),
      }),
    )
    .describe('Kết quả điện tử: the signed results the dossier issued'),
  supplementRequest: z
    .object({
      reason: z.string().nullable(),
      components: z.array(z.object({ code: z.string().nullable(), name: z.string(), note: z.string().nullable() })),
    })
    .nullable()
    .describe('While waiting for a supplement (status 5): what the request (form 02) listed; hand it in at POST …/supplement'),
  financialObligations: z
    .array(financialObligationItem)
    .describe('Nghĩa vụ tài chính the handling agency determined during processing, owed besides feeTotalVnd'),
});
