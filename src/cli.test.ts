import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from './cli.ts';
import { loadConfig } from './config.ts';
import { runCli, type CliCommand } from './platform/cli/command.ts';
import { projectRoot } from './platform/paths.ts';
import type { ReconciliationRow } from './indicators/reconcile-766.ts';

const config = loadConfig();

/** Runs `node --import tsx src/cli.ts …` as npm run cli does, on this process's Node. */
async function spawnCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: projectRoot,
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run cli -- reconcile-766', () => {
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'portal-empty-'));
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

  it('prints the reconciliation of the portal samples as JSON and exits 0', async () => {
    const { code, stdout } = await spawnCli(['reconcile-766', config.nationalPortalDataDir]);
    expect(code).toBe(0);
    const { units } = JSON.parse(stdout) as { units: ReconciliationRow[] };
    expect(units).toHaveLength(75);
    expect(units[0]).toEqual({
      departmentCode: 'H44',
      group: 'TRANSPARENCY',
      metric: 'PUBLISH_ON_TIME',
      published: null,
      recomputed: null,
      delta: null,
      basis: 'counts',
    });
    expect(units.find((u) => u.departmentCode === 'H44.100' && u.group === 'DIGITIZATION' && u.metric === 'TOTAL')).toMatchObject({
      published: 8.68,
      recomputed: 8.68,
      delta: 0,
    });
    expect(units.every((u) => u.delta === null || Math.abs(u.delta) <= 0.015)).toBe(true);
  });

  it('exits non-zero with the error code and the missing files on bad input', async () => {
    const { code, stdout, stderr } = await spawnCli(['reconcile-766', emptyDir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('PORTAL_FILE_MISSING');
    expect(stderr).toContain('satisfaction.json');
  });
});

describe('runCli', () => {
  const output = () => {
    const out = { stdout: '', stderr: '' };
    return { out, context: { config, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
  };
  const echo: CliCommand = {
    name: 'echo',
    summary: 'prints its arguments',
    usage: '<words…> [--loud]',
    options: { loud: { type: 'boolean' } },
    async run({ positionals, values }, { stdout }) {
      stdout(values['loud'] ? positionals.join(' ').toUpperCase() : positionals.join(' '));
      return 0;
    },
  };

  it.each([
    [['--help'], 0, 'stdout', 'reconcile-766'],
    [[], 2, 'stdout', 'Commands:'],
    [['nonsense'], 2, 'stderr', 'unknown command: nonsense'],
    [['reconcile-766', '--help'], 0, 'stdout', 'usage: npm run cli -- reconcile-766'],
    [['reconcile-766', '--bogus'], 2, 'stderr', "Unknown option '--bogus'"],
    [['reconcile-766', 'a', 'b'], 2, 'stderr', 'expected at most one directory'],
    [['reconcile-766', '--period', '2026-13'], 2, 'stderr', 'not a period: 2026-13'],
    [['reconcile-766', '--period', '2024-03'], 2, 'stderr', 'VALIDATION_FAILED'],
  ] as const)('%j exits %i and says so on %s', async (argv, code, stream, text) => {
    const { out, context } = output();
    expect(await runCli(argv, commands, context)).toBe(code);
    expect(out[stream]).toContain(text);
  });

  it('dispatches to a command of the table with its parsed options', async () => {
    const { out, context } = output();
    expect(await runCli(['echo', 'xin', 'chào', '--loud'], [echo], context)).toBe(0);
    expect(out.stdout).toBe('XIN CHÀO');
  });

  it('reports an unexpected failure with exit code 1', async () => {
    const { out, context } = output();
    const broken: CliCommand = { ...echo, name: 'broken', run: async () => Promise.reject(new Error('disk on fire')) };
    expect(await runCli(['broken'], [broken], context)).toBe(1);
    expect(out.stderr).toContain('disk on fire');
  });
});
