import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertValidObjectKey, type ObjectStore } from './object-store.ts';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Flushes a directory entry (a rename or unlink) to disk; Linux needs this for the rename to survive a crash. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Object store on the local filesystem (default `DATA_DIR/objects`). A write goes to a hidden temp
 * file in the target folder, is fsync'ed, renamed over the key's file (atomic on POSIX) and the folder
 * is fsync'ed: a reader sees the old bytes or the new ones, never a part, and an acknowledged write
 * survives a crash or power loss.
 */
export class FileSystemObjectStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file that holds a key (keys never contain `..` or hidden segments, so it stays under the root). */
  pathOf(key: string): string {
    assertValidObjectKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true });
    // Hidden name: no valid key has a segment starting with a dot, so a temp file is never served.
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      // A plain Uint8Array, as the interface says (Node's Buffer subclass compares unequal in tests).
      const bytes = await readFile(this.pathOf(key));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    try {
      await rm(target);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await syncDirectory(path.dirname(target));
  }
}
