import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSystemObjectStore } from './filesystem.ts';
import { isValidObjectKey } from './object-store.ts';

let root: string;
let store: FileSystemObjectStore;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tinhso-objects-'));
  store = new FileSystemObjectStore(root);
});
afterEach(async () => rm(root, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('FileSystemObjectStore', () => {
  it('stores, reads back, overwrites and deletes bytes by key', async () => {
    const bytes = new TextEncoder().encode('Giấy chứng sinh');
    await store.put('attachments/2026/ab12.pdf', bytes);
    expect(Buffer.from((await store.get('attachments/2026/ab12.pdf')) ?? [])).toEqual(Buffer.from(bytes));
    await store.put('attachments/2026/ab12.pdf', new Uint8Array([1, 2, 3]));
    expect([...((await store.get('attachments/2026/ab12.pdf')) ?? [])]).toEqual([1, 2, 3]);
    await store.delete('attachments/2026/ab12.pdf');
    expect(await store.get('attachments/2026/ab12.pdf')).toBeNull();
  });

  it('answers null for a missing key and ignores deleting one', async () => {
    expect(await store.get('nothing/here')).toBeNull();
    await expect(store.delete('nothing/here')).resolves.toBeUndefined();
  });

  it('leaves exactly the object on disk after a write: the temp file was renamed, not copied', async () => {
    await store.put('a/b', new Uint8Array(100_000));
    expect(await filesUnder(root)).toEqual([path.join('a', 'b')]);
  });

  it('keeps the last complete write when writes to one key race', async () => {
    const a = new Uint8Array(200_000).fill(1);
    const b = new Uint8Array(200_000).fill(2);
    await Promise.all([store.put('race', a), store.put('race', b), store.put('race', a)]);
    const got = (await store.get('race')) ?? new Uint8Array();
    expect(got.length).toBe(200_000);
    expect(new Set(got).size).toBe(1);
    expect(await filesUnder(root)).toEqual(['race']);
  });

  it.each(['../etc/passwd', '/abs', 'a/../b', 'a//b', '.hidden', 'a/.tmp', 'a/', '', 'a b', 'a\\b'])(
    'refuses the unsafe key %j',
    async (key) => {
      expect(isValidObjectKey(key)).toBe(false);
      await expect(store.put(key, new Uint8Array(1))).rejects.toThrow(/Invalid object key/);
      await expect(store.get(key)).rejects.toThrow(/Invalid object key/);
    },
  );
});
