import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/client.ts';
import { singleValued, type RawQuery } from '../handle-ipn.ts';
import { withQuery, type GatewayParams } from '../gateway/protocol.ts';
import {
  answerStatusQuery,
  checkPayRequest,
  notifyMerchant,
  openTransaction,
  payRequestErrors,
  resultParams,
  sandboxBanks,
  sandboxDecisions,
  settleTransaction,
  type SandboxDecision,
  type PayRequest,
  type PayRequestError,
  type SandboxMerchant,
} from './ledger.ts';
import { renderGatewayError, renderPaymentPage } from './pages.ts';

export interface SandboxGatewayOptions {
  database: Database;
  merchants: SandboxMerchant[];
  now: () => Date;
}

const decisionForm = z.object({
  decision: z.enum(Object.keys(sandboxDecisions) as [SandboxDecision, ...SandboxDecision[]]),
  bankCode: z.enum(sandboxBanks.map((b) => b.code) as [string, ...string[]]).default('NCB'),
  dropIpn: z.literal('1').optional(),
});
const queryBody = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

/**
 * Cổng thanh toán thử nghiệm — the sandbox payment gateway (demo mode only), mounted at
 * /sandbox/payment-gateway: the hosted pay page (GET/POST /pay) and the status query API
 * (POST /api/transaction). It is a separate party: it reaches the platform only through the
 * merchant's IPN URL and the browser's return URL, like a real gateway.
 */
export async function sandboxPaymentGateway(app: FastifyInstance, opts: SandboxGatewayOptions): Promise<void> {
  const { db } = opts.database;
  const merchants = new Map(opts.merchants.map((m) => [m.code, m]));
  await app.register(formbody, { bodyLimit: 20_000 });

  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  const refuse = (reply: FastifyReply, error: PayRequestError | 'duplicateOrder', returnUrl?: string) =>
    page(reply, 400, renderGatewayError(payRequestErrors[error], returnUrl));
  const backToMerchant = (reply: FastifyReply, request: PayRequest, params: GatewayParams) =>
    reply.header('cache-control', 'no-store').redirect(withQuery(request.returnUrl, params), 303);

  app.get('/pay', { schema: { hide: true } }, async (request, reply) => {
    const { params, isAmbiguous } = singleValued(request.query as RawQuery);
    if (isAmbiguous) return refuse(reply, 'invalidFormat');
    const checked = checkPayRequest(merchants, params, opts.now());
    if (!checked.ok) return refuse(reply, checked.error);
    const opened = await openTransaction(db, checked.request);
    if (!opened.ok) return refuse(reply, opened.error, checked.request.returnUrl);
    // Already paid or cancelled (back button, second tab): send the browser back with the recorded result.
    if (opened.transaction.status !== 'pending')
      return backToMerchant(reply, checked.request, resultParams(checked.request.merchant, opened.transaction));
    return page(
      reply,
      200,
      renderPaymentPage({ params, merchantCode: checked.request.merchant.code, amountVnd: checked.request.amountMinor / 100 }),
    );
  });

  app.post('/pay', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as RawQuery;
    const { params: all, isAmbiguous } = singleValued(body);
    const gatewayParams = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('vnp_')));
    // The pay request travels back in hidden fields and is checked again: the form cannot be altered.
    const checked = isAmbiguous ? null : checkPayRequest(merchants, gatewayParams, opts.now());
    if (!checked) return refuse(reply, 'invalidFormat');
    if (!checked.ok) return refuse(reply, checked.error);
    const form = decisionForm.safeParse(all);
    if (!form.success) return refuse(reply, 'invalidFormat', checked.request.returnUrl);
    const opened = await openTransaction(db, checked.request);
    if (!opened.ok) return refuse(reply, opened.error, checked.request.returnUrl);
    const settled = await settleTransaction(db, checked.request, { choice: form.data.decision, bankCode: form.data.bankCode }, opts.now());
    if (!settled) return refuse(reply, 'invalidFormat', checked.request.returnUrl);
    const { merchant } = checked.request;
    // The merchant hears of the result server-to-server first, then the browser goes back.
    if (settled.isNew) await notifyMerchant(db, merchant, settled.transaction, { isDropped: form.data.dropIpn === '1' });
    return backToMerchant(reply, checked.request, resultParams(merchant, settled.transaction));
  });

  app.post('/api/transaction', { schema: { hide: true } }, async (request, reply) => {
    const body = queryBody.safeParse(request.body);
    if (!body.success) return reply.status(400).send({ vnp_ResponseCode: '03', vnp_Message: 'Invalid request' });
    return answerStatusQuery(db, merchants, body.data);
  });
}
