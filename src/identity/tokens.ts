import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets derived from the one platform secret: session tokens (stored only as SHA-256), CSRF tokens
 * (HMAC-bound), and sealed values (AES-256-GCM) for TOTP secrets and the OIDC state cookie.
 */

/** A fresh random 32-byte token, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a session token, the only form the database keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'tinhso', purpose, 32));
}

/** Compares two strings without leaking where they differ. */
export function constantTimeEquals(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** CSRF tokens: a random nonce and its HMAC under the platform secret (double-submit cookie). */
export class CsrfTokens {
  readonly #key: Buffer;
  constructor(secret: string) {
    this.#key = deriveKey(secret, 'csrf');
  }

  issue(): string {
    const nonce = randomToken(18);
    return `${nonce}.${this.#mac(nonce)}`;
  }

  /** Whether the token was issued by this platform (any instance sharing the secret). */
  isGenuine(token: string | undefined): boolean {
    if (!token) return false;
    const [nonce, mac, extra] = token.split('.');
    if (!nonce || !mac || extra !== undefined) return false;
    return constantTimeEquals(mac, this.#mac(nonce));
  }

  #mac(nonce: string): string {
    return createHmac('sha256', this.#key).update(nonce).digest('base64url');
  }
}

/** Authenticated encryption (AES-256-GCM) under a key derived from the platform secret for one purpose. */
export class SealBox {
  readonly #key: Buffer;
  constructor(secret: string, purpose: string) {
    this.#key = deriveKey(secret, `seal:${purpose}`);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plain text, or null when the value was not sealed by this box or was tampered with. */
  open(sealed: string | undefined | null): string | null {
    if (!sealed?.startsWith('v1.')) return null;
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    if (raw.length < 29) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
