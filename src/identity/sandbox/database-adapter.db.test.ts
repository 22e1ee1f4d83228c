import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, formAction } from '../../../test/support/browser-client.ts';
import { freePort } from '../../../test/support/postgres-server.ts';
import { createTestContext, testBackend, type TestContext } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import { identityJobs } from '../jobs.ts';
import { sandboxPassword } from './accounts.ts';
import { createSandboxStore, purgeExpiredSandboxEntries } from './database-adapter.ts';

let ctx: TestContext;
/** A second app process of the same deployment: its own memory, the same database. */
let second: FastifyInstance;
let secondUrl: string;

beforeAll(async () => {
  ctx = await createTestContext({ listen: true });
  second = await buildApp({ config: ctx.config, database: ctx.database, logger: false });
  const port = await freePort();
  await second.listen({ port, host: '127.0.0.1' });
  secondUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await second.close();
  await ctx.close();
});

describe(`the sandbox VNeID behind several app processes (${testBackend()})`, () => {
  it('a sign-in started on one process is finished on another', async () => {
    const browser = new TestBrowser(ctx.baseUrl);
    const { res: page } = await browser.follow(await browser.fetch('/auth/citizen/login?returnTo=%2F'));
    expect(page.status).toBe(200);
    const action = formAction(await page.text(), '/login');
    // The sign-in form is posted to the other process, which never saw this interaction start.
    const posted = await fetch(new URL(action, secondUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: new URLSearchParams({ idNumber: '079090001234', password: sandboxPassword }).toString(),
    });
    expect(posted.status).toBe(303);
    for (const line of posted.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      browser.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    // Back on the first process: the provider issues the code, the platform opens the citizen's session.
    const location = new URL(posted.headers.get('location') ?? '', ctx.baseUrl);
    const { res: home, chain } = await browser.follow(await browser.fetch(`${location.pathname}${location.search}`));
    expect(home.status, chain.join(' → ')).toBeLessThan(400);
    const session = await browser.session();
    expect(session.principal).toMatchObject({ kind: 'citizen', fullName: 'Nguyễn Văn An', idNumberMasked: '079*****1234' });
  });

  it('keeps records in the database: one process finds, consumes and revokes what another stored; expired ones are gone', async () => {
    const [a, b] = [createSandboxStore(ctx.database), createSandboxStore(ctx.database)];
    await a('Interaction').upsert('i-1', { uid: 'u-1', grantId: 'g-1', returnTo: '/x' }, 600);
    await a('AuthorizationCode').upsert('c-1', { grantId: 'g-1', accountId: 's-1' }, 60);
    await a('Session').upsert('s-short', { uid: 'u-short' }, 1);
    expect(await b('Interaction').find('i-1')).toMatchObject({ uid: 'u-1', returnTo: '/x' });
    expect(await b('Interaction').findByUid('u-1')).toMatchObject({ grantId: 'g-1' });
    expect(await b('Session').find('i-1')).toBeUndefined();

    await b('AuthorizationCode').consume('c-1');
    expect((await a('AuthorizationCode').find('c-1'))?.consumed).toEqual(expect.any(Number));

    await b('Interaction').revokeByGrantId('g-1');
    expect(await a('Interaction').find('i-1')).toBeUndefined();
    expect(await a('AuthorizationCode').find('c-1')).toBeUndefined();

    await ctx.database.db.execute(sql`SELECT pg_sleep(1.2)`);
    expect(await b('Session').find('s-short')).toBeUndefined();
    expect(await purgeExpiredSandboxEntries(ctx.database)).toBeGreaterThanOrEqual(1);
    const left = await ctx.database.db.execute<{ id: string }>(sql`SELECT id FROM sandbox_oidc_entries WHERE id = 's-short'`);
    expect(left.rows).toEqual([]);
    expect(identityJobs(ctx.database).map((j) => j.name)).toContain('identity-purge-sandbox-oidc-entries');
  });
});
