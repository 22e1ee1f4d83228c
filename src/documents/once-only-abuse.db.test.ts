import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, signInOfficer, signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import { submitDossierAs, uploadPdf } from '../../test/support/dossiers.ts';
import { withByteChanged } from '../../test/support/pdfsig.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { dossiers } from '../dossiers/schema.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import { auditLog, personalDataAccessLog } from '../platform/audit/schema.ts';
import { PdfWriter } from '../platform/pdf/document.ts';
import { issueSignedDocument, type IssuedDocument } from './issue-document.ts';
import { issuedDocumentEvents, issuedDocuments, storeConsents, storeDocuments } from './schema.ts';
import { createDocumentServices, type DocumentServices } from './services.ts';
import { developmentCaName } from './signing/certificates.ts';
import { signPdfDocument } from './signing/pdf-signature.ts';
import { makeTestPki } from './signing/test-certificates.ts';
import { birthExtract, multipartPdf } from './test-fixtures.ts';

/**
 * Issue 5's abuse list, end to end: each attempt gets its specific code, leaves a trace (audit row or
 * log table) and changes nothing. The IPN cases (wrong signature, wrong amount, replay) are in
 * src/payments/payments.db.test.ts ("IPN abuse"); they are checked again here only for the audit trail.
 */

let ctx: TestContext;
let services: DocumentServices;
let an: ApiClient;
let binh: ApiClient;
let otherCity: ApiClient;
let nobody: ApiClient;
let issued: IssuedDocument;
let anStoreId: string;
const clock = () => new Date();

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** The signed-in principal's id, as the session endpoint tells it. */
async function principalIdOf(client: ApiClient): Promise<string> {
  return (await json<{ principal: { id: string } }>(await client.get('/api/v1/session'))).principal.id;
}

async function auditsOf(action: string) {
  return ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action));
}

/** The state a refused attempt must leave alone: the document, its events, its store copy and consents. */
async function snapshot() {
  const db = ctx.database.db;
  return {
    document: await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, issued.id)),
    events: await db.select().from(issuedDocumentEvents).where(eq(issuedDocumentEvents.documentId, issued.id)),
    store: await db.select().from(storeDocuments).where(eq(storeDocuments.ownerIdNumber, '079090001234')),
    consents: await db.select().from(storeConsents),
    dossiers: (await db.select({ id: dossiers.id }).from(dossiers)).length,
  };
}

beforeAll(async () => {
  ctx = await createTestContext({ listen: true });
  services = createDocumentServices(ctx.config, ctx.database.db, clock);
  // Issued as the component code 2.000635 asks for, so it is reusable.
  issued = await issueSignedDocument(services, { ...birthExtract, documentType: 'BAN_SAO_GIAY_KHAI_SINH' }, { kind: 'system', id: 'test' });
  const [kept] = await ctx.database.db.select().from(storeDocuments).where(eq(storeDocuments.issuedDocumentId, issued.id));
  anStoreId = kept?.id ?? '';
  [an, binh] = await Promise.all([signInSandboxCitizen(ctx.baseUrl, '079090001234'), signInSandboxCitizen(ctx.baseUrl, '079185004321')]);
  otherCity = await signInOfficer(ctx.baseUrl, 'tiepnhan.stp');
  nobody = await anonymousClient(ctx.baseUrl);
});
afterAll(async () => ctx.close());

let uploads = 0;
async function upload(bytes: Uint8Array) {
  uploads++;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/documents/verify',
    remoteAddress: `10.77.${Math.floor(uploads / 200)}.${uploads % 200}`,
    ...multipartPdf(bytes),
  });
  return res.json() as { status: string; code: string; document: { documentId: string } | null; signature: unknown };
}

describe(`forged and altered PDFs (${testBackend()})`, () => {
  it('an altered copy → tampered (SIGNATURE_BROKEN), audited with its hash, the record untouched', async () => {
    const before = await snapshot();
    const result = await upload(withByteChanged(issued.pdf, '/Producer'));
    expect(result).toMatchObject({ status: 'tampered', code: 'SIGNATURE_BROKEN', document: { documentId: issued.id } });
    const [audit] = await auditsOf('document.verify_rejected');
    expect(audit).toMatchObject({
      actorKind: 'anonymous',
      subjectId: issued.id,
      details: { code: 'SIGNATURE_BROKEN', status: 'tampered' },
    });
    expect(audit?.ip).toMatch(/^10\.77\./);
    expect(await snapshot()).toEqual(before);
  });

  it('a forgery signed by a look-alike CA → untrusted (SIGNER_NOT_TRUSTED), audited, nothing changed', async () => {
    const before = await snapshot();
    const forger = makeTestPki(developmentCaName);
    const writer = await PdfWriter.create({ title: 'Trích lục khai sinh', author: 'UBND phường Tam Long', createdAt: clock() });
    writer.text('TRÍCH LỤC KHAI SINH — Họ và tên: NGUYỄN VĂN GIẢ');
    const forged = await signPdfDocument(writer.doc, issued.id, forger.material, {
      name: 'Ủy ban nhân dân phường Tam Long',
      reason: 'Ký số',
      location: 'Tam Long',
      contactInfo: '',
      signedAt: clock(),
    });
    expect(await upload(forged)).toMatchObject({ status: 'untrusted', code: 'SIGNER_NOT_TRUSTED', signature: null });
    expect((await auditsOf('document.verify_rejected')).map((a) => (a.details as { code: string }).code)).toContain('SIGNER_NOT_TRUSTED');
    expect(await snapshot()).toEqual(before);
  });

  it('the genuine file is not audited as an attempt', async () => {
    const count = (await auditsOf('document.verify_rejected')).length;
    expect(await upload(issued.pdf)).toMatchObject({ status: 'valid', code: 'DOCUMENT_VALID' });
    expect(await auditsOf('document.verify_rejected')).toHaveLength(count);
  });
});

