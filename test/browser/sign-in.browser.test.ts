import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/platform/errors.ts';
import { buildWebAppIfNeeded, expectAccessible, launchChromium, openPhonePage, signInAtSandbox } from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

describe('web app in a phone-sized browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  // Each scenario starts as a new visitor: no cookies, no stored language.
  const openPage = async (): Promise<Page> => {
    ({ context, page, problems } = await openPhonePage(browser));
    return page;
  };

  afterEach(async () => {
    expect(problems, 'script errors or CSP violations in the page').toEqual([]);
    await context?.close();
  });

  const url = (pathname: string) => `${ctx.baseUrl}${pathname}`;

  it('opens in Vietnamese and remembers a switch to English across reloads, for the API too', async () => {
    await openPage();
    await page.goto(url('/'));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByText('Tỉnh số — Cổng dịch vụ công Thành phố Hồ Chí Minh').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến, một cửa cho mọi thủ tục' }).waitFor();
    await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).waitFor();
    await expectAccessible(page, 'home (vi)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Online public services, one stop for every procedure' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const langCookie = (await context.cookies()).find((c) => c.name === 'lang');
    expect(langCookie).toMatchObject({ value: 'en', path: '/', sameSite: 'Lax' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Online public services, one stop for every procedure' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => window.localStorage.getItem('lang'))).toBe('en');
    // The cookie makes the API answer in English as well.
    const apiError = await page.evaluate(async () => (await fetch('/api/v1/units/99999')).json() as Promise<{ message: string }>);
    expect(apiError.message).toBe(errorCatalogue.UNIT_NOT_FOUND.en);
    await expectAccessible(page, 'home (en)');

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến, một cửa cho mọi thủ tục' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'English' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('filters the units without accents and shows what a ward absorbed', async () => {
    await openPage();
    await page.goto(url('/'));
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.waitForURL(url('/don-vi'));
    await page.getByText('Hiển thị 168 trên 168 đơn vị').waitFor();
    await expectAccessible(page, 'units explorer');

    await page.getByLabel('Lọc theo tên hoặc mã').fill('tam long');
    await page.getByText('Hiển thị 1 trên 168 đơn vị').waitFor();
    const ward = page.getByRole('button', { name: /Phường Tam Long/ });
    await expect.poll(() => ward.count()).toBe(1);
    await ward.click();
    expect(await ward.getAttribute('aria-expanded')).toBe('true');
    const history = page.getByRole('region', { name: 'Lịch sử của Phường Tam Long' });
    await history.getByText('Hình thành từ').waitFor();
    await history.getByText(/Xã Hoà Long \(toàn bộ\), từ ngày 01\/07\/2025/).waitFor();
    await expectAccessible(page, 'units explorer with a history open');
  });

  it('signs a citizen in through the sandbox VNeID and out again', async () => {
    await openPage();
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID (sandbox)' }).click();
    // The sandbox labels each field in Vietnamese, then English: "Số định danh cá nhân (CCCD) Personal ID number".
    await page.getByLabel(/^Số định danh cá nhân \(CCCD\)/).waitFor();
    await expectAccessible(page, 'sandbox VNeID sign-in');
    await signInAtSandbox(page);

    await page.waitForURL(url('/tai-khoan'));
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Văn An' }).waitFor();
    await page.getByText('Số định danh cá nhân').waitFor();
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Nguyễn Văn An');
    await expectAccessible(page, 'citizen account');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(url('/'));
    await page.goto(url('/tai-khoan'));
    await page.getByText('Bạn chưa đăng nhập.').waitFor();
    expect(await page.getByRole('banner').textContent()).not.toContain('Nguyễn Văn An');
    await expectAccessible(page, 'account when signed out');
  });

  it('explains a failed citizen sign-in on the home page, in words for known codes', async () => {
    await openPage();
    await page.goto(url('/?loginError=OIDC_LOGIN_CANCELLED'));
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(`Đăng nhập không thành công: ${errorCatalogue.OIDC_LOGIN_CANCELLED.vi}`);
    await expectAccessible(page, 'home with a sign-in error');
    await page.goto(url('/?loginError=SOMETHING_NEW'));
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Đăng nhập không thành công (mã lỗi SOMETHING_NEW).');
  });

  it('tells an officer a wrong password in Vietnamese, then signs them in with their role', async () => {
    await openPage();
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Cán bộ đăng nhập' }).click();
    await page.waitForURL(url('/can-bo/dang-nhap'));
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('tiepnhan.tamlong');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('Sai@2026');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(errorCatalogue.INVALID_CREDENTIALS.vi);
    expect(page.url()).toBe(url('/can-bo/dang-nhap'));
    await expectAccessible(page, 'officer sign-in with an error');

    await page.getByLabel('Mật khẩu', { exact: true }).fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL(url('/tai-khoan'));
    const role = page.locator('.role').filter({ hasText: 'Tiếp nhận' });
    await role.waitFor();
    await role.getByText('Trung tâm Phục vụ hành chính công Phường Tam Long').waitFor();
    await page.getByText('tiepnhan.tamlong').waitFor();
    await expectAccessible(page, 'officer account');
  });
});
