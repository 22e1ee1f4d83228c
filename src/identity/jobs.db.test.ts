import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { platformJobs } from '../jobs.ts';
import { identityJobs } from './jobs.ts';
import { citizens, sessions } from './schema.ts';
import { hashToken } from './tokens.ts';
import { openSession } from './sessions.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe(`purge of expired sessions (${testBackend()})`, () => {
  it('removes the sessions that expired, keeps the live ones, and runs with the platform’s jobs', async () => {
    const [citizen] = await ctx.database.db
      .insert(citizens)
      .values({ issuer: 'https://sandbox.example/vneid', subject: 'purge-test', idNumber: '079090009999', fullName: 'Lê Văn Thử' })
      .returning({ id: citizens.id });
    if (!citizen) throw new Error('no citizen inserted');
    const now = new Date('2026-11-21T10:00:00Z');
    const at = (hoursBefore: number) => new Date(now.getTime() - hoursBefore * 3600_000);
    // A citizen session lasts 2 h without activity: opened 3 h ago it expired, 1 h ago it is live.
    const expired = await openSession(ctx.database.db, { kind: 'citizen', principalId: citizen.id, method: 'vneid', now: at(3) });
    const live = await openSession(ctx.database.db, { kind: 'citizen', principalId: citizen.id, method: 'vneid', now: at(1) });
    const hashes = [expired.token, live.token].map(hashToken);

    const [job] = identityJobs(ctx.database, () => now);
    await job?.run();

    const left = await ctx.database.db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(inArray(sessions.tokenHash, hashes));
    expect(left.map((s) => s.tokenHash)).toEqual([hashToken(live.token)]);
    const names = platformJobs(ctx.database, ctx.app.notifications, ctx.config).map((j) => j.name);
    expect(names).toContain('identity-purge-expired-sessions');
  });
});
