/**
 * A minimal DER (ITU-T X.690) reader and writer: enough to build and check the CMS signatures of
 * signed PDFs. The reader keeps byte offsets, so a signature can be checked over the exact bytes
 * that were signed instead of a re-encoding of them.
 */

/** One TLV element of a DER encoding, with its offsets in the buffer it was read from. */
export interface DerNode {
  /** The identifier octet (class, constructed bit and tag number < 31). */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just after the last content octet. */
  end: number;
  /** The whole element (identifier, length and content). */
  bytes: Uint8Array;
  /** The content octets. */
  content: Uint8Array;
  /** Children of a constructed element; empty for primitive ones. */
  children: DerNode[];
}

/** Well-known identifier octets. */
export const Tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Identifier octet of a context-specific tag `[n]`, constructed unless said otherwise. */
export function contextTag(n: number, constructed = true): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

/** Thrown when bytes are not the DER the reader expects. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

const maxDepth = 32;

/** Reads one element at `offset` (and, when constructed, everything inside it). */
export function readDer(buffer: Uint8Array, offset = 0, depth = 0): DerNode {
  if (depth > maxDepth) throw new DerError('nesting too deep');
  if (offset + 2 > buffer.length) throw new DerError('truncated element');
  const tag = buffer[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  let cursor = offset + 1;
  const first = buffer[cursor++] as number;
  let length: number;
  if (first < 0x80) length = first;
  else {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported length encoding');
    if (cursor + count > buffer.length) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buffer[cursor++] as number);
  }
  const contentStart = cursor;
  const end = contentStart + length;
  if (end > buffer.length) throw new DerError('element runs past the end of the data');
  const children: DerNode[] = [];
  if (tag & 0x20) {
    let child = contentStart;
    while (child < end) {
      const node = readDer(buffer.subarray(0, end), child, depth + 1);
      children.push(node);
      child = node.end;
    }
  }
  return {
    tag,
    start: offset,
    contentStart,
    end,
    bytes: buffer.subarray(offset, end),
    content: buffer.subarray(contentStart, end),
    children,
  };
}

/** The `index`-th child of a node, checked to carry `tag` when one is given. */
export function childAt(node: DerNode, index: number, tag?: number): DerNode {
  const child = node.children[index];
  if (!child) throw new DerError(`missing element ${index}`);
  if (tag !== undefined && child.tag !== tag) throw new DerError(`element ${index} has tag ${child.tag}, expected ${tag}`);
  return child;
}

/** Decodes an OBJECT IDENTIFIER's content to its dotted form. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty OID');
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const [head = 0, ...rest] = parts;
  const first = head < 80 ? Math.floor(head / 40) : 2;
  return [first, head - first * 40, ...rest].join('.');
}

/** The dotted OID of a node, checked to be an OBJECT IDENTIFIER. */
export function oidOf(node: DerNode): string {
  if (node.tag !== Tag.oid) throw new DerError('expected an OID');
  return decodeOid(node.content);
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Encodes one element from its identifier octet and content (raw bytes or already-encoded children). */
export function encode(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  return concat([Uint8Array.of(tag), encodeLength(body.length), body]);
}

/** SEQUENCE of already-encoded elements. */
export function sequence(...elements: Uint8Array[]): Uint8Array {
  return encode(Tag.sequence, ...elements);
}

/** Orders the encodings of a SET OF as DER requires (X.690 §11.6). */
export function sortSetElements(elements: readonly Uint8Array[]): Uint8Array[] {
  return [...elements].sort((a, b) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return a.length - b.length;
  });
}

/** SET OF already-encoded elements, in DER order; `tag` replaces the SET tag for IMPLICIT tagging. */
export function setOf(elements: readonly Uint8Array[], tag: number = Tag.set): Uint8Array {
  return encode(tag, ...sortSetElements(elements));
}

/** OBJECT IDENTIFIER from its dotted form. */
export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const bytes: number[] = [];
  for (const value of [first * 40 + second, ...rest]) {
    const chunk = [value & 0x7f];
    for (let n = Math.floor(value / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return encode(Tag.oid, Uint8Array.from(bytes));
}

/** INTEGER from a small non-negative number. */
export function integer(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  if (bytes.length === 0 || (bytes[0] as number) & 0x80) bytes.unshift(0);
  return encode(Tag.integer, Uint8Array.from(bytes));
}

/** OCTET STRING. */
export function octetString(bytes: Uint8Array): Uint8Array {
  return encode(Tag.octetString, bytes);
}

/** NULL. */
export const derNull: Uint8Array = Uint8Array.of(Tag.null, 0);

/** `[n] EXPLICIT` wrapping of an encoded element. */
export function explicit(n: number, element: Uint8Array): Uint8Array {
  return encode(contextTag(n), element);
}

/** The same element with its identifier octet replaced (IMPLICIT tagging, or undoing it). */
export function retag(element: Uint8Array, tag: number): Uint8Array {
  const copy = Uint8Array.from(element);
  copy[0] = tag;
  return copy;
}

/** Whether two byte arrays are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
