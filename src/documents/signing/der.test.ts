import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DerError, Tag, decodeOid, integer, octetString, oid, readDer, sequence, setOf } from './der.ts';

describe('DER', () => {
  it('writes OIDs as X.690 says (sha256 = 06 09 60 86 48 01 65 03 04 02 01)', () => {
    expect(Buffer.from(oid('2.16.840.1.101.3.4.2.1')).toString('hex')).toBe('0609608648016503040201');
  });

  it('reads back every OID it writes', () => {
    const arc = fc.integer({ min: 0, max: 2 ** 31 });
    const dotted = fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(arc, { maxLength: 8 }))
      .map(([a, b, rest]) => [a, b, ...rest].join('.'));
    fc.assert(fc.property(dotted, (o) => decodeOid(readDer(oid(o)).content) === o));
  });

  it('reads nested elements with their exact byte offsets, long lengths included', () => {
    const big = octetString(new Uint8Array(300).fill(7));
    const encoded = sequence(integer(1), big, setOf([integer(5), integer(2)]));
    const node = readDer(encoded);
    expect(node.children.map((c) => c.tag)).toEqual([Tag.integer, Tag.octetString, Tag.set]);
    expect(node.children[1]?.content.length).toBe(300);
    expect(Buffer.from(node.children[1]!.bytes)).toEqual(Buffer.from(big));
    // SET OF is sorted by encoding: 2 before 5.
    expect(node.children[2]?.children.map((c) => c.content[0])).toEqual([2, 5]);
  });

  it('refuses truncated input instead of reading past it', () => {
    const encoded = sequence(integer(1), integer(2));
    expect(() => readDer(encoded.subarray(0, encoded.length - 1))).toThrow(DerError);
    expect(() => readDer(Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff))).toThrow(DerError);
  });

  it('never throws anything but DerError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          readDer(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DerError);
        }
      }),
    );
  });
});
