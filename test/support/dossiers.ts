import { randomUUID } from 'node:crypto';
import { count, isNotNull, like } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/platform/db/client.ts';
import { auditLog } from '../../src/platform/audit/schema.ts';
import { attachments, dossierComponents, dossierDrafts, dossierEvents, dossiers, idempotencyKeys } from '../../src/dossiers/schema.ts';
import { notifications } from '../../src/notifications/schema.ts';
import type { ApiClient } from './api-client.ts';
import { fileForm, pdfFile } from './files.ts';

export { birthRegistrationAnswers, birthRegistrationBody, daysAgo } from './birth-registration.ts';

/** Rows of every table a submission or withdrawal writes, to prove a refused request stored nothing. */
export interface DossierTableCounts {
  dossiers: number;
  components: number;
  events: number;
  idempotencyKeys: number;
  claimedAttachments: number;
  attachments: number;
  notifications: number;
  drafts: number;
  dossierAudits: number;
}

export async function dossierTableCounts(database: Database): Promise<DossierTableCounts> {
  const { db } = database;
  const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  return {
    dossiers: await n(db.select({ n: count() }).from(dossiers)),
    components: await n(db.select({ n: count() }).from(dossierComponents)),
    events: await n(db.select({ n: count() }).from(dossierEvents)),
    idempotencyKeys: await n(db.select({ n: count() }).from(idempotencyKeys)),
    claimedAttachments: await n(db.select({ n: count() }).from(attachments).where(isNotNull(attachments.dossierId))),
    attachments: await n(db.select({ n: count() }).from(attachments)),
    notifications: await n(db.select({ n: count() }).from(notifications)),
    drafts: await n(db.select({ n: count() }).from(dossierDrafts)),
    dossierAudits: await n(db.select({ n: count() }).from(auditLog).where(like(auditLog.action, 'dossier.%'))),
  };
}

/** Uploads a one-page PDF as the client and answers its attachment id. */
export async function uploadPdf(client: ApiClient, fileName = 'giay-chung-sinh.pdf'): Promise<string> {
  const res = await client.call('POST', '/api/v1/attachments', { body: fileForm(await pdfFile(1), fileName, 'application/pdf') });
  expect(res.status, 'upload').toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** POST /api/v1/dossiers with an Idempotency-Key (a fresh one unless given). */
export function submitDossierAs(client: ApiClient, body: unknown, key: string | null = randomUUID()): Promise<Response> {
  return client.call('POST', '/api/v1/dossiers', { json: body, headers: key === null ? {} : { 'idempotency-key': key } });
}
