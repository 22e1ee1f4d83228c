import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebAppIfNeeded, expectAccessible, launchChromium, openPhonePage, signInOfficerInContext } from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('a system administrator keeps the procedure catalogue, on a phone', () => {
  let ctx: TestContext;
  let browser: Browser;

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('finds a procedure without accents, publishes a new processing time, and citizens see it with its history', async () => {
    const { context, page, problems } = await openPhonePage(browser);
    await signInOfficerInContext(context, ctx.baseUrl, 'quantri.hethong');
    // A second tab opened on the same version before the first one publishes.
    const stale = await context.newPage();

    await page.goto(`${ctx.baseUrl}/can-bo/thu-tuc`);
    await page.getByRole('heading', { level: 1, name: 'Quản trị danh mục thủ tục' }).waitFor();
    await page.getByLabel('Tìm thủ tục').fill('chung thuc ban sao tu ban chinh');
    await page.getByRole('button', { name: 'Tìm' }).click();
    const link = page.getByRole('link', { name: /^Chứng thực bản sao từ bản chính giấy tờ/ });
    await link.waitFor();
    await expectAccessible(page, 'catalogue administration list');
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Sửa thủ tục 2.000815' }).waitFor();
    await stale.goto(`${ctx.baseUrl}/can-bo/thu-tuc/2.000815`);
    await stale.getByRole('heading', { level: 1, name: 'Sửa thủ tục 2.000815' }).waitFor();

    // Nothing is published without a note on what changed.
    await page.getByLabel('Số lượng').fill('2');
    await page.getByLabel('Đơn vị').selectOption({ label: 'ngày làm việc' });
    await page.getByRole('button', { name: 'Xuất bản phiên bản mới' }).click();
    await page.getByText('Hãy ghi nội dung thay đổi (ít nhất 5 ký tự).').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await expectAccessible(page, 'catalogue editor with an error');

    await page.getByLabel('Nội dung thay đổi').fill('Điều chỉnh thời hạn theo quyết định của UBND Thành phố');
    await page.getByRole('button', { name: 'Xuất bản phiên bản mới' }).click();
    await page.getByText('Đã xuất bản phiên bản 2 của thủ tục 2.000815.').waitFor();
    const versions = page.getByTestId('versions');
    await versions.getByText(/Tỉnh, thành phố sửa — Điều chỉnh thời hạn/).waitFor();
    await versions.getByText(/Danh mục tham chiếu/).waitFor();
    await expectAccessible(page, 'catalogue editor after publishing');

    // The other tab still edits version 1: it is told so, and reloads the new version.
    await stale.getByLabel('Nội dung thay đổi').fill('Sửa tên tiếng Anh');
    await stale.getByLabel('Tên tiếng Anh').fill('Certifying a copy from its original');
    await stale.getByRole('button', { name: 'Xuất bản phiên bản mới' }).click();
    await stale
      .getByRole('alert')
      .getByText(/vừa có phiên bản mới/)
      .waitFor();
    await stale.getByRole('button', { name: 'Tải lại phiên bản mới nhất' }).click();
    await stale.getByText(/Đang sửa trên phiên bản 2/).waitFor();

    // The public procedure page, as a citizen sees it.
    await page.getByRole('link', { name: 'Xem trang công khai' }).click();
    await page.getByText('2 ngày làm việc').first().waitFor();
    await page.getByText('Lịch sử thay đổi (2 phiên bản)').click();
    await page
      .getByTestId('version-history')
      .getByText(/do tỉnh, thành phố cập nhật — Điều chỉnh thời hạn/)
      .waitFor();
    await expectAccessible(page, 'procedure page with its history');

    // The city's own version now differs from the reference catalogue: the editor says so, and goes back to it.
    await page.goto(`${ctx.baseUrl}/can-bo/thu-tuc/2.000815`);
    const reference = page.getByTestId('reference');
    await reference.getByRole('heading', { name: 'Danh mục tham chiếu có nội dung khác phiên bản đang dùng' }).waitFor();
    await expectAccessible(page, 'catalogue editor with the reference differing');
    await reference.getByRole('button', { name: 'Trở về nội dung của danh mục tham chiếu' }).click();
    await page.getByText('Đã xuất bản phiên bản 3 của thủ tục 2.000815.').waitFor();
    await page
      .getByTestId('versions')
      .getByText(/Danh mục tham chiếu — Cập nhật theo danh mục thủ tục tham chiếu/)
      .waitFor();
    expect(await page.getByTestId('reference').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is closed to officers who are not system administrators', async () => {
    const { context, page, problems } = await openPhonePage(browser);
    await signInOfficerInContext(context, ctx.baseUrl, 'quantri.tamlong');
    await page.goto(`${ctx.baseUrl}/can-bo/thu-tuc/2.000815`);
    await page.getByText('Trang này dành cho quản trị hệ thống của tỉnh, thành phố.').waitFor();
    expect(await page.getByRole('button', { name: 'Xuất bản phiên bản mới' }).count()).toBe(0);
    await expectAccessible(page, 'catalogue administration refused');
    expect(problems).toEqual([]);
    await context.close();
  });
});
