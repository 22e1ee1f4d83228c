import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dossierEvents, dossiers } from '../../src/dossiers/schema.ts';
import { payments } from '../../src/payments/schema.ts';
import { createDossier } from '../support/dossier-factory.ts';
import {
  buildWebAppIfNeeded,
  collectPageProblems,
  expectAccessible,
  launchChromium,
  openPhonePage,
  payDossierOnSandbox,
  signInAtSandbox,
  signInOfficerInContext,
} from '../support/browser-kit.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Status 6 in the browser: the specialist determines a financial obligation of 150.000 đồng in the
 * action dialog; the citizen sees it on the dossier page, pays it on the sandbox gateway, and the
 * dossier goes back to processing (6 → 4), where the specialist can continue.
 */
describe('a financial obligation requested by the officer and paid online by the citizen', () => {
  let ctx: TestContext;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebAppIfNeeded();
    ctx = await createTestContext({ listen: true });
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

  it('the officer asks for 150.000 đồng, the citizen pays it on the sandbox gateway, processing continues', async () => {
    // The citizen signs in once, so the dossier can be theirs.
    const phone = await openPhonePage(browser, problems);
    contexts.push(phone.context);
    const citizen = phone.page;
    await citizen.goto(`${ctx.baseUrl}/ho-so-cua-toi`);
    await citizen.getByRole('link', { name: 'Đăng nhập bằng VNeID (sandbox)' }).click();
    await signInAtSandbox(citizen);
    await citizen.waitForURL(`${ctx.baseUrl}/ho-so-cua-toi`);
    const session = (await (await citizen.request.get(`${ctx.baseUrl}/api/v1/session`)).json()) as { principal: { id: string } | null };
    const an = session.principal;
    if (!an) throw new Error('the citizen is not signed in');
    // A birth registration (no fee at submission) at the commune specialist's processing step.
    const dossier = await createDossier(ctx.database.db, {
      applicantCitizenId: an.id,
      status: 4,
      currentStep: 'processing',
      submittedAt: new Date(Date.now() - 2 * 86_400_000),
      receivedAt: new Date(Date.now() - 2 * 86_400_000),
      appointmentAt: new Date(Date.now() + 5 * 86_400_000),
    });

    // The specialist determines the obligation in the action dialog.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    contexts.push(desk);
    await signInOfficerInContext(desk, ctx.baseUrl, 'chuyenvien.tamlong');
    const specialist = await desk.newPage();
    collectPageProblems(specialist, problems);
    await specialist.goto(`${ctx.baseUrl}/can-bo/ho-so/${encodeURIComponent(dossier.code)}`);
    await specialist.getByRole('heading', { level: 1, name: `Hồ sơ ${dossier.code}` }).waitFor();
    const label = 'Yêu cầu nghĩa vụ tài chính';
    await specialist.getByRole('button', { name: label, exact: true }).click();
    const dialog = specialist.getByRole('dialog', { name: label });
    await dialog.waitFor();
    // Without an amount the dialog does not go through.
    await dialog.getByLabel(/^Nội dung khoản phải nộp/).fill('Lệ phí cấp giấy chứng nhận');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    const amount = dialog.getByLabel(/^Số tiền phải nộp \(đồng\)/);
    expect(await amount.evaluate((input) => (input as HTMLInputElement).validity.valueMissing)).toBe(true);
    await dialog.waitFor();
    expect((await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id)))[0]?.status).toBe(4);
    await expectAccessible(specialist, 'financial obligation dialog');
    await amount.fill('150000');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await specialist.getByRole('status').getByText(`Đã thực hiện: ${label}.`).waitFor();
    // The officer's dossier page lists the obligation: what for, how much, not paid yet.
    const obligation = specialist.getByTestId('obligations').locator('tbody tr').first();
    await obligation.getByText('Lệ phí cấp giấy chứng nhận').waitFor();
    expect(await obligation.locator('td').allTextContents()).toEqual(['150.000 đồng', 'Chưa nộp']);
    await expectAccessible(specialist, 'officer dossier page with a financial obligation');
    const [requested] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    expect(requested).toMatchObject({
      status: 6,
      financialObligations: [expect.objectContaining({ amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận' })],
    });

    // The citizen sees what is owed and why, and pays it.
    await citizen.goto(`${ctx.baseUrl}/ho-so/${encodeURIComponent(dossier.code)}`);
    await citizen.locator('.status-line').getByText('Yêu cầu thực hiện nghĩa vụ tài chính', { exact: true }).waitFor();
    await citizen.getByText('Nghĩa vụ tài chính: Lệ phí cấp giấy chứng nhận').waitFor();
    await expectAccessible(citizen, 'dossier with a financial obligation to pay');
    await payDossierOnSandbox(citizen, dossier.code, '150.000 đồng');
    await citizen.getByText('Đã nộp đủ phí, lệ phí.').waitFor();
    await citizen.locator('.status-line').getByText('Đang xử lý', { exact: true }).waitFor();
    await expectAccessible(citizen, 'dossier after paying the obligation');

    const [paid] = await ctx.database.db.select().from(payments).where(eq(payments.dossierId, dossier.id));
    expect(paid).toMatchObject({ status: 'paid', amountVnd: 150_000 });
    const events = await ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossier.id));
    // After the factory's submission event: the request and the payment.
    expect(
      events
        .sort((a, b) => a.id - b.id)
        .map((e) => [e.action, e.toStatus])
        .slice(1),
    ).toEqual([
      ['request_financial_obligation', 6],
      ['pay', 4],
    ]);

    // Processing continues: the specialist can forward the dossier to approval.
    await specialist.reload();
    await specialist.getByRole('button', { name: 'Chuyển bước tiếp theo', exact: true }).waitFor();
    expect(await obligation.locator('td').allTextContents()).toEqual(['150.000 đồng', 'Đã nộp']);
  });
  it('at the counter, the reception officer confirms a card payment: a counter payment is recorded and the line shows paid', async () => {
    const dossier = await createDossier(ctx.database.db, {
      status: 6,
      currentStep: 'processing',
      submittedAt: new Date(Date.now() - 2 * 86_400_000),
      receivedAt: new Date(Date.now() - 2 * 86_400_000),
      appointmentAt: new Date(Date.now() + 5 * 86_400_000),
      financialObligations: [{ amountVnd: 250_000, description: 'Lệ phí trích lục', requestedAt: new Date().toISOString() }],
    });
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    contexts.push(desk);
    await signInOfficerInContext(desk, ctx.baseUrl, 'tiepnhan.tamlong');
    const reception = await desk.newPage();
    collectPageProblems(reception, problems);
    await reception.goto(`${ctx.baseUrl}/can-bo/ho-so/${encodeURIComponent(dossier.code)}`);
    const obligation = reception.getByTestId('obligations').locator('tbody tr').first();
    await obligation.getByText('Lệ phí trích lục').waitFor();
    expect(await obligation.locator('td').allTextContents()).toEqual(['250.000 đồng', 'Chưa nộp']);

    const label = 'Xác nhận đã nộp nghĩa vụ tài chính';
    await reception.getByRole('button', { name: label, exact: true }).click();
    const dialog = reception.getByRole('dialog', { name: label });
    await dialog.getByText('Số tiền còn phải nộp: 250.000 đồng.', { exact: false }).waitFor();
    await dialog.getByLabel('Thẻ (máy POS)').check();
    await expectAccessible(reception, 'confirming a financial obligation paid at the counter');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await reception.getByRole('status').getByText(`Đã thực hiện: ${label}.`).waitFor();
    await expect.poll(() => obligation.locator('td').allTextContents()).toEqual(['250.000 đồng', 'Đã nộp']);

    const recorded = await ctx.database.db.select().from(payments).where(eq(payments.dossierId, dossier.id));
    expect(recorded).toMatchObject([{ status: 'paid', channel: 'counter', counterMethod: 'pos', amountVnd: 250_000 }]);
    expect((await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id)))[0]?.status).toBe(4);
  });
});
