/**
 * What a file really is, read from its bytes (magic numbers and image headers), never from its name
 * or the browser's Content-Type. Pure: works on byte arrays only.
 */

/** The media types the platform accepts for dossier attachments. */
export const acceptedMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentMediaType = (typeof acceptedMediaTypes)[number];

/** Bytes needed to recognise every accepted type. */
export const signatureLength = 8;

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * The accepted media type the bytes start with, or null: PDF `%PDF-` (ISO 32000-1 §7.5.2),
 * JPEG SOI + marker `FF D8 FF` (ITU-T T.81), PNG's 8-byte signature (ISO/IEC 15948 §5.2).
 */
export function detectMediaType(head: Uint8Array): AttachmentMediaType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, pngSignature)) return 'image/png';
  return null;
}

export interface PixelSize {
  width: number;
  height: number;
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) << 24) >>> 0) + ((bytes[at + 1] ?? 0) << 16) + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
}

/** Width and height from a PNG's IHDR chunk, which must come first (ISO/IEC 15948 §11.2.2); null when malformed. */
export function readPngSize(bytes: Uint8Array): PixelSize | null {
  if (!startsWith(bytes, pngSignature) || bytes.length < 8 + 8 + 13) return null;
  const length = u32(bytes, 8);
  const type = String.fromCharCode(bytes[12] ?? 0, bytes[13] ?? 0, bytes[14] ?? 0, bytes[15] ?? 0);
  if (length !== 13 || type !== 'IHDR') return null;
  const width = u32(bytes, 16);
  const height = u32(bytes, 20);
  // Zero or above 2^31−1 is invalid (§11.2.2).
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return null;
  return { width, height };
}

// Start-of-frame markers carry the image size: SOF0–3, 5–7, 9–11, 13–15 (ITU-T T.81 Table B.1). C4, C8, CC are not SOF.
const startOfFrame = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Width and height from a JPEG's first start-of-frame segment, walking the marker segments from SOI;
 * null when the stream ends, scan data starts first, or the frame declares a zero size.
 */
export function readJpegSize(bytes: Uint8Array): PixelSize | null {
  if (!startsWith(bytes, [0xff, 0xd8])) return null;
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker (T.81 §B.1.1.2).
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at];
    at++;
    if (marker === undefined) return null;
    // Markers without a length: TEM and RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    // SOS or EOI before any frame header: not a readable image.
    if (marker === 0xda || marker === 0xd9) return null;
    if (at + 2 > bytes.length) return null;
    const length = u16(bytes, at);
    if (length < 2) return null;
    if (startOfFrame.has(marker)) {
      if (length < 7 || at + 7 > bytes.length) return null;
      const height = u16(bytes, at + 3);
      const width = u16(bytes, at + 5);
      // Height 0 means "defined later by a DNL marker": too unusual to trust for a pixel limit.
      if (width === 0 || height === 0) return null;
      return { width, height };
    }
    at += length;
  }
  return null;
}

const fileExtensions: Record<AttachmentMediaType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The format name procedures list in `acceptedFormats` for a media type (pdf, jpg, png). */
export function formatOfMediaType(mediaType: AttachmentMediaType): 'pdf' | 'jpg' | 'png' {
  return fileExtensions[mediaType] as 'pdf' | 'jpg' | 'png';
}

/**
 * A file name safe to store and show: the last path segment, Unicode NFC, without control or
 * reserved characters, at most 200 characters; the extension follows the real type.
 */
export function sanitiseFileName(name: string | undefined, mediaType: AttachmentMediaType): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const extension = fileExtensions[mediaType];
  const stem =
    cleaned
      .replace(/\.[^.]*$/, '')
      .slice(0, 190)
      .trim() || 'tep-dinh-kem';
  return `${stem}.${extension}`;
}
