import { exitCode, UsageError, type CliCommand } from '../platform/cli/command.ts';
import { withPreparedDatabase } from '../platform/cli/database.ts';
import { benchInbox } from './inbox-bench.ts';

/** `bench-inbox [--runs 30]`: p50/p95 of the officer inbox's queries on the data in the database. */
export const benchInboxCommand: CliCommand = {
  name: 'bench-inbox',
  summary:
    'time the officer inbox (queue counts + page) for reception, a specialist and a province leader: default queue, overdue, search by code and CCCD; prints p50/p95 as JSON',
  usage: '[--runs 30] [--closed-runs N (default: runs)]',
  options: { runs: { type: 'string' }, 'closed-runs': { type: 'string' } },
  async run({ positionals, values }, context) {
    if (positionals.length > 0) throw new UsageError('unexpected arguments');
    const runs = values['runs'] === undefined ? 30 : Number(values['runs']);
    if (!Number.isSafeInteger(runs) || runs < 1) throw new UsageError('--runs must be a positive whole number');
    const closedRuns = values['closed-runs'] === undefined ? runs : Number(values['closed-runs']);
    if (!Number.isSafeInteger(closedRuns) || closedRuns < 1) throw new UsageError('--closed-runs must be a positive whole number');
    return withPreparedDatabase(context.config, async (database) => {
      const result = await benchInbox(database, { provinceCode: context.config.provinceCode, runs, closedRuns });
      context.stdout(`${JSON.stringify({ backend: database.kind, ...result }, null, 2)}\n`);
      return exitCode.ok;
    });
  },
};
