/**
 * Where the platform keeps files (attachments, generated documents): a key → bytes store behind an
 * interface, so a deployment can swap the filesystem for an S3-compatible service without touching
 * the business code. Keys are chosen by the caller (uuid or content hash), never by a client.
 */
export interface ObjectStore {
  /** Stores the bytes under the key; when the promise resolves the write is durable. Overwrites. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under the key, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*(?:\/[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*)*$/;

/** Whether a key is safe on every backend: slash-separated segments of letters, digits, `_`, `-`, inner dots. */
export function isValidObjectKey(key: string): boolean {
  return key.length > 0 && key.length <= 512 && keyPattern.test(key);
}

/** Throws unless the key is valid (no traversal, no hidden segments, no empty segments). */
export function assertValidObjectKey(key: string): void {
  if (!isValidObjectKey(key)) throw new Error(`Invalid object key: ${JSON.stringify(key)}`);
}
