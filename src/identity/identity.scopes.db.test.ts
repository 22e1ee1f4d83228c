import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { personalDataAccessLog } from '../platform/audit/schema.ts';
import { agencies } from '../units/schema.ts';
import { citizenClaims, signInCitizen } from './citizen-sign-in.ts';
import { agencyScope, assertOfficerScope, officerHasScope } from './guards.ts';
import { sandboxClaims, sandboxCitizens } from './sandbox/accounts.ts';
import { loadOfficerPrincipal } from './sessions.ts';
import { officers, sessions } from './schema.ts';

let clock = new Date('2026-03-02T02:00:00Z');
let ctx: TestContext;
let csrfToken: string;
let citizenToken: string;
let officerToken: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session' });
  csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const an = sandboxCitizens[0];
  if (!an) throw new Error('no demo citizen');
  const citizen = await signInCitizen(
    ctx.database.db,
    { issuer: 'https://vneid.example', claims: citizenClaims.parse(sandboxClaims(an)), now: clock },
    { kind: 'anonymous', id: null },
  );
  citizenToken = citizen.session.token;
  const login = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/officer/login',
    headers: { cookie: `tinhso_csrf=${csrfToken}`, 'x-csrf-token': csrfToken },
    payload: { username: 'tiepnhan.tamlong', password: 'Demo@2026' },
  });
  officerToken = login.cookies.find((c) => c.name === 'tinhso_session')?.value ?? '';
});
afterAll(async () => ctx.close());

type As = 'nobody' | 'citizen' | 'officer';
function call(
  method: 'GET' | 'POST',
  url: string,
  as: As,
  options: { csrf?: 'ok' | 'missing' | 'mismatch' | 'forged'; payload?: unknown } = {},
): Promise<LightMyRequestResponse> {
  const cookies: string[] = [];
  if (as === 'citizen') cookies.push(`tinhso_session=${citizenToken}`);
  if (as === 'officer') cookies.push(`tinhso_session=${officerToken}`);
  const headers: Record<string, string> = {};
  const csrf = options.csrf ?? 'ok';
  if (csrf === 'ok') {
    cookies.push(`tinhso_csrf=${csrfToken}`);
    headers['x-csrf-token'] = csrfToken;
  } else if (csrf === 'mismatch') {
    cookies.push(`tinhso_csrf=${csrfToken}`);
    headers['x-csrf-token'] = `${csrfToken}x`;
  } else if (csrf === 'forged') {
    cookies.push('tinhso_csrf=abc.def');
    headers['x-csrf-token'] = 'abc.def';
  }
  headers['cookie'] = cookies.join('; ');
  return ctx.app.inject({
    method,
    url,
    headers,
    ...(options.payload !== undefined ? { payload: options.payload as Record<string, unknown> } : {}),
  });
}

describe(`GET /api/v1/session (${testBackend()})`, () => {
  it('anybody: no principal, a CSRF token and a readable (non-httpOnly) CSRF cookie', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ principal: null, csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'tinhso_csrf');
    expect(cookie?.value).toBe(res.json().csrfToken);
    expect(cookie?.httpOnly).toBeFalsy();
  });

  it('keeps a genuine CSRF cookie instead of issuing a new one', async () => {
    const res = await call('GET', '/api/v1/session', 'nobody');
    expect(res.json().csrfToken).toBe(csrfToken);
  });

  it('a citizen sees themself with the CCCD masked; an officer sees roles', async () => {
    const c = (await call('GET', '/api/v1/session', 'citizen')).json();
    expect(c.principal).toEqual({
      kind: 'citizen',
      id: expect.any(String),
      fullName: 'Nguyễn Văn An',
      idNumberMasked: '079*****1234',
      birthDate: '1990-05-12',
      addressUnitCode: '26572',
      identityLevel: 2,
    });
    const o = (await call('GET', '/api/v1/session', 'officer')).json();
    expect(o.principal).toMatchObject({
      kind: 'officer',
      username: 'tiepnhan.tamlong',
      roles: [{ role: 'reception', agencyCode: '26572-TTPVHCC', unitCode: '26572' }],
    });
  });

  it('an unknown session cookie is treated as signed out and cleared', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: 'tinhso_session=not-a-session' } });
    expect(res.json().principal).toBeNull();
    expect(res.cookies.find((c) => c.name === 'tinhso_session')?.value).toBe('');
  });
});

describe(`GET /api/v1/me (${testBackend()})`, () => {
  it('nobody → 401 UNAUTHENTICATED', async () => {
    const res = await call('GET', '/api/v1/me', 'nobody');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('a citizen → their own full profile, and the read is logged as personal data access', async () => {
    const before = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.dataSubject, '079090001234'));
    const res = await call('GET', '/api/v1/me', 'citizen');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'citizen',
      idNumber: '079090001234',
      fullName: 'Nguyễn Văn An',
      phone: '+84901234567',
      addressUnitCode: '26572',
    });
    const after = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.dataSubject, '079090001234'));
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      actorKind: 'citizen',
      actorId: res.json().id,
      resource: 'citizen.profile',
      purpose: 'self-service',
    });
  });

  it('an officer → their own officer profile', async () => {
    const res = await call('GET', '/api/v1/me', 'officer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'officer', username: 'tiepnhan.tamlong', email: 'tiepnhan.tamlong@demo.tinhso.vn' });
    expect(res.json()).not.toHaveProperty('passwordHash');
  });
});

