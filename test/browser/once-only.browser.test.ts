import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../src/demo/store.ts';
import { issuedDocuments, storeConsents, storeDocuments } from '../../src/documents/schema.ts';
import { createDocumentServices } from '../../src/documents/services.ts';
import { countReusedComponents } from '../../src/documents/store.ts';
import { dossierComponents, dossiers } from '../../src/dossiers/schema.ts';
import { payments } from '../../src/payments/schema.ts';
import { personalDataAccessLog } from '../../src/platform/audit/schema.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { officerCaller } from '../support/api-caller.ts';
import {
  buildWebAppIfNeeded,
  continueFormStep,
  formStep,
  expectAccessible,
  launchChromium,
  openPhonePage,
  payDossierOnSandbox,
  signInAtSandbox,
} from '../support/browser-kit.ts';
import { extractPdfText } from '../support/pdf-text.ts';
import { pdfsig, withByteChanged } from '../support/pdfsig.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** The declaration form (tờ khai) filled on paper and scanned: the one file this procedure still needs. */
async function declarationPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('TO KHAI CAP BAN SAO TRICH LUC HO TICH', { x: 60, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

/**
 * Must-show of issue 5: Nguyễn Văn An already holds a signed birth extract. He applies for 2.000635 (copy
 * of a civil-status extract, 8.000 đồng), which asks for a birth certificate copy: it is taken from his
 * store, not asked for. He pays on the sandbox gateway, officers process the dossier and record the
 * result, he downloads the signed result, and a stranger verifies it on the public page. pdfsig says the
 * signature is valid; one byte changed and both pdfsig and the verify page say it was tampered with.
 */

/** Reads of the applicant's store logged for a dossier (personal-data access log). */
async function storeLooks(db: Db, code: string): Promise<number> {
  const rows = await db
    .select({ id: personalDataAccessLog.id })
    .from(personalDataAccessLog)
    .where(and(eq(personalDataAccessLog.resource, 'store'), eq(personalDataAccessLog.purpose, `dossier:${code}`)));
  return rows.length;
}

describe('once-only: reuse from the store, online payment, signed result, public verification', () => {
  let ctx: TestContext;
  let browser: Browser;
  let objectsDir = '';
  let heldStoreId = '';
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];
  const files = { dir: '' };

  beforeAll(async () => {
    buildWebAppIfNeeded();
    objectsDir = await mkdtemp(path.join(tmpdir(), 'tinhso-onceonly-objects-'));
    files.dir = await mkdtemp(path.join(tmpdir(), 'tinhso-onceonly-files-'));
    ctx = await createTestContext({ listen: true, config: { objectStoreDir: objectsDir } });
    // The demo seed, as `npm start` runs it in demo mode.
    heldStoreId = (await seedDemoStore(createDocumentServices(ctx.config, ctx.database.db, () => new Date()))).storeDocumentId;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    for (const dir of [objectsDir, files.dir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    expect(problems, 'script errors, CSP violations or 5xx answers').toEqual([]);
    problems = [];
    for (const context of contexts.splice(0)) await context.close();
  });

  const url = (pathname: string) => `${ctx.baseUrl}${pathname}`;
  const openPhone = async (): Promise<Page> => {
    const { context, page } = await openPhonePage(browser, problems);
    contexts.push(context);
    return page;
  };

  it('the citizen is not asked again for the birth extract, pays, receives the signed result, and anyone can verify it', async () => {
    const page = await openPhone();

    // ---- Giấy tờ của tôi: the signed birth extract is there; sharing it with an agency and withdrawing ----
    await page.goto(url('/giay-to-cua-toi'));
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID (sandbox)' }).click();
    await signInAtSandbox(page);
    await page.waitForURL(url('/giay-to-cua-toi'));
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ của tôi' }).waitFor();
    const card = page.locator('.document-card').filter({ hasText: 'Trích lục khai sinh' });
    await card.getByText('Còn hiệu lực').waitFor();
    await card.getByText('Kết quả do cơ quan cấp, có chữ ký số').waitFor();
    await expectAccessible(page, 'my documents');
    await card.getByLabel('Cơ quan được xem giấy tờ').selectOption('79-STP');
    await card.getByRole('button', { name: 'Đồng ý chia sẻ' }).click();
    await page
      .getByRole('status')
      .getByText(/Đã cho phép .* xem “Trích lục khai sinh”\./)
      .waitFor();
    const activeConsents = () =>
      ctx.database.db
        .select()
        .from(storeConsents)
        .where(and(eq(storeConsents.storeDocumentId, heldStoreId), isNull(storeConsents.revokedAt)));
    expect(await activeConsents()).toHaveLength(1);
    await expectAccessible(page, 'my documents, shared');
    await card.getByRole('button', { name: /^Thu hồi đồng ý với / }).click();
    await page
      .getByRole('status')
      .getByText(/Đã thu hồi đồng ý chia sẻ/)
      .waitFor();
    expect(await activeConsents()).toHaveLength(0);
    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My documents' }).waitFor();
    await card.getByText('Issued by an agency, digitally signed').waitFor();
    await expectAccessible(page, 'my documents (en)');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giấy tờ của tôi' }).waitFor();

    // ---- the second procedure: the birth certificate copy is pre-attached from the store ----
    await page.goto(url('/thu-tuc/2.000635/nop-ho-so'));
    await formStep(page, 'Người nộp hồ sơ').waitFor();
    await continueFormStep(page);
    await formStep(page, 'Giấy tờ đính kèm').waitFor();
    const fromStore = page.getByRole('region', { name: 'Lấy từ kho dữ liệu' });
    await fromStore.getByText(/Bản sao Giấy khai sinh hoặc Trích lục khai sinh .*: Trích lục khai sinh/).waitFor();
    // Not asked to upload it: no file input for that component, only for the declaration.
    expect(await page.getByLabel(/^Bản sao Giấy khai sinh/).count()).toBe(0);
    await page
      .getByLabel(/^Tờ khai cấp bản sao trích lục hộ tịch/)
      .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: await declarationPdf() });
    await page.getByText('Đã tải lên to-khai.pdf.').waitFor();
    await continueFormStep(page);
    await formStep(page, 'Nơi tiếp nhận hồ sơ').waitFor();
    await continueFormStep(page);
    await formStep(page, 'Kiểm tra và nộp hồ sơ').waitFor();
    await page.getByText('lấy từ kho dữ liệu: Trích lục khai sinh').waitFor();
    await expectAccessible(page, 'review with a reused document');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/ho-so\/[^/?]+\?moi=1$/);
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    await page.getByText(/lấy từ kho dữ liệu điện tử, không cần nộp lại/).waitFor();

    // Reuse is recorded per component (DuocLayTuKhoDMQG) and counted for the unit.
    const [dossier] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, code));
    if (!dossier) throw new Error(`no dossier ${code}`);
    const components = await ctx.database.db.select().from(dossierComponents).where(eq(dossierComponents.dossierId, dossier.id));
    expect(components.find((c) => c.componentCode === 'BAN_SAO_GIAY_KHAI_SINH')).toMatchObject({
      source: 'store',
      storeDocumentId: heldStoreId,
      attachmentId: null,
    });
    expect(dossier.feeTotalVnd).toBe(8000);
    const day = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    expect(await countReusedComponents(ctx.database.db, dossier.unitCode, day)).toBe(1);

    // ---- payment on the sandbox gateway and back ----
    await page.getByRole('heading', { name: 'Phí, lệ phí' }).waitFor();
    await expectAccessible(page, 'dossier with a fee to pay');
    await payDossierOnSandbox(page, code, '8.000 đồng');
    await page.getByText('Đã nộp đủ phí, lệ phí.').waitFor();
    const receiptLink = page.getByRole('link', { name: 'Biên lai điện tử (PDF)' });
    await receiptLink.waitFor();
    await expectAccessible(page, 'dossier paid');
    const [payment] = await ctx.database.db.select().from(payments).where(eq(payments.dossierId, dossier.id));
    expect(payment).toMatchObject({ status: 'paid', amountVnd: 8000, settledVia: 'ipn' });
    const receipt = await page.request.get(url((await receiptLink.getAttribute('href')) ?? ''));
    expect(receipt.status()).toBe(200);
    expect(await extractPdfText(await receipt.body())).toContain(code);

    // ---- the reception officer sees the component marked as taken from the store ----
    const desk = await openPhone();
    await desk.goto(url('/can-bo/dang-nhap'));
    await desk.getByLabel('Tên đăng nhập').fill('tiepnhan.tamlong');
    await desk.getByLabel('Mật khẩu').fill('Demo@2026');
    await desk.getByRole('button', { name: 'Đăng nhập' }).click();
    await desk.getByRole('link', { name: 'Hồ sơ cần xử lý' }).waitFor();
    await desk.goto(url(`/can-bo/ho-so/${encodeURIComponent(code)}`));
    await desk.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    const reused = desk.locator('li').filter({ hasText: 'Bản sao Giấy khai sinh hoặc Trích lục khai sinh' });
    await reused.locator('[data-source="store"]').getByText('lấy từ kho dữ liệu').waitFor();
    await expectAccessible(desk, 'officer dossier view with a reused component');
    // Before asking for a paper, the officer looks into the applicant's store: the look is logged.
    const looksBefore = await storeLooks(ctx.database.db, code);
    await desk.getByRole('button', { name: 'Xem kho dữ liệu của người nộp' }).click();
    const held = desk.locator('[data-store-document="BAN_SAO_GIAY_KHAI_SINH"]');
    await held.getByText('Còn hiệu lực').waitFor();
    await expect(held.getByRole('link', { name: 'Kiểm tra chữ ký số' }).getAttribute('href')).resolves.toMatch(/^\/verify\//);
    expect(await storeLooks(ctx.database.db, code)).toBe(looksBefore + 1);
    await expectAccessible(desk, 'officer dossier view with the applicant store open');

    // ---- the officers process the dossier and record the result (API, with their own sessions) ----
    const reception = await officerCaller(ctx.app, 'tiepnhan.tamlong');
    const specialist = await officerCaller(ctx.app, 'chuyenvien.tamlong');
    const approver = await officerCaller(ctx.app, 'lanhdao.tamlong');
    const view = (await specialist.get(`/api/v1/officer/dossiers/${encodeURIComponent(code)}`)).json() as {
      version: number;
      components: { componentCode: string; source: string }[];
    };
    expect(view.components).toContainEqual(expect.objectContaining({ componentCode: 'BAN_SAO_GIAY_KHAI_SINH', source: 'store' }));
    let version = view.version;
    for (const [who, body] of [
      [reception, { action: 'receive' }],
      [reception, { action: 'forward' }],
      [specialist, { action: 'forward' }],
      [approver, { action: 'approve' }],
      [specialist, { action: 'record_result' }],
    ] as const) {
      const res = await who.post(`/api/v1/officer/dossiers/${encodeURIComponent(code)}/actions`, { ...body, expectedVersion: version });
      expect(res.statusCode, `${body.action}: ${res.body}`).toBe(200);
      version = (res.json() as { version: number }).version;
    }

    // ---- the citizen receives the signed result on the dossier page ----
    await page.goto(url(`/ho-so/${encodeURIComponent(code)}`));
    await page.locator('.status-line').getByText('Đã xử lý xong').waitFor();
    await page.getByRole('heading', { name: 'Kết quả điện tử' }).waitFor();
    await expectAccessible(page, 'dossier with its electronic result');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải xuống Bản sao trích lục hộ tịch (PDF)' }).click(),
    ]);
    const signed = new Uint8Array(await readFile((await download.path()) ?? ''));
    const [issued] = await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.dossierId, dossier.id));
    if (!issued) throw new Error('no signed result');
    const text = (await extractPdfText(signed)).replace(/\s+/g, ' ');
    expect(text).toContain('BẢN SAO TRÍCH LỤC HỘ TỊCH');
    expect(text).toContain(`/verify/${issued.id}`);
    // The result went into his store too, reusable at once.
    const [kept] = await ctx.database.db.select().from(storeDocuments).where(eq(storeDocuments.issuedDocumentId, issued.id));
    expect(kept).toMatchObject({ ownerIdNumber: '079090001234', origin: 'issued', sourceDossierId: dossier.id });

    // ---- an independent verifier: valid; one byte changed: tampered ----
    expect(pdfsig(signed)).toContain('Signature Validation: Signature is Valid.');
    const tampered = withByteChanged(signed, '/Producer');
    const tamperedReport = pdfsig(tampered);
    expect(tamperedReport).toContain('Signature Validation: Digest Mismatch.');
    expect(tamperedReport).not.toContain('Signature is Valid.');
    await writeFile(path.join(files.dir, 'ket-qua.pdf'), signed);
    await writeFile(path.join(files.dir, 'ket-qua-da-sua.pdf'), tampered);

    // ---- a third party, no sign-in, follows the QR link and checks the files ----
    const stranger = await openPhone();
    await stranger.goto(url(`/verify/${issued.id}`));
    await stranger.getByRole('heading', { level: 1, name: 'Kiểm tra văn bản điện tử' }).waitFor();
    await stranger.getByText('Văn bản hợp lệ', { exact: true }).waitFor();
    expect(await stranger.content()).not.toContain('079090001234');
    await expectAccessible(stranger, 'public verification of the result');
    const status = () => stranger.getByRole('status', { name: 'Kết quả kiểm tra tệp' });
    await stranger.getByLabel('Tệp PDF', { exact: true }).setInputFiles(path.join(files.dir, 'ket-qua.pdf'));
    await stranger.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await status().getByText('Chữ ký số hợp lệ và tệp trùng khớp hoàn toàn với bản gốc đã lưu.').waitFor();
    await stranger.getByLabel('Tệp PDF', { exact: true }).setInputFiles(path.join(files.dir, 'ket-qua-da-sua.pdf'));
    await stranger.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await status().getByText('Văn bản không còn nguyên vẹn').waitFor();
    await status().getByText('Chữ ký số không còn khớp với nội dung: tệp đã bị sửa sau khi ký.').waitFor();
    await expectAccessible(stranger, 'public verification of a modified file');
  });
});
