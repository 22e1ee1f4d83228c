import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import {
  formatGatewayTime,
  hasValidSignature,
  isSameDigest,
  parseGatewayTime,
  protocolVersion,
  querydrRequestFields,
  querydrResponseCodes,
  querydrResponseFields,
  signParams,
  signPipeFields,
  transactionStatuses,
  withQuery,
  type GatewayParams,
} from './protocol.ts';

/** An order the platform sends the citizen to pay. */
export interface PayOrder {
  orderRef: string;
  amountVnd: number;
  /** Plain ASCII text the gateway shows and keeps (no diacritics, as gateways require). */
  orderInfo: string;
  returnUrl: string;
  createdAt: Date;
  expiresAt: Date;
  clientIp: string;
  locale: 'vn' | 'en';
}

/** How a transaction ended, as the gateway reports it. */
export type GatewayOutcome = 'paid' | 'cancelled' | 'failed' | 'pending';

/** A transaction result the gateway signed (IPN, return URL or query answer). */
export interface GatewayResult {
  merchantCode: string;
  orderRef: string;
  /** vnp_Amount: VND × 100, as sent; null when it is not a whole number. */
  amountMinor: number | null;
  /** vnp_ResponseCode of the payment; null in query answers, which report only the status. */
  responseCode: string | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: Date | null;
  outcome: GatewayOutcome;
}

export type CallbackReading = { isSignatureValid: false; orderRef: string | null } | { isSignatureValid: true; result: GatewayResult };

/** A status query's answer, with the gateway's raw fields kept for the record. */
export type QueryAnswer = { isFound: false; raw: GatewayParams } | { isFound: true; result: GatewayResult; raw: GatewayParams };

/** The port every gateway adapter implements; the application layer knows nothing else about gateways. */
export interface PaymentGateway {
  readonly merchantCode: string;
  /** The URL to send the citizen's browser to. */
  buildPayUrl(order: PayOrder): string;
  /** Verifies and reads the signed parameters of an IPN or of the return URL. */
  readCallback(params: GatewayParams): CallbackReading;
  /** Asks the gateway server-to-server how a transaction stands (querydr). */
  queryTransaction(order: { orderRef: string; createdAt: Date }, now: Date): Promise<QueryAnswer>;
}

/**
 * How a transaction ended: status 01 is still pending; response 00 (or no response code, in a query
 * answer) with status 00 or none is paid; response 24 is cancelled by the citizen; anything else failed.
 */
export function outcomeOf(responseCode: string | null, transactionStatus: string | null): GatewayOutcome {
  if (transactionStatus === transactionStatuses.unfinished) return 'pending';
  if (responseCode === '24') return 'cancelled';
  const isSuccessResponse = responseCode === '00' || (responseCode === null && transactionStatus === transactionStatuses.success);
  if (isSuccessResponse && (transactionStatus === null || transactionStatus === transactionStatuses.success)) return 'paid';
  return 'failed';
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

/** The amount field (VND × 100) as a number, or null when it is not a plain whole number. */
export function parseAmountMinor(value: string | undefined): number | null {
  if (!value || !/^\d{1,17}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

function resultOf(p: Partial<Record<string, string>>, responseCode: string | null, transactionStatus: string | null): GatewayResult {
  return {
    merchantCode: p['vnp_TmnCode'] ?? '',
    orderRef: p['vnp_TxnRef'] ?? '',
    amountMinor: parseAmountMinor(p['vnp_Amount']),
    responseCode,
    transactionStatus,
    transactionNo: nonEmpty(p['vnp_TransactionNo']),
    bankCode: nonEmpty(p['vnp_BankCode']),
    payDate: parseGatewayTime(p['vnp_PayDate']),
    outcome: outcomeOf(responseCode, transactionStatus),
  };
}

const querydrAnswer = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));

export interface SignedRedirectGatewaySettings {
  payUrl: string;
  queryUrl: string;
  merchantCode: string;
  secret: string;
  /** Address the platform reports in queries (vnp_IpAddr). */
  serverIp?: string;
  timeoutMs?: number;
}

/**
 * The adapter for signed-redirect gateways speaking the VNPay 2.1.0 parameter set: the sandbox
 * gateway in demo mode, a real gateway when PAYMENT_GATEWAY_URL and friends are configured.
 */
export class SignedRedirectGateway implements PaymentGateway {
  readonly merchantCode: string;
  readonly #settings: SignedRedirectGatewaySettings;

  constructor(settings: SignedRedirectGatewaySettings) {
    this.#settings = settings;
    this.merchantCode = settings.merchantCode;
  }

  buildPayUrl(order: PayOrder): string {
    const params: GatewayParams = {
      vnp_Version: protocolVersion,
      vnp_Command: 'pay',
      vnp_TmnCode: this.merchantCode,
      vnp_Amount: String(order.amountVnd * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.orderRef,
      vnp_OrderInfo: order.orderInfo,
      // "other" is the gateway's category for bills and fees that fit no commercial category.
      vnp_OrderType: 'other',
      vnp_Locale: order.locale,
      vnp_ReturnUrl: order.returnUrl,
      vnp_IpAddr: order.clientIp,
      vnp_CreateDate: formatGatewayTime(order.createdAt),
      vnp_ExpireDate: formatGatewayTime(order.expiresAt),
    };
    return withQuery(this.#settings.payUrl, signParams(params, this.#settings.secret));
  }

  readCallback(params: GatewayParams): CallbackReading {
    const orderRef = nonEmpty(params['vnp_TxnRef']);
    if (!hasValidSignature(params, this.#settings.secret) || params['vnp_TmnCode'] !== this.merchantCode)
      return { isSignatureValid: false, orderRef };
    return {
      isSignatureValid: true,
      result: resultOf(params, params['vnp_ResponseCode'] ?? '99', nonEmpty(params['vnp_TransactionStatus'])),
    };
  }

  async queryTransaction(order: { orderRef: string; createdAt: Date }, now: Date): Promise<QueryAnswer> {
    const body: GatewayParams = {
      vnp_RequestId: randomUUID().replace(/-/g, ''),
      vnp_Version: protocolVersion,
      vnp_Command: 'querydr',
      vnp_TmnCode: this.merchantCode,
      vnp_TxnRef: order.orderRef,
      vnp_TransactionDate: formatGatewayTime(order.createdAt),
      vnp_CreateDate: formatGatewayTime(now),
      vnp_IpAddr: this.#settings.serverIp ?? '127.0.0.1',
      vnp_OrderInfo: `Truy van giao dich ${order.orderRef}`,
    };
    body['vnp_SecureHash'] = signPipeFields(body, querydrRequestFields, this.#settings.secret);
    let answer: Record<string, string>;
    try {
      const res = await fetch(this.#settings.queryUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#settings.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      answer = querydrAnswer.parse(await res.json());
    } catch (error) {
      throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { step: 'querydr' }, { cause: error });
    }
    const expected = signPipeFields(answer, querydrResponseFields, this.#settings.secret);
    if (!isSameDigest(expected, answer['vnp_SecureHash'] ?? '') || answer['vnp_TxnRef'] !== order.orderRef)
      throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { step: 'querydr', reason: 'invalid signature in the answer' });
    const code = answer['vnp_ResponseCode'];
    if (code === querydrResponseCodes.notFound) return { isFound: false, raw: answer };
    if (code !== querydrResponseCodes.answered)
      throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { step: 'querydr', responseCode: code ?? null });
    // The answer's response code says the query worked; the transaction's own result is its status.
    return { isFound: true, result: resultOf(answer, null, nonEmpty(answer['vnp_TransactionStatus'])), raw: answer };
  }
}
