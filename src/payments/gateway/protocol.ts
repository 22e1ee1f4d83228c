import { createHmac } from 'node:crypto';
import { constantTimeEquals } from '../../identity/tokens.ts';

/**
 * The signed-redirect + IPN protocol of the payment gateways Vietnamese public portals use, with the
 * parameter set of VNPay's public integration guide (version 2.1.0): the merchant sends the browser to
 * the gateway's pay URL with `vnp_*` parameters and `vnp_SecureHash` = hex HMAC-SHA512, under the
 * merchant's secret, of the parameters sorted by name and URL-encoded (`a=1&b=x+y`); the gateway
 * answers the same way on the return URL and in a server-to-server notification (IPN). Status queries
 * ("querydr") are JSON whose hash covers fixed fields joined by `|`. Both the platform's adapter and
 * the sandbox gateway use these functions.
 */

export const protocolVersion = '2.1.0';
export const secureHashParam = 'vnp_SecureHash';
const unsignedParams = new Set([secureHashParam, 'vnp_SecureHashType']);

export type GatewayParams = Record<string, string>;

/** application/x-www-form-urlencoded encoding of one value (space as `+`), as the gateway hashes it. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The string that is signed: every `vnp_` parameter but the hash, sorted by name, URL-encoded (`key=` when empty). */
export function canonicalQuery(params: GatewayParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && !unsignedParams.has(k))
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(params[k] ?? '')}`)
    .join('&');
}

/** Hex HMAC-SHA512 of a string under the merchant secret. */
export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time, ignoring case. */
export function isSameDigest(expected: string, received: string): boolean {
  return constantTimeEquals(expected.toLowerCase(), received.toLowerCase());
}

/** The parameters with their secure hash added. */
export function signParams(params: GatewayParams, secret: string): GatewayParams {
  return { ...params, [secureHashParam]: hmacSha512(secret, canonicalQuery(params)) };
}

/** Whether the parameters carry a valid secure hash under the secret. */
export function hasValidSignature(params: GatewayParams, secret: string): boolean {
  const received = params[secureHashParam];
  if (!received || !/^[0-9a-fA-F]{128}$/.test(received)) return false;
  return isSameDigest(hmacSha512(secret, canonicalQuery(params)), received);
}

/** A URL with the parameters as its query, encoded as the gateway expects. */
export function withQuery(base: string, params: GatewayParams): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(params[k] ?? '')}`)
    .join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/** A moment as the gateway writes it: yyyyMMddHHmmss in Vietnam time (UTC+7). */
export function formatGatewayTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Reads yyyyMMddHHmmss (Vietnam time) back to an instant, or null when it is not a real time. */
export function parseGatewayTime(text: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || formatGatewayTime(at) !== text ? null : at;
}

/** Mã phản hồi (vnp_ResponseCode) of a payment, as the gateway reports it. */
export const paymentResponseCodes = {
  '00': { vi: 'Giao dịch thành công', en: 'Successful' },
  '07': { vi: 'Trừ tiền thành công, giao dịch bị nghi ngờ', en: 'Debited, transaction flagged as suspicious' },
  '09': { vi: 'Thẻ/tài khoản chưa đăng ký Internet Banking', en: 'Card/account not registered for internet banking' },
  '10': { vi: 'Xác thực thông tin thẻ/tài khoản sai quá 3 lần', en: 'Card/account verification failed more than 3 times' },
  '11': { vi: 'Hết hạn chờ thanh toán', en: 'Payment timed out' },
  '12': { vi: 'Thẻ/tài khoản bị khóa', en: 'Card/account locked' },
  '13': { vi: 'Nhập sai mật khẩu xác thực giao dịch (OTP)', en: 'Wrong one-time password' },
  '24': { vi: 'Khách hàng hủy giao dịch', en: 'Cancelled by the customer' },
  '51': { vi: 'Tài khoản không đủ số dư', en: 'Insufficient funds' },
  '65': { vi: 'Tài khoản vượt quá hạn mức giao dịch trong ngày', en: 'Daily limit exceeded' },
  '75': { vi: 'Ngân hàng thanh toán đang bảo trì', en: 'The bank is under maintenance' },
  '79': { vi: 'Nhập sai mật khẩu thanh toán quá số lần quy định', en: 'Wrong payment password too many times' },
  '99': { vi: 'Lỗi khác', en: 'Other error' },
} as const;
export type PaymentResponseCode = keyof typeof paymentResponseCodes;

/** Trạng thái giao dịch (vnp_TransactionStatus): 00 success, 01 not finished, 02 failed. */
export const transactionStatuses = { success: '00', unfinished: '01', failed: '02' } as const;

/** The merchant's answer to an IPN, in the gateway's format. */
export interface IpnAnswer {
  RspCode: '00' | '01' | '02' | '04' | '97' | '99';
  Message: string;
}

export const ipnAnswers = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'Invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknown error' },
} as const satisfies Record<string, IpnAnswer>;

/** Fields of a querydr request, in the order their hash covers them. */
export const querydrRequestFields = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

/** Fields of a querydr response, in the order their hash covers them. */
export const querydrResponseFields = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

/** Hex HMAC-SHA512 over the named fields joined by `|` (absent fields count as empty). */
export function signPipeFields(body: Partial<Record<string, string>>, fields: readonly string[], secret: string): string {
  return hmacSha512(secret, fields.map((f) => body[f] ?? '').join('|'));
}

/** Mã phản hồi of querydr: 00 answered, 91 transaction not found, 94 duplicate request, 97 invalid checksum. */
export const querydrResponseCodes = {
  answered: '00',
  notFound: '91',
  duplicateRequest: '94',
  invalidChecksum: '97',
  other: '99',
} as const;
