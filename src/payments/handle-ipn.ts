import type { Db } from '../platform/db/client.ts';
import type { CallbackReading, PaymentGateway } from './gateway/gateway.ts';
import { ipnAnswers, type GatewayParams, type IpnAnswer } from './gateway/protocol.ts';
import { findPaymentByOrderRef, isSameAmount, recordNotification, settlePayment } from './settlement.ts';

/** Query parameters as Fastify parses them: a repeated name arrives as a list. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** The parameters when every name appears once; null when any repeats (ambiguous, so never trusted). */
export function singleValued(raw: RawQuery): { params: GatewayParams; isAmbiguous: boolean } {
  const params: GatewayParams = {};
  let isAmbiguous = false;
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) isAmbiguous = true;
    params[k] = Array.isArray(v) ? v.join(',') : v;
  }
  return { params, isAmbiguous };
}

/** The single-valued parameters of a gateway request and their verified reading (null when ambiguous or no gateway). */
export function readGatewayQuery(
  gateway: PaymentGateway | null,
  query: RawQuery,
): { params: GatewayParams; reading: CallbackReading | null } {
  const { params, isAmbiguous } = singleValued(query);
  return { params, reading: gateway && !isAmbiguous ? gateway.readCallback(params) : null };
}

/**
 * IPN — the gateway's server-to-server notification of a transaction's result. Checks, in the
 * gateway's order: signature (97), order (01), amount (04), already settled (02); then settles the
 * payment. Every notification is logged with its outcome; a replay changes nothing and answers 02.
 */
export async function handleIpn(
  deps: { db: Db; gateway: PaymentGateway | null; now: () => Date },
  query: RawQuery,
  meta: { ip: string | null },
): Promise<IpnAnswer> {
  const { db, gateway } = deps;
  const at = deps.now();
  const { params, reading } = readGatewayQuery(gateway, query);
  const base = { at, channel: 'ipn' as const, params, ip: meta.ip };
  if (!reading?.isSignatureValid) {
    const answer = gateway ? ipnAnswers.invalidSignature : ipnAnswers.unknownError;
    await recordNotification(db, {
      ...base,
      orderRef: params['vnp_TxnRef'] ?? null,
      paymentId: null,
      isSignatureValid: false,
      outcome: 'invalid_signature',
      answerCode: answer.RspCode,
    });
    return answer;
  }
  const { result } = reading;
  const payment = await findPaymentByOrderRef(db, result.orderRef);
  const signed = { ...base, orderRef: result.orderRef, isSignatureValid: true };
  if (!payment) {
    await recordNotification(db, { ...signed, paymentId: null, outcome: 'order_not_found', answerCode: ipnAnswers.orderNotFound.RspCode });
    return ipnAnswers.orderNotFound;
  }
  if (!isSameAmount(payment, result)) {
    await recordNotification(db, {
      ...signed,
      paymentId: payment.id,
      outcome: 'invalid_amount',
      answerCode: ipnAnswers.invalidAmount.RspCode,
    });
    return ipnAnswers.invalidAmount;
  }
  return db.transaction(async (tx) => {
    const outcome = await settlePayment(tx, payment.id, result, { via: 'ipn', channel: 'ipn', params }, at);
    const answer = outcome === 'already_settled' ? ipnAnswers.alreadyConfirmed : ipnAnswers.confirmed;
    await recordNotification(tx, {
      ...signed,
      paymentId: payment.id,
      outcome: outcome === 'already_settled' ? 'already_confirmed' : outcome === 'still_pending' ? 'still_pending' : 'confirmed',
      answerCode: answer.RspCode,
    });
    return answer;
  });
}
