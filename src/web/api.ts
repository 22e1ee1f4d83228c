/**
 * The web app's view of the platform API: typed calls, the CSRF header on every write, and the
 * server's `{code, message, messages, details}` errors as `ApiError`.
 */

export type RoleName = 'reception' | 'specialist' | 'approver' | 'unit_admin' | 'leader' | 'system_admin';

export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
  fullName: string;
  idNumberMasked: string;
  birthDate: string;
  addressUnitCode: string | null;
  identityLevel: number | string;
}

export interface OfficerRole {
  /** One of `RoleName`, or a newer role this build has no label for. */
  role: string;
  agencyCode: string | null;
  unitCode: string | null;
}

export interface OfficerPrincipal {
  kind: 'officer';
  id: string;
  username: string;
  fullName: string;
  roles: OfficerRole[];
  isTotpEnabled: boolean;
}

export type Principal = CitizenPrincipal | OfficerPrincipal;

/** GET /api/v1/session */
export interface Session {
  principal: Principal | null;
  csrfToken: string;
}

// The API's own response types: type-only imports, erased from the browser bundle.
export type { Unit, UnitLink } from '../units/queries.ts';
import type { Unit, UnitLink } from '../units/queries.ts';
export type { PublicDocumentView as DocumentVerification, UploadVerification } from '../documents/verification.ts';
import type { PublicDocumentView, UploadVerification } from '../documents/verification.ts';
export type { ProcedureDetail, ProcedureSummary, SearchProceduresResponse } from '../procedures/routes.schema.ts';
import type { ProcedureDetail, SearchProceduresResponse } from '../procedures/routes.schema.ts';

export interface UnitDetail extends Unit {
  parent: Unit | null;
  history: { predecessors: UnitLink[]; successors: UnitLink[]; sameCodeInOtherEras: Unit[] };
}

export interface UnitList {
  at: string | null;
  total: number;
  items: Unit[];
}

export interface Agency {
  code: string;
  name: string;
  nameEn: string;
  unitCode: string;
  kind: string;
  level: 'province' | 'commune';
}

/** A failed API call: the server's stable code and its message in the request's language. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: { vi: string; en: string } | null;
  /** The server's `details` (e.g. the failing fields of FORM_INVALID); null when none. */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, messages: { vi: string; en: string } | null, details: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}

/** Thrown when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let csrfToken = '';

function isErrorBody(body: unknown): body is { code: string; message: string; messages?: { vi: string; en: string }; details?: unknown } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string' &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Besides a JSON body, a call may send a multipart form (uploads) and extra headers (Idempotency-Key). */
interface CallOptions {
  form?: FormData;
  headers?: Record<string, string>;
}

/** One API call: JSON (or a multipart form) in, JSON out, the CSRF header on writes, failures as `ApiError`. */
export async function call<T>(method: Method, url: string, json?: unknown, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  // A form (file upload) goes as multipart; the browser sets its boundary.
  const form = json instanceof FormData ? json : options.form;
  const isJson = json !== undefined && !(json instanceof FormData);
  if (isJson) headers['content-type'] = 'application/json';
  const body = isJson ? JSON.stringify(json) : form;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, 'Network error', null);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    if (isErrorBody(parsed))
      throw new ApiError(response.status, parsed.code, parsed.message, parsed.messages ?? null, parsed.details ?? null);
    throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText, null);
  }
  return parsed as T;
}

/** GET a JSON resource of the API (for pages with their own API modules). */
export function getJson<T>(url: string): Promise<T> {
  return call<T>('GET', url);
}

export async function fetchSession(): Promise<Session> {
  const session = await call<Session>('GET', '/api/v1/session');
  csrfToken = session.csrfToken;
  return session;
}

export function signInOfficer(credentials: { username: string; password: string; totp?: string }): Promise<{ principal: Principal }> {
  return call('POST', '/api/v1/auth/officer/login', credentials);
}

export function signOut(): Promise<void> {
  return call('POST', '/api/v1/auth/logout');
}

/** One unit with its history; `at` (YYYY-MM-DD) picks the era when a code was reused. */
export function fetchUnit(code: string, at?: string): Promise<UnitDetail> {
  return call('GET', `/api/v1/units/${encodeURIComponent(code)}${at ? `?at=${encodeURIComponent(at)}` : ''}`);
}

export function fetchChildUnits(parentCode: string): Promise<UnitList> {
  return call('GET', `/api/v1/units?parent=${encodeURIComponent(parentCode)}&limit=500`);
}

/** The provinces in force today. */
export function fetchProvinces(): Promise<UnitList> {
  return call('GET', '/api/v1/units?limit=100');
}

export function searchUnits(query: string): Promise<UnitList> {
  return call('GET', `/api/v1/units?q=${encodeURIComponent(query)}&limit=100`);
}

export function fetchAgency(code: string): Promise<Agency> {
  return call('GET', `/api/v1/agencies/${encodeURIComponent(code)}`);
}

/** The public verification of a signed document (no sign-in). */
export function fetchDocumentVerification(documentId: string): Promise<PublicDocumentView> {
  return call('GET', `/api/v1/public/documents/${encodeURIComponent(documentId)}/verification`);
}