describe(`a non-existent id (${testBackend()})`, () => {
  it('→ 404 DOCUMENT_NOT_FOUND with nothing else: the same body for a well-formed unknown id and for garbage', async () => {
    const answers = [];
    // A near miss: the issued id with its last digit changed (to a different one: it may already end in 0).
    const nearMiss = `${issued.id.slice(0, -1)}${issued.id.endsWith('0') ? '1' : '0'}`;
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', nearMiss]) {
      const res = await nobody.get(`/api/v1/public/documents/${encodeURIComponent(id)}/verification`);
      expect(res.status).toBe(404);
      const body = await json<{ code: string; details?: unknown }>(res);
      answers.push({ code: body.code, details: body.details ?? null });
    }
    expect(answers).toEqual(Array(3).fill({ code: 'DOCUMENT_NOT_FOUND', details: null }));
  });
});

describe(`a revoked document (${testBackend()})`, () => {
  it('is no longer offered for reuse, and a submission naming it is refused (STORE_DOCUMENT_NOT_FOUND), no dossier made', async () => {
    const reusable = async () =>
      (await json<{ documents: { id: string }[] }>(await an.get('/api/v1/procedures/2.000635/reusable-documents'))).documents;
    expect((await reusable()).map((d) => d.id)).toContain(anStoreId);
    await ctx.database.db
      .update(issuedDocuments)
      .set({ revokedAt: clock(), revocationReason: 'Cấp nhầm' })
      .where(eq(issuedDocuments.id, issued.id));
    expect((await reusable()).map((d) => d.id)).not.toContain(anStoreId);
    const listed = await json<{ documents: { id: string; isRevoked: boolean }[] }>(await an.get('/api/v1/me/documents'));
    expect(listed.documents.find((d) => d.id === anStoreId)).toMatchObject({ isRevoked: true });

    const before = await snapshot();
    const [version] = await ctx.database.db
      .select({ version: procedureVersions.version })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(and(eq(procedures.code, '2.000635'), eq(procedures.provinceCode, '79'), eq(procedureVersions.isCurrent, true)));
    const res = await submitDossierAs(an, {
      procedureCode: '2.000635',
      procedureVersion: version?.version ?? 1,
      receivingAgencyCode: '26572-TTPVHCC',
      formData: {},
      components: [
        { componentCode: 'TO_KHAI_CAP_BAN_SAO_TRICH_LUC', attachmentIds: [await uploadPdf(an)] },
        { componentCode: 'BAN_SAO_GIAY_KHAI_SINH', attachmentIds: [], storeDocumentId: anStoreId },
      ],
    });
    expect(res.status).toBe(404);
    expect((await json<{ code: string }>(res)).code).toBe('STORE_DOCUMENT_NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });
});

describe(`a citizen reaching another citizen's store (${testBackend()})`, () => {
  it('download, share and withdraw on another’s document → 404 STORE_DOCUMENT_NOT_FOUND, audited, nothing changed', async () => {
    const before = await snapshot();
    const path = `/api/v1/me/documents/${anStoreId}`;
    for (const res of [
      await binh.get(`${path}/content`),
      await binh.call('POST', `${path}/consents`, { json: { agencyCode: '79-STP' } }),
      await binh.call('DELETE', `${path}/consents`, { json: { agencyCode: '79-STP' } }),
    ]) {
      expect(res.status).toBe(404);
      expect((await json<{ code: string }>(res)).code).toBe('STORE_DOCUMENT_NOT_FOUND');
    }
    const denied = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'store.access_denied'), eq(auditLog.subjectId, anStoreId)));
    expect(denied).toHaveLength(3);
    const binhId = await principalIdOf(binh);
    expect(denied.every((a) => a.actorKind === 'citizen' && a.actorId === binhId)).toBe(true);
    // Binh's own list never shows An's documents.
    expect((await json<{ documents: unknown[] }>(await binh.get('/api/v1/me/documents'))).documents).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe(`an officer reaching a store without a dossier in hand (${testBackend()})`, () => {
  it('another agency’s dossier or an unknown code → 403 STORE_ACCESS_WITHOUT_DOSSIER, audited with the reason, no read logged', async () => {
    const anDossier = await createDossier(ctx.database.db, { applicantIdNumber: '079090001234' });
    for (const code of [anDossier.code, 'KHONG-CO-HO-SO']) {
      const refused = await otherCity.get(`/api/v1/officer/dossiers/${code}/store`);
      expect(refused.status).toBe(403);
      expect((await json<{ code: string }>(refused)).code).toBe('STORE_ACCESS_WITHOUT_DOSSIER');
    }
    const officerId = await principalIdOf(otherCity);
    const denied = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'store.access_denied'), eq(auditLog.actorId, officerId)));
    expect(denied.map((a) => [a.actorKind, a.subjectId, a.details])).toEqual([
      ['officer', anDossier.id, { dossierCode: anDossier.code, reason: 'out_of_scope' }],
      ['officer', null, { dossierCode: 'KHONG-CO-HO-SO', reason: 'unknown_dossier' }],
    ]);
    const reads = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.actorId, officerId));
    expect(reads).toEqual([]);
  });
});
