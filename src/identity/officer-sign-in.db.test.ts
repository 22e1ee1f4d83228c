import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { demoTotpSecret } from './demo.ts';
import { totpCode } from './domain/totp.ts';
import { officers, sessions } from './schema.ts';

// A movable clock: lockout expiry and TOTP steps are checked without waiting.
let clock = new Date('2026-03-02T02:00:00Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

let ctx: TestContext;
let csrf: { cookie: string; token: string };
beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session' });
  const token = (res.json() as { csrfToken: string }).csrfToken;
  csrf = { cookie: `tinhso_csrf=${token}`, token };
});
afterAll(async () => ctx.close());

function login(body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/officer/login',
    headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token },
    payload: body,
  });
}

function sessionCookie(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === 'tinhso_session')?.value;
}

async function whoAmI(sessionToken: string | undefined): Promise<Record<string, unknown> | null> {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `tinhso_session=${sessionToken ?? ''}` } });
  return (res.json() as { principal: Record<string, unknown> | null }).principal;
}

describe(`officer sign-in (${testBackend()})`, () => {
  it('the right password signs in, sets an httpOnly SameSite=Lax session cookie and shows roles', async () => {
    const res = await login({ username: 'tiepnhan.tamlong', password: 'Demo@2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().principal).toMatchObject({
      kind: 'officer',
      username: 'tiepnhan.tamlong',
      roles: [{ role: 'reception', agencyCode: '26572-TTPVHCC', unitCode: '26572' }],
      isTotpEnabled: false,
    });
    const cookie = res.cookies.find((c) => c.name === 'tinhso_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await whoAmI(cookie?.value)).toMatchObject({ kind: 'officer', username: 'tiepnhan.tamlong' });
    // Only the hash of the token is stored.
    const stored = await ctx.database.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === cookie?.value)).toBe(false);
    expect(stored.some((s) => s.method === 'password')).toBe(true);
  });

  it('a wrong password → 401 INVALID_CREDENTIALS, audited, no cookie', async () => {
    const res = await login({ username: 'chuyenvien.tamlong', password: 'Demo@2025' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
    expect(sessionCookie(res)).toBeUndefined();
    const [officer] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'chuyenvien.tamlong'));
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'officer.sign_in_failed'), eq(auditLog.subjectId, officer?.id ?? '')));
    expect(audits).toHaveLength(1);
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const res = await login({ username: 'khongtontai', password: 'Demo@2026' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('extra fields are refused (strict body)', async () => {
    const res = await login({ username: 'tiepnhan.tamlong', password: 'Demo@2026', isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
    for (let i = 1; i <= 4; i++)
      expect((await login({ username: 'lanhdao.tamlong', password: `wrong-${i}` })).json().code).toBe('INVALID_CREDENTIALS');
    const fifth = await login({ username: 'lanhdao.tamlong', password: 'wrong-5' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await login({ username: 'lanhdao.tamlong', password: 'Demo@2026' });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    expect(sessionCookie(right)).toBeUndefined();

    advance(14 * 60_000);
    expect((await login({ username: 'lanhdao.tamlong', password: 'Demo@2026' })).json().code).toBe('ACCOUNT_LOCKED');
    advance(61_000);
    const after = await login({ username: 'lanhdao.tamlong', password: 'Demo@2026' });
    expect(after.statusCode).toBe(200);
  });

  it('a successful sign-in resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await login({ username: 'quantri.tamlong', password: 'wrong' });
    expect((await login({ username: 'quantri.tamlong', password: 'Demo@2026' })).statusCode).toBe(200);
    expect((await login({ username: 'quantri.tamlong', password: 'wrong' })).json().code).toBe('INVALID_CREDENTIALS');
  });
});

describe(`officer sign-in with TOTP (${testBackend()})`, () => {
  it('asks for the code when the account has TOTP and none was sent', async () => {
    const res = await login({ username: 'lanhdao.thanhpho', password: 'Demo@2026' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('TOTP_REQUIRED');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('refuses a wrong code', async () => {
    const good = totpCode(demoTotpSecret, clock);
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    const res = await login({ username: 'lanhdao.thanhpho', password: 'Demo@2026', totp: wrong });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('TOTP_INVALID');
  });

  it('a wrong password with a good code is still a wrong password', async () => {
    const res = await login({ username: 'lanhdao.thanhpho', password: 'nope', totp: totpCode(demoTotpSecret, clock) });
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('accepts the current code once, and refuses the same code replayed', async () => {
    advance(30_000);
    const code = totpCode(demoTotpSecret, clock);
    const first = await login({ username: 'lanhdao.thanhpho', password: 'Demo@2026', totp: code });
    expect(first.statusCode).toBe(200);
    expect(first.json().principal).toMatchObject({
      username: 'lanhdao.thanhpho',
      isTotpEnabled: true,
      roles: [{ role: 'leader', agencyCode: '', unitCode: '79' }],
    });
    expect(sessionCookie(first)).toBeTruthy();

    const replay = await login({ username: 'lanhdao.thanhpho', password: 'Demo@2026', totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TOTP_INVALID');
    expect(sessionCookie(replay)).toBeUndefined();

    // The previous step's code is inside the ±1 window but older than the accepted one: refused too.
    const older = await login({
      username: 'lanhdao.thanhpho',
      password: 'Demo@2026',
      totp: totpCode(demoTotpSecret, new Date(clock.getTime() - 30_000)),
    });
    expect(older.json().code).toBe('TOTP_INVALID');

    advance(30_000);
    const next = await login({ username: 'lanhdao.thanhpho', password: 'Demo@2026', totp: totpCode(demoTotpSecret, clock) });
    expect(next.statusCode).toBe(200);
  });

  it('an officer enrols TOTP: setup gives a secret, confirm turns it on, then sign-in needs a code', async () => {
    const signIn = await login({ username: 'quantri.hethong', password: 'Demo@2026' });
    const token = sessionCookie(signIn);
    const headers = { cookie: `tinhso_session=${token}; ${csrf.cookie}`, 'x-csrf-token': csrf.token };
    const setup = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/officer/totp/setup', headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json() as { secret: string; otpauthUri: string };
    expect(otpauthUri).toContain(`secret=${secret}`);

    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/officer/totp/confirm',
      headers,
      payload: { code: '000000' === totpCode(secret, clock) ? '111111' : '000000' },
    });
    expect(wrong.json().code).toBe('TOTP_INVALID');
    const confirm = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/officer/totp/confirm',
      headers,
      payload: { code: totpCode(secret, clock) },
    });
    expect(confirm.statusCode).toBe(204);

    const [row] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'quantri.hethong'));
    expect(row?.isTotpEnabled).toBe(true);
    expect(row?.totpSecretEnc).not.toContain(secret);
    expect((await login({ username: 'quantri.hethong', password: 'Demo@2026' })).json().code).toBe('TOTP_REQUIRED');
    advance(30_000);
    expect((await login({ username: 'quantri.hethong', password: 'Demo@2026', totp: totpCode(secret, clock) })).statusCode).toBe(200);
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'officer.totp_enabled'), eq(auditLog.subjectId, row?.id ?? '')));
    expect(audits).toHaveLength(1);
  });
});

describe(`officer sign-in rate limit (${testBackend()})`, () => {
  it('one client address gets 429 RATE_LIMITED after 60 attempts in a minute; others are unaffected', async () => {
    const attempt = (remoteAddress: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/officer/login',
        remoteAddress,
        headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token },
        // Invalid bodies are cheap (no argon2) and still count: the limit applies before validation.
        payload: { username: 'x' },
      });
    for (let i = 0; i < 60; i++) expect((await attempt('203.0.113.7')).statusCode).toBe(400);
    const limited = await attempt('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await attempt('203.0.113.8')).statusCode).toBe(400);
  });
});
