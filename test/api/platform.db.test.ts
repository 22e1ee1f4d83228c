import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe(`platform endpoints (${testBackend()})`, () => {
  it('answers /healthz while the process is up', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the backend in use, and 503 once the database is gone', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: testBackend() });

    // A second app whose database has gone away: /readyz says so while /healthz still answers.
    const other = await createTestContext();
    await other.database.close();
    const down = await other.app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json().code).toBe('SERVICE_UNAVAILABLE');
    expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await other.app.close();
  });

  it('publishes an OpenAPI 3.1 document that lists the units API', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/units/{code}');
  });

  it('serves browsable API docs at /docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it.each([
    ['an API answer', '/api/v1/units?level=province'],
    ['an error', '/api/v1/no-such-route'],
    ['the API docs', '/docs/'],
  ])('sends the security headers with %s', async (_name, url) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/healthz"');
  });
});

describe('bad requests get a 4xx JSON error with a stable code', () => {
  it('unknown route → 404 ROUTE_NOT_FOUND, in Vietnamese by default', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu.' });
  });

  it('answers in English when the client asks for it', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en-US,en' } });
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: 'No such endpoint.' });
  });

  it('wrong query types → 400 VALIDATION_FAILED naming the field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/units?at=yesterday' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.issues[0].path).toEqual(['at']);
  });

  it('unknown query fields → 400 VALIDATION_FAILED', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/units?parnet=79' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('bad request bodies get a 4xx JSON error with a stable code, never a 500', () => {
  let csrf: { cookie: string; token: string };
  beforeAll(async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session' });
    const token = (res.json() as { csrfToken: string }).csrfToken;
    csrf = { cookie: `tinhso_csrf=${token}`, token };
  });
  const post = (payload: string, contentType = 'application/json') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/officer/login',
      headers: { 'content-type': contentType, cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      payload,
    });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await post('{"username": "tiepnhan.tamlong", ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', messages: { en: 'The request body is not valid JSON.' } });
  });

  it('unknown fields → 400 VALIDATION_FAILED', async () => {
    const res = await post(JSON.stringify({ username: 'tiepnhan.tamlong', password: 'Demo@2026', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('wrong types → 400 VALIDATION_FAILED naming the field', async () => {
    const res = await post(JSON.stringify({ username: 'tiepnhan.tamlong', password: 12345 }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain('password');
  });

  it('an oversize body (2 MB) → 413 BODY_TOO_LARGE', async () => {
    const res = await post(JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
  });

  it('an unsupported content type → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await post('<login><username>a</username></login>', 'application/xml');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
