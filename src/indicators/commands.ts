import { userInfo } from 'node:os';
import { AppError } from '../platform/errors.ts';
import { exitCode, UsageError, type CliCommand, type OptionValue } from '../platform/cli/command.ts';
import { formulaSetFor, latestFormulaSet } from './domain/index-766/formula-sets.ts';
import { parsePeriod, periodStart } from './domain/index-766/period.ts';
import { reconcile766 } from './reconcile-766.ts';
import { withPreparedDatabase } from '../platform/cli/database.ts';
import { applyEventsToRollups, isWorkMem, rebuildRollups } from './rollups/maintain.ts';
import { benchDashboard } from './dashboard/bench.ts';
import { importPortalEvaluation } from './import-portal-evaluation.ts';
import type { Database } from '../platform/db/client.ts';
import { listPortalUnitMappings, removePortalUnitMapping, setPortalUnitMapping } from './portal-unit-mappings.ts';

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

/** The `--work-mem` option of the commands that rebuild the rollups (a PostgreSQL size such as 1GB), checked. */
export function rebuildWorkMem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isWorkMem(value)) throw new UsageError('--work-mem is a size such as 512MB or 1GB');
  return value;
}

/** `rebuild-rollups`: recomputes every indicator rollup from the dossiers, for audit. */
export const rebuildRollupsCommand: CliCommand = {
  name: 'rebuild-rollups',
  summary: 'recompute the indicator rollups from scratch (dossiers, events, votes, complaints); prints counts as JSON',
  usage: '[--work-mem 1GB]',
  options: { 'work-mem': { type: 'string' } },
  async run({ positionals, values }, context) {
    if (positionals.length > 0) throw new UsageError('unexpected arguments');
    const workMem = rebuildWorkMem(values['work-mem']);
    return withPreparedDatabase(context.config, async (database) => {
      const started = Date.now();
      const result = await rebuildRollups(database.db, workMem ? { workMem } : {});
      context.stdout(`${JSON.stringify({ backend: database.kind, ...result, ms: Date.now() - started }, null, 2)}\n`);
      return exitCode.ok;
    });
  },
};

/** `apply-rollups`: applies dossier events after the watermark (what the scheduled job does), once. */
export const applyRollupsCommand: CliCommand = {
  name: 'apply-rollups',
  summary: 'apply new dossier events to the indicator rollups once (the scheduled job does this every few seconds)',
  usage: '[--since EVENT_ID]',
  options: { since: { type: 'string' } },
  async run({ positionals, values }, context) {
    if (positionals.length > 0) throw new UsageError('unexpected arguments');
    const since = values['since'] === undefined ? undefined : Number(values['since']);
    if (since !== undefined && (!Number.isSafeInteger(since) || since < 0)) throw new UsageError('--since must be an event id');
    return withPreparedDatabase(context.config, async (database) => {
      const started = Date.now();
      const result = await applyEventsToRollups(database.db, since === undefined ? {} : { sinceEventId: since });
      context.stdout(`${JSON.stringify({ backend: database.kind, ...result, ms: Date.now() - started }, null, 2)}\n`);
      return exitCode.ok;
    });
  },
};

/** `bench-dashboard`: times the dashboard's reads (province overview, all communes' ranking) and the rollup lag. */
export const benchDashboardCommand: CliCommand = {
  name: 'bench-dashboard',
  summary:
    'time the dashboard reads (province overview, ranking of all communes, drill-down) and the rollup job after one new event; prints p50/p95 as JSON',
  usage: '[--period 2026-Q3] [--runs 30]',
  options: { period: { type: 'string' }, runs: { type: 'string' } },
  async run({ positionals, values }, context) {
    if (positionals.length > 0) throw new UsageError('unexpected arguments');
    const runs = values['runs'] === undefined ? 30 : Number(values['runs']);
    if (!Number.isSafeInteger(runs) || runs < 1) throw new UsageError('--runs must be a positive whole number');
    return withPreparedDatabase(context.config, async (database) => {
      const result = await benchDashboard(database, {
        provinceCode: context.config.provinceCode,
        runs,
        ...(typeof values['period'] === 'string' ? { period: values['period'] } : {}),
      });
      context.stdout(`${JSON.stringify({ backend: database.kind, ...result }, null, 2)}\n`);
      return exitCode.ok;
    });
  },
};

