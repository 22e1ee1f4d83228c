import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sandboxPaymentGatewayPath, type AppConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { resolvePlatformSecret } from '../platform/secrets.ts';
import { SignedRedirectGateway, type PaymentGateway } from './gateway/gateway.ts';
import type { RawQuery } from './handle-ipn.ts';
import { resolvePaymentReturn } from './payment-return.ts';
import { paymentRoutes } from './routes.ts';
import { sandboxPaymentGateway } from './sandbox-gateway/routes.ts';
import { paymentReturnPath } from './start-payment.ts';

export interface PaymentsModuleOptions {
  config: AppConfig;
  database: Database;
  now: () => Date;
}

/** The merchant secret: configured, or for the sandbox derived from the platform secret (never a known constant). */
export function merchantSecret(config: AppConfig): string | null {
  if (!config.payment) return null;
  if (config.payment.secret) return config.payment.secret;
  if (!config.payment.isSandbox) return null;
  return createHmac('sha256', resolvePlatformSecret(config)).update('sandbox-payment-gateway').digest('base64url');
}

/** The configured gateway adapter, or null when payments are not configured. */
export function createConfiguredGateway(config: AppConfig): PaymentGateway | null {
  const secret = merchantSecret(config);
  if (!config.payment || !secret) return null;
  return new SignedRedirectGateway({ ...config.payment, secret });
}

/** Online payment: the API, the gateway's return URL and, in demo mode, the sandbox gateway. */
export async function paymentsModule(app: FastifyInstance, opts: PaymentsModuleOptions): Promise<void> {
  const { config, database, now } = opts;
  const gateway = createConfiguredGateway(config);
  const isSandbox = config.payment?.isSandbox ?? false;
  await app.register(paymentRoutes, { prefix: '/api/v1', database, gateway, publicUrl: config.publicUrl, isSandbox, now });

  // The browser back from the gateway: look at the payment (never trusting the parameters) and go to the dossier page.
  app.get(
    paymentReturnPath,
    { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const back = await resolvePaymentReturn({ db: database.db, gateway, now }, request.query as RawQuery, { ip: request.ip });
      const target = back.dossierCode
        ? `/ho-so/${encodeURIComponent(back.dossierCode)}?thanh-toan=${back.result}`
        : `/ho-so-cua-toi?thanh-toan=${back.result}`;
      return reply.header('cache-control', 'no-store').redirect(target, 303);
    },
  );

  const secret = merchantSecret(config);
  if (config.demoMode && config.payment?.isSandbox && secret) {
    await app.register(sandboxPaymentGateway, {
      prefix: sandboxPaymentGatewayPath,
      database,
      merchants: [{ code: config.payment.merchantCode, secret, ipnUrl: `${config.publicUrl}/api/v1/payments/ipn` }],
      now,
    });
  }
}
