/** The officer back office's calls (inbox, dossier, actions); types come from the API's own schemas. */
import { call } from '../../api.ts';
import type { DossierActionBody, DossierView, InboxQueue, InboxResponse } from '../../../dossiers/officer-routes.schema.ts';

export type { DossierActionBody, DossierView, InboxQueue, InboxResponse };
export type InboxItem = InboxResponse['items'][number];
export type DossierAction = DossierActionBody['action'];

/** Queues in the order the inbox shows them, with the list filter each one stands for. */
export const queueFilters: readonly [InboxQueue, Record<string, string>][] = [
  ['open', {}],
  ['new', { status: '1' }],
  ['received', { status: '2' }],
  ['processing', { status: '4' }],
  ['awaiting_supplement', { status: '5' }],
  ['awaiting_payment', { status: '6' }],
  ['awaiting_return', { status: '9' }],
  ['due_soon', { dueSoon: 'true' }],
  ['overdue', { overdue: 'true' }],
];

/** GET /api/v1/officer/inbox with the page's query string as is (the server validates it). */
export function fetchInbox(query: URLSearchParams): Promise<InboxResponse> {
  const text = query.toString();
  return call('GET', `/api/v1/officer/inbox${text ? `?${text}` : ''}`);
}

export function fetchOfficerDossier(code: string): Promise<DossierView> {
  return call('GET', `/api/v1/officer/dossiers/${encodeURIComponent(code)}`);
}

export interface ActionOutcome {
  code: string;
  status: number;
  version: number;
  slips: { form: string; url: string }[];
}

export function performAction(code: string, body: DossierActionBody): Promise<ActionOutcome> {
  return call('POST', `/api/v1/officer/dossiers/${encodeURIComponent(code)}/actions`, body);
}

export type { OfficerIntakeBody } from '../../../dossiers/intake.schema.ts';
import type { OfficerIntakeBody } from '../../../dossiers/intake.schema.ts';
import type { Dossier } from '../../api.ts';

/** What counter or assisted intake answers: the dossier and the slips issued (01 at the counter). */
export type IntakeOutcome = Dossier & { slips: { form: string; url: string }[] };

/** POST /api/v1/officer/dossiers: registers a counter (channel 1) or assisted (channel 2) dossier; the key makes a retry safe. */
export function registerIntake(body: OfficerIntakeBody, idempotencyKey: string): Promise<IntakeOutcome> {
  return call('POST', '/api/v1/officer/dossiers', body, { headers: { 'idempotency-key': idempotencyKey } });
}
