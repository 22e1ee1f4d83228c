import type { LightMyRequestResponse } from 'fastify';
import { citizenClaims, signInCitizen } from '../../src/identity/citizen-sign-in.ts';
import { sandboxClaims, sandboxCitizens } from '../../src/identity/sandbox/accounts.ts';
import type { TestContext } from './test-app.ts';

/** Password of every demo officer. */
const demoPassword = 'Demo@2026';

/**
 * Signed-in sessions for API tests through `app.inject`: a CSRF token, officer sessions by username,
 * the first sandbox citizen's session, and requests made as any of them (or as nobody).
 */
export class ApiSessions {
  readonly #ctx: TestContext;
  readonly csrfToken: string;

  private constructor(ctx: TestContext, csrfToken: string) {
    this.#ctx = ctx;
    this.csrfToken = csrfToken;
  }

  /** Fetches a CSRF token from GET /api/v1/session. */
  static async open(ctx: TestContext): Promise<ApiSessions> {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session' });
    return new ApiSessions(ctx, (res.json() as { csrfToken: string }).csrfToken);
  }

  /** Signs an officer in through the API; answers the session token. */
  async officer(username: string, password = demoPassword): Promise<string> {
    const res = await this.request('POST', '/api/v1/auth/officer/login', null, { payload: { username, password } });
    const token = res.cookies.find((c) => c.name === 'tinhso_session')?.value;
    if (res.statusCode !== 200 || !token) throw new Error(`officer ${username} could not sign in: ${res.body}`);
    return token;
  }

  /** Signs a sandbox citizen in (by default the first, Nguyễn Văn An); answers the session token. */
  async citizen(now = new Date(), index = 0): Promise<string> {
    const citizen = sandboxCitizens[index];
    if (!citizen) throw new Error('no sandbox citizen');
    const { session } = await signInCitizen(
      this.#ctx.database.db,
      { issuer: 'https://vneid.example', claims: citizenClaims.parse(sandboxClaims(citizen)), now },
      { kind: 'anonymous', id: null },
    );
    return session.token;
  }

  /** Sends a request with the session (null = nobody) and, unless `csrf: false`, the CSRF cookie and header. */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    session: string | null,
    options: { payload?: unknown; csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const cookies: string[] = [];
    const headers: Record<string, string> = {};
    if (session) cookies.push(`tinhso_session=${session}`);
    if (options.csrf !== false) {
      cookies.push(`tinhso_csrf=${this.csrfToken}`);
      headers['x-csrf-token'] = this.csrfToken;
    }
    if (cookies.length) headers['cookie'] = cookies.join('; ');
    return this.#ctx.app.inject({
      method,
      url,
      headers,
      ...(options.payload !== undefined ? { payload: options.payload as Record<string, unknown> } : {}),
    });
  }
}
