import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { openConfiguredDatabase, prepareDatabase } from './platform/bootstrap.ts';
import { describeDemoAccounts } from './identity/demo.ts';
import { startJobRunner } from './platform/jobs/runner.ts';
import { createDocumentServices } from './documents/services.ts';
import { seedDemoStore } from './demo/store.ts';
import { platformJobs } from './jobs.ts';

/** `npm start`: migrate, load reference and demo data when empty, serve API and web app. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const prepared = await prepareDatabase(database, config);
  // Demo: the first citizen already holds a signed birth extract (kept in the object store, so not in prepareDatabase).
  const demoStore = config.demoMode ? await seedDemoStore(createDocumentServices(config, database.db, () => new Date())) : null;
  const app = await buildApp({ config, database });
  // JOBS=off: a separate `npm run worker` process runs them, so requests never wait behind a PDF render.
  const jobs =
    config.jobs === 'in-process'
      ? await startJobRunner(database, config.databaseUrl, platformJobs(database, app.notifications, config), app.log)
      : null;

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await jobs?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const lines = [
    '',
    `  Tỉnh số đang chạy tại / is running at ${config.publicUrl}`,
    `  Cơ sở dữ liệu / database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir}/pglite)` : 'PostgreSQL (DATABASE_URL)'}`,
    prepared.unitsLoaded ? '  Đã nạp đơn vị hành chính / administrative units loaded' : '',
    prepared.catalogue.added.length > 0 ? `  Đã nạp ${prepared.catalogue.added.length} thủ tục hành chính / procedures loaded` : '',
    prepared.catalogue.updated.length > 0
      ? `  Cập nhật theo danh mục tham chiếu / updated from the reference catalogue: ${prepared.catalogue.updated.join(', ')}`
      : '',
    prepared.catalogue.keptLocal.length > 0
      ? `  Giữ phiên bản của tỉnh, chưa áp dụng bản tham chiếu mới / province's own version kept, reference update pending: ${prepared.catalogue.keptLocal.join(', ')}`
      : '',
    prepared.demoSeeded ? '  Đã nạp dữ liệu mẫu / demo data loaded' : '',
    demoStore?.isNew ? '  Đã cấp trích lục khai sinh mẫu vào kho dữ liệu / demo birth extract issued into the store' : '',
    `  API: ${config.publicUrl}/docs  ·  ${config.publicUrl}/openapi.json`,
    ...(config.demoMode ? describeDemoAccounts().map((l) => `  ${l}`) : []),
    '',
  ].filter((l) => l !== '');
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Không khởi động được / failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
