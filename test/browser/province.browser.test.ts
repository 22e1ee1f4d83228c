import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebAppIfNeeded, expectAccessible, launchChromium, openPhonePage } from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

interface Unit {
  code: string;
  fullName: string;
}

/**
 * One build of the web app serves any province: the server writes PROVINCE_CODE into the page, and
 * the portal names that province and lists its communes. Vĩnh Long (86) absorbed Bến Tre, one of the
 * seed articles' provinces.
 */
describe('a deployment for another province (PROVINCE_CODE=86), on a phone', () => {
  let ctx: TestContext;
  let browser: Browser;
  let province: Unit;
  let communes: Unit[];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true, config: { provinceCode: '86' } });
    province = (await (await fetch(`${ctx.baseUrl}/api/v1/units/86`)).json()) as Unit;
    communes = ((await (await fetch(`${ctx.baseUrl}/api/v1/units?parent=86&limit=500`)).json()) as { items: Unit[] }).items;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  async function open(pathname: string): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const { context, page, problems } = await openPhonePage(browser);
    await page.goto(`${ctx.baseUrl}${pathname}`);
    return { page, problems, close: () => context.close() };
  }

  it('names the province on the home page, not Ho Chi Minh City', async () => {
    expect(province.fullName).toMatch(/Vĩnh Long/);
    const { page, problems, close } = await open('/');
    await page.getByText(`Cổng dịch vụ công ${province.fullName}`).first().waitFor();
    expect(await page.locator('meta[name="tinhso-province"]').getAttribute('content')).toBe('86');
    expect(await page.locator('body').innerText()).not.toContain('Hồ Chí Minh');
    await expectAccessible(page, 'home, province 86');
    expect(problems).toEqual([]);
    await close();
  });

  it('lists the province’s own communes', async () => {
    expect(communes.length).toBeGreaterThan(50);
    const { page, problems, close } = await open('/don-vi');
    const [first, last] = [communes[0] as Unit, communes.at(-1) as Unit];
    await page.getByText(first.fullName, { exact: true }).first().waitFor();
    await page.getByText(last.fullName, { exact: true }).first().waitFor();
    expect(await page.getByText('Phường Tam Long', { exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});