/** `import-766 <dir> --period P [--province P]`: keeps the portal's evaluation files for the reconciliation page. */
export const import766Command: CliCommand = {
  name: 'import-766',
  summary: "import the national portal's five Decision 766 evaluation files for a province and period (replaces an earlier import of it)",
  usage: '[dir (default NATIONAL_PORTAL_DATA_DIR)] --period 2026-03 [--province 79 (default PROVINCE_CODE)]',
  options: { period: { type: 'string' }, province: { type: 'string' } },
  async run({ positionals, values }, context) {
    if (positionals.length > 1) throw new UsageError('expected at most one directory');
    if (typeof values['period'] !== 'string') throw new UsageError('--period is required (2026-03, 2026-Q1 or 2026)');
    const dir = positionals[0] ?? context.config.nationalPortalDataDir;
    const provinceCode = typeof values['province'] === 'string' ? values['province'] : context.config.provinceCode;
    return withPreparedDatabase(context.config, async (database) => {
      const result = await importPortalEvaluation(database.db, dir, { provinceCode, period: values['period'] as string });
      context.stdout(`${JSON.stringify({ backend: database.kind, provinceCode, period: values['period'], ...result }, null, 2)}\n`);
      return exitCode.ok;
    });
  },
};

/** What `map-portal-unit` was asked to do, from its arguments. */
export type MapPortalUnitRequest =
  { action: 'list' } | { action: 'remove'; departmentCode: string } | { action: 'set'; departmentCode: string; target: string };

/** Reads `map-portal-unit`'s arguments; a UsageError for any other shape. */
export function mapPortalUnitRequestOf(positionals: readonly string[], values: Record<string, OptionValue>): MapPortalUnitRequest {
  const list = values['list'] === true;
  const remove = values['remove'] === true;
  if (list && remove) throw new UsageError('--list and --remove do not go together');
  if (list) {
    if (positionals.length > 0) throw new UsageError('--list takes no arguments');
    return { action: 'list' };
  }
  const [departmentCode, target] = positionals;
  if (remove) {
    if (positionals.length !== 1 || departmentCode === undefined) throw new UsageError('--remove takes one portal code (H44.03)');
    return { action: 'remove', departmentCode };
  }
  if (positionals.length !== 2 || departmentCode === undefined || target === undefined)
    throw new UsageError('expected a portal code (H44.03) and a commune code (26572) or agency code (79-STP)');
  return { action: 'set', departmentCode, target };
}

/** Runs a `map-portal-unit` request on a database as the operating-system user; answers the JSON it prints. */
export async function runMapPortalUnit(database: Database, provinceCode: string, request: MapPortalUnitRequest): Promise<unknown> {
  const actor = { kind: 'system' as const, id: `cli:${userInfo().username}` };
  if (request.action === 'set')
    return setPortalUnitMapping(database.db, { provinceCode, departmentCode: request.departmentCode, target: request.target }, actor);
  if (request.action === 'remove') {
    await removePortalUnitMapping(database.db, { provinceCode, departmentCode: request.departmentCode }, actor);
    return { removed: request.departmentCode };
  }
  return { provinceCode, items: await listPortalUnitMappings(database.db, provinceCode) };
}

/** `map-portal-unit <H44.NN> <commune|agency>` (or `--list`, `--remove <H44.NN>`): maintains the portal-code mapping for reconciliation. */
export const mapPortalUnitCommand: CliCommand = {
  name: 'map-portal-unit',
  summary:
    'map a national portal unit code (H44.03) onto a commune (26572) or agency (79-STP) for the reconciliation page; --list shows the mappings, --remove deletes one',
  usage: '<H44.NN> <commune-or-agency-code> | --list | --remove <H44.NN>  [--province 79 (default PROVINCE_CODE)]',
  options: { list: { type: 'boolean' }, remove: { type: 'boolean' }, province: { type: 'string' } },
  async run({ positionals, values }, context) {
    const request = mapPortalUnitRequestOf(positionals, values);
    const provinceCode = typeof values['province'] === 'string' ? values['province'] : context.config.provinceCode;
    return withPreparedDatabase(context.config, async (database) => {
      context.stdout(`${JSON.stringify(await runMapPortalUnit(database, provinceCode, request), null, 2)}\n`);
      return exitCode.ok;
    });
  },
};
