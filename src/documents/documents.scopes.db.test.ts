import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSessions } from '../../test/support/api-sessions.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { issueSignedDocument, type IssuedDocument } from './issue-document.ts';
import { issuedDocumentEvents, issuedDocuments } from './schema.ts';
import { createDocumentServices, type DocumentServices } from './services.ts';
import { birthExtract, multipartPdf } from './test-fixtures.ts';

// Who may revoke a signed document: approvers, leaders and unit administrators of the issuing agency only.

const clock = new Date();
let ctx: TestContext;
let services: DocumentServices;
let sessions: ApiSessions;
const tokens = new Map<string, string>();
const system = { kind: 'system', id: 'test' } as const;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  services = createDocumentServices(ctx.config, ctx.database.db, () => clock);
  sessions = await ApiSessions.open(ctx);
  for (const username of ['lanhdao.tamlong', 'quantri.tamlong', 'chuyenvien.tamlong', 'tiepnhan.stp'])
    tokens.set(username, await sessions.officer(username));
  tokens.set('citizen', await sessions.citizen(clock));
});
afterAll(async () => ctx.close());

function revoke(documentId: string, as: string | null, options: { reason?: string; csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
  return sessions.request('POST', `/api/v1/documents/${documentId}/revoke`, as ? (tokens.get(as) ?? null) : null, {
    payload: { reason: options.reason ?? 'Cấp nhầm thông tin ngày sinh' },
    csrf: options.csrf ?? true,
  });
}

async function stateOf(documentId: string) {
  const [row] = await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
  const events = await ctx.database.db.select().from(issuedDocumentEvents).where(eq(issuedDocumentEvents.documentId, documentId));
  const audit = await ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'issued_document'), eq(auditLog.subjectId, documentId), eq(auditLog.action, 'document.revoke')));
  return { revokedAt: row?.revokedAt ?? null, events: events.map((e) => e.action), revocationAudits: audit.length };
}

describe(`POST /api/v1/documents/{id}/revoke (${testBackend()})`, () => {
  let tamLongDocument: IssuedDocument;
  let justiceDocument: IssuedDocument;

  beforeAll(async () => {
    tamLongDocument = await issueSignedDocument(services, birthExtract, system);
    justiceDocument = await issueSignedDocument(services, { ...birthExtract, agencyCode: '79-STP' }, system);
  });

  it.each([
    ['anybody (not signed in)', null, 401, 'UNAUTHENTICATED'],
    ['a citizen (even the subject of the document)', 'citizen', 403, 'FORBIDDEN'],
    ['a specialist of the issuing agency (not a revoking role)', 'chuyenvien.tamlong', 403, 'FORBIDDEN'],
    ['a receptionist of another agency', 'tiepnhan.stp', 403, 'FORBIDDEN'],
  ] as const)('%s → %i %s, nothing changed', async (_name, as, status, code) => {
    const res = await revoke(tamLongDocument.id, as);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await stateOf(tamLongDocument.id)).toEqual({ revokedAt: null, events: ['issue'], revocationAudits: 0 });
  });

  it.each([
    ['the approver of Phường Tam Long', 'lanhdao.tamlong'],
    ['the unit administrator of Phường Tam Long', 'quantri.tamlong'],
  ])('%s, for a document of the Department of Justice → 403 FORBIDDEN (another agency)', async (_name, as) => {
    const res = await revoke(justiceDocument.id, as);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await stateOf(justiceDocument.id)).revokedAt).toBeNull();
  });

  it('without the CSRF token → 403 CSRF_TOKEN_INVALID, nothing changed', async () => {
    const res = await revoke(tamLongDocument.id, 'lanhdao.tamlong', { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await stateOf(tamLongDocument.id)).revokedAt).toBeNull();
  });

  it('without a real reason → 400 VALIDATION_FAILED', async () => {
    const res = await revoke(tamLongDocument.id, 'lanhdao.tamlong', { reason: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('an unknown or malformed id → 404 DOCUMENT_NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await revoke(id, 'lanhdao.tamlong');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('DOCUMENT_NOT_FOUND');
    }
  });

  it('the approver of the issuing agency → revoked with the reason, event and audit together; the public sees it', async () => {
    const res = await revoke(tamLongDocument.id, 'lanhdao.tamlong');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      revocationReason: 'Cấp nhầm thông tin ngày sinh',
      revokedAt: clock.toISOString(),
    });
    expect(await stateOf(tamLongDocument.id)).toEqual({ revokedAt: clock, events: ['issue', 'revoke'], revocationAudits: 1 });
    const publicView = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/documents/${tamLongDocument.id}/verification` });
    expect(publicView.json()).toMatchObject({ status: 'revoked', revocationReason: 'Cấp nhầm thông tin ngày sinh' });
    expect(publicView.body).not.toContain('lanhdao');
  });

  it('the genuine file of a revoked document, uploaded → revoked (DOCUMENT_REVOKED)', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/public/documents/verify', ...multipartPdf(tamLongDocument.pdf) });
    expect(res.json()).toMatchObject({ status: 'revoked', code: 'DOCUMENT_REVOKED', document: { status: 'revoked' } });
  });

  it('revoking twice → 409 DOCUMENT_ALREADY_REVOKED, one revocation on record', async () => {
    const res = await revoke(tamLongDocument.id, 'quantri.tamlong');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DOCUMENT_ALREADY_REVOKED');
    expect((await stateOf(tamLongDocument.id)).revocationAudits).toBe(1);
  });

  it('the unit administrator of the issuing unit may revoke too', async () => {
    const another = await issueSignedDocument(services, birthExtract, system);
    expect((await revoke(another.id, 'quantri.tamlong')).statusCode).toBe(200);
  });
});
