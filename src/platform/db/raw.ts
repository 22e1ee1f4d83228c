import type { Db } from './client.ts';

/** A driver connection: node-postgres' client or PGlite; both take `(text, params)` with array parameters. */
export interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

interface Pool extends RawClient {
  connect(): Promise<RawClient & { release(): void }>;
}

const driverOf = (db: Db) => (db as unknown as { $client: RawClient | Pool }).$client;

/**
 * Runs one parameterised statement on the driver itself, for bulk loads that pass whole columns as
 * array parameters (`INSERT … SELECT * FROM unnest($1::uuid[], …)`), which Drizzle would expand.
 */
export async function rawQuery<T>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
  const result = await driverOf(db).query(text, params);
  return result.rows as T[];
}

/**
 * Runs `work` on one dedicated connection (a pooled client on PostgreSQL, the single PGlite
 * connection), so that session settings and a transaction hold across its statements.
 */
export async function withRawClient<T>(db: Db, work: (client: RawClient) => Promise<T>): Promise<T> {
  const driver = driverOf(db);
  if (!('connect' in driver) || typeof driver.connect !== 'function') return work(driver);
  const client = await driver.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Whether the database offers several connections at once (a PostgreSQL pool; PGlite has one). */
export function hasManyConnections(db: Db): boolean {
  const driver = driverOf(db);
  return 'connect' in driver && typeof driver.connect === 'function';
}
