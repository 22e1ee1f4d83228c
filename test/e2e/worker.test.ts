import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/paths.ts';
import { freePort, startTestPostgres, type TestPostgresServer } from '../support/postgres-server.ts';
import { SmtpSink } from '../support/smtp-sink.ts';

// A web process started with JOBS=off and a separate `npm run worker` process on one PostgreSQL server:
// the web process leaves queued e-mail alone, the worker sends it.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-worker-'));
const children: ChildProcess[] = [];
let server: TestPostgresServer;
const smtp = new SmtpSink();

function start(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DEMO_MODE: 'true',
      SMTP_URL: smtp.url,
      NOTIFICATIONS_DISPATCH: 'queue-only',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  children.push(child);
  return { child, output: () => output };
}

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function statusOf(url: string, id: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ status: string }>('SELECT status FROM notifications WHERE id = $1', [id])).rows[0]?.status;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startTestPostgres();
  await smtp.start();
});

afterAll(async () => {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM')))),
  );
  await smtp.stop();
  server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run worker beside a web process started with JOBS=off', () => {
  it('the worker refuses to run on the embedded database, in Vietnamese and English', async () => {
    const { child, output } = start('src/worker.ts', { DATABASE_URL: '' });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output()).toContain('cần máy chủ PostgreSQL');
    expect(output()).toContain('needs a PostgreSQL server');
  });

  it('queued e-mail waits while only the web process runs, and the worker sends it', { timeout: 180_000 }, async () => {
    const url = server.url('postgres');
    const port = await freePort();
    const web = start('src/main.ts', { DATABASE_URL: url, JOBS: 'off', PORT: String(port) });
    await waitUntil('the web process', () => web.output().includes('API:'));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO notifications (channel, template, recipient, subject, body_text, attachments, status)
       VALUES ('email', 'test.worker', 'an@example.vn', 'Thư chờ gửi', 'Nội dung', '[]'::jsonb, 'pending') RETURNING id`,
    );
    await client.end();
    const id = (rows[0] as { id: string }).id;
    // The outbox job runs every 10 s where jobs run: after 12 s in the web process alone, nothing went out.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(await statusOf(url, id)).toBe('pending');
    expect(smtp.messages).toHaveLength(0);

    const worker = start('src/worker.ts', { DATABASE_URL: url });
    const mail = await smtp.waitFor((m) => m.to.includes('an@example.vn'), 60_000);
    expect(mail.raw).toContain('Subject:');
    await waitUntil('the row marked sent', async () => (await statusOf(url, id)) === 'sent', 30_000);
    expect(worker.output()).toContain('worker running');
  });
});
