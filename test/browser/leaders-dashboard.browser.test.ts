import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossiers } from '../../src/demo/generator/generate.ts';
import { demoTotpSecret } from '../../src/identity/demo.ts';
import { totpCode } from '../../src/identity/domain/totp.ts';
import { rebuildRollups } from '../../src/indicators/rollups/maintain.ts';
import { buildWebAppIfNeeded, collectPageProblems, expectAccessible, launchChromium } from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** Today in Vietnam, YYYY-MM-DD. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));
// The last complete quarter: the period the leader switches to.
const lastQuarter = (() => {
  const q = Math.ceil(month / 3) - 1;
  return q === 0 ? `${year - 1}-Q4` : `${year}-Q${q}`;
})();

describe("leaders' dashboard in a desktop browser", () => {
  let ctx: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    const from = `${year - 1}-${String(month).padStart(2, '0')}-01`;
    await generateDossiers(ctx.database.db, { dossiers: 3_000, seed: 'browser', provinceCode: '79', from, to: today });
    await rebuildRollups(ctx.database.db);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'vi-VN', acceptDownloads: true });
    page = await context.newPage();
    collectPageProblems(page, problems);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('a leader opens the dashboard, switches period, clicks a commune on the map, drills into its late dossiers and exports them', async () => {
    // Sign in as the city's leader (password + TOTP) through the API, in the browser's own cookie jar.
    const session = await (await context.request.get(`${ctx.baseUrl}/api/v1/session`)).json();
    const login = await context.request.post(`${ctx.baseUrl}/api/v1/auth/officer/login`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { username: 'lanhdao.thanhpho', password: 'Demo@2026', totp: totpCode(demoTotpSecret, new Date()) },
    });
    expect(login.status()).toBe(200);

    await page.goto(`${ctx.baseUrl}/lanh-dao`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bảng điều hành của lãnh đạo');
    await page.getByTestId('overview').getByText('Chỉ số phục vụ (766)').first().waitFor();

    // Switch to the last complete quarter.
    await page.getByLabel('Kỳ báo cáo').selectOption(lastQuarter);
    await expect.poll(() => new URL(page.url()).searchParams.get('ky')).toBe(lastQuarter);
    const overviewTitle = page.locator('#overview-title');
    await expect.poll(() => overviewTitle.textContent()).toContain(`Quý ${lastQuarter.slice(-1)}/${lastQuarter.slice(0, 4)}`);
    // The online-service group's formula is not confirmed, and the page says so.
    await page.getByTestId('overview').getByText('Công thức chưa được xác nhận').first().waitFor();

    // The commune with the most late dossiers in the quarter, from the same API the page uses.
    const ranking = await (
      await context.request.get(`${ctx.baseUrl}/api/v1/dashboard/ranking?period=${lastQuarter}&indicator=ON_TIME_RATE`)
    ).json();
    const target = [...ranking.rows].sort(
      (a: { headline: { late: number } }, b: { headline: { late: number } }) => b.headline.late - a.headline.late,
    )[0] as {
      code: string;
      name: string;
      headline: { late: number };
    };
    expect(target.headline.late).toBeGreaterThan(0);

    // Click the commune where it is drawn on the map (the canvas region under its inner point).
    const map = page.getByTestId('commune-map');
    await map.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await map.getAttribute('data-region-pixels')) !== null, { timeout: 20_000 }).toBe(true);
    const pixels = JSON.parse((await map.getAttribute('data-region-pixels')) ?? '{}') as Record<string, [number, number]>;
    const point = pixels[target.code];
    expect(point).toBeTruthy();
    const box = await map.boundingBox();
    if (!box || !point) throw new Error('map not drawn');
    await page.mouse.click(box.x + point[0], box.y + point[1]);
    await expect.poll(() => new URL(page.url()).searchParams.get('dv')).toBe(target.code);
    const panel = page.getByTestId('commune-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe(`Số liệu của ${target.name}`);

    // Drill into its late dossiers.
    await panel.getByRole('button', { name: /hồ sơ trễ hạn$/ }).click();
    const table = page.getByTestId('late-dossiers');
    await table.waitFor();
    const codes = await table.locator('tbody th').allTextContents();
    expect(codes.length).toBe(Math.min(50, target.headline.late));

    // Export them as XLSX: the file opens with exceljs and holds the same dossiers, in the same order.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel (.xlsx)' }).last().click(),
    ]);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('empty workbook');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')]));
    const header = rows.findIndex((r) => r[0] === 'STT');
    const exported = rows
      .slice(header + 1)
      .filter((r) => /^\d+$/.test(r[0] ?? ''))
      .map((r) => r[1]);
    expect(exported).toHaveLength(target.headline.late);
    expect(exported.slice(0, codes.length)).toEqual(codes);
    expect(rows.some((r) => r[0] === 'DANH SÁCH HỒ SƠ TRỄ HẠN')).toBe(true);

    await expectAccessible(page, 'leaders’ dashboard with a commune and its late dossiers');
    expect(problems).toEqual([]);
  });
});
