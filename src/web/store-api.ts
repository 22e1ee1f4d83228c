import { call } from './api.ts';
import type { ReusableDocumentView, StoreDocumentView } from '../documents/store.ts';
import type { DossierPaymentsResponse, StartPaymentResponse } from '../payments/routes.schema.ts';

/**
 * The once-only pages' API: the citizen's electronic store (kho dữ liệu), store documents offered for
 * reuse in the form flow, and online payment of a dossier's fees.
 */

export type StoreDocument = StoreDocumentView;
export type ReusableDocument = ReusableDocumentView;
export type DossierPayments = DossierPaymentsResponse;
export type StartedPayment = StartPaymentResponse;

const documentUrl = (id: string) => `/api/v1/me/documents/${encodeURIComponent(id)}`;

/** My store: every document I hold, newest first. */
export function fetchMyDocuments(): Promise<{ documents: StoreDocument[] }> {
  return call('GET', '/api/v1/me/documents');
}

/** Where my browser downloads one of my store documents (the signed PDF for an issued result). */
export function storeDocumentContentUrl(id: string): string {
  return `${documentUrl(id)}/content`;
}

/** Where my browser opens one of my store documents to read it (Content-Disposition: inline). */
export function storeDocumentPreviewUrl(id: string): string {
  return `${storeDocumentContentUrl(id)}?disposition=inline`;
}

/** Lets an agency see one of my documents. */
export function grantStoreConsent(id: string, agencyCode: string): Promise<StoreDocument> {
  return call('POST', `${documentUrl(id)}/consents`, { agencyCode });
}

/** Withdraws my consent for an agency. */
export function revokeStoreConsent(id: string, agencyCode: string): Promise<StoreDocument> {
  return call('DELETE', `${documentUrl(id)}/consents`, { agencyCode });
}

/** My valid documents that can stand for components of the procedure, so I need not upload them. */
export function fetchReusableDocuments(procedureCode: string): Promise<{ documents: ReusableDocument[] }> {
  return call('GET', `/api/v1/procedures/${encodeURIComponent(procedureCode)}/reusable-documents`);
}

/** The payments of my dossier and what it still owes. */
export function fetchDossierPayments(code: string): Promise<DossierPayments> {
  return call('GET', `/api/v1/dossiers/${encodeURIComponent(code)}/payments`);
}

/** Starts paying my dossier's outstanding fees: answers the gateway page to go to. */
export function startDossierPayment(code: string): Promise<StartedPayment> {
  return call('POST', `/api/v1/dossiers/${encodeURIComponent(code)}/payments`);
}
