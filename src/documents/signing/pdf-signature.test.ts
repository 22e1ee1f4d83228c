import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfWriter } from '../../platform/pdf/document.ts';
import { developmentCaName } from './certificates.ts';
import { checkDetachedCms } from './cms.ts';
import { locateSignature, looksLikePdf, readDocumentId, signPdfDocument } from './pdf-signature.ts';
import { makeTestPki, type TestPki } from './test-certificates.ts';

let pki: TestPki;
const documentId = randomUUID();
let signed: Uint8Array;

beforeAll(async () => {
  pki = makeTestPki(developmentCaName);
  const writer = await PdfWriter.create({ title: 'Trích lục khai sinh', author: 'UBND phường Tam Long', createdAt: new Date() });
  writer.text('TRÍCH LỤC KHAI SINH', { bold: true });
  signed = await signPdfDocument(writer.doc, documentId, pki.material, {
    name: 'UBND phường Tam Long',
    reason: 'Ký số kết quả',
    location: 'Phường Tam Long',
    contactInfo: 'https://tinhso.example/verify',
    signedAt: new Date(),
  });
});

describe('signPdfDocument and locateSignature', () => {
  it('signs the whole file with a CAdES-detached signature that verifies', () => {
    expect(looksLikePdf(signed)).toBe(true);
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    const located = locateSignature(signed);
    expect(located?.coversWholeFile).toBe(true);
    expect(located && checkDetachedCms(located.cms, located.signedContent).outcome).toBe('intact');
  });

  it('carries the document id inside the signed bytes', () => {
    expect(readDocumentId(signed)).toBe(documentId);
    expect(readDocumentId(locateSignature(signed)!.signedContent)).toBe(documentId);
  });

  it('notices bytes appended after signing (an incremental update)', () => {
    const appended = new Uint8Array([...signed, ...new TextEncoder().encode('\n% more\n')]);
    const located = locateSignature(appended);
    expect(located?.coversWholeFile).toBe(false);
    expect(located && checkDetachedCms(located.cms, located.signedContent).outcome).toBe('intact');
  });

  it('answers null for an unsigned PDF and for a ByteRange that points nowhere', async () => {
    const writer = await PdfWriter.create({ title: 't', author: 'a', createdAt: new Date(0) });
    expect(locateSignature(await writer.save())).toBeNull();
    const forged = new TextEncoder().encode('%PDF-1.7\n/ByteRange [0 10 20 999999]\n');
    expect(locateSignature(forged)).toBeNull();
    expect(looksLikePdf(new TextEncoder().encode('GIF89a'))).toBe(false);
  });
});
