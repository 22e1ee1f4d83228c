import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../../config.ts';

/**
 * Where the platform keeps files (signed results, attachments): a disk directory today, an
 * S3-compatible bucket later, behind the same two calls.
 */
export interface ObjectStore {
  /** Stores bytes under a key, replacing what was there. */
  put(key: string, bytes: Uint8Array, options?: { contentType?: string }): Promise<void>;
  /** The bytes under a key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
}

/** Keys are relative paths of lower-case letters, digits, dots, dashes and underscores; never `..`. */
export function isValidObjectKey(key: string): boolean {
  return /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/.test(key) && !key.split('/').includes('..');
}

function checkedKey(key: string): string {
  if (!isValidObjectKey(key)) throw new Error(`invalid object key: ${key}`);
  return key;
}

/** An object store in a directory: one file per key, written atomically (temporary file, then rename). */
export class FileSystemObjectStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = path.join(this.root, checkedKey(key));
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(path.join(this.root, checkedKey(key))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

/** The configured object store: DATA_DIR/objects on disk. */
export function createObjectStore(config: AppConfig): ObjectStore {
  return new FileSystemObjectStore(path.join(config.dataDir, 'objects'));
}