/** Checks a PDF file: its signature, signer and hash against the record (no sign-in). */
export function verifyDocumentFile(file: File): Promise<UploadVerification> {
  const form = new FormData();
  form.append('file', file);
  return call('POST', '/api/v1/public/documents/verify', form);
}

/** Full-page URL that starts the citizen's VNeID (sandbox) sign-in and comes back to `returnTo`. */
export function citizenSignInUrlTo(returnTo: string): string {
  return `/auth/citizen/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Full-page URL that starts the citizen's VNeID (sandbox) sign-in and comes back to the account page. */
export const citizenSignInUrl = citizenSignInUrlTo('/tai-khoan');

/** Service centres (and other agencies) that receive dossiers in a province. */
export function fetchReceivingAgencies(provinceCode: string): Promise<{ total: number; items: Agency[] }> {
  return call('GET', `/api/v1/agencies?province=${encodeURIComponent(provinceCode)}&receivesDossiers=true&limit=1000`);
}

// ---- procedures (src/procedures/routes.ts) ----------------------------------------------------

export interface ProcedureFilters {
  q?: string;
  level?: string;
  online?: string;
  sector?: string;
  page?: number;
}

/** GET /api/v1/procedures: the catalogue searched without accents, with facets. */
export function searchProcedures(filters: ProcedureFilters): Promise<SearchProceduresResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return call('GET', `/api/v1/procedures?${params.toString()}`);
}

export function fetchProcedure(code: string): Promise<ProcedureDetail> {
  return call('GET', `/api/v1/procedures/${encodeURIComponent(code)}`);
}

// ---- dossiers (docs: /work/notes/dossier-api-contract.md) -------------------------------------

// The dossier API's own types (src/dossiers), type-only like the ones above.
import type { AttachmentView } from '../dossiers/attachments.ts';
import type { DraftView } from '../dossiers/drafts.ts';
import type { SaveDraftBody } from '../dossiers/drafts.schema.ts';
import type { DossierSummaryView, DossierView } from '../dossiers/present.ts';
import type { SubmitDossierBody } from '../dossiers/submit.schema.ts';
export type { PublicDossierStatus } from '../dossiers/tracking.ts';
import type { PublicDossierStatus } from '../dossiers/tracking.ts';

/** A text in both languages, as the API gives status names and event descriptions. */
export interface Localised {
  vi: string;
  en: string;
}

/** A file checked by the server (PDF, JPEG or PNG by content). */
export type Attachment = AttachmentView;
export type DossierSummary = DossierSummaryView;
export type Dossier = DossierView;
export type SubmissionInput = SubmitDossierBody;
/** Where to reach the applicant about a dossier (the receipt goes to the e-mail). */
export type Contact = SubmitDossierBody['contact'];
/**
 * A draft; `contact` is kept once the server stores it (coordinator's decision 2); a server without it
 * answers without the key and rejects it on save (the web then saves the rest).
 */
export type Draft = DraftView & { contact?: Contact };
export type DraftInput = SaveDraftBody & { contact?: Contact };

const draftUrl = (procedureCode: string) => `/api/v1/drafts/${encodeURIComponent(procedureCode)}`;

export function fetchDraft(procedureCode: string): Promise<Draft> {
  return call('GET', draftUrl(procedureCode));
}

export function saveDraft(procedureCode: string, draft: DraftInput): Promise<Draft> {
  return call('PUT', draftUrl(procedureCode), draft);
}

export function deleteDraft(procedureCode: string): Promise<void> {
  return call('DELETE', draftUrl(procedureCode));
}

/** POST /api/v1/attachments: one file, checked by content on the server. */
export function uploadAttachment(file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return call('POST', '/api/v1/attachments', undefined, { form });
}

/** Submits a dossier; the same `idempotencyKey` on a retry returns the same dossier instead of a second one. */
export function submitDossier(input: SubmissionInput, idempotencyKey: string): Promise<Dossier> {
  return call('POST', '/api/v1/dossiers', input, { headers: { 'idempotency-key': idempotencyKey } });
}

export function fetchMyDossiers(page: number, pageSize = 20): Promise<{ items: DossierSummary[]; total: number }> {
  return call('GET', `/api/v1/dossiers/mine?page=${page}&pageSize=${pageSize}`);
}

export function fetchDossier(code: string): Promise<Dossier> {
  return call('GET', `/api/v1/dossiers/${encodeURIComponent(code)}`);
}

export function withdrawDossier(code: string, reason: string): Promise<Dossier> {
  return call('POST', `/api/v1/dossiers/${encodeURIComponent(code)}/withdraw`, { reason });
}

/** POST /api/v1/dossiers/:code/supplement: hands in the files a supplement request listed. */
export function supplementDossier(
  code: string,
  items: { componentCode?: string; name: string; attachmentIds: string[] }[],
): Promise<Dossier> {
  return call('POST', `/api/v1/dossiers/${encodeURIComponent(code)}/supplement`, { items });
}

export function receiptUrl(code: string): string {
  return `/api/v1/dossiers/${encodeURIComponent(code)}/receipt.pdf`;
}

export function lookUpDossier(code: string, idNumber: string): Promise<PublicDossierStatus> {
  return call('GET', `/api/v1/public/dossiers/${encodeURIComponent(code)}?idNumber=${encodeURIComponent(idNumber)}`);
}
