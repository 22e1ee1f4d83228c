import { z } from 'zod';
import { procedureCode } from '../procedures/domain/procedure.ts';

/** POST /api/v1/officer/dossiers — a reception officer registers a counter or assisted dossier. */
export const officerIntakeBody = z.strictObject({
  mode: z
    .enum(['counter', 'assisted'])
    .describe('counter = paper at the counter (channel 1, received at once); assisted = keyed online on the applicant’s behalf'),
  procedureCode,
  procedureVersion: z.number().int().min(1),
  receivingAgencyCode: z.string().max(40).optional().describe('Default: the one agency where the officer holds the reception role'),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  applicant: z.strictObject({
    idNumber: z.string().regex(/^\d{12}$/, 'a 12-digit CCCD number'),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320).optional(),
    phone: z.string().max(30).optional(),
  }),
  formData: z.record(z.string(), z.unknown()),
  components: z
    .array(z.strictObject({ componentCode: z.string().min(1).max(60), attachmentIds: z.array(z.uuid()).max(20) }))
    .max(50)
    .default([])
    .describe('Scans the officer uploaded through POST /api/v1/attachments'),
  terminal: z.string().trim().min(1).max(120).optional().describe('Agency network/terminal; default: the request’s IP address'),
  helperId: z.uuid().optional().describe('Community digital-technology team member credited'),
});
export type OfficerIntakeBody = z.infer<typeof officerIntakeBody>;

/** POST /api/v1/officer/community-helpers */
export const communityHelperBody = z.strictObject({
  unitCode: z.string().regex(/^\d{2}(\d{3})?$/, 'a commune or province code'),
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(30).optional(),
  team: z.string().trim().min(1).max(200),
});
export type CommunityHelperBody = z.infer<typeof communityHelperBody>;

export const communityHelperQuery = z.strictObject({ unitCode: z.string().regex(/^\d{2}(\d{3})?$/) });

export const communityHelperSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  team: z.string(),
  createdAt: z.string(),
});
