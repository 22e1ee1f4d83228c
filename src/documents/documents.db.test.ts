import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../test/support/pdf-text.ts';
import { pdfsig, withByteChanged } from '../../test/support/pdfsig.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { errorCatalogue } from '../platform/errors.ts';
import { PdfWriter } from '../platform/pdf/document.ts';
import { issueSignedDocument, type IssuedDocument } from './issue-document.ts';
import { issuedDocumentEvents, issuedDocuments, signingCertificates } from './schema.ts';
import { createDocumentServices, type DocumentServices } from './services.ts';
import { developmentCaName } from './signing/certificates.ts';
import { signPdfDocument } from './signing/pdf-signature.ts';
import { makeTestPki } from './signing/test-certificates.ts';
import { birthExtract, multipartPdf } from './test-fixtures.ts';

const clock = new Date();
let ctx: TestContext;
let services: DocumentServices;
let issued: IssuedDocument;
const system = { kind: 'system', id: 'test' } as const;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  services = createDocumentServices(ctx.config, ctx.database.db, () => clock);
  issued = await issueSignedDocument(services, birthExtract, system);
});
afterAll(async () => ctx.close());

let uploads = 0;
/** POSTs a file to the public verification endpoint as multipart/form-data, without any session or CSRF token. */
async function upload(bytes: Uint8Array, options: { remoteAddress?: string } = {}) {
  uploads++;
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/public/documents/verify',
    // A fresh client address per upload keeps the per-address rate limit out of the way.
    remoteAddress: options.remoteAddress ?? `10.0.${Math.floor(uploads / 200)}.${uploads % 200}`,
    ...multipartPdf(bytes),
  });
}

describe(`issueSignedDocument (${testBackend()})`, () => {
  it('records the signed PDF with its hash, signer, event and audit row, and keeps the bytes', async () => {
    const [row] = await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, issued.id));
    expect(row).toMatchObject({
      agencyCode: '26572-UBND',
      documentType: 'birth-certificate-extract',
      subjectKind: 'citizen',
      subjectIdNumber: '079090001234',
      sha256: issued.sha256,
      sizeBytes: issued.pdf.length,
      validFrom: '2026-01-01',
      validTo: null,
      revokedAt: null,
    });
    expect(await services.store.get(issued.objectKey)).toEqual(issued.pdf);
    const events = await ctx.database.db.select().from(issuedDocumentEvents).where(eq(issuedDocumentEvents.documentId, issued.id));
    expect(events.map((e) => e.action)).toEqual(['issue']);
    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'issued_document'), eq(auditLog.subjectId, issued.id)));
    expect(audit.map((a) => a.action)).toEqual(['document.issue']);
  });

  it('prints the title, the text, the facts and the verification address, in Vietnamese', async () => {
    const text = await extractPdfText(issued.pdf);
    expect(issued.verifyUrl).toBe(`${ctx.config.publicUrl}/verify/${issued.id}`);
    for (const expected of [
      'TRÍCH LỤC KHAI SINH',
      'NGUYỄN VĂN AN',
      'Số: 125/TLKS-BS',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      issued.verifyUrl,
    ])
      expect(text).toContain(expected);
  });

  it('signs with a development certificate of the agency, issued by the development CA made at start', async () => {
    const rows = await ctx.database.db.select().from(signingCertificates);
    const ca = rows.find((r) => r.kind === 'ca');
    expect(ca?.subject).toContain(developmentCaName);
    // The CA was made when the database was prepared, before any signature (every agency certificate is younger).
    const agencyRows = rows.filter((r) => r.kind === 'agency');
    expect(agencyRows.map((r) => r.agencyCode)).toEqual(['26572-UBND']);
    expect(agencyRows[0]?.privateKeySealed).toMatch(/^v1\./);
    expect(agencyRows[0]?.privateKeySealed).not.toContain('PRIVATE KEY');
    expect(ca && agencyRows[0] && ca.createdAt <= agencyRows[0].createdAt).toBe(true);
  });

  it('reuses the agency key for its next document and gives another agency its own', async () => {
    const second = await issueSignedDocument(services, { ...birthExtract, title: 'Trích lục khai sinh (bản sao)' }, system);
    const other = await issueSignedDocument(services, { ...birthExtract, agencyCode: '79-STP' }, system);
    const rows = await ctx.database.db.select().from(issuedDocuments);
    const printOf = (id: string) => rows.find((r) => r.id === id)?.signerFingerprint;
    expect(printOf(second.id)).toBe(printOf(issued.id));
    expect(printOf(other.id)).not.toBe(printOf(issued.id));
  });

  it('refuses a request with problems before signing anything', async () => {
    const before = (await ctx.database.db.select().from(issuedDocuments)).length;
    await expect(issueSignedDocument(services, { ...birthExtract, subjectIdNumber: '123' }, system)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(issueSignedDocument(services, { ...birthExtract, agencyCode: '99999-UBND' }, system)).rejects.toMatchObject({
      code: 'AGENCY_NOT_FOUND',
    });
    expect(await ctx.database.db.select().from(issuedDocuments)).toHaveLength(before);
  });
});

