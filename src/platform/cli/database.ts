import type { AppConfig } from '../../config.ts';
import { openConfiguredDatabase, prepareDatabase } from '../bootstrap.ts';
import type { Database } from '../db/client.ts';

/** Opens the configured database, migrated and with its reference data, runs `work` and closes it. */
export async function withPreparedDatabase<T>(config: AppConfig, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database, config);
    return await work(database);
  } finally {
    await database.close();
  }
}
