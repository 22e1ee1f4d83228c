import { z } from 'zod';
import { complaintActions, complaintKinds, complaintStatuses, complaintSubjects } from './domain/complaint.ts';
import { dislikeReasons, likeReasons } from './domain/satisfaction.ts';

export const dossierParams = z.strictObject({ dossierId: z.uuid() });
export const complaintParams = z.strictObject({ complaintId: z.uuid() });

export const voteBody = z.strictObject({
  isLike: z.boolean(),
  reasons: z
    .array(z.enum([...likeReasons, ...dislikeReasons]))
    .max(7)
    .default([])
    .describe(`like: ${likeReasons.join(', ')}; dislike: ${dislikeReasons.join(', ')}`),
  comment: z.string().trim().max(1000).nullable().default(null),
});
export type VoteBody = z.infer<typeof voteBody>;

export const voteResponse = z.object({
  dossierId: z.string(),
  isLike: z.boolean(),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export const voteOrNone = z.object({ vote: voteResponse.nullable() });

export const complaintBody = z.strictObject({
  dossierId: z.uuid(),
  kind: z.enum(complaintKinds).describe('phan_anh: a complaint; kien_nghi: a petition'),
  subject: z.enum(complaintSubjects).describe('procedure: about the rules and handling; staff: about an officer’s conduct'),
  content: z.string().trim().min(10).max(4000),
});

export const complaintActionBody = z.strictObject({
  action: z.enum(complaintActions),
  text: z.string().trim().max(4000).optional().describe('Reason (reject, request_info), answer (resolve), information (reply)'),
  isSatisfied: z.boolean().optional().describe('For rate: whether the applicant is satisfied with the handling'),
});

export const complaintListQuery = z.strictObject({
  status: z.enum(complaintStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const iso = z.string();
export const complaintResponse = z.object({
  id: z.string(),
  code: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  unitCode: z.string(),
  agencyCode: z.string(),
  kind: z.enum(complaintKinds),
  subject: z.enum(complaintSubjects),
  content: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: iso,
  deadlines: z.object({ rejectBy: iso, requestInfoBy: iso, handleBy: iso.nullable(), publishBy: iso.nullable() }),
  handledAt: iso.nullable(),
  isHandledOnTime: z.boolean().nullable(),
  isOverdue: z.boolean(),
  publishedAt: iso.nullable(),
  response: z.string().nullable(),
  isSatisfied: z.boolean().nullable(),
  history: z.array(
    z.object({
      at: iso,
      action: z.string(),
      toStatus: z.enum(complaintStatuses),
      actorKind: z.enum(['citizen', 'officer']),
      text: z.string().nullable(),
      isOnTime: z.boolean().nullable(),
    }),
  ),
});
export const complaintListResponse = z.object({ complaints: z.array(complaintResponse) });

export const dossierCodeParams = z.strictObject({ code: z.string().min(4).max(40) });
export const dossierFeedbackResponse = z.object({
  dossierId: z.string(),
  dossierCode: z.string(),
  canVote: z.boolean(),
  vote: voteResponse.nullable(),
  complaints: z.array(complaintResponse),
});
export type DossierFeedbackResponse = z.infer<typeof dossierFeedbackResponse>;
export type ComplaintResponse = z.infer<typeof complaintResponse>;