describe(`GET /api/v1/public/documents/{id}/verification (${testBackend()})`, () => {
  it('anybody: the document is valid, with the agency, dates and public facts, and nothing personal', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/documents/${issued.id}/verification` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      documentId: issued.id,
      status: 'valid',
      documentType: 'birth-certificate-extract',
      title: 'Trích lục khai sinh',
      issuingAgency: { code: '26572-UBND', name: expect.stringContaining('Tam Long'), nameEn: expect.any(String) },
      signedAt: issued.signedAt.toISOString(),
      validFrom: '2026-01-01',
      validTo: null,
      revokedAt: null,
      revocationReason: null,
      facts: birthExtract.facts,
      signer: { subject: expect.stringContaining('CN='), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), isDevelopmentKey: true },
    });
    for (const personal of ['079090001234', 'NGUYỄN VĂN AN', '12/05/1990', 'dossier']) expect(res.body).not.toContain(personal);
  });

  it('an unknown or malformed id → 404 DOCUMENT_NOT_FOUND, the same answer every time and nothing else', async () => {
    const bodies = await Promise.all(
      ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', `${issued.id.slice(0, -1)}x`, "1' OR '1'='1"].map(async (id) => {
        const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/documents/${encodeURIComponent(id)}/verification` });
        expect(res.statusCode).toBe(404);
        return res.json();
      }),
    );
    for (const body of bodies)
      expect(body).toEqual({
        code: 'DOCUMENT_NOT_FOUND',
        message: errorCatalogue.DOCUMENT_NOT_FOUND.vi,
        messages: { vi: errorCatalogue.DOCUMENT_NOT_FOUND.vi, en: errorCatalogue.DOCUMENT_NOT_FOUND.en },
        details: null,
      });
  });

  it('a document past its last day is expired', async () => {
    const shortLived = await issueSignedDocument(services, { ...birthExtract, validTo: '2026-01-31', validFrom: '2026-01-01' }, system);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/documents/${shortLived.id}/verification` });
    expect(res.json()).toMatchObject({ status: 'expired', validTo: '2026-01-31' });
  });

  it('a damaged copy in the object store makes the record tampered', async () => {
    const victim = await issueSignedDocument(services, birthExtract, system);
    await services.store.put(victim.objectKey, withByteChanged(victim.pdf, '/Producer'));
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/public/documents/${victim.id}/verification` });
    expect(res.json()).toMatchObject({ status: 'tampered' });
    // The genuine file a citizen holds is still recognised as genuine, but the record is flagged.
    const check = (await upload(victim.pdf)).json();
    expect(check).toMatchObject({ status: 'tampered', code: 'STORED_COPY_DAMAGED' });
  });
});

