import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { citizens, sessions } from './schema.ts';
import { sessionClosedChannel } from './session-revocations.ts';
import { closeSession, openSession } from './sessions.ts';
import { hashToken } from './tokens.ts';

// The platform's clock, moved by the expiry test; the cache's own TTL runs on the real clock.
let clock = new Date('2026-11-21T03:00:00Z');
let ctx: TestContext;
let citizenId: string;
beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock, config: { sessionCacheSeconds: 1 } });
  const [row] = await ctx.database.db
    .insert(citizens)
    .values({ issuer: 'https://sandbox.example/vneid', subject: 'cache-test', idNumber: '079090008888', fullName: 'Trần Văn Nhớ' })
    .returning({ id: citizens.id });
  citizenId = row?.id ?? '';
});
afterAll(async () => ctx.close());

const isPostgres = testBackend() === 'postgres';

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A citizen session opened directly, once the cache keeps sessions (on PostgreSQL: once it listens). */
async function signedIn(): Promise<string> {
  await until(() => !ctx.app.sessionCache.isSuspended, 'the session cache to listen for revocations');
  return (await openSession(ctx.database.db, { kind: 'citizen', principalId: citizenId, method: 'vneid', now: clock })).token;
}

async function whoAmI(token: string): Promise<string | null> {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `tinhso_session=${token}` } });
  return (res.json() as { principal: { id: string } | null }).principal?.id ?? null;
}

const removeRow = (db: Database, token: string) => db.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));

describe(`citizens' sessions kept between requests (${testBackend()})`, () => {
  it('keeps a session for SESSION_CACHE_SECONDS: a row removed behind the platform’s back counts until then', async () => {
    const token = await signedIn();
    expect(await whoAmI(token)).toBe(citizenId);
    await removeRow(ctx.database, token);
    expect(await whoAmI(token)).toBe(citizenId);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await whoAmI(token)).toBeNull();
  });

  it('ends a kept session at once on sign-out', async () => {
    const token = await signedIn();
    expect(await whoAmI(token)).toBe(citizenId);
    const csrf = (await ctx.app.inject({ method: 'GET', url: '/api/v1/session' })).json() as { csrfToken: string };
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `tinhso_session=${token}; tinhso_csrf=${csrf.csrfToken}`, 'x-csrf-token': csrf.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(await whoAmI(token)).toBeNull();
  });

  it('never gives a kept session past its expiry (2 h without activity for a citizen)', async () => {
    const token = await signedIn();
    expect(await whoAmI(token)).toBe(citizenId);
    clock = new Date(clock.getTime() + 2 * 3600_000);
    expect(await whoAmI(token)).toBeNull();
  });
});

describe.runIf(isPostgres)('revocation across processes on a PostgreSQL server', () => {
  // Its own app keeping sessions for the default 30 s, so that only a revocation can end one here.
  let home: TestContext;
  let other: Database;
  beforeAll(async () => {
    home = ctx;
    ctx = await createTestContext({ now: () => clock, config: { sessionCacheSeconds: 30 } });
    if (!ctx.database.connectionString) throw new Error('a PostgreSQL test database has a connection string');
    await ctx.database.db.insert(citizens).values({
      id: citizenId,
      issuer: 'https://sandbox.example/vneid',
      subject: 'cache-test',
      idNumber: '079090008888',
      fullName: 'Trần Văn Nhớ',
    });
    other = await openDatabase({ databaseUrl: ctx.database.connectionString, poolSize: 2 });
  });
  afterAll(async () => {
    await other.close();
    await ctx.close();
    ctx = home;
  });

  it('a sign-out in another process ends the session kept here (NOTIFY)', async () => {
    const token = await signedIn();
    expect(await whoAmI(token)).toBe(citizenId);
    // Another process removes the row: still kept here until told.
    await removeRow(other, token);
    expect(await whoAmI(token)).toBe(citizenId);
    // Its sign-out (closeSession: delete + NOTIFY) reaches this process.
    await closeSession(other.db, hashToken(token));
    await until(async () => (await whoAmI(token)) === null, 'the revocation to arrive', 2_000);
  });

  it('suspends the cache while the revocation channel is down, and listens again', async () => {
    const token = await signedIn();
    expect(await whoAmI(token)).toBe(citizenId);
    const listeners = sql`SELECT pid FROM pg_stat_activity WHERE query = ${`LISTEN ${sessionClosedChannel}`} AND datname = current_database()`;
    await other.db.execute(sql`SELECT pg_terminate_backend(pid) FROM (${listeners}) l`);
    await until(() => ctx.app.sessionCache.isSuspended, 'the cache to be suspended');
    // Suspended: every request reads the database, so a row removed without notice counts at once.
    await removeRow(other, token);
    expect(await whoAmI(token)).toBeNull();
    await until(() => !ctx.app.sessionCache.isSuspended, 'the channel to listen again', 10_000);
    expect((await other.db.execute(listeners)).rows).toHaveLength(1);
  });
});
