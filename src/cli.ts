import { loadConfig } from './config.ts';
import { runCli, type CliCommand } from './platform/cli/command.ts';
import {
  applyRollupsCommand,
  benchDashboardCommand,
  import766Command,
  mapPortalUnitCommand,
  rebuildRollupsCommand,
  reconcile766Command,
} from './indicators/commands.ts';
import { generateCommand } from './demo/generator/command.ts';
import { benchInboxCommand } from './dossiers/commands.ts';

/** Every subcommand of `npm run cli -- <command>`; add new ones (generate, rebuild-rollups) here. */
export const commands: readonly CliCommand[] = [
  reconcile766Command,
  generateCommand,
  rebuildRollupsCommand,
  applyRollupsCommand,
  benchDashboardCommand,
  benchInboxCommand,
  import766Command,
  mapPortalUnitCommand,
];

/** `npm run cli -- <command> …`: runs one command and exits with its code. */
async function main(): Promise<void> {
  const config = loadConfig();
  const code = await runCli(process.argv.slice(2), commands, {
    config,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}

main().catch((error: unknown) => {
  process.stderr.write(`cli failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
