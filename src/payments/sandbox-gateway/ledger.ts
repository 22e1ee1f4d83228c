import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { parseAmountMinor } from '../gateway/gateway.ts';
import {
  formatGatewayTime,
  hasValidSignature,
  parseGatewayTime,
  protocolVersion,
  querydrRequestFields,
  querydrResponseCodes,
  querydrResponseFields,
  signParams,
  signPipeFields,
  isSameDigest,
  transactionStatuses,
  withQuery,
  type GatewayParams,
} from '../gateway/protocol.ts';
import { sandboxGatewayTransactions, type SandboxGatewayTransactionRow } from './schema.ts';

/**
 * The sandbox gateway's side of the protocol: it checks pay requests as a real gateway would, keeps
 * its ledger, settles a transaction when the tester pays or cancels, notifies the merchant (IPN) and
 * answers status queries. Demo and tests only.
 */

/** A merchant registered with the sandbox: its code, hash secret and IPN URL. */
export interface SandboxMerchant {
  code: string;
  secret: string;
  ipnUrl: string;
}

/** Banks offered on the sandbox page (codes as gateways name them; NCB is the usual test bank). */
export const sandboxBanks = [
  { code: 'NCB', name: 'Ngân hàng TMCP Quốc Dân (NCB)' },
  { code: 'VIETCOMBANK', name: 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)' },
  { code: 'VIETINBANK', name: 'Ngân hàng TMCP Công thương Việt Nam (VietinBank)' },
  { code: 'BIDV', name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)' },
  { code: 'AGRIBANK', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank)' },
] as const;

/** Why a pay request is refused, with the message the sandbox page shows. */
export const payRequestErrors = {
  unknownMerchant: { vi: 'Website chưa được đăng ký với cổng thanh toán.', en: 'The merchant is not registered with the gateway.' },
  invalidSignature: { vi: 'Sai chữ ký: dữ liệu thanh toán đã bị thay đổi.', en: 'Invalid signature: the payment data was altered.' },
  invalidFormat: { vi: 'Dữ liệu gửi sang không đúng định dạng.', en: 'The payment request is malformed.' },
  expired: { vi: 'Giao dịch đã quá thời gian chờ thanh toán.', en: 'The payment request has expired.' },
  duplicateOrder: {
    vi: 'Mã giao dịch đã tồn tại với nội dung khác.',
    en: 'This order reference already exists with different content.',
  },
} as const;
export type PayRequestError = keyof typeof payRequestErrors;

/** A pay request the sandbox accepted. */
export interface PayRequest {
  merchant: SandboxMerchant;
  params: GatewayParams;
  txnRef: string;
  amountMinor: number;
  orderInfo: string;
  returnUrl: string;
  createDate: string;
}

/** Checks a pay request's merchant, signature, fields and deadline, as the gateway does before showing its page. */
export function checkPayRequest(
  merchants: ReadonlyMap<string, SandboxMerchant>,
  params: GatewayParams,
  now: Date,
): { ok: true; request: PayRequest } | { ok: false; error: PayRequestError } {
  const merchant = merchants.get(params['vnp_TmnCode'] ?? '');
  if (!merchant) return { ok: false, error: 'unknownMerchant' };
  if (!hasValidSignature(params, merchant.secret)) return { ok: false, error: 'invalidSignature' };
  const amountMinor = parseAmountMinor(params['vnp_Amount']);
  const txnRef = params['vnp_TxnRef'] ?? '';
  const returnUrl = params['vnp_ReturnUrl'] ?? '';
  const createDate = params['vnp_CreateDate'] ?? '';
  const expireAt = parseGatewayTime(params['vnp_ExpireDate']);
  const isWellFormed =
    params['vnp_Version'] === protocolVersion &&
    params['vnp_Command'] === 'pay' &&
    params['vnp_CurrCode'] === 'VND' &&
    amountMinor !== null &&
    amountMinor > 0 &&
    amountMinor % 100 === 0 &&
    /^[A-Za-z0-9_-]{1,100}$/.test(txnRef) &&
    !!params['vnp_OrderInfo'] &&
    /^https?:\/\//.test(returnUrl) &&
    parseGatewayTime(createDate) !== null &&
    expireAt !== null;
  if (!isWellFormed) return { ok: false, error: 'invalidFormat' };
  if (now.getTime() > expireAt.getTime()) return { ok: false, error: 'expired' };
  return { ok: true, request: { merchant, params, txnRef, amountMinor, orderInfo: params['vnp_OrderInfo'] ?? '', returnUrl, createDate } };
}

