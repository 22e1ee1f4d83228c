import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, dumpPglite } from '../../src/platform/db/client.ts';
import { prepareDatabase } from '../../src/platform/bootstrap.ts';
import { projectRoot } from '../../src/platform/paths.ts';
import { startTestPostgres, type TestPostgresServer } from './postgres-server.ts';
import { testConfig } from './config.ts';

export const templateDatabaseName = 'tinhso_template';

/**
 * Prepares one migrated database with units and demo data per backend; every test file then gets its
 * own copy (a PGlite data-dir snapshot, or a PostgreSQL database created from a template).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backend = project.config.env['TEST_DB'] ?? 'pglite';
  const started = Date.now();
  if (backend === 'pglite') {
    const database = await openDatabase({});
    await prepareDatabase(database, testConfig({}));
    const blob = await dumpPglite(database);
    await database.close();
    const dir = path.join(projectRoot, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pglite-template-${process.pid}.tar.gz`);
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    process.stdout.write(`[test] PGlite template ready in ${Date.now() - started} ms\n`);
    return async () => undefined;
  }

  let server: TestPostgresServer | null = null;
  let adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    server = await startTestPostgres();
    adminUrl = server.url('postgres');
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName}`);
  await admin.query(`CREATE DATABASE ${templateDatabaseName}`);
  const templateUrl = withDatabase(adminUrl, templateDatabaseName);
  const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 2 });
  await prepareDatabase(database, testConfig({}));
  await database.close();
  await admin.end();
  const version = await serverVersion(adminUrl);
  project.provide('postgresAdminUrl', adminUrl);
  process.stdout.write(`[test] PostgreSQL ${version} template ready in ${Date.now() - started} ms\n`);
  return async () => server?.stop();
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ server_version: string }>('SHOW server_version');
  await c.end();
  return r.rows[0]?.server_version ?? '?';
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresAdminUrl: string;
  }
}