describe(`POST /api/v1/public/documents/verify (${testBackend()})`, () => {
  it('the genuine file, uploaded by anybody without a session or CSRF token → valid', async () => {
    const res = await upload(issued.pdf);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'valid',
      code: 'DOCUMENT_VALID',
      document: { documentId: issued.id, status: 'valid' },
      signature: { signer: expect.stringContaining('Tam Long'), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('the same file with one byte changed → tampered (SIGNATURE_BROKEN), still naming the document it claims to be', async () => {
    const res = await upload(withByteChanged(issued.pdf, '/Producer'));
    expect(res.json()).toMatchObject({
      status: 'tampered',
      code: 'SIGNATURE_BROKEN',
      document: { documentId: issued.id },
      signature: null,
    });
  });

  it('pdfsig (poppler) independently reports the signature valid, and the modified copy invalid', () => {
    const original = pdfsig(issued.pdf);
    expect(original).toContain('Signature Type: ETSI.CAdES.detached');
    expect(original).toContain('Total document signed');
    expect(original).toContain('Signature Validation: Signature is Valid.');
    const modified = pdfsig(withByteChanged(issued.pdf, '/Producer'));
    expect(modified).toContain('Signature Validation: Digest Mismatch.');
    expect(modified).not.toContain('Signature is Valid.');
  });

  it('bytes appended after the signature → tampered (CONTENT_MODIFIED)', async () => {
    const appended = Buffer.concat([Buffer.from(issued.pdf), Buffer.from('\n1 0 obj\n(thêm nội dung)\nendobj\n%%EOF\n')]);
    expect((await upload(appended)).json()).toMatchObject({ status: 'tampered', code: 'CONTENT_MODIFIED' });
  });

  it('a look-alike PDF signed by a self-made CA of the same name, carrying a real id → untrusted, signer not shown', async () => {
    const forger = makeTestPki(developmentCaName);
    const writer = await PdfWriter.create({ title: 'Trích lục khai sinh', author: 'UBND phường Tam Long', createdAt: clock });
    writer.text('TRÍCH LỤC KHAI SINH — Họ và tên: NGUYỄN VĂN BÌNH');
    const forged = await signPdfDocument(writer.doc, issued.id, forger.material, {
      name: 'Ủy ban nhân dân phường Tam Long',
      reason: 'Ký số',
      location: 'Tam Long',
      contactInfo: '',
      signedAt: clock,
    });
    expect(pdfsig(forged)).toContain('Signature is Valid.');
    const res = await upload(forged);
    expect(res.json()).toMatchObject({ status: 'untrusted', code: 'SIGNER_NOT_TRUSTED', signature: null });
  });

  it('an unsigned PDF → unknown (NOT_SIGNED)', async () => {
    const writer = await PdfWriter.create({ title: 'Bản in', author: 'x', createdAt: clock });
    writer.text('Không có chữ ký');
    expect((await upload(await writer.save())).json()).toMatchObject({ status: 'unknown', code: 'NOT_SIGNED', document: null });
  });

  const send = {
    notPdf: () => upload(new TextEncoder().encode('GIF89a not a pdf')),
    noFile: () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/public/documents/verify',
        remoteAddress: '10.9.0.1',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      }),
    json: () =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/public/documents/verify', remoteAddress: '10.9.0.2', payload: { file: 'x' } }),
    tooLarge: () => upload(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25)),
  };
  it.each([
    ['a file that is not a PDF', 415, 'FILE_NOT_PDF', send.notPdf],
    ['a multipart request without a file', 400, 'FILE_MISSING', send.noFile],
    ['a JSON body', 415, 'UNSUPPORTED_MEDIA_TYPE', send.json],
    ['a file over 10 MiB', 413, 'BODY_TOO_LARGE', send.tooLarge],
  ] as const)('%s → %i %s', async (_name, status, code, request) => {
    const res = await request();
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('one client address may check 20 files a minute; the next gets 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await upload(issued.pdf, { remoteAddress: '10.99.0.1' })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe(`signing outside demo mode (${testBackend()})`, () => {
  let production: TestContext;
  let productionServices: DocumentServices;
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-production-keys-'));

  beforeAll(async () => {
    // The Department of Justice's key from "its CA", as an operator would configure it (PEM pair + trust anchor).
    const justice = makeTestPki('Root CA thử nghiệm của tỉnh', 'Sở Tư pháp Thành phố Hồ Chí Minh');
    writeFileSync(path.join(keysDir, '79-STP.cert.pem'), justice.agency.certificatePem);
    writeFileSync(path.join(keysDir, '79-STP.key.pem'), justice.agency.privateKeyPem);
    writeFileSync(path.join(keysDir, 'trust-anchors.pem'), justice.ca.certificatePem);
    production = await createTestContext({ now: () => clock, config: { demoMode: false, signing: { keysDir, passphrase: undefined } } });
    productionServices = createDocumentServices(production.config, production.database.db, () => clock);
  });
  afterAll(async () => production.close());

  it('signs with the configured key, records only its certificate, and verifies the result as valid', async () => {
    const doc = await issueSignedDocument(productionServices, { ...birthExtract, agencyCode: '79-STP' }, system);
    const [cert] = await production.database.db
      .select()
      .from(signingCertificates)
      .where(and(eq(signingCertificates.agencyCode, '79-STP'), eq(signingCertificates.kind, 'agency')));
    expect(cert).toMatchObject({ source: 'configured', privateKeySealed: null });
    const view = await production.app.inject({ method: 'GET', url: `/api/v1/public/documents/${doc.id}/verification` });
    expect(view.json()).toMatchObject({ status: 'valid', signer: { isDevelopmentKey: false } });
    expect(pdfsig(doc.pdf)).toContain('Signature is Valid.');
  });

  it('refuses to sign once the configured certificate has ended', async () => {
    const later = createDocumentServices(production.config, production.database.db, () => new Date(clock.getTime() + 400 * 86_400_000));
    await expect(issueSignedDocument(later, { ...birthExtract, agencyCode: '79-STP' }, system)).rejects.toMatchObject({
      code: 'SIGNING_KEY_MISSING',
    });
  });

  it('an agency without a configured key cannot sign (503 SIGNING_KEY_MISSING)', async () => {
    await expect(issueSignedDocument(productionServices, birthExtract, system)).rejects.toMatchObject({
      code: 'SIGNING_KEY_MISSING',
      status: 503,
    });
  });

  it('no longer trusts the development CA: a demo-signed document is untrusted', async () => {
    const demoServices = createDocumentServices({ ...production.config, demoMode: true }, production.database.db, () => clock);
    const demoSigned = await issueSignedDocument(demoServices, birthExtract, system);
    const res = await production.app.inject({ method: 'POST', url: '/api/v1/public/documents/verify', ...multipartPdf(demoSigned.pdf) });
    expect(res.json()).toMatchObject({ status: 'untrusted', code: 'SIGNER_NOT_TRUSTED' });
  });
});
