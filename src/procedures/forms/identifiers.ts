/**
 * Vietnamese identifiers checked on both the server and the browser: citizen ID (CCCD), tax code,
 * phone number. Pure functions, no I/O.
 */

// The citizen ID lives with identity; forms check it with the same rules the sign-in uses.
export { cccdProvinceCodes, isValidCccd } from '../../identity/domain/cccd.ts';

const taxCodeWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit (10th) of a 10-digit tax code from its first nine digits; null when none exists. */
export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (taxCodeWeights[i] as number);
  const check = 10 - (sum % 11);
  // 10 is not a digit: the tax authority never issues such a prefix.
  return check === 10 ? null : check;
}

/**
 * Mã số thuế — true for a 10-digit code with a correct mod-11 check digit, or a 13-digit branch code
 * written as 10 digits + "-" + 3 digits or as 13 digits (Circular 105/2020/TT-BTC, art. 5).
 */
export function isValidTaxCode(value: string): boolean {
  const m = /^(\d{10})(?:-?(\d{3}))?$/.exec(value);
  if (!m) return false;
  const base = m[1] as string;
  if (m[2] === '000') return false;
  return taxCodeCheckDigit(base.slice(0, 9)) === Number(base[9]);
}

/** Strips spaces, dots and dashes and turns +84/84 into a leading 0. */
export function normalisePhone(value: string): string {
  const compact = value.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  if (/^84\d{9,10}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/**
 * True for a Vietnamese mobile number (10 digits: 03x, 05x, 07x, 08x, 09x) or landline (11 digits
 * starting 02: area code + subscriber), with or without +84, spaces, dots or dashes.
 */
export function isValidVietnamesePhone(value: string): boolean {
  const n = normalisePhone(value);
  return /^0[35789]\d{8}$/.test(n) || /^02\d{9}$/.test(n);
}
