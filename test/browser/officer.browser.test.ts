import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DossierRow } from '../../src/dossiers/schema.ts';
import { buildWebAppIfNeeded, collectPageProblems, expectAccessible, launchChromium } from '../support/browser-kit.ts';
import { createDossier } from '../support/dossier-factory.ts';
import { extractPdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('officer back office in a desktop browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let dossier: DossierRow;

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    dossier = await createDossier(ctx.database.db, {
      applicantName: 'Lê Thị Hồng Nhung',
      applicantIdNumber: '079190004321',
      submittedAt: new Date(),
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
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

  it('reception signs in, finds the new dossier in the inbox, receives it and downloads the slip', async () => {
    await page.goto(`${ctx.baseUrl}/can-bo/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill('tiepnhan.tamlong');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();

    await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
    const queues = page.getByRole('navigation', { name: 'Hàng đợi' });
    await queues.getByRole('link', { name: /Mới đăng ký\s*1/ }).click();
    await expect.poll(() => queues.getByRole('link', { name: /Mới đăng ký/ }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: dossier.code }).waitFor();
    await expectAccessible(page, 'officer inbox');

    // Search without accents, by the keyboard.
    await page.getByLabel('Tìm theo mã hồ sơ, tên người nộp hoặc số CCCD').fill('hong nhung');
    await page.keyboard.press('Enter');
    await page.getByText('1 hồ sơ', { exact: true }).waitFor();
    await page.getByRole('cell', { name: /Lê Thị Hồng Nhung/ }).waitFor();

    await page.getByRole('link', { name: dossier.code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossier.code}` }).waitFor();
    await page.getByText('Mới đăng ký', { exact: true }).waitFor();
    await expectAccessible(page, 'officer dossier view');

    // A refusal needs a reason; Esc closes the dialog without doing anything.
    await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
    const refuse = page.getByRole('dialog', { name: 'Từ chối tiếp nhận' });
    await refuse.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await expectAccessible(page, 'refusal dialog');
    await page.keyboard.press('Escape');
    await refuse.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const receive = page.getByRole('dialog', { name: 'Tiếp nhận' });
    await receive.waitFor();
    await page.keyboard.press('Enter'); // the confirm button has focus
    await page.getByRole('status').getByText('Đã thực hiện: Tiếp nhận.').waitFor();
    await page.getByText('Được tiếp nhận', { exact: true }).waitFor();

    const downloading = page.waitForEvent('download');
    await page
      .getByRole('status')
      .getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ })
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${dossier.code}-mau-01.pdf`);
    const bytes = await readFile((await download.path()) ?? '');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await extractPdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(dossier.code);
    await expectAccessible(page, 'dossier after receipt');
  });
});
