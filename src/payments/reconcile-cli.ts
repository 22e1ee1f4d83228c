import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../platform/bootstrap.ts';
import { createConfiguredGateway } from './module.ts';
import { reconcilePendingPayments } from './reconcile.ts';

/**
 * `npm run payments:reconcile -- --older-than-minutes 30`: settles payments still pending after that
 * long by asking the gateway (until the pg-boss schedule runs it). Uses the same configuration as
 * `npm start`. With the embedded database (PGlite) the server must be stopped first, since only one
 * process can open it; and the sandbox gateway answers only while the server runs — so against the
 * sandbox, use PostgreSQL (DATABASE_URL) for both.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'older-than-minutes': { type: 'string', default: '30' } } });
  const minutes = Number(values['older-than-minutes']);
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error('--older-than-minutes must be a number ≥ 0');
  const config = loadConfig();
  const gateway = createConfiguredGateway(config);
  if (!gateway) throw new Error('No payment gateway is configured (PAYMENT_GATEWAY_URL, or demo mode for the sandbox)');
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const summary = await reconcilePendingPayments(database.db, gateway, new Date(Date.now() - minutes * 60_000));
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Đối soát thanh toán thất bại / reconciliation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
