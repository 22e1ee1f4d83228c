import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { openConfiguredDatabase } from './platform/bootstrap.ts';
import { startJobRunner } from './platform/jobs/runner.ts';
import { platformJobs } from './jobs.ts';

/**
 * `npm run worker`: the recurring jobs (notification outbox, deadline alerts, indicator rollups) in a
 * process of their own, beside web processes started with JOBS=off. It builds the same application
 * (so e-mail attachments render exactly as in the web process) but serves no requests. pg-boss keeps
 * each job to one run at a time across every worker and web process, so several may run.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    process.stderr.write(
      'Tiến trình nền cần máy chủ PostgreSQL (DATABASE_URL); với PGlite, `npm start` tự chạy các tác vụ.\n' +
        'The worker needs a PostgreSQL server (DATABASE_URL); on embedded PGlite, `npm start` runs the jobs itself.\n',
    );
    process.exit(2);
  }
  const database = await openConfiguredDatabase(config);
  await database.migrate();
  const app = await buildApp({ config, database });
  const jobs = await startJobRunner(database, config.databaseUrl, platformJobs(database, app.notifications, config), app.log);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'worker shutting down');
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.stdout.write('  Tỉnh số: tiến trình nền đang chạy / worker running (jobs only, no HTTP)\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Không khởi động được / failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
