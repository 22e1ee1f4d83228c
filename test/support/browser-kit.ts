import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../src/platform/paths.ts';

/** Shared pieces of the Playwright tests: the web build check, Debian's Chromium, and axe-core. */

/** The same check `npm start` runs: rebuild dist/web only when src/web or vite.config.ts changed. */
export function buildWebAppIfNeeded(): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts/build-web-if-needed.mjs')], { cwd: projectRoot, stdio: 'inherit' });
}

/** Debian's Chromium, headless, as root and without internet (see ARCHITECTURE.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Collects the page's script errors, Content-Security-Policy refusals and 5xx answers; a test expects
 * none. (A 4xx can be part of a flow, such as no draft yet; a 5xx never is.)
 */
export function collectPageProblems(page: Page, problems: string[] = []): string[] {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.request().method()} ${response.url()} answered ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** A new visitor on a phone (no cookies, no stored language); `problems` collects script errors and CSP violations. */
export async function openPhonePage(
  browser: Browser,
  problems: string[] = [],
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  const page = await context.newPage();
  return { context, page, problems: collectPageProblems(page, problems) };
}

const axeSource = readFileSync(path.join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeWindow {
  axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
}

/** Runs axe-core on the page as it is now and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's `script-src 'self'` does not block it.
  if (!(await page.evaluate(() => Boolean((window as AxeWindow).axe)))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => (window as AxeWindow).axe!.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious.map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
    );
    process.stderr.write(`axe violations on ${label} (${page.url()}):\n${report.join('\n')}\n`);
  }
  expect(
    serious.map((v) => `${v.id} (${v.nodes.length})`),
    `accessibility of ${label}`,
  ).toEqual([]);
}

/** Signs in through the sandbox VNeID pages (the browser is already on them). */
export async function signInAtSandbox(page: Page, idNumber = '079090001234', password = 'Demo@2026'): Promise<void> {
  const field = page.getByLabel(/^Số định danh cá nhân \(CCCD\)/);
  await field.waitFor();
  await field.fill(idNumber);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: /^Đăng nhập/ }).click();
}

/** Signs an officer in through the API, in the browser context's own cookie jar (TOTP when the account has one). */
export async function signInOfficerInContext(context: BrowserContext, baseUrl: string, username: string, totp?: string): Promise<void> {
  const session = (await (await context.request.get(`${baseUrl}/api/v1/session`)).json()) as { csrfToken: string };
  const login = await context.request.post(`${baseUrl}/api/v1/auth/officer/login`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { username, password: 'Demo@2026', ...(totp ? { totp } : {}) },
  });
  expect(login.status()).toBe(200);
}

/**
 * From a dossier page with something to pay: clicks "Thanh toán trực tuyến {amount}", pays on the
 * sandbox gateway's hosted page with its test bank, and waits to be back on the dossier, paid.
 */
export async function payDossierOnSandbox(page: Page, code: string, amount: string): Promise<void> {
  await page.getByRole('button', { name: `Thanh toán trực tuyến ${amount}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Thanh toán phí, lệ phí' }).waitFor();
  await page.getByText(amount).first().waitFor();
  await page
    .getByRole('group', { name: /Chọn ngân hàng thử nghiệm/ })
    .getByLabel(/Vietcombank/)
    .check();
  await page.getByRole('button', { name: /^Thanh toán/ }).click();
  await page.waitForURL((u) => u.pathname === `/ho-so/${code}` && u.searchParams.get('thanh-toan') === 'da-thanh-toan');
  await page.getByText('Thanh toán thành công. Cảm ơn bạn!').waitFor();
}

/** The h1 of a step of the form flow: "Bước 2/9 Người được khai sinh". */
export function formStep(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name: new RegExp(`^Bước \\d+/\\d+ ${name}$`) });
}

/** Checks the form step as filled in (axe), then continues: every step of the flow gets its accessibility check. */
export async function continueFormStep(page: Page): Promise<void> {
  await expectAccessible(page, `form step “${await page.getByRole('heading', { level: 1 }).innerText()}”`);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
}
