import { expect } from 'vitest';
import { TestBrowser, formAction } from './browser-client.ts';

/**
 * Paying through the sandbox gateway as a citizen's browser would: start the payment, open the hosted
 * page, submit the tester's decision. Shared by the payment tests.
 */

/** A browser signed in with the citizen's session token, holding a CSRF token. */
export async function citizenBrowser(baseUrl: string, token: string): Promise<{ browser: TestBrowser; csrf: string }> {
  const browser = new TestBrowser(baseUrl);
  browser.cookies.set('tinhso_session', token);
  const { csrfToken } = await browser.session();
  return { browser, csrf: csrfToken };
}

/** POST /dossiers/{code}/payments: starts (or resumes) paying what the dossier owes. */
export async function startPaying(browser: TestBrowser, csrf: string, code: string): Promise<Response> {
  return browser.fetch(`/api/v1/dossiers/${encodeURIComponent(code)}/payments`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
}

/** The hidden fields of the sandbox page's form, decoded. */
export function hiddenFields(html: string): Record<string, string> {
  const decode = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1] ?? '', decode(m[2] ?? '')]),
  );
}

export interface SandboxPayment {
  browser: TestBrowser;
  paymentId: string;
  orderRef: string;
  amountVnd: number;
  /** Where the gateway sends the browser back (the signed return URL). */
  returnRedirect: string;
  /** The hosted sandbox page's HTML. */
  page: string;
}

/** Starts a payment, opens the sandbox page and submits the tester's decision; answers the gateway's redirect. */
export async function payOnSandbox(
  baseUrl: string,
  token: string,
  dossierCode: string,
  decision: 'pay' | 'cancel' | 'fail',
  options: { dropIpn?: boolean } = {},
): Promise<SandboxPayment> {
  const { browser, csrf } = await citizenBrowser(baseUrl, token);
  const started = await startPaying(browser, csrf, dossierCode);
  expect(started.status).toBe(201);
  const { redirectUrl, paymentId, orderRef, amountVnd } = (await started.json()) as {
    redirectUrl: string;
    paymentId: string;
    orderRef: string;
    amountVnd: number;
  };
  const pageRes = await browser.fetch(redirectUrl);
  expect(pageRes.status).toBe(200);
  const page = await pageRes.text();
  const form = new URLSearchParams({ ...hiddenFields(page), bankCode: 'NCB', decision, ...(options.dropIpn ? { dropIpn: '1' } : {}) });
  const submitted = await browser.fetch(formAction(page, '/pay'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(submitted.status).toBe(303);
  return { browser, paymentId, orderRef, amountVnd, returnRedirect: submitted.headers.get('location') ?? '', page };
}
