import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, signInOfficer, signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import { birthRegistrationBody, submitDossierAs, uploadPdf } from '../../test/support/dossiers.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { dossierComponents, dossiers } from '../dossiers/schema.ts';
import { auditLog, personalDataAccessLog } from '../platform/audit/schema.ts';
import { issueSignedDocument, type IssuedDocument } from './issue-document.ts';
import { storeDocuments } from './schema.ts';
import { createDocumentServices } from './services.ts';
import { countReusedComponents } from './store.ts';
import { birthExtract } from './test-fixtures.ts';

interface StoreDocumentBody {
  id: string;
  origin: string;
  issuedDocumentId: string | null;
  documentType: string;
  sharedWith: string[];
}

let ctx: TestContext;
let an: ApiClient;
let binh: ApiClient;
let reception: ApiClient;
let otherCity: ApiClient;
let nobody: ApiClient;
let issued: IssuedDocument;
let dossierCode: string;

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

beforeAll(async () => {
  ctx = await createTestContext({ listen: true });
  const services = createDocumentServices(ctx.config, ctx.database.db, () => new Date());
  issued = await issueSignedDocument(services, birthExtract, { kind: 'system', id: 'test' });
  [an, binh] = await Promise.all([signInSandboxCitizen(ctx.baseUrl, '079090001234'), signInSandboxCitizen(ctx.baseUrl, '079185004321')]);
  reception = await signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong');
  otherCity = await signInOfficer(ctx.baseUrl, 'tiepnhan.stp');
  nobody = await anonymousClient(ctx.baseUrl);
  const res = await submitDossierAs(an, birthRegistrationBody(await uploadPdf(an)));
  expect(res.status).toBe(201);
  dossierCode = (await json<{ code: string }>(res)).code;
});
afterAll(async () => ctx.close());

async function mine(client: ApiClient): Promise<StoreDocumentBody[]> {
  const res = await client.get('/api/v1/me/documents');
  expect(res.status).toBe(200);
  return (await json<{ documents: StoreDocumentBody[] }>(res)).documents;
}

describe(`the electronic store (${testBackend()})`, () => {
  it('puts an issued result into its subject’s store in the same transaction', async () => {
    const rows = await ctx.database.db.select().from(storeDocuments).where(eq(storeDocuments.issuedDocumentId, issued.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ownerIdNumber: '079090001234', origin: 'issued', agencyCode: '26572-UBND', sha256: issued.sha256 });
  });

  it('lets a citizen list and download only their own documents (another’s or an unknown id: 404)', async () => {
    const documents = await mine(an);
    const doc = documents.find((d) => d.issuedDocumentId === issued.id);
    expect(doc).toMatchObject({ origin: 'issued', documentType: birthExtract.documentType });
    const content = await an.get(`/api/v1/me/documents/${doc?.id}/content`);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(issued.pdf);

    expect(await mine(binh)).toEqual([]);
    const theirs = await binh.get(`/api/v1/me/documents/${doc?.id}/content`);
    expect(theirs.status).toBe(404);
    expect((await json<{ code: string }>(theirs)).code).toBe('STORE_DOCUMENT_NOT_FOUND');
    expect((await binh.get('/api/v1/me/documents/not-a-uuid/content')).status).toBe(404);
  });

  it('opens a document in the browser (inline) for its owner only; download stays an attachment', async () => {
    const doc = (await mine(an)).find((d) => d.issuedDocumentId === issued.id);
    const url = `/api/v1/me/documents/${doc?.id}/content`;
    const preview = await an.get(`${url}?disposition=inline`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect(preview.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(issued.pdf);
    expect((await an.get(url)).headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await binh.get(`${url}?disposition=inline`)).status).toBe(404);
    expect((await nobody.get(`${url}?disposition=inline`)).status).toBe(401);
    expect((await reception.get(`${url}?disposition=inline`)).status).toBe(403);
  });

  it('answers 401 to nobody and 403 to an officer on the citizen endpoints', async () => {
    const [doc] = await mine(an);
    for (const path of ['/api/v1/me/documents', `/api/v1/me/documents/${doc?.id}/content`]) {
      expect((await nobody.get(path)).status).toBe(401);
      expect((await reception.get(path)).status).toBe(403);
    }
    const consent = { json: { agencyCode: '79-STP' } };
    expect((await nobody.call('POST', `/api/v1/me/documents/${doc?.id}/consents`, consent)).status).toBe(401);
    expect((await reception.call('DELETE', `/api/v1/me/documents/${doc?.id}/consents`, consent)).status).toBe(403);
  });

  it('opens the applicant’s store to an officer handling the open dossier, and logs every read', async () => {
    const res = await reception.get(`/api/v1/officer/dossiers/${dossierCode}/store`);
    expect(res.status).toBe(200);
    const body = await json<{ dossierCode: string; documents: StoreDocumentBody[] }>(res);
    expect(body.documents.map((d) => d.issuedDocumentId)).toContain(issued.id);
    const logs = await ctx.database.db
      .select()
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.purpose, `dossier:${dossierCode}`));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ actorKind: 'officer', dataSubject: '079090001234', resource: 'store' });
  });

  it('refuses the store without a dossier in hand: another agency, an unknown code, a closed dossier (403)', async () => {
    const refused = async (client: ApiClient, code: string) => {
      const res = await client.get(`/api/v1/officer/dossiers/${code}/store`);
      expect(res.status).toBe(403);
      expect((await json<{ code: string }>(res)).code).toBe('STORE_ACCESS_WITHOUT_DOSSIER');
    };
    await refused(otherCity, dossierCode);
    await refused(reception, 'KHONG-CO-HO-SO');
    const other = await submitDossierAs(an, birthRegistrationBody(await uploadPdf(an)));
    const closedCode = (await json<{ code: string }>(other)).code;
    await ctx.database.db.update(dossiers).set({ status: 10 }).where(eq(dossiers.code, closedCode));
    await refused(reception, closedCode);
    const logs = await ctx.database.db
      .select()
      .from(personalDataAccessLog)
      .where(eq(personalDataAccessLog.purpose, `dossier:${closedCode}`));
    expect(logs).toEqual([]);
    expect((await an.get(`/api/v1/officer/dossiers/${dossierCode}/store`)).status).toBe(403);
    expect((await nobody.get(`/api/v1/officer/dossiers/${dossierCode}/store`)).status).toBe(401);
  });

  it('records and withdraws the owner’s consent to share a document with another agency', async () => {
    const doc = (await mine(an)).find((d) => d.issuedDocumentId === issued.id);
    const path = `/api/v1/me/documents/${doc?.id}/consents`;
    const granted = await an.call('POST', path, { json: { agencyCode: '79-STP' } });
    expect(granted.status).toBe(200);
    expect((await json<StoreDocumentBody>(granted)).sharedWith).toEqual(['79-STP']);
    expect((await an.call('POST', path, { json: { agencyCode: '79-STP' } })).status).toBe(200);
    expect((await an.call('POST', path, { json: { agencyCode: 'KHONG-CO' } })).status).toBe(404);
    expect((await binh.call('POST', path, { json: { agencyCode: '79-STP' } })).status).toBe(404);
    const withdrawn = await an.call('DELETE', path, { json: { agencyCode: '79-STP' } });
    expect((await json<StoreDocumentBody>(withdrawn)).sharedWith).toEqual([]);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, doc?.id ?? ''));
    // Binh's attempts on An's document are audited as refused (store.access_denied), never as consents.
    expect(
      audits
        .map((a) => a.action)
        .filter((a) => a.startsWith('store.consent'))
        .sort(),
    ).toEqual(['store.consent.grant', 'store.consent.grant', 'store.consent.revoke']);
    expect(audits.map((a) => a.action)).toContain('store.access_denied');
  });
});

