import { AppError } from '../platform/errors.ts';
import { exitCode, UsageError, type CliCommand } from '../platform/cli/command.ts';
import { formulaSetFor, latestFormulaSet } from './domain/index-766/formula-sets.ts';
import { parsePeriod, periodStart } from './domain/index-766/period.ts';
import { reconcile766 } from './reconcile-766.ts';

/** `reconcile-766 [dir]`: the portal's published scores beside the engine's, as JSON on stdout. */
export const reconcile766Command: CliCommand = {
  name: 'reconcile-766',
  summary: "recompute the national portal's Decision 766 scores from its five evaluation files; print published vs recomputed as JSON",
  usage: '[dir (default NATIONAL_PORTAL_DATA_DIR)] [--period 2026-03|2026-Q1|2026 (chooses the formula set)]',
  options: { period: { type: 'string' } },
  async run({ positionals, values }, { config, stdout }) {
    if (positionals.length > 1) throw new UsageError('expected at most one directory');
    const dir = positionals[0] ?? config.nationalPortalDataDir;
    let formulaSet = latestFormulaSet();
    if (typeof values['period'] === 'string') {
      const period = parsePeriod(values['period']);
      if (!period) throw new UsageError(`not a period: ${values['period']}`);
      const chosen = formulaSetFor(periodStart(period));
      if (!chosen) throw new AppError('VALIDATION_FAILED', { period: values['period'], reason: 'no formula set is valid for that period' });
      formulaSet = chosen;
    }
    stdout(`${JSON.stringify(await reconcile766(dir, formulaSet), null, 2)}\n`);
    return exitCode.ok;
  },
};
