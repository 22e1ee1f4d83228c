import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { DossierBatch } from './bulk-load.ts';
import { loadGeneratorContext, type GeneratorOptions } from './context.ts';
import { planDossier } from './plan.ts';
import { seededRandom } from './random.ts';

export interface GenerateOptions extends GeneratorOptions {
  dossiers: number;
  /** Dossiers per batch (statement set). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  dossiers: number;
  events: number;
  components: number;
  votes: number;
  complaints: number;
  /** Every row written, all tables. */
  rows: number;
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
  const result = { dossiers: 0, events: 0, components: 0, votes: 0, complaints: 0, rows: 0 };
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < options.dossiers; start += batchSize) {
    const batch = new DossierBatch();
    const end = Math.min(options.dossiers, start + batchSize);
    for (let i = start; i < end; i++) batch.add(planDossier(random, context, i), () => ids.uuid());
    result.dossiers += batch.size;
    result.events += batch.events[0]?.values.length ?? 0;
    result.components += batch.components[0]?.values.length ?? 0;
    result.votes += batch.votes[0]?.values.length ?? 0;
    result.complaints += batch.complaints[0]?.values.length ?? 0;
    result.rows += batch.rowCount();
    // One batch in flight while the next is planned: the database and this process work side by side.
    await writing;
    writing = batch.write(db);
    writing.catch(() => undefined); // awaited (and thrown) at the next batch; not an unhandled rejection meanwhile.
    options.onProgress?.(end, options.dossiers);
  }
  await writing;
  const ms = Date.now() - started;
  return {
    ...result,
    ms,
    rowsPerSecond: Math.round((result.rows * 1000) / ms),
    dossiersPerSecond: Math.round((result.dossiers * 1000) / ms),
  };
}