describe(`reuse from the store (${testBackend()})`, () => {
  const componentCode = 'BIEN_BAN_TRE_BI_BO_ROI';
  let storeDocumentId: string;

  beforeAll(async () => {
    const [row] = await ctx.database.db
      .insert(storeDocuments)
      .values({
        ownerIdNumber: '079090001234',
        documentType: componentCode,
        title: 'Biên bản xác nhận',
        validFrom: '2025-01-01',
        origin: 'counter_scan',
        agencyCode: '26572-UBND',
        objectKey: 'store/test/bien-ban.pdf',
        sha256: 'a'.repeat(64),
      })
      .returning();
    storeDocumentId = row?.id ?? '';
  });

  it('lists the documents a procedure can reuse, for their owner only', async () => {
    const path = '/api/v1/procedures/1.001193/reusable-documents';
    const res = await an.get(path);
    expect(res.status).toBe(200);
    const body = await json<{ documents: (StoreDocumentBody & { componentCode: string })[] }>(res);
    expect(body.documents.map((d) => [d.id, d.componentCode])).toEqual([[storeDocumentId, componentCode]]);
    expect((await json<{ documents: unknown[] }>(await binh.get(path))).documents).toEqual([]);
    expect((await reception.get(path)).status).toBe(403);
    expect((await nobody.get(path)).status).toBe(401);
    expect((await an.get('/api/v1/procedures/9.999999/reusable-documents')).status).toBe(404);
  });

  it('accepts a store document instead of a file: source store, shown on the dossier and counted', async () => {
    const before = await countReusedComponents(ctx.database.db, '26572', {
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 86_400_000),
    });
    const body = birthRegistrationBody(await uploadPdf(an)) as { components: unknown[] };
    body.components.push({ componentCode, storeDocumentId });
    const res = await submitDossierAs(an, body);
    expect(res.status).toBe(201);
    const dossier = await json<{ code: string; components: { componentCode: string; source: string }[] }>(res);
    expect(dossier.components).toContainEqual(expect.objectContaining({ componentCode, source: 'store' }));
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, dossier.code));
    const components = await ctx.database.db
      .select()
      .from(dossierComponents)
      .where(eq(dossierComponents.dossierId, row?.id ?? ''));
    expect(components.find((c) => c.componentCode === componentCode)).toMatchObject({
      source: 'store',
      storeDocumentId,
      attachmentId: null,
    });
    const after = await countReusedComponents(ctx.database.db, '26572', {
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 86_400_000),
    });
    expect(after).toBe(before + 1);
  });

  it('refuses another person’s store document in a submission (STORE_DOCUMENT_NOT_FOUND)', async () => {
    const body = birthRegistrationBody(await uploadPdf(binh)) as { components: unknown[] };
    body.components.push({ componentCode, storeDocumentId });
    const res = await submitDossierAs(binh, body);
    expect(res.status).toBe(404);
    expect((await json<{ code: string }>(res)).code).toBe('STORE_DOCUMENT_NOT_FOUND');
  });
});
