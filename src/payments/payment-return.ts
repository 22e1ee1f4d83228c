import { eq } from 'drizzle-orm';
import { dossiers } from '../dossiers/schema.ts';
import type { Db } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { returnPageResult } from './domain/payment-rules.ts';
import type { PaymentGateway } from './gateway/gateway.ts';
import { readGatewayQuery, type RawQuery } from './handle-ipn.ts';
import { findPaymentByOrderRef, recordNotification, settleFromQuery } from './settlement.ts';

/** Where the browser goes after the gateway: the dossier page with the payment's recorded result, or `loi`. */
export interface PaymentReturn {
  dossierCode: string | null;
  result: string;
}

/**
 * The citizen's browser coming back from the gateway. The parameters only say which payment to look
 * at: the result shown is the payment's status in the database, set by the IPN; when the IPN has not
 * arrived yet, the gateway is asked server-to-server (querydr). The return parameters never settle anything.
 */
export async function resolvePaymentReturn(
  deps: { db: Db; gateway: PaymentGateway | null; now: () => Date },
  query: RawQuery,
  meta: { ip: string | null },
): Promise<PaymentReturn> {
  const { db, gateway } = deps;
  const { params, reading } = readGatewayQuery(gateway, query);
  const orderRef = reading?.isSignatureValid ? reading.result.orderRef : (params['vnp_TxnRef'] ?? null);
  const payment = reading?.isSignatureValid ? await findPaymentByOrderRef(db, orderRef) : null;
  await recordNotification(db, {
    at: deps.now(),
    channel: 'return',
    orderRef,
    paymentId: payment?.id ?? null,
    isSignatureValid: reading?.isSignatureValid ?? false,
    outcome: !reading?.isSignatureValid ? 'invalid_signature' : payment ? 'received' : 'order_not_found',
    params,
    ip: meta.ip,
  });
  if (!gateway || !payment) return { dossierCode: null, result: 'loi' };

  let status = payment.status;
  if (status === 'pending') {
    try {
      await settleFromQuery({ db, gateway, now: deps.now }, payment, { expireAbandoned: false });
    } catch (error) {
      // The gateway could not be asked: the page says "processing" and reconciliation settles it later.
      if (!(error instanceof AppError && error.code === 'PAYMENT_GATEWAY_UNAVAILABLE')) throw error;
    }
    status = (await findPaymentByOrderRef(db, payment.orderRef))?.status ?? status;
  }
  const [dossier] = await db.select({ code: dossiers.code }).from(dossiers).where(eq(dossiers.id, payment.dossierId));
  return { dossierCode: dossier?.code ?? null, result: returnPageResult[status] };
}
