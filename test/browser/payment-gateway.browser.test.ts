import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../../src/payments/schema.ts';
import { expectAccessible, launchChromium } from '../support/browser-kit.ts';
import { insertTestDossier, signInTestCitizen } from '../support/payment-fixtures.ts';
import { TestBrowser } from '../support/browser-client.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** The sandbox gateway's hosted page in a phone-sized browser: accessible, no scripts needed, pay and come back. */
describe('sandbox payment gateway page', () => {
  let ctx: TestContext;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let citizen: { citizenId: string; token: string; idNumber: string };

  beforeAll(async () => {
    ctx = await createTestContext({ listen: true });
    citizen = await signInTestCitizen(ctx.database.db, 0, new Date());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  afterEach(async () => {
    expect(problems, 'script errors or CSP violations in the page').toEqual([]);
    await context?.close();
  });

  /** Starts a payment as the citizen (what the web app's payment step will do) and opens the gateway URL. */
  async function openGateway(): Promise<{ paymentId: string; dossierCode: string }> {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: citizen.citizenId,
      applicantIdNumber: citizen.idNumber,
      status: 6,
    });
    const api = new TestBrowser(ctx.baseUrl);
    api.cookies.set('tinhso_session', citizen.token);
    const { csrfToken } = await api.session();
    const res = await api.fetch(`/api/v1/dossiers/${dossier.code}/payments`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    const { redirectUrl, paymentId } = (await res.json()) as { redirectUrl: string; paymentId: string };
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    await context.addCookies([{ name: 'tinhso_session', value: citizen.token, url: ctx.baseUrl }]);
    page = await context.newPage();
    problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
        problems.push(`console: ${message.text()}`);
    });
    await page.goto(redirectUrl);
    return { paymentId, dossierCode: dossier.code };
  }

  it('is labelled as a sandbox, passes axe, and paying brings the citizen back to the dossier as paid', async () => {
    const { paymentId, dossierCode } = await openGateway();
    await page
      .getByRole('note')
      .getByText(/Cổng thanh toán thử nghiệm — SANDBOX/)
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Thanh toán phí, lệ phí' }).waitFor();
    await page.getByText('10.000 đồng').waitFor();
    await expectAccessible(page, 'sandbox payment gateway');

    await page
      .getByRole('group', { name: /Chọn ngân hàng thử nghiệm/ })
      .getByLabel(/Vietcombank/)
      .check();
    await page.getByRole('button', { name: /^Thanh toán/ }).click();
    await page.waitForURL((u) => u.pathname === `/ho-so/${dossierCode}`);
    expect(new URL(page.url()).searchParams.get('thanh-toan')).toBe('da-thanh-toan');
    const [row] = await ctx.database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row).toMatchObject({ status: 'paid', bankCode: 'VIETCOMBANK', settledVia: 'ipn' });
  });

  it('cancelling brings the citizen back with the payment cancelled', async () => {
    const { paymentId, dossierCode } = await openGateway();
    await page.getByRole('button', { name: /^Hủy giao dịch/ }).click();
    await page.waitForURL((u) => u.pathname === `/ho-so/${dossierCode}`);
    expect(new URL(page.url()).searchParams.get('thanh-toan')).toBe('da-huy');
    const [row] = await ctx.database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(row?.status).toBe('cancelled');
  });
});
