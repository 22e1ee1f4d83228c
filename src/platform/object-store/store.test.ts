import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemObjectStore, isValidObjectKey } from './store.ts';

describe('FileSystemObjectStore', () => {
  const store = new FileSystemObjectStore(mkdtempSync(path.join(os.tmpdir(), 'tinhso-objects-')));

  it('gives back what was put, and null for a key never put', async () => {
    await store.put('documents/2026/a.pdf', Uint8Array.of(1, 2, 3));
    expect(await store.get('documents/2026/a.pdf')).toEqual(Uint8Array.of(1, 2, 3));
    await store.put('documents/2026/a.pdf', Uint8Array.of(4));
    expect(await store.get('documents/2026/a.pdf')).toEqual(Uint8Array.of(4));
    expect(await store.get('documents/2026/missing.pdf')).toBeNull();
  });

  it.each(['../escape', 'a/../../b', '/absolute', 'UPPER', 'a//b', '', 'a/'])('refuses the key %j', async (key) => {
    expect(isValidObjectKey(key)).toBe(false);
    await expect(store.put(key, Uint8Array.of(1))).rejects.toThrow('invalid object key');
  });
});
