import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueSignedDocument, type IssuedDocument } from '../../src/documents/issue-document.ts';
import { revokeDocument } from '../../src/documents/revoke-document.ts';
import { createDocumentServices, type DocumentServices } from '../../src/documents/services.ts';
import { birthExtract } from '../../src/documents/test-fixtures.ts';
import { buildWebAppIfNeeded, expectAccessible, launchChromium, openPhonePage } from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('public verification page, no sign-in, on a phone', () => {
  let ctx: TestContext;
  let services: DocumentServices;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let issued: IssuedDocument;
  const files = mkdtempSync(path.join(os.tmpdir(), 'tinhso-verify-'));

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    services = createDocumentServices(ctx.config, ctx.database.db, () => new Date());
    issued = await issueSignedDocument(services, birthExtract, { kind: 'system', id: 'test' });
    writeFileSync(path.join(files, 'trich-luc-khai-sinh.pdf'), issued.pdf);
    const modified = Buffer.from(issued.pdf);
    const at = modified.indexOf('/Producer');
    modified[at] = (modified[at] as number) ^ 1;
    writeFileSync(path.join(files, 'da-sua.pdf'), modified);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const openPage = async (pathname: string): Promise<Page> => {
    ({ context, page, problems } = await openPhonePage(browser));
    await page.goto(`${ctx.baseUrl}${pathname}`);
    return page;
  };

  afterEach(async () => {
    expect(problems, 'script errors or CSP violations in the page').toEqual([]);
    await context?.close();
  });

  const status = () => page.getByRole('status', { name: 'Kết quả kiểm tra tệp' });

  it('the QR link shows the document valid, with its agency and public facts, in Vietnamese', async () => {
    await openPage(`/verify/${issued.id}`);
    await page.getByRole('heading', { level: 1, name: 'Kiểm tra văn bản điện tử' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Trích lục khai sinh' }).waitFor();
    await page.getByText('Văn bản hợp lệ', { exact: true }).waitFor();
    await page.getByText('125/TLKS-BS').waitFor();
    await page
      .getByText(/Tam Long/)
      .first()
      .waitFor();
    await page.getByText('Bản thử nghiệm: văn bản được ký bằng khoá phát triển, không có giá trị pháp lý.').waitFor();
    expect(await page.title()).toBe('Kiểm tra văn bản điện tử — Tỉnh số');
    // Nothing personal on a public page.
    expect(await page.content()).not.toContain('079090001234');
    expect(await page.content()).not.toContain('NGUYỄN VĂN AN');
    await expectAccessible(page, 'verify page, valid document');
  });

  it('checking the genuine PDF says it is the original; a copy with one byte changed is reported as modified', async () => {
    await openPage('/verify');
    await page.getByLabel('Tệp PDF', { exact: true }).setInputFiles(path.join(files, 'trich-luc-khai-sinh.pdf'));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await status().getByText('Văn bản hợp lệ').waitFor();
    await status().getByText('Chữ ký số hợp lệ và tệp trùng khớp hoàn toàn với bản gốc đã lưu.').waitFor();
    await expectAccessible(page, 'verify page, genuine file checked');

    await page.getByLabel('Tệp PDF', { exact: true }).setInputFiles(path.join(files, 'da-sua.pdf'));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await status().getByText('Văn bản không còn nguyên vẹn').waitFor();
    await status().getByText('Chữ ký số không còn khớp với nội dung: tệp đã bị sửa sau khi ký.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Tệp này ghi là văn bản:' }).waitFor();
    await expectAccessible(page, 'verify page, modified file checked');
  });

  it('an unknown id says only that no document has it', async () => {
    await openPage('/verify/00000000-0000-4000-8000-000000000000');
    await page.getByText('Không tìm thấy văn bản với mã này. Hãy kiểm tra lại mã hoặc đường dẫn trong mã QR.').waitFor();
    await expectAccessible(page, 'verify page, unknown id');
  });

  it('after revocation the page says so, with the reason, in either language', async () => {
    const officer = {
      kind: 'officer',
      id: '00000000-0000-4000-8000-000000000001',
      username: 'x',
      fullName: 'x',
      isTotpEnabled: false,
    } as const;
    await revokeDocument(
      services,
      { ...officer, roles: [{ role: 'approver', agencyCode: '26572-UBND', unitCode: '26572' }] },
      { documentId: issued.id, reason: 'Cấp nhầm ngày sinh' },
      { kind: 'officer', id: officer.id },
    );
    await openPage(`/verify/${issued.id}`);
    await page.getByText('Văn bản đã bị thu hồi', { exact: true }).waitFor();
    await page.getByText('Cấp nhầm ngày sinh').waitFor();
    await expectAccessible(page, 'verify page, revoked document');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check an electronic document' }).waitFor();
    await page.getByText('The document has been revoked', { exact: true }).waitFor();
    await expectAccessible(page, 'verify page, revoked document (en)');
  });
});
