import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { generateDossiers } from '../../src/demo/generator/generate.ts';
import { demoTotpSecret } from '../../src/identity/demo.ts';
import { totpCode } from '../../src/identity/domain/totp.ts';
import { importPortalEvaluation } from '../../src/indicators/import-portal-evaluation.ts';
import { setPortalUnitMapping } from '../../src/indicators/portal-unit-mappings.ts';
import { rebuildRollups } from '../../src/indicators/rollups/maintain.ts';
import {
  buildWebAppIfNeeded,
  collectPageProblems,
  expectAccessible,
  launchChromium,
  signInOfficerInContext,
} from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** Today in Vietnam, YYYY-MM-DD, and the last complete month (the dashboard's default period). */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const lastMonth = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();

describe('national view, reconciliation and definition pages in a desktop browser', () => {
  let ctx: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    const { db } = ctx.database;
    await generateDossiers(db, { dossiers: 600, seed: 'national', provinceCode: '79', from: `${lastMonth}-01`, to: today });
    await rebuildRollups(db);
    // The portal's published evaluation (the shipped samples) filed as this city's last month.
    await importPortalEvaluation(db, loadConfig().nationalPortalDataDir, { provinceCode: '79', period: lastMonth });
    // An administrator has mapped the portal's commune H44.100 onto Phường Tam Long (H44.03 stays unmapped).
    await setPortalUnitMapping(db, { provinceCode: '79', departmentCode: 'H44.100', target: '26572' }, { kind: 'system', id: 'test' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN' });
    page = await context.newPage();
    collectPageProblems(page, problems);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('a leader sees the provinces map, compares the portal’s scores with ours and reads how a number is computed', async () => {
    await signInOfficerInContext(context, ctx.baseUrl, 'lanhdao.thanhpho', totpCode(demoTotpSecret, new Date()));

    await page.goto(`${ctx.baseUrl}/lanh-dao`);
    await page.getByTestId('national-map').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('national-values').textContent()).toContain('Thành phố Hồ Chí Minh');

    // Any KPI's numerator opens the dossiers behind it: the genuine-online ones of the whole city.
    const overview = page.getByTestId('overview');
    const genuine = overview.locator('tr', { hasText: 'Tỷ lệ trực tuyến thực chất' });
    const numerator = (await genuine.locator('td').nth(1).textContent())?.replace(/\./g, '') ?? '';
    expect(Number(numerator)).toBeGreaterThan(0);
    await genuine.locator('td').nth(1).getByRole('button').click();
    await page.getByTestId('drill-dossiers').waitFor();
    await expect.poll(() => overview.locator('.pager').textContent()).toContain(`· ${numerator} hồ sơ`);
    await expectAccessible(page, 'dashboard with a KPI’s dossiers');

    // The reconciliation: every published score beside its recomputation and the platform's own.
    await page.getByRole('link', { name: 'Đối chiếu với Cổng Dịch vụ công quốc gia' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Đối chiếu Chỉ số 766 với Cổng Dịch vụ công quốc gia');
    const table = page.getByTestId('reconciliation');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(75);
    const onTime = table.locator('tbody tr', { hasText: 'Hồ sơ giải quyết trước và đúng hạn' }).first();
    const cells = await onTime.locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['H44', 'Thành phố Hồ Chí Minh']);
    // Published and recomputed agree (difference +0,00 or 0,00), the platform's own figure is there.
    expect(cells[4]).toMatch(/^[+-]?0,00$/);
    expect(cells[5]).toMatch(/^\d+,\d\d$/);
    // The mapped commune's row has the platform's own figure; the unmapped agency's says so.
    const commune = await table
      .locator('tbody tr', { hasText: 'H44.100' })
      .filter({ hasText: 'Tổng nhóm: Tiến độ giải quyết' })
      .first()
      .locator('td')
      .allTextContents();
    expect(commune[1]).toBe('Phường Tam Long');
    expect(commune[5]).toMatch(/^\d+,\d\d$/);
    const agency = await table.locator('tbody tr', { hasText: 'H44.03' }).first().locator('td').allTextContents();
    expect(agency[1]).toBe('chưa ánh xạ');
    expect(agency[5]).toBe('—');
    await expect.poll(() => page.locator('main').textContent()).toContain('npm run cli -- map-portal-unit');
    await expectAccessible(page, 'reconciliation with the national portal');

    // From a number to its definition: formula, numerator, denominator, source.
    await onTime.getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hồ sơ giải quyết trước và đúng hạn');
    await expect.poll(() => page.locator('main').textContent()).toContain('20 × rate');
    await expectAccessible(page, 'an index indicator’s definition');

    await page.goto(`${ctx.baseUrl}/lanh-dao/dinh-nghia/GENUINE_ONLINE_RATE`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tỷ lệ trực tuyến thực chất');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Tử số');
    expect(text).toContain('Mẫu số');
    expect(text).toContain('DOMAIN.md §2');

    await page.goto(`${ctx.baseUrl}/lanh-dao/dinh-nghia/ONLINE_SERVICE`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Công thức chưa được xác nhận');
    await page.goto(`${ctx.baseUrl}/lanh-dao/dinh-nghia`);
    await page.getByRole('heading', { level: 1, name: 'Định nghĩa các chỉ số' }).waitFor();
    await expectAccessible(page, 'all definitions');
    expect(problems).toEqual([]);
  });
});
