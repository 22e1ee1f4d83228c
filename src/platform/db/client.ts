import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { projectRoot } from '../paths.ts';
import * as schema from './schema.ts';

/** The Drizzle handle every application use case receives; identical on both backends. */
export type Db = NodePgDatabase<typeof schema>;

/** A transaction handle, for use cases that must commit several writes together. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Either a database or a transaction: use cases that only need to run queries accept both. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The server's connection string (PostgreSQL only): for a connection of its own, e.g. to LISTEN. */
  connectionString?: string;
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** Answers whether the database accepts queries right now. */
  ping(): Promise<boolean>;
  /**
   * Runs one hand-written statement with positional parameters, outside any transaction (a single
   * statement is its own transaction). `name` makes it a prepared statement on PostgreSQL, parsed
   * and planned once per connection: for hot paths where building the query costs more than running it.
   */
  query<T extends Record<string, unknown>>(statement: { name: string; text: string; values: unknown[] }): Promise<T[]>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(projectRoot, 'migrations');

const pgliteExtensions = { pg_trgm, unaccent };

// Extensions are created before the migrations so that migrations may use them on both backends.
const migrationLock = 'tinhso.migrate';
const createExtensions = 'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent;';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when absent PGlite is used. */
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files; `memory://` or undefined keeps it in memory. */
  pgliteDir?: string | undefined;
  /** A PGlite data-dir tarball to start from (tests load a prepared template this way). */
  pgliteLoadDataDir?: Blob | File | undefined;
  poolSize?: number;
}

/** Opens the platform database: a PostgreSQL server when a URL is given, else embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.pgliteDir, options.pgliteLoadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema });
  return {
    db,
    kind: 'postgres',
    connectionString: url,
    async migrate() {
      // Several processes (web processes, the worker) may start at once: one migrates, the others
      // wait on the session lock and then find nothing left to do.
      const lock = await pool.connect();
      try {
        await lock.query('SELECT pg_advisory_lock(hashtext($1))', [migrationLock]);
        await pool.query(createExtensions);
        await migrateNodePg(db, { migrationsFolder });
      } finally {
        await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [migrationLock]).catch(() => undefined);
        lock.release();
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async query<T extends Record<string, unknown>>(statement: { name: string; text: string; values: unknown[] }) {
      return (await pool.query<T>(statement)).rows;
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dir: string | undefined, loadDataDir: Blob | File | undefined): Promise<Database> {
  if (dir && !dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir ?? 'memory://', {
    extensions: pgliteExtensions,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await client.exec(createExtensions);
      await migratePglite(db as never, { migrationsFolder });
    },
    async ping() {
      if (closed) return false;
      try {
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async query<T extends Record<string, unknown>>(statement: { name: string; text: string; values: unknown[] }) {
      return (await client.query<T>(statement.text, statement.values)).rows;
    },
    async close() {
      closed = true;
      await client.close();
    },
  };
}

/** The PGlite client behind a Database, for tests that snapshot a prepared database. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('gzip');
}
