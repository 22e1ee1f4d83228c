import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.ts';
import { freePort } from '../support/postgres-server.ts';

// What `npm start` runs after the web build: the real server process on the embedded database.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-start-'));
let child: ChildProcess | null = null;

async function startServer(port: number): Promise<{ output: () => string }> {
  let output = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (output.includes('API:')) return { output: () => output };
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${output}`);
}

async function stopServer(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
  const c = child;
  if (!c || c.exitCode !== null || c.signalCode !== null) return c?.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => c.once('exit', (code) => resolve(code)));
  c.kill(signal);
  return exited;
}

afterAll(async () => {
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on a fresh machine (embedded database)', () => {
  it(
    'migrates, loads units and demo data, serves, prints where to click, and keeps data across a crash and restart',
    { timeout: 180_000 },
    async () => {
      const port = await freePort();
      const first = await startServer(port);
      expect(first.output()).toContain(`http://localhost:${port}`);
      expect(first.output()).toContain('demo data loaded');

      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' });
      const communes = await (await fetch(`${base}/api/v1/units?parent=79&at=2026-11-21&limit=500`)).json();
      expect(communes.total).toBe(168);
      // A crash (SIGKILL, no shutdown) must not lose what was acknowledged.
      await stopServer('SIGKILL');

      // Second start on the same ./data: nothing is loaded again and the data is still there.
      const second = await startServer(port);
      expect(second.output()).not.toContain('demo data loaded');
      const agencies = await (await fetch(`${base}/api/v1/agencies?unit=26572`)).json();
      expect(agencies.total).toBe(2);
      expect(await stopServer()).toBe(0);
    },
  );
});
