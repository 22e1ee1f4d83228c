import path from 'node:path';
import type { AppConfig } from '../config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { loadUnitsIfEmpty } from '../units/load-units.ts';
import { seedDemoDataIfEmpty } from '../demo/seed.ts';
import { syncReferenceCatalogue, type CatalogueSync } from '../procedures/sync-catalogue.ts';
import { prepareDevelopmentCa } from '../documents/signing/keys.ts';
import { installStatusCounts } from '../dossiers/status-counts.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    poolSize: config.databasePoolSize,
  });
}

export interface PreparedDatabase {
  unitsLoaded: boolean;
  /** What the reference procedure catalogue of this release added or updated. */
  catalogue: CatalogueSync;
  demoSeeded: boolean;
}

/** Migrates, loads the administrative units, brings the procedure catalogue up to this release's reference catalogue and, in demo mode, seeds the demo province. */
export async function prepareDatabase(database: Database, config: AppConfig): Promise<PreparedDatabase> {
  await database.migrate();
  // Triggers are not in the generated migration: installed (idempotently) right after it.
  await installStatusCounts(database.db);
  const unitsLoaded = await loadUnitsIfEmpty(database.db, config.unitsDataDir);
  const catalogue = await syncReferenceCatalogue(database.db, config.provinceCode);
  const demoSeeded = config.demoMode ? await seedDemoDataIfEmpty(database.db, config) : false;
  // Demo mode: the development CA exists from the first start (agency keys are made on first use).
  if (config.demoMode) await prepareDevelopmentCa(database.db, config);
  return { unitsLoaded, catalogue, demoSeeded };
}