describe(`CSRF on unsafe methods (${testBackend()})`, () => {
  it.each(['missing', 'mismatch', 'forged'] as const)('a POST under /api with the token %s → 403 CSRF_TOKEN_INVALID', async (csrf) => {
    const res = await call('POST', '/api/v1/auth/officer/login', 'nobody', {
      csrf,
      payload: { username: 'tiepnhan.tamlong', password: 'Demo@2026' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect(res.cookies.find((c) => c.name === 'tinhso_session')).toBeUndefined();
  });

  it('a POST under /auth without the token → 403 too', async () => {
    const res = await call('POST', '/auth/citizen/login', 'nobody', { csrf: 'missing' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('the sandbox provider’s own endpoints are exempt (they answer their own OAuth errors)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/sandbox/vneid/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=authorization_code&code=x&client_id=tinhso-web',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe(`officer TOTP enrolment endpoints (${testBackend()})`, () => {
  it.each([
    ['nobody', 401, 'UNAUTHENTICATED'],
    ['citizen', 403, 'FORBIDDEN'],
  ] as const)('setup as %s → %i', async (as, status, code) => {
    const res = await call('POST', '/api/v1/auth/officer/totp/setup', as);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it.each([
    ['nobody', 401, 'UNAUTHENTICATED'],
    ['citizen', 403, 'FORBIDDEN'],
  ] as const)('confirm as %s → %i', async (as, status, code) => {
    const res = await call('POST', '/api/v1/auth/officer/totp/confirm', as, { payload: { code: '123456' } });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('confirm before setup → 409 TOTP_SETUP_MISSING', async () => {
    const res = await call('POST', '/api/v1/auth/officer/totp/confirm', 'officer', { payload: { code: '123456' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TOTP_SETUP_MISSING');
  });
});

describe(`officer scope over agencies, with the demo officers (${testBackend()})`, () => {
  async function officer(username: string) {
    const [row] = await ctx.database.db.select({ id: officers.id }).from(officers).where(eq(officers.username, username));
    const p = row ? await loadOfficerPrincipal(ctx.database.db, row.id) : null;
    if (!p) throw new Error(`no officer ${username}`);
    return p;
  }
  async function agency(code: string) {
    const [a] = await ctx.database.db.select().from(agencies).where(eq(agencies.code, code));
    if (!a) throw new Error(`no agency ${code}`);
    return agencyScope(a);
  }

  it('reception of Tam Long works at its centre only', async () => {
    const o = await officer('tiepnhan.tamlong');
    expect(officerHasScope(o, await agency('26572-TTPVHCC'), 'reception')).toBe(true);
    expect(officerHasScope(o, await agency('26572-UBND'))).toBe(false);
    expect(officerHasScope(o, await agency('26506-TTPVHCC'))).toBe(false);
  });

  it('the unit admin covers every Tam Long agency, the city leader every agency of the city', async () => {
    const admin = await officer('quantri.tamlong');
    const leader = await officer('lanhdao.thanhpho');
    expect(officerHasScope(admin, await agency('26572-UBND'))).toBe(true);
    expect(officerHasScope(admin, await agency('26572-TTPVHCC'))).toBe(true);
    expect(officerHasScope(admin, await agency('26506-UBND'))).toBe(false);
    expect(officerHasScope(leader, await agency('26506-UBND'), 'leader')).toBe(true);
    expect(officerHasScope(leader, await agency('79-STP'), 'leader')).toBe(true);
    expect(officerHasScope(leader, await agency('79-STP'), 'approver')).toBe(false);
  });

  it('assertOfficerScope throws FORBIDDEN outside the scope', async () => {
    const o = await officer('tiepnhan.stp');
    expect(() => assertOfficerScope(o, { agencyCode: '26572-TTPVHCC', unitCode: '26572', provinceCode: '79' }, 'reception')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe(`POST /api/v1/auth/logout (${testBackend()})`, () => {
  it('requires the CSRF token', async () => {
    const res = await call('POST', '/api/v1/auth/logout', 'citizen', { csrf: 'missing' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await call('GET', '/api/v1/me', 'citizen')).statusCode).toBe(200);
  });

  it('nobody → 401', async () => {
    expect((await call('POST', '/api/v1/auth/logout', 'nobody')).statusCode).toBe(401);
  });

  it('ends the session: 204, cookie cleared, session row gone, /me → 401', async () => {
    const countBefore = (await ctx.database.db.select().from(sessions)).length;
    const res = await call('POST', '/api/v1/auth/logout', 'citizen');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'tinhso_session')?.value).toBe('');
    expect((await ctx.database.db.select().from(sessions)).length).toBe(countBefore - 1);
    expect((await call('GET', '/api/v1/me', 'citizen')).statusCode).toBe(401);
  });
});

describe(`session expiry (${testBackend()})`, () => {
  it('an officer session ends after 8 hours', async () => {
    expect((await call('GET', '/api/v1/me', 'officer')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 8 * 3600_000 + 1000);
    expect((await call('GET', '/api/v1/me', 'officer')).statusCode).toBe(401);
  });

  it('a citizen session ends after 2 hours without activity, and activity keeps it alive', async () => {
    const an = sandboxCitizens[1];
    if (!an) throw new Error('no demo citizen');
    const { session } = await signInCitizen(
      ctx.database.db,
      { issuer: 'https://vneid.example', claims: citizenClaims.parse(sandboxClaims(an)), now: clock },
      { kind: 'anonymous', id: null },
    );
    const me = () =>
      ctx.app
        .inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `tinhso_session=${session.token}` } })
        .then((r) => r.json().principal);
    clock = new Date(clock.getTime() + 90 * 60_000);
    expect(await me()).toMatchObject({ fullName: 'Trần Thị Bình' });
    clock = new Date(clock.getTime() + 90 * 60_000);
    expect(await me()).toMatchObject({ fullName: 'Trần Thị Bình' });
    clock = new Date(clock.getTime() + 2 * 3600_000 + 1000);
    expect(await me()).toBeNull();
  });
});
