import { expect } from 'vitest';
import { formAction, TestBrowser } from './browser-client.ts';

/** The demo password of every sandbox citizen and demo officer. */
export const demoPassword = 'Demo@2026';

/**
 * An HTTP client for API tests: a TestBrowser (cookie jar) that sends the CSRF header on unsafe
 * requests and JSON bodies, as the web app does.
 */
export class ApiClient extends TestBrowser {
  csrfToken = '';

  /** Fetches /api/v1/session to get the CSRF cookie and token. */
  async init(): Promise<this> {
    this.csrfToken = (await this.session()).csrfToken;
    return this;
  }

  /** A request with the CSRF header; `json` is sent as application/json. */
  async call(
    method: string,
    path: string,
    options: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers(options.headers);
    if (method !== 'GET' && method !== 'HEAD') headers.set('x-csrf-token', this.csrfToken);
    let body = options.body;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    }
    return this.fetch(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  }

  get(path: string): Promise<Response> {
    return this.call('GET', path);
  }
}

/** A client that is signed in as nobody (but holds a CSRF token). */
export async function anonymousClient(baseUrl: string): Promise<ApiClient> {
  return new ApiClient(baseUrl).init();
}

/**
 * Signs a demo citizen in the way a browser does: the platform's /auth/citizen/login, the sandbox
 * VNeID's sign-in form, the OIDC callback. The app must listen on `baseUrl` (createTestContext({ listen: true })).
 */
export async function signInSandboxCitizen(baseUrl: string, idNumber = '079090001234'): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const start = await client.fetch('/auth/citizen/login?returnTo=%2F');
  const { res: page, chain } = await client.follow(start);
  expect(page.status, `sandbox sign-in page via ${chain.join(' → ')}`).toBe(200);
  const html = await page.text();
  const posted = await client.fetch(formAction(html, '/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ idNumber, password: demoPassword }).toString(),
  });
  await client.follow(posted);
  expect(client.cookies.has('tinhso_session'), `citizen ${idNumber} signed in`).toBe(true);
  return client.init();
}

/** Signs a demo officer in with username and password (accounts without TOTP). */
export async function signInOfficer(baseUrl: string, username: string): Promise<ApiClient> {
  const client = await new ApiClient(baseUrl).init();
  const res = await client.call('POST', '/api/v1/auth/officer/login', { json: { username, password: demoPassword } });
  expect(res.status, `officer ${username} signed in`).toBe(200);
  return client;
}
