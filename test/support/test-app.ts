import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { AppConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/client.ts';
import { testConfig } from './config.ts';
import { freePort } from './postgres-server.ts';

export type TestBackend = 'pglite' | 'postgres';

/** Which database backend this test project runs on (vitest project env TEST_DB). */
export function testBackend(): TestBackend {
  return process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh database for one test file: a copy of the prepared template (units + demo data). */
export async function createTestDatabase(): Promise<Database> {
  if (testBackend() === 'pglite') {
    const template = readFileSync(inject('pgliteTemplate'));
    return openDatabase({ pgliteLoadDataDir: new Blob([template]) });
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE tinhso_template`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return database;
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: AppConfig;
  /** Base URL when started with `listen: true` (browser and OIDC tests). */
  baseUrl: string;
  close: () => Promise<void>;
}

/** Builds the whole app on a fresh database; with `listen` it also serves on a free loopback port. */
export async function createTestContext(
  options: { listen?: boolean; config?: Partial<AppConfig>; now?: () => Date; submissionQuery?: Database['query'] } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const port = options.listen ? await freePort() : 0;
  const baseUrl = options.listen ? `http://127.0.0.1:${port}` : 'http://localhost';
  const config = testConfig({
    port,
    publicUrl: baseUrl,
    oidc: { issuer: `${baseUrl}/sandbox/vneid`, clientId: 'tinhso-web', clientSecret: undefined, scopes: 'openid profile' },
    ...options.config,
  });
  const app = await buildApp({
    config,
    database,
    logger: false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.submissionQuery ? { submissionQuery: options.submissionQuery } : {}),
  });
  if (options.listen) await app.listen({ port, host: '127.0.0.1' });
  else await app.ready();
  return {
    app,
    database,
    config,
    baseUrl,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
