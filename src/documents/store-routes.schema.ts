import { z } from 'zod';
import { storeOrigins } from './schema.ts';

// Any id string is accepted: whatever is not one of the caller's documents answers STORE_DOCUMENT_NOT_FOUND alike.
export const storeDocumentParams = z.strictObject({ id: z.string().describe('Store document id (UUID)') });

/** How the content is sent: `inline` opens the PDF in the browser (the "Xem" link), `attachment` downloads it. */
export const storeContentQuery = z.strictObject({
  disposition: z
    .enum(['inline', 'attachment'])
    .default('attachment')
    .describe('inline to view in the browser; attachment (default) to download'),
});

export const storeDossierParams = z.strictObject({ code: z.string().max(40).describe('Dossier code (mã hồ sơ)') });

export const storeConsentBody = z.strictObject({
  agencyCode: z.string().min(1).max(40).describe('The agency allowed to see the document'),
});

export const storeDocumentSchema = z.object({
  id: z.uuid(),
  documentType: z.string().describe('Same codes as procedure components, e.g. GIAY_KHAI_SINH'),
  title: z.string(),
  validFrom: z.string().describe('YYYY-MM-DD'),
  validTo: z.string().nullable(),
  origin: z.enum(storeOrigins),
  issuedDocumentId: z.uuid().nullable().describe('The signed result, verifiable at /verify/{id}'),
  agencyCode: z.string().nullable(),
  agencyName: z.string().nullable(),
  sha256: z.string(),
  createdAt: z.string(),
  sharedWith: z.array(z.string()).describe('Agencies the owner currently lets see the document'),
  isRevoked: z.boolean().describe('Revoked by the issuing agency: no longer reusable'),
});

export const storeListResponse = z.object({ documents: z.array(storeDocumentSchema) });

export const officerStoreResponse = z.object({ dossierCode: z.string(), documents: z.array(storeDocumentSchema) });

export const procedureParams = z.strictObject({ code: z.string().max(20).describe('Procedure code, e.g. 1.001193') });

export const reusableResponse = z.object({
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  documents: z.array(storeDocumentSchema.extend({ componentCode: z.string(), componentName: z.string() })),
});
