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
}

/** A failed API call: the server's stable code and its message in the request's language. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: { vi: string; en: string } | null;

  constructor(status: number, code: string, message: string, messages: { vi: string; en: string } | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
  }
}

/** Thrown when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let csrfToken = '';

function isErrorBody(body: unknown): body is { code: string; message: string; messages?: { vi: string; en: string } } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { code?: unknown }).code === 'string' &&
    typeof (body as { message?: unknown }).message === 'string'
  );
}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
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
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.code, parsed.message, parsed.messages ?? null);
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

export function searchUnits(query: string): Promise<UnitList> {
  return call('GET', `/api/v1/units?q=${encodeURIComponent(query)}&limit=100`);
}

export function fetchAgency(code: string): Promise<Agency> {
  return call('GET', `/api/v1/agencies/${encodeURIComponent(code)}`);
}

/** Full-page URL that starts the citizen's VNeID (sandbox) sign-in and comes back to the account page. */
export const citizenSignInUrl = '/auth/citizen/login?returnTo=/tai-khoan';
