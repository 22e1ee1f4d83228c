/**
 * A tiny browser stand-in for HTTP tests: a cookie jar, manual redirects, CSRF header from /api/v1/session.
 * Cookie paths and domains are ignored (one origin in tests); expired cookies are dropped.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl);
    const headers = new Headers(init.headers);
    if (url.origin === new URL(this.baseUrl).origin && this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.#store(line);
    return res;
  }

  /** Follows redirects like a browser (303 and 302 after POST become GET); answers the last response and the chain. */
  async follow(res: Response, limit = 15): Promise<{ res: Response; chain: string[] }> {
    const chain: string[] = [];
    let current = res;
    for (let i = 0; i < limit && current.status >= 300 && current.status < 400; i++) {
      const location = current.headers.get('location');
      if (!location) break;
      const next = new URL(location, current.url || this.baseUrl).href;
      chain.push(next);
      current = await this.fetch(next);
    }
    return { res: current, chain };
  }

  /** GET /api/v1/session: answers the body and keeps the CSRF cookie. */
  async session(): Promise<{ principal: Record<string, unknown> | null; csrfToken: string }> {
    const res = await this.fetch('/api/v1/session');
    return (await res.json()) as { principal: Record<string, unknown> | null; csrfToken: string };
  }

  #store(line: string): void {
    const [pair, ...attributes] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq < 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const isExpired = attributes.some((a) => {
      const [k, v] = a.trim().split('=');
      if (k?.toLowerCase() === 'max-age') return Number(v) <= 0;
      if (k?.toLowerCase() === 'expires') return new Date(v ?? '').getTime() < Date.now();
      return false;
    });
    if (isExpired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** The action URL of the first form whose action ends with `suffix` in an HTML page. */
export function formAction(html: string, suffix: string): string {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  const action = actions.find((a) => a.endsWith(suffix));
  if (!action) throw new Error(`No form ending with ${suffix} in page`);
  return action;
}
