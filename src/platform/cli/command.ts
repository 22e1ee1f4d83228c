import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AppConfig } from '../../config.ts';
import { AppError, errorCatalogue } from '../errors.ts';

/** Where a command writes, and the configuration it runs with. */
export interface CliContext {
  config: AppConfig;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** An option's value as node:util parseArgs gives it. */
export type OptionValue = string | boolean | (string | boolean)[] | undefined;

/** One subcommand of `npm run cli -- <name> …`. */
export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Arguments and options, e.g. "[dir] [--period 2026-03]". */
  usage: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Runs with the parsed positionals and option values; resolves to the exit code. */
  run(input: { positionals: string[]; values: Record<string, OptionValue> }, context: CliContext): Promise<number>;
}

/** Exit codes: 0 done, 1 failed, 2 bad input or usage. */
export const exitCode = { ok: 0, failed: 1, badInput: 2 } as const;

/** Thrown by a command for a usage mistake; printed with the command's usage line. */
export class UsageError extends Error {}

function describeCommands(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Tỉnh số CLI — usage: npm run cli -- <command> [arguments] (--help for a command)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

const usageOf = (command: CliCommand) => `usage: npm run cli -- ${command.name} ${command.usage}\n  ${command.summary}\n`;

function reportError(error: unknown, command: CliCommand, context: CliContext): number {
  if (error instanceof UsageError) {
    context.stderr(`${command.name}: ${error.message}\n${usageOf(command)}`);
    return exitCode.badInput;
  }
  if (error instanceof AppError) {
    const { vi, en } = errorCatalogue[error.code];
    const details = error.details === null ? '' : `\n${JSON.stringify(error.details, null, 2)}`;
    context.stderr(`${command.name}: ${error.code}: ${en} / ${vi}${details}\n`);
    return error.status < 500 ? exitCode.badInput : exitCode.failed;
  }
  context.stderr(`${command.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return exitCode.failed;
}

/** Runs one command line against a command table and resolves to the process's exit code. */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], context: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(describeCommands(commands));
    return name === undefined ? exitCode.badInput : exitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    context.stderr(`unknown command: ${name}\n\n${describeCommands(commands)}`);
    return exitCode.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout(usageOf(command));
    return exitCode.ok;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options ?? {}, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, context);
  } catch (error) {
    return reportError(error, command, context);
  }
}
