import { z } from 'zod';
import { documentStatuses, uploadOutcomes, uploadStatuses } from './domain/verification.ts';

// Any id string is accepted here: whatever is not a recorded document's id answers DOCUMENT_NOT_FOUND alike.
export const documentParams = z.strictObject({ id: z.string().describe('Document id (UUID), as in the QR code') });

export const documentVerificationResponse = z.object({
  documentId: z.uuid(),
  status: z
    .enum(documentStatuses)
    .describe('valid; expired (past validTo); revoked; tampered (the stored copy no longer matches its hash)'),
  documentType: z.string(),
  title: z.string(),
  issuingAgency: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
  signedAt: z.string().describe('ISO 8601'),
  validFrom: z.string().describe('YYYY-MM-DD'),
  validTo: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })).describe('Non-personal facts only'),
  signer: z.object({
    subject: z.string(),
    fingerprint: z.string().describe('SHA-256 of the signing certificate'),
    isDevelopmentKey: z.boolean().describe('Signed by the development CA of a demo deployment: no legal value'),
  }),
});

export const uploadVerificationResponse = z.object({
  status: z.enum(uploadStatuses),
  code: z
    .enum(Object.keys(uploadOutcomes) as [keyof typeof uploadOutcomes, ...(keyof typeof uploadOutcomes)[]])
    .describe('The specific finding, e.g. SIGNATURE_BROKEN, CONTENT_MODIFIED, SIGNER_NOT_TRUSTED'),
  document: documentVerificationResponse.nullable().describe('The document on record the file claims to be'),
  signature: z
    .object({ signer: z.string(), fingerprint: z.string(), signedAt: z.string().nullable() })
    .nullable()
    .describe('Present only when the signer is a trusted agency certificate'),
});

export const revokeBody = z.strictObject({
  reason: z.string().trim().min(5).max(500).describe('Why the document is revoked; shown on the public verification page'),
});
