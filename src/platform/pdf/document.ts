import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * A small layout kit for the platform's official PDFs (slips 01–05, results, e-receipts): A4 pages,
 * Be Vietnam Pro embedded (full Vietnamese glyphs, SIL Open Font License), wrapped text and a vector QR code.
 */

const require = createRequire(import.meta.url);
const fontFiles = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
} as const;

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

function loadFontBytes(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  fontBytes ??= Promise.all([readFile(require.resolve(fontFiles.regular)), readFile(require.resolve(fontFiles.bold))]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  return fontBytes;
}

// pdf-lib parses the font afresh for every document and fontkit then decodes its tables lazily on the
// first layouts: most of a slip's render time. One parsed font per file, shared by all documents
// (each still gets its own subset), makes a one-page slip render in ~30 ms instead of ~150 ms.
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const parsedFonts = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();
const sharedFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (!(bytes instanceof Uint8Array) || postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) parsedFonts.set(bytes, (font = fontkit.create(bytes)));
    return font;
  },
};

export const A4 = { width: 595.28, height: 841.89 } as const;
const margin = 56;

export interface PdfMetadata {
  title: string;
  subject?: string;
  author: string;
  keywords?: string[];
  /** Fixed creation time, so the same content renders to the same bytes. */
  createdAt: Date;
}

/** A PDF being written top to bottom; `y` is the baseline of the next line. */
export class PdfWriter {
  readonly doc: PDFDocument;
  page: PDFPage;
  y: number;
  readonly regular: PDFFont;
  readonly bold: PDFFont;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - margin;
  }

  /** Starts an A4 document with the Vietnamese fonts embedded (subset) and its metadata set. */
  static async create(meta: PdfMetadata): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(sharedFontkit);
    const bytes = await loadFontBytes();
    const regular = await doc.embedFont(bytes.regular, { subset: true });
    const bold = await doc.embedFont(bytes.bold, { subset: true });
    doc.setTitle(meta.title, { showInWindowTitleBar: true });
    doc.setAuthor(meta.author);
    doc.setProducer('tinhso');
    doc.setCreator('tinhso');
    doc.setLanguage('vi-VN');
    if (meta.subject) doc.setSubject(meta.subject);
    if (meta.keywords) doc.setKeywords(meta.keywords);
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
    return new PdfWriter(doc, regular, bold);
  }

  get contentWidth(): number {
    return A4.width - 2 * margin;
  }

  /** Moves down; opens a new page when the next block would not fit. */
  ensureSpace(height: number): void {
    if (this.y - height < margin) {
      this.page = this.doc.addPage([A4.width, A4.height]);
      this.y = A4.height - margin;
    }
  }

  /**
   * Writes a paragraph wrapped to the content width (or `width`), left-aligned or centred. `oneLine`
   * shrinks the size (down to 6 pt) until the text fits on one line: for an address a reader types or
   * a tool copies, which a line break would spoil.
   */
  text(
    content: string,
    options: {
      size?: number;
      bold?: boolean;
      align?: 'left' | 'center';
      indent?: number;
      width?: number;
      gapAfter?: number;
      oneLine?: boolean;
    } = {},
  ): void {
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const width = (options.width ?? this.contentWidth) - indent;
    const wanted = options.size ?? 11;
    const size = options.oneLine ? Math.max(6, Math.min(wanted, width / Math.max(1e-6, widthAtOne(font, content)))) : wanted;
    const lineHeight = size * 1.35;
    for (const line of wrapText(content, font, size, width)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      const x = options.align === 'center' ? margin + indent + (width - lineWidth(font, line, size)) / 2 : margin + indent;
      this.page.drawText(line, { x, y: this.y, size, font, color: rgb(0, 0, 0) });
    }
    this.y -= options.gapAfter ?? 2;
  }

  /** A label in bold followed by its value on the same line (wrapped when long). */
  field(label: string, value: string, size = 11): void {
    this.text(`${label}: ${value}`, { size });
  }

  /** Vertical space. */
  gap(points: number): void {
    this.y -= points;
  }

  /** Draws a QR code (vector squares) with its top-left corner at (x, top). Returns its side length. */
  qr(content: string, x: number, top: number, side = 96): number {
    const code = QRCode.create(content, { errorCorrectionLevel: 'M' });
    const count = code.modules.size;
    const cell = side / (count + 8);
    const origin = { x: x + 4 * cell, y: top - 4 * cell };
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (code.modules.get(row, col))
          this.page.drawRectangle({
            x: origin.x + col * cell,
            y: origin.y - (row + 1) * cell,
            width: cell,
            height: cell,
            color: rgb(0, 0, 0),
          });
      }
    }
    return side;
  }

  /** The finished file. `useObjectStreams: false` keeps the layout simple for incremental signing. */
  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false });
  }
}

// Laying out text with the font's shaping tables costs ~1 ms per line, and wrapping measured every
// candidate line: a page took over 100 ms. Words are measured once per font at size 1 and summed.
const wordWidths = new Map<string, Map<string, number>>();
const maxCachedWords = 50_000;

function widthAtOne(font: PDFFont, word: string): number {
  let widths = wordWidths.get(font.name);
  if (!widths) wordWidths.set(font.name, (widths = new Map()));
  let w = widths.get(word);
  if (w === undefined) {
    if (widths.size >= maxCachedWords) widths.clear();
    w = font.widthOfTextAtSize(word, 1);
    widths.set(word, w);
  }
  return w;
}

/** Width of a line at `size`, as the sum of its words and spaces (kerning across a space is ignored). */
export function lineWidth(font: PDFFont, line: string, size: number): number {
  const words = line.split(' ');
  let total = (words.length - 1) * widthAtOne(font, ' ');
  for (const word of words) if (word) total += widthAtOne(font, word);
  return total * size;
}

/** Splits text into lines that fit `width` at `size`, breaking at spaces (and inside over-long words). */
export function wrapText(content: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = widthAtOne(font, ' ') * size;
  for (const paragraph of content.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = widthAtOne(font, word) * size;
      if (line && used + space + w <= width) {
        line = `${line} ${word}`;
        used += space + w;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      used = w;
      while (used > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
        used = widthAtOne(font, line) * size;
      }
    }
    lines.push(line);
  }
  return lines;
}

// One formatter for every amount: toLocaleString builds a new one per call (tens of µs, on every submission's e-mail).
const vndDigits = new Intl.NumberFormat('vi-VN');

/** Formats an amount in đồng the Vietnamese way: 1.234.567 đồng. */
export function formatVnd(amount: number): string {
  return `${vndDigits.format(amount)} đồng`;
}

/** Formats a moment as Vietnam local time: "08 giờ 30, ngày 21/11/2026". */
export function formatVietnamDateTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())} giờ ${two(local.getUTCMinutes())}, ngày ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** Formats a date as Vietnam local date: "21/11/2026". */
export function formatVietnamDate(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}
