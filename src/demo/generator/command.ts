import { isoDateOf, dayOfMoment } from '../../calendar/domain/local-time.ts';
import { exitCode, UsageError, type CliCommand } from '../../platform/cli/command.ts';
import { withPreparedDatabase } from '../../platform/cli/database.ts';
import { rebuildRollups } from '../../indicators/rollups/maintain.ts';
import { rebuildWorkMem } from '../../indicators/commands.ts';
import { generateDossiers } from './generate.ts';

/** `generate --dossiers N [--seed S] [--from 2024-01-01] [--to today]`: fills the province with realistic dossiers. */
export const generateCommand: CliCommand = {
  name: 'generate',
  summary: 'fill the province with realistic generated dossiers and their events (deterministic for a seed), then rebuild the rollups',
  usage:
    '--dossiers N [--seed S] [--from 2024-01-01] [--to YYYY-MM-DD (default today)] [--no-rollups] [--rebuild-indexes yes|no|auto] [--work-mem 1GB (for the rollup rebuild)]',
  options: {
    dossiers: { type: 'string' },
    seed: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'no-rollups': { type: 'boolean' },
    'batch-size': { type: 'string' },
    'rebuild-indexes': { type: 'string' },
    'work-mem': { type: 'string' },
  },
  async run({ positionals, values }, context) {
    if (positionals.length > 0) throw new UsageError('unexpected arguments');
    const dossiers = Number(values['dossiers']);
    if (!Number.isSafeInteger(dossiers) || dossiers < 1) throw new UsageError('--dossiers must be a positive whole number');
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1))
      throw new UsageError('--batch-size must be a positive whole number');
    const rebuildOption = values['rebuild-indexes'] ?? 'auto';
    const rebuildIndexes = rebuildOption === 'yes' ? true : rebuildOption === 'no' ? false : 'auto';
    if (!['yes', 'no', 'auto'].includes(String(rebuildOption))) throw new UsageError('--rebuild-indexes is yes, no or auto');
    const workMem = rebuildWorkMem(values['work-mem']);
    const seed = typeof values['seed'] === 'string' ? values['seed'] : '1';
    const from = typeof values['from'] === 'string' ? values['from'] : '2024-01-01';
    const to = typeof values['to'] === 'string' ? values['to'] : isoDateOf(dayOfMoment(Date.now()));
    return withPreparedDatabase(context.config, async (database) => {
      let lastShown = 0;
      const result = await generateDossiers(database.db, {
        dossiers,
        seed,
        from,
        to,
        provinceCode: context.config.provinceCode,
        ...(batchSize ? { batchSize } : {}),
        rebuildIndexes,
        onIndexRebuilt: (index, ms) => context.stderr(`  index ${index.name} rebuilt in ${ms} ms\n`),
        onProgress: (done, total) => {
          if (done - lastShown >= 50_000 || done === total) {
            lastShown = done;
            context.stderr(`  ${done}/${total} dossiers\n`);
          }
        },
      });
      const report: Record<string, unknown> = { backend: database.kind, seed, from, to, generated: result };
      if (values['no-rollups'] !== true) {
        const started = Date.now();
        report['rollups'] = { ...(await rebuildRollups(database.db, workMem ? { workMem } : {})), ms: Date.now() - started };
      }
      context.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return exitCode.ok;
    });
  },
};
