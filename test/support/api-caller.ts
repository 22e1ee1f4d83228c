import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { citizenClaims, signInCitizen } from '../../src/identity/citizen-sign-in.ts';
import { demoOfficerPassword } from '../../src/identity/demo.ts';
import { sandboxClaims, sandboxCitizens } from '../../src/identity/sandbox/accounts.ts';
import type { Db } from '../../src/platform/db/client.ts';

/** Someone calling the API in a test: their session cookie (if any) and a genuine CSRF pair. */
export interface ApiCaller {
  /** The signed-in principal's id (null when anonymous). */
  id: string | null;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  /** Any request as this caller: the session cookie and the CSRF header are added to the given headers. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

async function csrfToken(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/session' });
  return (res.json() as { csrfToken: string }).csrfToken;
}

function caller(app: FastifyInstance, csrf: string, sessionToken: string | null, id: string | null): ApiCaller {
  const cookie = [`tinhso_csrf=${csrf}`, ...(sessionToken ? [`tinhso_session=${sessionToken}`] : [])].join('; ');
  return {
    id,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, payload) =>
      app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload: payload as Record<string, unknown> }),
    inject: (options) => app.inject({ ...options, headers: { ...options.headers, cookie, 'x-csrf-token': csrf } }),
  };
}

/** Nobody signed in (but with a CSRF token, so only the missing session is tested). */
export async function anonymousCaller(app: FastifyInstance): Promise<ApiCaller> {
  return caller(app, await csrfToken(app), null, null);
}

/** An officer signed in through the real login endpoint with the demo password (and a TOTP code when given). */
export async function officerCaller(app: FastifyInstance, username: string, totp?: string): Promise<ApiCaller> {
  const csrf = await csrfToken(app);
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/officer/login',
    headers: { cookie: `tinhso_csrf=${csrf}`, 'x-csrf-token': csrf },
    payload: { username, password: demoOfficerPassword, ...(totp ? { totp } : {}) },
  });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode} ${login.body}`);
  const token = login.cookies.find((c) => c.name === 'tinhso_session')?.value ?? '';
  return caller(app, csrf, token, (login.json() as { principal: { id: string } }).principal.id);
}

/** The first sandbox citizen (Nguyễn Văn An, CCCD 079090001234), signed in as after VNeID. */
export async function citizenCaller(app: FastifyInstance, db: Db, now: Date): Promise<ApiCaller> {
  const an = sandboxCitizens[0];
  if (!an) throw new Error('no sandbox citizen');
  const signedIn = await signInCitizen(
    db,
    { issuer: 'https://vneid.example', claims: citizenClaims.parse(sandboxClaims(an)), now },
    { kind: 'anonymous', id: null },
  );
  return caller(app, await csrfToken(app), signedIn.session.token, signedIn.principal.id);
}
