import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectMediaType, readJpegSize, readPngSize, sanitiseFileName } from './file-content.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

/** A minimal PNG head: signature + IHDR(width, height). */
function pngHead(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b.set([8, 2, 0, 0, 0], 24);
  return b;
}

/** A minimal JPEG head: SOI, an APP0 segment, then SOF0 with the size. */
function jpegHead(width: number, height: number, sof = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sofSegment = [0xff, sof, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  return bytes(0xff, 0xd8, ...app0, ...sofSegment, ...new Array(9).fill(0));
}

describe('detectMediaType', () => {
  it.each([
    ['a PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37), 'application/pdf'],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a PNG', pngHead(1, 1), 'image/png'],
    ['a Windows .exe (MZ) named .pdf', bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0), null],
    ['a ZIP / DOCX', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0), null],
    ['a GIF', bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61), null],
    ['plain text saying %PD', bytes(0x25, 0x50, 0x44), null],
    ['an empty file', bytes(), null],
  ])('%s → %s', (_name, head, expected) => {
    expect(detectMediaType(head)).toBe(expected);
  });
});

describe('readPngSize', () => {
  it('reads width and height from IHDR', () => {
    expect(readPngSize(pngHead(4000, 3000))).toEqual({ width: 4000, height: 3000 });
  });
  it.each([
    ['zero width', pngHead(0, 10)],
    ['width above 2^31-1', pngHead(0x80000000, 10)],
    ['a truncated header', pngHead(10, 10).slice(0, 20)],
    [
      'another chunk first',
      (() => {
        const b = pngHead(10, 10);
        b.set([0x74, 0x45, 0x58, 0x74], 12);
        return b;
      })(),
    ],
  ])('refuses %s', (_name, head) => {
    expect(readPngSize(head)).toBeNull();
  });
  it('round-trips any valid size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min: 1, max: 0x7fffffff }), (w, h) => {
        expect(readPngSize(pngHead(w, h))).toEqual({ width: w, height: h });
      }),
    );
  });
});

describe('readJpegSize', () => {
  it.each([0xc0, 0xc1, 0xc2, 0xcf])('reads the size from start-of-frame marker %s', (sof) => {
    expect(readJpegSize(jpegHead(1920, 1080, sof))).toEqual({ width: 1920, height: 1080 });
  });
  it('skips fill bytes before a marker', () => {
    const head = jpegHead(640, 480);
    const filled = bytes(0xff, 0xd8, 0xff, 0xff, ...head.slice(2));
    expect(readJpegSize(filled)).toEqual({ width: 640, height: 480 });
  });
  it.each([
    ['a DHT (C4) is not a frame header', bytes(0xff, 0xd8, 0xff, 0xc4, 0x00, 0x05, 0, 0, 0)],
    ['scan data before any frame', bytes(0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0)],
    ['a zero height (DNL)', jpegHead(100, 0)],
    ['a truncated stream', jpegHead(100, 100).slice(0, 24)],
    ['garbage between segments', bytes(0xff, 0xd8, 0x00, 0x01)],
    ['a segment length below 2', bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01)],
  ])('refuses %s', (_name, head) => {
    expect(readJpegSize(head)).toBeNull();
  });
  it('never throws and never reads a size from random bytes after SOI it cannot justify', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const size = readJpegSize(bytes(0xff, 0xd8, ...tail));
        if (size) expect(size.width > 0 && size.height > 0).toBe(true);
      }),
    );
  });
  it('round-trips any valid size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (w, h) => {
        expect(readJpegSize(jpegHead(w, h))).toEqual({ width: w, height: h });
      }),
    );
  });
});

describe('sanitiseFileName', () => {
  it.each([
    ['giay-chung-sinh.pdf', 'application/pdf', 'giay-chung-sinh.pdf'],
    ['C:\\Users\\an\\Giấy chứng sinh.PDF', 'application/pdf', 'Giấy chứng sinh.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['virus.exe', 'image/png', 'virus.png'],
    ['a\u0000b<c>.jpg', 'image/jpeg', 'abc.jpg'],
    [undefined, 'image/jpeg', 'tep-dinh-kem.jpg'],
    ['   ', 'application/pdf', 'tep-dinh-kem.pdf'],
  ] as const)('%j as %s → %j', (name, type, expected) => {
    expect(sanitiseFileName(name, type)).toBe(expected);
  });
  it('keeps names short and NFC', () => {
    const decomposed = 'Gia\u0301y'.repeat(100);
    const out = sanitiseFileName(`${decomposed}.pdf`, 'application/pdf');
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out).toBe(out.normalize('NFC'));
  });
});
