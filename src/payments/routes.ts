import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { citizenOf, principalOf, requireCitizen, requireSignedIn } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { Database } from '../platform/db/client.ts';
import { requestLanguage } from '../platform/http/errors.ts';
import type { PaymentGateway } from './gateway/gateway.ts';
import { handleIpn, type RawQuery } from './handle-ipn.ts';
import { listDossierPayments } from './queries.ts';
import { readPaymentReceipt } from './receipt.ts';
import {
  dossierCodeParams,
  dossierPaymentsResponse,
  ipnQuery,
  ipnResponse,
  paymentIdParams,
  startPaymentResponse,
} from './routes.schema.ts';
import { startPayment } from './start-payment.ts';

export interface PaymentRoutesOptions {
  database: Database;
  gateway: PaymentGateway | null;
  publicUrl: string;
  isSandbox: boolean;
  now: () => Date;
}

/** Online fee payment under /api/v1: start, list, the gateway's IPN, and the e-receipt. */
export async function paymentRoutes(app: FastifyInstance, opts: PaymentRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;
  const deps = { db, gateway: opts.gateway, publicUrl: opts.publicUrl, now: opts.now };

  r.post(
    '/dossiers/:code/payments',
    {
      preHandler: requireCitizen,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['payments'],
        summary: 'Start paying the dossier’s outstanding fees online (its applicant only); answers the gateway URL',
        params: dossierCodeParams,
        response: { 201: startPaymentResponse },
      },
    },
    async (request, reply) => {
      const started = await startPayment(deps, citizenOf(request), request.params.code, {
        clientIp: request.ip,
        locale: requestLanguage(request) === 'en' ? 'en' : 'vn',
        actor: actorOf(request),
      });
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ ...started, expiresAt: started.expiresAt.toISOString() });
    },
  );

  r.get(
    '/dossiers/:code/payments',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['payments'],
        summary: 'The payments of the citizen’s own dossier and what is still owed',
        params: dossierCodeParams,
        response: { 200: dossierPaymentsResponse },
      },
    },
    async (request, reply) => {
      const list = await listDossierPayments(db, citizenOf(request), request.params.code);
      reply.header('cache-control', 'no-store');
      return {
        ...list,
        items: list.items.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), paidAt: p.paidAt?.toISOString() ?? null })),
      };
    },
  );

  r.get(
    '/payments/ipn',
    {
      // Generous for the gateway's servers, but a flood of forged notifications cannot fill the log.
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: {
        tags: ['payments'],
        summary: 'IPN: the gateway’s server-to-server notification (signed vnp_* parameters); answers {RspCode, Message}',
        querystring: ipnQuery,
        response: { 200: ipnResponse },
      },
    },
    async (request) => {
      const answer = await handleIpn(deps, request.query as RawQuery, { ip: request.ip });
      if (answer.RspCode !== '00') request.log.warn({ answer, orderRef: request.query['vnp_TxnRef'] ?? null }, 'payment IPN refused');
      return answer;
    },
  );

  r.get(
    '/payments/:id/receipt.pdf',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['payments'],
        summary: 'Biên lai điện tử: the e-receipt of a paid payment (applicant, or an officer of the dossier’s agencies)',
        params: paymentIdParams,
      },
    },
    async (request, reply) => {
      const receipt = await readPaymentReceipt(db, principalOf(request), request.params.id, {
        publicUrl: opts.publicUrl,
        isSandbox: opts.isSandbox,
        requestId: request.id,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${receipt.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(receipt.bytes));
    },
  );
}
