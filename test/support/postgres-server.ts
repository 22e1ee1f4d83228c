import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL server the test run starts itself (initdb + pg_ctl into a temp dir). */
export interface TestPostgresServer {
  url: (database: string) => string;
  /** The same server through its Unix-domain socket (no TCP stack; for a client on the same machine). */
  socketUrl: (database: string) => string;
  stop: () => void;
}

/** Finds Debian's PostgreSQL binaries (newest version), or PG_BIN when set. */
export function findPostgresBin(): string {
  if (process.env['PG_BIN']) return process.env['PG_BIN'];
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest)
    throw new Error('PostgreSQL server binaries not found: install them (apt-get install -y postgresql) or set TEST_DATABASE_URL / PG_BIN');
  return path.join(root, newest, 'bin');
}

/** Answers a TCP port that is free right now on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private server on a free port; as root it runs as the `postgres` user (initdb refuses root).
 * `settings` are extra server settings, e.g. `shared_preload_libraries=pg_stat_statements`.
 */
export async function startTestPostgres(settings: readonly string[] = []): Promise<TestPostgresServer> {
  const bin = findPostgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = isRoot ? ['-u', 'postgres', '--', path.join(bin, cmd), ...args] : args;
    const result = spawnSync(isRoot ? 'runuser' : path.join(bin, cmd), full, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
  // fsync off: a test server's durability is not under test, its speed is.
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200${settings.map((x) => ` -c ${x}`).join('')}`,
    'start',
  ]);
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    socketUrl: (database) => `postgres://postgres@${encodeURIComponent(dir)}:${port}/${database}`,
    stop: () => {
      try {
        if (isRoot)
          execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop'], {
            stdio: 'ignore',
          });
        else execFileSync(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
