import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import { platformJobs } from '../../jobs.ts';
import { databaseRateLimitStore, purgeEndedRateLimitWindows } from './rate-limit-store.ts';

const lookupsPerMinute = 4;
let ctx: TestContext;
/** A second app process of the same deployment: its own memory, the same database. */
let second: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestContext({ config: { publicLookupPerMinute: lookupsPerMinute } });
  second = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await ctx.close();
});

/** A public lookup of a code nobody holds (404 until the limit, then 429). */
const lookup = (app: FastifyInstance, request: { remoteAddress?: string; forwardedFor?: string; language?: string }, n = 0) =>
  app.inject({
    method: 'GET',
    url: `/api/v1/public/dossiers/79.261122.ZZZZZ${n % 10}?idNumber=079090001234`,
    ...(request.remoteAddress ? { remoteAddress: request.remoteAddress } : {}),
    headers: {
      ...(request.forwardedFor ? { 'x-forwarded-for': request.forwardedFor } : {}),
      ...(request.language ? { 'accept-language': request.language } : {}),
    },
  });

describe(`rate limits shared by every app process (${testBackend()})`, () => {
  it('counts one client’s lookups on two processes against one limit, and tells when to retry', async () => {
    const client = { remoteAddress: '198.51.100.40' };
    const statuses: number[] = [];
    for (let i = 0; i < lookupsPerMinute + 2; i++) statuses.push((await lookup(i % 2 === 0 ? ctx.app : second, client, i)).statusCode);
    // Each process alone would have allowed 4; together they allow 4.
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
    const limited = await lookup(second, client);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu, vui lòng thử lại sau.' });
    expect((await lookup(ctx.app, { ...client, language: 'en' })).json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many requests; try again later.',
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another client is not affected, on either process.
    expect((await lookup(ctx.app, { remoteAddress: '198.51.100.41' })).statusCode).toBe(404);
    expect((await lookup(second, { remoteAddress: '198.51.100.41' })).statusCode).toBe(404);
  });

  it('keeps each route’s count apart: the lookup limit does not spend the officer sign-in’s', async () => {
    const client = { remoteAddress: '198.51.100.42' };
    for (let i = 0; i < lookupsPerMinute + 1; i++) await lookup(ctx.app, client, i);
    expect((await lookup(second, client)).statusCode).toBe(429);
    const login = await second.inject({
      method: 'POST',
      url: '/api/v1/auth/officer/login',
      remoteAddress: client.remoteAddress,
      payload: {},
    });
    expect(login.statusCode).not.toBe(429);
  });

  it('starts a new window once the last one ended, and the purge removes only ended windows', async () => {
    const Store = databaseRateLimitStore(ctx.database);
    const store = new Store({ routeInfo: { method: 'GET', url: '/test/window' } } as never);
    const count = (key: string, windowMs: number) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(key, (error, result) => (error ? reject(error) : resolve(result as { current: number; ttl: number })), windowMs, 10),
      );
    expect(await count('short', 200)).toMatchObject({ current: 1 });
    expect(await count('short', 200)).toMatchObject({ current: 2 });
    const long = await count('long', 60_000);
    expect(long.current).toBe(1);
    expect(long.ttl).toBeGreaterThan(55_000);
    expect(long.ttl).toBeLessThanOrEqual(60_000);
    // Ended: the database's clock says so, whatever this process's clock says.
    await ctx.database.db.execute(sql`SELECT pg_sleep(0.3)`);
    const again = await count('short', 200);
    expect(again.current).toBe(1);
    expect(again.ttl).toBeGreaterThan(0);

    await ctx.database.db.execute(sql`SELECT pg_sleep(0.3)`);
    expect(await purgeEndedRateLimitWindows(ctx.database)).toBeGreaterThanOrEqual(1);
    const left = await ctx.database.db.execute<{ key: string }>(sql`SELECT key FROM rate_limit_counters WHERE bucket = 'GET /test/window'`);
    expect(left.rows.map((r) => r.key)).toEqual(['long']);
    expect(platformJobs(ctx.database, ctx.app.notifications, ctx.config).map((j) => j.name)).toContain(
      'platform-purge-rate-limit-counters',
    );
  });

  it('refuses at start a route that asks for windows it cannot count (continueExceeding)', () => {
    const Store = databaseRateLimitStore(ctx.database);
    expect(() => new Store({ continueExceeding: true } as never)).toThrow(/continueExceeding/);
  });
});

describe(`client address behind a proxy (TRUST_PROXY, default loopback) (${testBackend()})`, () => {
  it('a client connecting directly cannot choose its address with X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < lookupsPerMinute + 1; i++)
      statuses.push((await lookup(ctx.app, { remoteAddress: '198.51.100.50', forwardedFor: `203.0.113.${i}` }, i)).statusCode);
    expect(statuses.at(-1)).toBe(429);
  });

  it('behind a proxy on this machine, the address the proxy appended counts, not what the client sent before it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < lookupsPerMinute + 1; i++)
      statuses.push((await lookup(ctx.app, { remoteAddress: '127.0.0.1', forwardedFor: `10.9.9.${i}, 198.51.100.60` }, i)).statusCode);
    expect(statuses.at(-1)).toBe(429);
    expect((await lookup(ctx.app, { remoteAddress: '127.0.0.1', forwardedFor: '198.51.100.61' })).statusCode).toBe(404);
  });

  it('TRUST_PROXY=1: one proxy hop (on any address) is trusted, so the address it appended counts', async () => {
    const behindOneHop = await buildApp({ config: { ...ctx.config, trustProxy: 1 }, database: ctx.database, logger: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < lookupsPerMinute + 1; i++)
        statuses.push(
          (await lookup(behindOneHop, { remoteAddress: `10.0.0.${i + 1}`, forwardedFor: `10.9.9.${i}, 198.51.100.70` }, i)).statusCode,
        );
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await behindOneHop.close();
    }
  });
});
