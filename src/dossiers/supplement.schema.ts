import { z } from 'zod';

/** POST /api/v1/dossiers/:code/supplement — the applicant hands in what a supplement request (form 02) listed. */
export const supplementBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        componentCode: z.string().min(1).max(60).optional().describe('The procedure component, when the request named one'),
        name: z.string().trim().min(1).max(300).describe('The component as the request listed it'),
        attachmentIds: z.array(z.uuid()).min(1).max(20).describe('Files uploaded through POST /api/v1/attachments'),
      }),
    )
    .min(1)
    .max(50),
});
export type SupplementBody = z.infer<typeof supplementBody>;
