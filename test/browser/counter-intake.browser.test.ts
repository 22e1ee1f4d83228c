import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/dossiers/schema.ts';
import { buildWebAppIfNeeded, collectPageProblems, expectAccessible, launchChromium } from '../support/browser-kit.ts';
import { pdfFile } from '../support/files.ts';
import { extractPdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('counter and assisted intake by a reception officer, in a desktop browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let scan: Buffer;

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    scan = Buffer.from(await pdfFile());
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    page = await context.newPage();
    problems = collectPageProblems(page);
  });

  afterEach(() => {
    expect(problems, 'script errors or CSP violations in the page').toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await ctx?.close();
  });

  /** Chooses the procedure, types the applicant and scans every component. */
  async function fillIntake(applicant: { idNumber: string; name: string; email: string }): Promise<void> {
    await page.getByLabel('Thủ tục hành chính').selectOption('1.000894');
    await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ (quét/tải lên)' }).waitFor();
    await page.getByLabel('Số CCCD (12 chữ số)').fill(applicant.idNumber);
    await page.getByLabel('Họ và tên').fill(applicant.name);
    await page.getByLabel('Thư điện tử (không bắt buộc)').fill(applicant.email);
    const inputs = page.locator('input[type="file"]');
    const count = await inputs.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).setInputFiles({ name: `scan-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: scan });
      await page
        .getByText(`scan-${i + 1}.pdf`)
        .first()
        .waitFor();
    }
  }

  it('receives a paper dossier at the counter (channel 1): registered, received at once, slip 01 printable, counter recorded', async () => {
    await page.goto(`${ctx.baseUrl}/can-bo/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('tiepnhan.tamlong');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();

    // A CCCD that is not 12 digits is caught before anything is sent.
    await page.getByLabel('Thủ tục hành chính').selectOption('1.000894');
    await page.getByLabel('Số CCCD (12 chữ số)').fill('12345');
    await page.getByRole('button', { name: 'Đăng ký hồ sơ' }).click();
    await page.getByRole('alert').getByText('Số CCCD phải gồm đúng 12 chữ số.').first().waitFor();

    await fillIntake({ idNumber: '079190004321', name: 'Lê Thị Hồng Nhung', email: 'nhung@example.vn' });
    await page.getByLabel('Quầy / máy tiếp nhận').fill('26572-TTPVHCC/quay-3');
    await expectAccessible(page, 'counter intake form');
    await page.getByRole('button', { name: 'Đăng ký hồ sơ' }).click();

    const done = page.getByRole('status').filter({ hasText: 'Đã đăng ký hồ sơ' });
    await done.waitFor();
    await done.getByText(/Trạng thái: Được tiếp nhận/).waitFor();
    await expectAccessible(page, 'counter intake done');
    const code = (/Đã đăng ký hồ sơ (\S+)\./.exec((await done.textContent()) ?? '') ?? [])[1] ?? '';
    expect(code).toMatch(/^79\./);

    const slipUrl = await done.getByRole('link', { name: 'In phiếu mẫu 01' }).getAttribute('href');
    const slip = await context.request.get(`${ctx.baseUrl}${slipUrl}`);
    expect(slip.status()).toBe(200);
    const text = (await extractPdfText(new Uint8Array(await slip.body()))).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(code);

    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(row).toMatchObject({
      channel: 1,
      status: 2,
      submitterKind: 'counter',
      submitterTerminal: '26572-TTPVHCC/quay-3',
      applicantName: 'Lê Thị Hồng Nhung',
      receivingAgencyCode: '26572-TTPVHCC',
    });
    expect(row?.submitterOfficerId).not.toBeNull();
  });

  it('keys an online dossier on a citizen’s behalf (assisted, channel 2): new, the officer recorded', async () => {
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ khác' }).click();
    await fillIntake({ idNumber: '079090001234', name: 'Nguyễn Văn An', email: 'an@example.vn' });
    await page.getByLabel(/Nộp trực tuyến thay người dân/).check();
    await page.getByRole('button', { name: 'Đăng ký hồ sơ' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã đăng ký hồ sơ' });
    await done.getByText(/Trạng thái: Mới đăng ký/).waitFor();
    const code = (/Đã đăng ký hồ sơ (\S+)\./.exec((await done.textContent()) ?? '') ?? [])[1] ?? '';
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(row).toMatchObject({ channel: 2, status: 1, submitterKind: 'assisted' });
    expect(row?.submitterOfficerId).not.toBeNull();
    expect(row?.submitterTerminal).toBeTruthy();
  });
});