/** Opens (or finds again) the ledger entry of a pay request; a reused reference with other content is refused. */
export async function openTransaction(
  db: Db,
  request: PayRequest,
): Promise<{ ok: true; transaction: SandboxGatewayTransactionRow } | { ok: false; error: 'duplicateOrder' }> {
  await db
    .insert(sandboxGatewayTransactions)
    .values({
      merchantCode: request.merchant.code,
      txnRef: request.txnRef,
      amountMinor: request.amountMinor,
      orderInfo: request.orderInfo,
      createDate: request.createDate,
      status: 'pending',
    })
    .onConflictDoNothing();
  const transaction = await findTransaction(db, request.merchant.code, request.txnRef);
  if (!transaction || transaction.amountMinor !== request.amountMinor || transaction.createDate !== request.createDate)
    return { ok: false, error: 'duplicateOrder' };
  return { ok: true, transaction };
}

async function findTransaction(db: Db, merchantCode: string, txnRef: string): Promise<SandboxGatewayTransactionRow | null> {
  const [row] = await db
    .select()
    .from(sandboxGatewayTransactions)
    .where(and(eq(sandboxGatewayTransactions.merchantCode, merchantCode), eq(sandboxGatewayTransactions.txnRef, txnRef)));
  return row ?? null;
}

/** The signed result parameters of a settled transaction (sent by IPN and on the return URL). */
export function resultParams(merchant: SandboxMerchant, t: SandboxGatewayTransactionRow): GatewayParams {
  const isPaid = t.status === 'paid';
  return signParams(
    {
      vnp_Amount: String(t.amountMinor),
      vnp_BankCode: t.bankCode ?? '',
      vnp_BankTranNo: isPaid ? `SB${t.transactionNo ?? ''}` : '',
      vnp_CardType: isPaid ? 'ATM' : '',
      vnp_OrderInfo: t.orderInfo,
      vnp_PayDate: t.payDate ?? '',
      vnp_ResponseCode: t.responseCode ?? '99',
      vnp_TmnCode: t.merchantCode,
      vnp_TransactionNo: t.transactionNo ?? '0',
      vnp_TransactionStatus: isPaid ? transactionStatuses.success : transactionStatuses.failed,
      vnp_TxnRef: t.txnRef,
    },
    merchant.secret,
  );
}

/** What the tester chose on the page, and the response code the gateway reports for it. */
export const sandboxDecisions = {
  pay: { status: 'paid', responseCode: '00' },
  cancel: { status: 'cancelled', responseCode: '24' },
  /** Simulates a bank refusal: insufficient funds. */
  fail: { status: 'failed', responseCode: '51' },
} as const;
export type SandboxDecision = keyof typeof sandboxDecisions;

/**
 * The tester's decision: pay (response 00, a new transaction number), cancel (24) or a bank refusal
 * (51). Only a pending transaction is settled; answers the transaction as it now stands either way.
 */
