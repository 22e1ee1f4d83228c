import { Secret, TOTP } from 'otpauth';

/** RFC 6238 parameters every authenticator app understands: SHA-1, 6 digits, 30 s. */
const totpParams = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A new random 160-bit TOTP secret, base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (issuer "Tỉnh số", the username as label). */
export function totpUri(secretBase32: string, username: string): string {
  return new TOTP({ ...totpParams, issuer: 'Tỉnh số', label: username, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** The code for a moment (tests and the demo use it). */
export function totpCode(secretBase32: string, at: Date): string {
  return new TOTP({ ...totpParams, secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: at.getTime() });
}

/** The time step a code belongs to when it is valid at `at` within ±1 step, else null. */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new TOTP({ ...totpParams, secret: Secret.fromBase32(secretBase32) });
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / totpParams.period) + delta;
}

/** Whether an accepted step may be used: a code is good once, and never one older than the last used. */
export function isFreshTotpStep(step: number, lastAcceptedStep: number | null): boolean {
  return lastAcceptedStep === null || step > lastAcceptedStep;
}
