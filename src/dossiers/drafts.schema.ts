import { z } from 'zod';
import { procedureCode } from '../procedures/domain/procedure.ts';

export const draftParams = z.strictObject({ procedureCode });

/** PUT /api/v1/drafts/{procedureCode} — partial answers are fine: a draft is not validated as complete. */
export const saveDraftBody = z.strictObject({
  procedureVersion: z.number().int().min(1),
  receivingAgencyCode: z
    .string()
    .regex(/^\d{2,5}-[A-Za-zĐđ]{2,12}$/)
    .nullable()
    .optional(),
  formData: z.record(z.string(), z.unknown()),
  attachmentIds: z.record(z.string().min(1).max(60), z.array(z.uuid()).max(20)).optional().describe('componentCode → attachment ids'),
});
export type SaveDraftBody = z.infer<typeof saveDraftBody>;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  pageCount: z.number().int().nullable(),
  widthPx: z.number().int().nullable(),
  heightPx: z.number().int().nullable(),
  createdAt: z.string(),
});

export const draftSchema = z.object({
  procedureCode: z.string(),
  procedureVersion: z.number().int(),
  receivingAgencyCode: z.string().nullable(),
  formData: z.record(z.string(), z.unknown()),
  attachments: z.record(z.string(), z.array(attachmentSchema)),
  updatedAt: z.string(),
});
