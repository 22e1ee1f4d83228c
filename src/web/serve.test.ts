import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../platform/http/errors.ts';
import { isWebAppRoute, webApp } from './serve.ts';

const html = 'text/html,application/xhtml+xml,*/*;q=0.8';

async function serve(root: string, provinceCode?: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorHandling(app);
  app.get('/api/v1/ping', async () => ({ ok: true }));
  await app.register(webApp, provinceCode === undefined ? { root } : { root, provinceCode });
  await app.ready();
  return app;
}

describe('web app serving', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tinhso-web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tỉnh số</title>');
    writeFileSync(path.join(root, 'assets/index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
    app = await serve(root);
  });
  afterAll(() => app.close());

  it('answers client-side routes with index.html, never cached', async () => {
    for (const url of ['/', '/tai-khoan', '/can-bo/dang-nhap', '/don-vi?x=1']) {
      const response = await app.inject({ url, headers: { accept: html } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Tỉnh số</title>');
    }
  });

  it('serves the page to clients that accept anything (curl, link checkers)', async () => {
    for (const headers of [{ accept: '*/*' }, {}]) {
      const response = await app.inject({ url: '/', headers });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>Tỉnh số</title>');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the JSON 404 for server paths, non-HTML requests and missing assets', async () => {
    const cases = [
      { url: '/api/v1/nope', accept: html },
      { url: '/auth/nope', accept: html },
      { url: '/sandbox/vneid/nope', accept: html },
      { url: '/metrics/x', accept: html },
      { url: '/tai-khoan', accept: 'application/json' },
      { url: '/assets/missing.js', accept: '*/*' },
      // Names the file system cannot hold (past NAME_MAX; a file taken for a folder) are missing files too, not a 500.
      { url: `/assets/${'a'.repeat(5000)}.js`, accept: '*/*' },
      { url: '/favicon.svg/x.js', accept: '*/*' },
    ];
    for (const { url, accept } of cases) {
      const response = await app.inject({ url, headers: { accept } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
    const post = await app.inject({ method: 'POST', url: '/tai-khoan', headers: { accept: html } });
    expect(post.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/ping', headers: { accept: html } })).json()).toEqual({ ok: true });
  });

  it('says the web app is not built instead of crashing when dist/web is missing', async () => {
    const bare = await serve(path.join(os.tmpdir(), 'tinhso-web-does-not-exist'));
    const response = await bare.inject({ url: '/tai-khoan', headers: { accept: html } });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    expect((await bare.inject({ url: '/api/v1/nope', headers: { accept: html } })).statusCode).toBe(404);
    await bare.close();
  });

  it.each([
    ['GET', '/openapi.json', html, false],
    ['GET', '/docs', html, false],
    ['GET', '/healthz', html, false],
    ['GET', '/readyz', html, false],
    ['GET', '/apis', html, true],
    ['HEAD', '/don-vi', html, true],
    ['DELETE', '/don-vi', html, false],
    ['GET', '/don-vi', undefined, true],
    ['GET', '/favicon.ico', '*/*', false],
    ['GET', '/assets/index-abc.css', '*/*', false],
    ['GET', '/thu-tuc/1.001193', html, true],
    ['GET', '/ho-so/79.261121.7KX3MQ', html, true],
    ['GET', '/thu-tuc/1.001193/nop-ho-so?buoc=2', html, true],
  ])('%s %s (accept %s) is a web route: %s', (method, url, accept, expected) => {
    expect(isWebAppRoute(method, url, accept)).toBe(expected);
  });
});

describe('web app serving across builds', () => {
  it('picks up a build made after the server started, and never serves files outside dist/web', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tinhso-web-late-'));
    const app = await serve(root);
    expect((await app.inject({ url: '/', headers: { accept: html } })).statusCode).toBe(503);
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>built later</title>');
    writeFileSync(path.join(root, 'assets/index-new.js'), '1');
    expect((await app.inject({ url: '/', headers: { accept: html } })).body).toContain('built later');
    expect((await app.inject({ url: '/assets/index-new.js' })).statusCode).toBe(200);
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const response = await app.inject({ url, headers: { accept: '*/*' } });
      expect(response.statusCode, url).toBe(404);
    }
    await app.close();
  });
});

describe('the deployment’s province written into the page (PROVINCE_CODE)', () => {
  const page = (province: string) =>
    `<!doctype html><html><head><meta charset="utf-8" /><meta name="tinhso-province" content="${province}" /><title>Tỉnh số</title></head><body></body></html>`;

  it('serves index.html with the configured province on every route, with an ETag that a rebuild changes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tinhso-web-province-'));
    writeFileSync(path.join(root, 'index.html'), page('79'));
    const app = await serve(root, '86');
    let etag = '';
    for (const url of ['/', '/thu-tuc/1.001193', '/index.html']) {
      const response = await app.inject({ url, headers: { accept: html } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<meta name="tinhso-province" content="86" />');
      expect(response.body, url).not.toContain('content="79"');
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      etag = String(response.headers['etag']);
    }
    const unchanged = await app.inject({ url: '/', headers: { accept: html, 'if-none-match': etag } });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    // A rebuild: the new page, still with the deployment's province, under a new ETag.
    writeFileSync(path.join(root, 'index.html'), page('79').replace('<title>Tỉnh số</title>', '<title>Tỉnh số — bản mới</title>'));
    const rebuilt = await app.inject({ url: '/', headers: { accept: html, 'if-none-match': etag } });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toContain('bản mới');
    expect(rebuilt.body).toContain('content="86"');
    expect(rebuilt.headers['etag']).not.toBe(etag);
    await app.close();
  });

  it('adds the province to a page built without the marker', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tinhso-web-province-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><title>Tỉnh số</title></head></html>');
    const app = await serve(root, '86');
    expect((await app.inject({ url: '/', headers: { accept: html } })).body).toContain(
      '<head><meta name="tinhso-province" content="86" /><title>',
    );
    await app.close();
  });
});
