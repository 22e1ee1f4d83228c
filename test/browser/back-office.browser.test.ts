import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dossierEvents, dossiers } from '../../src/dossiers/schema.ts';
import { buildWebAppIfNeeded, collectPageProblems, expectAccessible, launchChromium, signInAtSandbox } from '../support/browser-kit.ts';
import { pdfFile } from '../support/files.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The one-stop back office end to end, each person in their own browser: a citizen submits online;
 * reception receives and forwards; a specialist asks for a supplement; the citizen supplements on the
 * dossier page; the specialist forwards; the leader approves; the specialist records the result;
 * reception returns it — and the citizen's dossier page shows every status on the way.
 */
describe('citizen, reception, specialist and leader on one dossier, in separate browsers', () => {
  let ctx: TestContext;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let scan: Buffer;

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
    scan = Buffer.from(await pdfFile());
    browser = await launchChromium();
  });

  afterEach(() => {
    expect(problems, 'script errors, CSP violations or 5xx answers').toEqual([]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await ctx?.close();
  });

  /** A fresh browser context (its own cookies): one per person. */
  async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    collectPageProblems(page, problems);
    return page;
  }

  async function officerSignsIn(username: string): Promise<Page> {
    const page = await openBrowser();
    await page.goto(`${ctx.baseUrl}/can-bo/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).waitFor();
    return page;
  }

  /** Opens the dossier from the officer's inbox search, as an officer would. */
  async function openFromInbox(page: Page, code: string): Promise<void> {
    await page.goto(`${ctx.baseUrl}/can-bo/ho-so?q=${encodeURIComponent(code)}`);
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
  }

  /** Clicks an action, fills its dialog, confirms, and waits for the announcement. */
  async function act(page: Page, label: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {}) {
    await page.getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: label });
    await dialog.waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('status').getByText(`Đã thực hiện: ${label}.`).waitFor();
  }

  /** The citizen reloads their dossier page and reads the status. */
  async function citizenSees(page: Page, code: string, status: string): Promise<void> {
    await page.goto(`${ctx.baseUrl}/ho-so/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await page.locator('.status-line').getByText(status, { exact: true }).waitFor();
  }

  it('goes from online submission to the returned result, the citizen seeing each status', async () => {
    // 1. The citizen (phone) submits a marriage registration online: the declaration is a scan.
    const citizen = await openBrowser({ width: 390, height: 844 });
    await citizen.goto(`${ctx.baseUrl}/thu-tuc/1.000894/nop-ho-so`);
    await citizen.getByRole('link', { name: 'Đăng nhập bằng VNeID (sandbox)' }).click();
    await signInAtSandbox(citizen);
    await citizen.getByRole('heading', { level: 1, name: /^Bước 1\/\d+/ }).waitFor();
    await citizen.getByLabel(/^Thư điện tử/).fill('nguyenvanan@example.vn');
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen
      .getByLabel(/^Tờ khai đăng ký kết hôn/)
      .setInputFiles({ name: 'to-khai-ket-hon.pdf', mimeType: 'application/pdf', buffer: scan });
    await citizen.getByText('to-khai-ket-hon.pdf').first().waitFor();
    // Through the remaining steps (the suggested agency, then the review) to the submit button.
    for (let steps = 0; steps < 5 && (await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).count()) === 0; steps++) {
      const heading = await citizen.getByRole('heading', { level: 1 }).innerText();
      await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
      await expect.poll(() => citizen.getByRole('heading', { level: 1 }).innerText()).not.toBe(heading);
    }
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.waitForURL(/\/ho-so\/[^/?]+\?moi=1$/);
    const code = decodeURIComponent(new URL(citizen.url()).pathname.split('/')[2] ?? '');
    await citizen.locator('.status-line').getByText('Mới đăng ký', { exact: true }).waitFor();

    // 2. Reception receives it (slip 01) and forwards it to examination.
    const reception = await officerSignsIn('tiepnhan.tamlong');
    await openFromInbox(reception, code);
    await act(reception, 'Tiếp nhận');
    await reception.getByText('Được tiếp nhận', { exact: true }).first().waitFor();
    await citizenSees(citizen, code, 'Được tiếp nhận');
    await act(reception, 'Chuyển bước tiếp theo');
    await citizenSees(citizen, code, 'Đang xử lý');

    // 3. The specialist asks for a supplement of the declaration (slip 02).
    const specialist = await officerSignsIn('chuyenvien.tamlong');
    await openFromInbox(specialist, code);
    await act(specialist, 'Yêu cầu bổ sung', async (dialog) => {
      await dialog.getByRole('checkbox', { name: /Tờ khai đăng ký kết hôn/ }).check();
      await dialog.getByLabel('Lý do (không bắt buộc)').fill('Tờ khai thiếu chữ ký của bên nữ');
    });
    await expectAccessible(specialist, 'officer dossier after a supplement request');

    // 4. The citizen sees the request on the dossier page and supplements it there.
    await citizenSees(citizen, code, 'Yêu cầu bổ sung giấy tờ');
    const supplement = citizen.getByRole('region', { name: 'Bổ sung hồ sơ' });
    await supplement.getByText('Lý do: Tờ khai thiếu chữ ký của bên nữ').waitFor();
    await expectAccessible(citizen, 'citizen dossier page with a supplement request');
    await supplement
      .getByLabel(/^Tệp cho “Tờ khai đăng ký kết hôn/)
      .setInputFiles({ name: 'to-khai-da-ky.pdf', mimeType: 'application/pdf', buffer: scan });
    await supplement.getByText('Đã tải lên to-khai-da-ky.pdf.').waitFor();
    await supplement.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await citizen.getByText('Đã gửi hồ sơ bổ sung. Tình trạng mới: Đang xử lý.').waitFor();
    await citizen.locator('.status-line').getByText('Đang xử lý', { exact: true }).waitFor();
    await citizen.getByText('to-khai-da-ky.pdf').first().waitFor();

    // 5. The specialist sees the supplement and forwards to approval; the leader approves.
    await openFromInbox(specialist, code);
    await specialist.getByText('to-khai-da-ky.pdf').first().waitFor();
    await act(specialist, 'Chuyển bước tiếp theo');
    const leader = await officerSignsIn('lanhdao.tamlong');
    await openFromInbox(leader, code);
    await act(leader, 'Phê duyệt');

    // 6. The specialist records the result; reception returns it online.
    await openFromInbox(specialist, code);
    await act(specialist, 'Cập nhật kết quả');
    await citizenSees(citizen, code, 'Đã xử lý xong');
    await openFromInbox(reception, code);
    await act(reception, 'Trả kết quả', async (dialog) => {
      await dialog.getByLabel('Trực tuyến (kết quả điện tử)').check();
    });
    await citizenSees(citizen, code, 'Đã trả kết quả');
    await expectAccessible(citizen, 'citizen dossier page, result returned');

    // The record behind it: every step an event, in order, by the right kind of actor.
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(row).toMatchObject({ status: 10, supplementRequestCount: 1, returnMethod: 'online', decision: 'approved' });
    const events = await ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, row!.id));
    expect(events.sort((a, b) => a.id - b.id).map((e) => [e.action, e.actorKind, e.toStatus])).toEqual([
      ['submit', 'citizen', 1],
      ['receive', 'officer', 2],
      ['forward', 'officer', 4],
      ['request_supplement', 'officer', 5],
      ['receive_supplement', 'citizen', 4],
      ['forward', 'officer', 4],
      ['approve', 'officer', 4],
      ['record_result', 'officer', 9],
      ['return_result', 'officer', 10],
    ]);
  });
});
