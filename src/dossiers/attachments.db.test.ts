import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, signInOfficer, signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import { encryptedPdfFile, exeFile, fileForm, jpegFile, pdfFile, pngFile } from '../../test/support/files.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { attachments } from './schema.ts';

let ctx: TestContext;
let objectsDir: string;
let an: ApiClient;
let binh: ApiClient;

beforeAll(async () => {
  objectsDir = await mkdtemp(path.join(os.tmpdir(), 'tinhso-objects-'));
  ctx = await createTestContext({ listen: true, config: { objectStoreDir: objectsDir } });
  [an, binh] = await Promise.all([signInSandboxCitizen(ctx.baseUrl, '079090001234'), signInSandboxCitizen(ctx.baseUrl, '079185004321')]);
});
afterAll(async () => {
  await ctx.close();
  await rm(objectsDir, { recursive: true, force: true });
});

async function storedFiles(): Promise<number> {
  const entries = await readdir(objectsDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

async function stored(): Promise<{ rows: number; audits: number; files: number }> {
  const [rows] = await ctx.database.db.select({ n: count() }).from(attachments);
  const [audits] = await ctx.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'attachment.uploaded'));
  return { rows: Number(rows?.n), audits: Number(audits?.n), files: await storedFiles() };
}

function upload(client: ApiClient, bytes: Uint8Array, fileName: string, mediaType?: string): Promise<Response> {
  return client.call('POST', '/api/v1/attachments', { body: fileForm(bytes, fileName, mediaType) });
}

describe(`POST /api/v1/attachments (${testBackend()})`, () => {
  it('takes a PDF: counts its pages, hashes it, stores it, and only its owner can read it back', async () => {
    const bytes = await pdfFile(3);
    const before = await stored();
    const res = await upload(an, bytes, 'C:\\fakepath\\Giấy chứng sinh.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      fileName: 'Giấy chứng sinh.pdf',
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
      pageCount: 3,
      widthPx: null,
      sha256: Buffer.from(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))).toString('hex'),
    });
    expect(await stored()).toEqual({ rows: before.rows + 1, audits: before.audits + 1, files: before.files + 1 });

    const own = await an.get(`/api/v1/attachments/${String(body['id'])}/content`);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('content-disposition')).toContain("filename*=UTF-8''Gi%E1%BA%A5y");
    expect(Buffer.from(await own.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    expect((await binh.get(`/api/v1/attachments/${String(body['id'])}/content`)).status).toBe(404);
    const officer = await signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong');
    // Not claimed by a dossier of the officer's agency: not theirs to read.
    expect((await officer.get(`/api/v1/attachments/${String(body['id'])}/content`)).status).toBe(404);
    expect((await (await anonymousClient(ctx.baseUrl)).get(`/api/v1/attachments/${String(body['id'])}/content`)).status).toBe(401);
  });

  it.each([
    ['a PNG', pngFile(640, 480), 'scan.png', { mediaType: 'image/png', widthPx: 640, heightPx: 480, pageCount: null }],
    ['a JPEG', jpegFile(1920, 1080), 'photo.jpeg', { mediaType: 'image/jpeg', widthPx: 1920, heightPx: 1080, fileName: 'photo.jpg' }],
  ])('takes %s and reads its size from the header', async (_name, bytes, fileName, expected) => {
    const res = await upload(an, bytes, fileName);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject(expected);
  });

  it('lets an officer upload too (assisted submission)', async () => {
    const officer = await signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong');
    const res = await upload(officer, await pdfFile(1), 'scan.pdf');
    expect(res.status).toBe(201);
  });

  it.each([
    ['a Windows .exe renamed .pdf', () => exeFile(), 'giay-chung-sinh.pdf', 415, 'ATTACHMENT_TYPE_REJECTED'],
    ['a text file', () => new TextEncoder().encode('Xin chào, đây không phải PDF'), 'note.pdf', 415, 'ATTACHMENT_TYPE_REJECTED'],
    ['an empty file', () => new Uint8Array(), 'empty.pdf', 415, 'ATTACHMENT_TYPE_REJECTED'],
    ['a PDF of 101 pages', () => pdfFile(101), 'long.pdf', 422, 'ATTACHMENT_TOO_MANY_PAGES'],
    ['a password-protected PDF', () => encryptedPdfFile(), 'locked.pdf', 422, 'ATTACHMENT_UNREADABLE'],
    ['a truncated PDF', async () => (await pdfFile(2)).slice(0, 200), 'broken.pdf', 422, 'ATTACHMENT_UNREADABLE'],
    ['a 50-megapixel PNG', () => pngFile(10_000, 5_000), 'huge.png', 422, 'ATTACHMENT_TOO_MANY_PIXELS'],
    ['a JPEG without a frame header', () => jpegFile(100, 100).slice(0, 20), 'cut.jpg', 422, 'ATTACHMENT_UNREADABLE'],
  ])('refuses %s and stores nothing', async (_name, make, fileName, status, code) => {
    const before = await stored();
    const res = await upload(an, await make(), fileName, 'application/pdf');
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(await stored()).toEqual(before);
  });

  it('refuses a 50 MB file with 413 ATTACHMENT_TOO_LARGE, storing nothing', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const before = await stored();
    const res = await upload(an, big, 'big.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over the limit sent without Content-Length (chunked) while reading it', async () => {
    const big = new Uint8Array(12 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const form = fileForm(big, 'big.pdf');
    const encoded = new Response(form);
    const stream = encoded.body as ReadableStream<Uint8Array>;
    const before = await stored();
    const res = await an.fetch('/api/v1/attachments', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': encoded.headers.get('content-type') ?? '', 'x-csrf-token': an.csrfToken },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('ATTACHMENT_TOO_LARGE');
    expect(await stored()).toEqual(before);
  });

  it('asks for the file when the form has no "file" part', async () => {
    const form = new FormData();
    form.append('note', 'no file');
    const res = await an.call('POST', '/api/v1/attachments', { body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('ATTACHMENT_FILE_MISSING');
  });

  it('answers 401 to nobody and 403 without the CSRF header', async () => {
    const nobody = await anonymousClient(ctx.baseUrl);
    expect((await upload(nobody, await pdfFile(1), 'a.pdf')).status).toBe(401);
    const res = await an.fetch('/api/v1/attachments', { method: 'POST', body: fileForm(await pdfFile(1), 'a.pdf') });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('CSRF_TOKEN_INVALID');
  });

  it('answers 404 FILE_NOT_FOUND for an unknown or malformed id', async () => {
    expect((await an.get('/api/v1/attachments/00000000-0000-4000-8000-000000000000/content')).status).toBe(404);
    expect((await an.get('/api/v1/attachments/not-a-uuid/content')).status).toBe(404);
  });
});
