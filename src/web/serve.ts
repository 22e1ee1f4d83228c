import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../platform/paths.ts';

/** Where `vite build` puts the web app (see vite.config.ts). */
export const defaultWebRoot = path.join(projectRoot, 'dist/web');

/** Paths the server owns; unknown URLs under them get the JSON 404, never the web app. */
const serverPrefixes = ['/api', '/auth', '/sandbox', '/docs', '/openapi.json', '/metrics', '/healthz', '/readyz'];

const staticFileName = /\.(?:[cm]?js|css|map|json|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|otf|txt|xml|webmanifest|html?|pdf)$/i;

/** Whether a request is a browser asking for a page the web app routes itself (e.g. /tai-khoan). */
export function isWebAppRoute(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const pathname = url.split('?', 1)[0] ?? '/';
  // A file name (/assets/x.js, /favicon.ico) that static serving did not find is a real 404. Only the
  // extensions of files the web app ships count: procedure and dossier codes (/thu-tuc/1.001193,
  // /ho-so/79.261121.7KX3MQ) have dots too, and they are pages.
  if (staticFileName.test(pathname)) return false;
  // Browsers send text/html; curl and link checkers send */* or nothing and should get the page too.
  if (accept && !accept.includes('text/html') && !accept.includes('*/*')) return false;
  return !isServerPath(pathname);
}

function isServerPath(pathname: string): boolean {
  return serverPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Vite names built assets by content hash, so they never change under the same URL.
const immutable = 'public, max-age=31536000, immutable';

const notBuiltPage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tỉnh số — giao diện web chưa được dựng</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b2430}code{background:#eef2f7;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><main><h1>Giao diện web chưa được dựng</h1>
<p>Hãy chạy <code>npm run build</code> (hoặc <code>npm start</code>, lệnh này tự dựng) rồi tải lại trang.</p>
<p lang="en">The web app is not built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>API: <a href="/docs">/docs</a></p></main></body></html>`;

/** The built file a URL path names, relative to `root`, or null (also for anything outside `root`). */
function builtFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(`${root}${path.sep}`)) return null;
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ? path.relative(root, file) : null;
  } catch {
    // No such file either: a name past the file system's limit (ENAMETOOLONG), a file in place of a folder (ENOTDIR).
    return null;
  }
}

/** The page's province marker (src/web/index.html): the web app reads the deployment's province from it. */
const provinceMeta = /<meta name="tinhso-province" content="[^"]*"\s*\/?>/;

/** index.html as served: the built file with the deployment's province written in, kept until the file changes. */
class IndexPage {
  #built: { mtimeMs: number; size: number; body: string; etag: string } | null = null;

  constructor(
    private readonly file: string,
    private readonly provinceCode: string | undefined,
  ) {}

  read(): { body: string; etag: string } {
    const stat = statSync(this.file);
    if (this.#built?.mtimeMs !== stat.mtimeMs || this.#built.size !== stat.size) {
      let body = readFileSync(this.file, 'utf8');
      if (this.provinceCode !== undefined) {
        const meta = `<meta name="tinhso-province" content="${this.provinceCode}" />`;
        body = provinceMeta.test(body) ? body.replace(provinceMeta, meta) : body.replace(/<head>/i, `<head>${meta}`);
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      this.#built = { mtimeMs: stat.mtimeMs, size: stat.size, body, etag };
    }
    return this.#built;
  }
}

/**
 * Serves the built web app (dist/web) with a fallback to index.html for client-side routes. Files
 * are looked up per request, so a rebuild (or a first build) shows without restarting the server.
 * `provinceCode` (PROVINCE_CODE) is written into index.html, so one build serves any province.
 */
export async function webApp(app: FastifyInstance, opts: { root?: string; provinceCode?: string } = {}): Promise<void> {
  const root = path.resolve(opts.root ?? defaultWebRoot);
  const index = new IndexPage(path.join(root, 'index.html'), opts.provinceCode);
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    const page = index.read();
    reply.header('cache-control', 'no-cache').header('etag', page.etag);
    if (request.headers['if-none-match'] === page.etag) return reply.status(304).send();
    return reply.type('text/html; charset=utf-8').send(page.body);
  };

  // Only `reply.sendFile` (ranges, ETag, content types); the routes below decide what is served.
  await app.register(fastifyStatic, {
    root,
    serve: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const relative = path.relative(root, filePath);
      if (relative.startsWith(`assets${path.sep}`)) reply.header('cache-control', immutable);
      else if (relative === 'index.html') reply.header('cache-control', 'no-cache');
      else reply.header('cache-control', 'public, max-age=3600');
    },
  });

  const sendWebApp = (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?', 1)[0] ?? '/';
    if (!isServerPath(pathname)) {
      const file = pathname === '/' ? null : builtFile(root, pathname);
      if (file === 'index.html') return sendIndex(request, reply);
      if (file) return reply.sendFile(file, root);
    }
    if (!isWebAppRoute(request.method, request.url, request.headers.accept)) return reply.callNotFound();
    if (!existsSync(path.join(root, 'index.html'))) {
      return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltPage);
    }
    return sendIndex(request, reply);
  };
  app.get('/', { schema: { hide: true } }, sendWebApp);
  app.get('/*', { schema: { hide: true } }, sendWebApp);
}
