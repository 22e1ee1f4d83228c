import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What poppler's `pdfsig` (an independent verifier) says about a PDF's signatures. */
export function pdfsig(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tinhso-pdfsig-'));
  const file = path.join(dir, 'document.pdf');
  writeFileSync(file, bytes);
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  if (run.error) throw new Error('pdfsig (poppler-utils) is required: apt-get install -y poppler-utils');
  return run.stdout;
}

/** A copy of the PDF with one bit flipped at the first occurrence of `marker` (a signed byte range). */
export function withByteChanged(bytes: Uint8Array, marker: string): Uint8Array {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  copy[at] = (copy[at] as number) ^ 0x01;
  return new Uint8Array(copy);
}
