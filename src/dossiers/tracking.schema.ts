import { z } from 'zod';

export const dossierCodeParams = z.strictObject({ code: z.string().min(1).max(60).describe('Mã hồ sơ, e.g. 79.261121.7KX3MQ') });

export const myDossiersQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const withdrawBody = z.strictObject({
  reason: z.string().trim().min(1).max(1000).describe('Why the applicant withdraws (shown in the history)'),
});

export const publicLookupQuery = z.strictObject({
  idNumber: z
    .string()
    .regex(/^\d{12}$/, '12 digits')
    .describe('The applicant’s personal identification number (CCCD); the status is shown only when it matches'),
});

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const publicDossierStatusSchema = z.object({
  code: z.string(),
  status: z.number().int(),
  statusName: bilingual,
  procedureName: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), statusName: bilingual })),
});
