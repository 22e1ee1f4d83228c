import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { formAction, TestBrowser } from '../../test/support/browser-client.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { citizens } from './schema.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ listen: true });
});
afterAll(async () => ctx.close());

/** Goes from the platform to the sandbox sign-in page; answers the browser and the page. */
async function openSandboxSignIn(returnTo = '/ho-so?tab=1'): Promise<{ browser: TestBrowser; page: string; pageUrl: string }> {
  const browser = new TestBrowser(ctx.baseUrl);
  const start = await browser.fetch(`/auth/citizen/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  expect(start.headers.get('location')).toContain('/sandbox/vneid/auth?');
  const { res, chain } = await browser.follow(start);
  expect(res.status).toBe(200);
  return { browser, page: await res.text(), pageUrl: chain.at(-1) ?? '' };
}

function submit(browser: TestBrowser, action: string, fields: Record<string, string>): Promise<Response> {
  return browser.fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

describe(`citizen sign-in through the VNeID sandbox over HTTP (${testBackend()})`, () => {
  it('shows a sandbox sign-in page that says it is a sandbox and lists the demo citizens', async () => {
    const { page, pageUrl } = await openSandboxSignIn();
    expect(pageUrl).toContain('/sandbox/vneid/interaction/');
    expect(page).toContain('MÔI TRƯỜNG THỬ NGHIỆM — SANDBOX, không phải VNeID thật');
    expect(page).toMatch(/<label for="idNumber">Số định danh cá nhân \(CCCD\)/);
    expect(page).toMatch(/<label for="password">Mật khẩu/);
    expect(page).toContain('Đăng nhập');
    expect(page).toContain('079090001234');
    expect(page).toContain('Nguyễn Văn An');
    expect(page).not.toMatch(/<script/i);
  });

  it('signs the citizen in, records them and returns to the page they came from', async () => {
    const { browser, page } = await openSandboxSignIn('/ho-so?tab=1');
    const anonymous = await browser.session();
    expect(anonymous.principal).toBeNull();

    const posted = await submit(browser, formAction(page, '/login'), { idNumber: '079090001234', password: 'Demo@2026' });
    expect(posted.status).toBe(303);
    const { res, chain } = await browser.follow(posted);
    expect(chain.some((u) => u.startsWith(`${ctx.baseUrl}/auth/citizen/callback?`))).toBe(true);
    expect(chain.at(-1)).toBe(`${ctx.baseUrl}/ho-so?tab=1`);
    // The browser lands on a page of the web app (or its "not built" page when dist/web is absent).
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);

    const { principal } = await browser.session();
    expect(principal).toMatchObject({
      kind: 'citizen',
      fullName: 'Nguyễn Văn An',
      idNumberMasked: '079*****1234',
      birthDate: '1990-05-12',
      addressUnitCode: '26572',
      identityLevel: 2,
    });
    expect(JSON.stringify(principal)).not.toContain('079090001234');

    const rows = await ctx.database.db.select().from(citizens).where(eq(citizens.idNumber, '079090001234'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      issuer: `${ctx.baseUrl}/sandbox/vneid`,
      fullName: 'Nguyễn Văn An',
      identityLevel: 2,
      email: 'nguyenvanan@example.vn',
    });
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'citizen.signed_in'));
    expect(audits.some((a) => a.actorId === rows[0]?.id)).toBe(true);
  });

  it('a second sign-in updates the same citizen row instead of adding one', async () => {
    for (let i = 0; i < 2; i++) {
      const { browser, page } = await openSandboxSignIn('/');
      await browser.follow(await submit(browser, formAction(page, '/login'), { idNumber: '077088002468', password: 'Demo@2026' }));
      expect((await browser.session()).principal).toMatchObject({ fullName: 'Lê Minh Châu', addressUnitCode: '26506' });
    }
    const rows = await ctx.database.db.select().from(citizens).where(eq(citizens.idNumber, '077088002468'));
    expect(rows).toHaveLength(1);
  });

  it('a wrong password stays on the sandbox page with an error and signs nobody in', async () => {
    const { browser, page } = await openSandboxSignIn();
    const res = await submit(browser, formAction(page, '/login'), { idNumber: '079090001234', password: 'wrong' });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('Số định danh hoặc mật khẩu không đúng');
    expect(html).toContain('value="079090001234"');
    expect(html).toContain('MÔI TRƯỜNG THỬ NGHIỆM');
    expect((await browser.session()).principal).toBeNull();
  });

  it('cancelling at the sandbox returns home with a login error code, not a 500', async () => {
    const { browser, page } = await openSandboxSignIn();
    const { chain } = await browser.follow(await submit(browser, formAction(page, '/abort'), {}));
    expect(chain.at(-1)).toBe(`${ctx.baseUrl}/?loginError=OIDC_LOGIN_CANCELLED`);
    expect((await browser.session()).principal).toBeNull();
  });

  it('a callback without the sign-in state (forged or replayed link) is refused', async () => {
    const browser = new TestBrowser(ctx.baseUrl);
    const res = await browser.fetch('/auth/citizen/callback?code=abc&state=xyz');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?loginError=OIDC_LOGIN_FAILED');
  });

  it('never redirects to another origin after sign-in', async () => {
    const { browser, page } = await openSandboxSignIn('//evil.example/steal');
    const { chain } = await browser.follow(
      await submit(browser, formAction(page, '/login'), { idNumber: '079185004321', password: 'Demo@2026' }),
    );
    expect(chain.at(-1)).toBe(`${ctx.baseUrl}/`);
  });
});
