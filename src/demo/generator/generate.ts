import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { hasManyConnections, withRawClient, type RawClient } from '../../platform/db/raw.ts';
import { AppError } from '../../platform/errors.ts';
import { withoutSecondaryIndexes } from '../../platform/db/secondary-indexes.ts';
import { rebuildStatusCounts } from '../../dossiers/status-counts.ts';
import { DossierBatch } from './bulk-load.ts';
import { loadGeneratorContext, type GeneratorOptions } from './context.ts';
import { planDossier } from './plan.ts';
import { seededRandom } from './random.ts';

export interface GenerateOptions extends GeneratorOptions {
  dossiers: number;
  /** Dossiers per batch (one transaction). */
  batchSize?: number;
  /** Batches written at once on separate connections (PostgreSQL; PGlite has one connection). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Drop the loaded tables' secondary indexes for the load and build them again after it: `auto`
   * (the default) does so for a load of at least `bigLoad` dossiers into a database without dossiers.
   */
  rebuildIndexes?: boolean | 'auto';
  onIndexRebuilt?: (index: { name: string }, ms: number) => void;
}

/** Tables the generator writes. */
export const generatedTables = [
  'dossiers',
  'dossier_events',
  'attachments',
  'dossier_components',
  'satisfaction_votes',
  'complaints',
  'complaint_events',
] as const;

/** From this many dossiers on, a load into an empty database rebuilds the indexes afterwards by default. */
export const bigLoad = 100_000;

export interface GenerateResult {
  dossiers: number;
  events: number;
  components: number;
  votes: number;
  complaints: number;
  /** Every row written, all tables. */
  rows: number;
  /** Secondary indexes dropped for the load and built again after it (0 when they were kept up to date). */
  indexesRebuilt: number;
  ms: number;
  rowsPerSecond: number;
  dossiersPerSecond: number;
}

/**
 * Fills a province with generated dossiers and their whole history (events, components, votes,
 * complaints), deterministic for a seed. Batches are written while the next is being planned.
 */
export async function generateDossiers(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  if (!Number.isSafeInteger(options.dossiers) || options.dossiers < 1)
    throw new AppError('VALIDATION_FAILED', { dossiers: options.dossiers, reason: 'a positive whole number of dossiers' });
  const started = Date.now();
  const context = await loadGeneratorContext(db, options);
  const clash = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM dossiers WHERE code LIKE ${`${context.codePrefix}%`}`);
  if ((clash.rows[0]?.n ?? 0) > 0)
    throw new AppError('VALIDATION_FAILED', { seed: options.seed, reason: 'this seed was already generated here' });

  const random = seededRandom(`${options.seed}/dossiers`);
  const ids = seededRandom(`${options.seed}/components`);
  const batchSize = options.batchSize ?? 2_000;
  const concurrency = hasManyConnections(db) ? Math.max(1, options.concurrency ?? 2) : 1;
  const result = { dossiers: 0, events: 0, components: 0, votes: 0, complaints: 0, rows: 0 };
  const isSuperuser =
    (await db.execute<{ yes: boolean }>(sql`SELECT rolsuper AS yes FROM pg_roles WHERE rolname = current_user`)).rows[0]?.yes === true;
  let next = 0;
  // Each writer plans a batch, then writes it while the others plan theirs: the database and this process work side by side.
  const writer = (client: RawClient) => async () => {
    for (;;) {
      const start = next;
      if (start >= options.dossiers) return;
      next = Math.min(options.dossiers, start + batchSize);
      const batch = new DossierBatch();
      for (let i = start; i < next && i < start + batchSize; i++) batch.add(planDossier(random, context, i), () => ids.uuid());
      result.dossiers += batch.size;
      result.events += batch.events[0]?.values.length ?? 0;
      result.components += batch.components[0]?.values.length ?? 0;
      result.votes += batch.votes[0]?.values.length ?? 0;
      result.complaints += batch.complaints[0]?.values.length ?? 0;
      result.rows += batch.rowCount();
      await batch.write(client, isSuperuser);
      options.onProgress?.(result.dossiers, options.dossiers);
    }
  };
  const run = (n: number): Promise<void> =>
    n === 0 ? Promise.resolve() : withRawClient(db, async (client) => Promise.all([writer(client)(), run(n - 1)]).then(() => undefined));
  const rebuild =
    options.rebuildIndexes === 'auto' || options.rebuildIndexes === undefined
      ? options.dossiers >= bigLoad &&
        (await db.execute<{ empty: boolean }>(sql`SELECT NOT EXISTS (SELECT 1 FROM dossiers) AS empty`)).rows[0]?.empty === true
      : options.rebuildIndexes;
  let indexesRebuilt = 0;
  if (rebuild)
    await withoutSecondaryIndexes(db, generatedTables, () => run(concurrency), {
      onRecreate: (index, ms) => {
        indexesRebuilt++;
        options.onIndexRebuilt?.(index, ms);
      },
    });
  else await run(concurrency);
  // The batches skip triggers where the role may (session_replication_role): count the dossiers again.
  await rebuildStatusCounts(db);
  // Fresh statistics: the planner would otherwise plan reads of millions of rows as if the tables were empty.
  await db.execute(sql.raw(`ANALYZE ${generatedTables.join(', ')}`));
  const ms = Date.now() - started;
  return {
    ...result,
    indexesRebuilt,
    ms,
    rowsPerSecond: Math.round((result.rows * 1000) / ms),
    dossiersPerSecond: Math.round((result.dossiers * 1000) / ms),
  };
}
