import { call, getJson } from '../../api.ts';
// The API's own types: type-only imports, erased from the browser bundle.
import type { ComplaintResponse, DossierFeedbackResponse } from '../../../feedback/routes.schema.ts';
import type { ComplaintAction, ComplaintKind, ComplaintSubject } from '../../../feedback/domain/complaint.ts';
import type { SatisfactionReason } from '../../../feedback/domain/satisfaction.ts';

export type Complaint = ComplaintResponse;
export type DossierFeedback = DossierFeedbackResponse;

export function fetchDossierFeedback(dossierCode: string): Promise<DossierFeedback> {
  return getJson(`/api/v1/feedback/dossiers/${encodeURIComponent(dossierCode)}`);
}

export function castVote(
  dossierId: string,
  vote: { isLike: boolean; reasons: SatisfactionReason[]; comment: string | null },
): Promise<unknown> {
  return call('POST', `/api/v1/dossiers/${dossierId}/satisfaction`, vote);
}

export function submitComplaint(input: {
  dossierId: string;
  kind: ComplaintKind;
  subject: ComplaintSubject;
  content: string;
}): Promise<Complaint> {
  return call('POST', '/api/v1/complaints', input);
}

export function fetchComplaints(): Promise<{ complaints: Complaint[] }> {
  return getJson('/api/v1/complaints?limit=200');
}

export function actOnComplaint(id: string, action: ComplaintAction, text?: string): Promise<Complaint> {
  return call('POST', `/api/v1/complaints/${id}/actions`, { action, ...(text ? { text } : {}) });
}