export async function settleTransaction(
  db: Db,
  request: PayRequest,
  decision: { choice: SandboxDecision; bankCode: string },
  now: Date,
): Promise<{ transaction: SandboxGatewayTransactionRow; isNew: boolean } | null> {
  const { status, responseCode } = sandboxDecisions[decision.choice];
  const [settled] = await db
    .update(sandboxGatewayTransactions)
    .set({
      status,
      responseCode,
      transactionNo: status === 'paid' ? String(randomInt(10_000_000, 100_000_000)) : '0',
      bankCode: decision.bankCode,
      payDate: formatGatewayTime(now),
    })
    .where(
      and(
        eq(sandboxGatewayTransactions.merchantCode, request.merchant.code),
        eq(sandboxGatewayTransactions.txnRef, request.txnRef),
        eq(sandboxGatewayTransactions.status, 'pending'),
      ),
    )
    .returning();
  if (settled) return { transaction: settled, isNew: true };
  const existing = await findTransaction(db, request.merchant.code, request.txnRef);
  return existing ? { transaction: existing, isNew: false } : null;
}

/** Calls the merchant's IPN URL server-to-server with the signed result; records what it answered. */
export async function notifyMerchant(
  db: Db,
  merchant: SandboxMerchant,
  transaction: SandboxGatewayTransactionRow,
  options: { isDropped: boolean },
): Promise<Record<string, unknown>> {
  let ipnResult: Record<string, unknown>;
  if (options.isDropped) {
    ipnResult = { dropped: true };
  } else {
    try {
      const res = await fetch(withQuery(merchant.ipnUrl, resultParams(merchant, transaction)), { signal: AbortSignal.timeout(10_000) });
      ipnResult = { status: res.status, answer: (await res.json()) as unknown };
    } catch (error) {
      ipnResult = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  await db
    .update(sandboxGatewayTransactions)
    .set({ ipnResult })
    .where(and(eq(sandboxGatewayTransactions.merchantCode, merchant.code), eq(sandboxGatewayTransactions.txnRef, transaction.txnRef)));
  return ipnResult;
}

/** Answers a status query (querydr) with the ledger's state, signed; 97 on a bad checksum, 91 when unknown. */
export async function answerStatusQuery(
  db: Db,
  merchants: ReadonlyMap<string, SandboxMerchant>,
  body: Record<string, string>,
): Promise<Record<string, string>> {
  const merchant = merchants.get(body['vnp_TmnCode'] ?? '');
  const reply = (fields: Record<string, string>, secret: string): Record<string, string> => {
    const answer = { vnp_ResponseId: randomUUID().replace(/-/g, ''), vnp_Command: 'querydr', ...fields };
    return { ...answer, vnp_SecureHash: signPipeFields(answer, querydrResponseFields, secret) };
  };
  const expected = merchant ? signPipeFields(body, querydrRequestFields, merchant.secret) : '';
  if (!merchant || body['vnp_Command'] !== 'querydr' || !isSameDigest(expected, body['vnp_SecureHash'] ?? ''))
    return reply({ vnp_ResponseCode: querydrResponseCodes.invalidChecksum, vnp_Message: 'Invalid Checksum' }, merchant?.secret ?? '');
  const base = { vnp_TmnCode: merchant.code, vnp_TxnRef: body['vnp_TxnRef'] ?? '' };
  const t = await findTransaction(db, merchant.code, body['vnp_TxnRef'] ?? '');
  if (!t || t.createDate !== body['vnp_TransactionDate'])
    return reply({ ...base, vnp_ResponseCode: querydrResponseCodes.notFound, vnp_Message: 'Transaction not found' }, merchant.secret);
  const statusCodes = {
    pending: transactionStatuses.unfinished,
    paid: transactionStatuses.success,
    cancelled: transactionStatuses.failed,
    failed: transactionStatuses.failed,
  } as const;
  const status = statusCodes[t.status];
  return reply(
    {
      ...base,
      vnp_ResponseCode: querydrResponseCodes.answered,
      vnp_Message: 'QueryDR Success',
      vnp_Amount: String(t.amountMinor),
      vnp_BankCode: t.bankCode ?? '',
      vnp_PayDate: t.payDate ?? '',
      vnp_TransactionNo: t.transactionNo ?? '',
      vnp_TransactionType: '01',
      vnp_TransactionStatus: status,
      vnp_OrderInfo: t.orderInfo,
      vnp_PromotionCode: '',
      vnp_PromotionAmount: '',
    },
    merchant.secret,
  );
}
