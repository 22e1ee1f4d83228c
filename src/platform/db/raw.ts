import type { Db } from './client.ts';

/** The driver under Drizzle: node-postgres' Pool or PGlite; both take `(text, params)` with array parameters. */
interface RawClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one parameterised statement on the driver itself, for bulk loads that pass whole columns as
 * array parameters (`INSERT … SELECT * FROM unnest($1::uuid[], …)`), which Drizzle would expand.
 */
export async function rawQuery<T>(db: Db, text: string, params: unknown[] = []): Promise<T[]> {
  const client = (db as unknown as { $client: RawClient }).$client;
  const result = await client.query(text, params);
  return result.rows as T[];
}
