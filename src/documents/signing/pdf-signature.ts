import type { KeyObject, X509Certificate } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { buildDetachedCms } from './cms.ts';

/**
 * PAdES-style signatures on the platform's PDFs: an invisible signature field whose CMS (built by
 * `buildDetachedCms`) covers the whole file except the signature value itself, as @signpdf lays it out.
 */

/** The key, certificate and issuing chain an agency signs with. */
export interface SigningMaterial {
  certificate: X509Certificate;
  chain: readonly X509Certificate[];
  privateKey: KeyObject;
}

/** @signpdf's signer interface, answered with our own CAdES-style CMS. */
class CadesSigner extends Signer {
  readonly #material: SigningMaterial;

  constructor(material: SigningMaterial) {
    super();
    this.#material = material;
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const { certificate, chain, privateKey } = this.#material;
    return Buffer.from(buildDetachedCms({ content: pdfBuffer, signer: certificate, chain, privateKey }));
  }
}

// Room for the CMS in the file: the certificates and an RSA-3072 signature fit in well under 8 KiB.
const signatureBytes = 8192;

/** The Info-dictionary key that carries the platform's document id inside the PDF. */
export const documentIdKey = 'TinhsoDocumentId';

export interface SignatureAppearance {
  /** The signer as a reader shows it (agency name). */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signedAt: Date;
}

/** Marks the PDF with the platform's document id, adds the signature field and signs; answers the signed file. */
export async function signPdfDocument(
  doc: PDFDocument,
  documentId: string,
  material: SigningMaterial,
  appearance: SignatureAppearance,
): Promise<Uint8Array> {
  // PdfWriter always writes an Info dictionary (title, author); the id joins it.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  if (!info) throw new Error('the PDF has no Info dictionary');
  info.set(PDFName.of(documentIdKey), PDFString.of(documentId));
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: appearance.reason,
    contactInfo: appearance.contactInfo,
    name: appearance.name,
    location: appearance.location,
    signingTime: appearance.signedAt,
    signatureLength: signatureBytes,
    subFilter: 'ETSI.CAdES.detached',
    appName: 'tinhso',
  });
  // Classic cross-reference table, no object streams: the layout every verifier reads.
  const unsigned = await doc.save({ useObjectStreams: false });
  const signed = await new SignPdf().sign(Buffer.from(unsigned), new CadesSigner(material), appearance.signedAt);
  return new Uint8Array(signed);
}

/** Where a PDF's (last) signature sits and what it covers. */
export interface LocatedSignature {
  byteRange: [number, number, number, number];
  /** The DER CMS from /Contents, without the zero padding. */
  cms: Uint8Array;
  /** The bytes the ByteRange names, concatenated: what the signature covers. */
  signedContent: Uint8Array;
  /** True when the ByteRange covers the whole file except the /Contents value (nothing added after signing). */
  coversWholeFile: boolean;
}

const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Whether bytes start like a PDF file. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

function derLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1] as number;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] as number);
  return 2 + count + length;
}

/**
 * Finds the last signature of a PDF by its /ByteRange and reads its /Contents. Answers null when
 * the file has no signature, or when the ByteRange does not point at a hex-string signature value.
 */
export function locateSignature(pdf: Uint8Array): LocatedSignature | null {
  const text = Buffer.from(pdf).toString('latin1');
  const matches = [...text.matchAll(byteRangePattern)];
  const last = matches[matches.length - 1];
  if (!last) return null;
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a + b >= c || c + d > pdf.length || pdf[a + b] !== 0x3c || pdf[c - 1] !== 0x3e) return null;
  const hex = text.slice(a + b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return null;
  const padded = Buffer.from(hex, 'hex');
  const length = derLength(padded);
  if (length === null || length > padded.length) return null;
  const signedContent = new Uint8Array(b + d);
  signedContent.set(pdf.subarray(a, a + b), 0);
  signedContent.set(pdf.subarray(c, c + d), b);
  return {
    byteRange: [a, b, c, d],
    cms: new Uint8Array(padded.subarray(0, length)),
    signedContent,
    coversWholeFile: a === 0 && c + d === pdf.length,
  };
}

/** The platform document id a PDF carries in its Info dictionary, or null. */
export function readDocumentId(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf).toString('latin1');
  const pattern = new RegExp(`/${documentIdKey}\\s*\\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\)`, 'g');
  const ids = [...text.matchAll(pattern)].map((m) => m[1] as string);
  return ids[ids.length - 1] ?? null;
}
