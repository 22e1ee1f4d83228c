import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { Queryable } from '../platform/db/client.ts';
import { recordAudit, recordPersonalDataAccess, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { officerHasScope } from '../identity/guards.ts';
import type { Principal } from '../identity/principal.ts';
import { agencies } from '../units/schema.ts';
import type { DossierDeps } from './deps.ts';
import {
  detectMediaType,
  readJpegSize,
  readPngSize,
  sanitiseFileName,
  signatureLength,
  type AttachmentMediaType,
  type PixelSize,
} from './domain/file-content.ts';
import { attachments, dossiers, type AttachmentRow } from './schema.ts';

/** An attachment as the API shows it (contract: Attachment). */
export interface AttachmentView {
  id: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  pageCount: number | null;
  widthPx: number | null;
  heightPx: number | null;
  createdAt: string;
}

/** The attachment row as the API shows it. */
export function presentAttachment(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    pageCount: row.pageCount,
    widthPx: row.widthPx,
    heightPx: row.heightPx,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface Upload {
  /** The name the browser sent; only shown back, never trusted for the type. */
  fileName: string | undefined;
  /** The file's bytes as they arrive; read at most up to the size limit. */
  content: AsyncIterable<Uint8Array>;
}

/**
 * Reads an upload up to the size limit, refusing it as soon as the first bytes show a type other
 * than PDF/JPEG/PNG or the size passes the limit, so a large or wrong file is never held in memory.
 */
async function readWithinLimit(
  content: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: Buffer; mediaType: AttachmentMediaType }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let mediaType: AttachmentMediaType | null = null;
  for await (const chunk of content) {
    total += chunk.length;
    if (total > maxBytes) throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes });
    chunks.push(chunk);
    if (!mediaType && total >= signatureLength) {
      mediaType = detectMediaType(Buffer.concat(chunks).subarray(0, signatureLength));
      if (!mediaType) throw new AppError('ATTACHMENT_TYPE_REJECTED');
    }
  }
  const bytes = Buffer.concat(chunks);
  mediaType ??= detectMediaType(bytes);
  if (!mediaType) throw new AppError('ATTACHMENT_TYPE_REJECTED');
  return { bytes, mediaType };
}

/** Pages of a PDF or pixels of an image, checked against the limits; unreadable files are refused. */
async function inspect(
  bytes: Uint8Array,
  mediaType: AttachmentMediaType,
  limits: DossierDeps['limits'],
): Promise<{ pageCount: number | null; size: PixelSize | null }> {
  if (mediaType === 'application/pdf') {
    let pageCount: number;
    try {
      // ignoreEncryption false: an encrypted or password-protected PDF cannot be read by the officer either.
      const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, throwOnInvalidObject: true, updateMetadata: false });
      pageCount = doc.getPageCount();
    } catch (error) {
      throw new AppError('ATTACHMENT_UNREADABLE', { reason: error instanceof Error ? error.name : 'invalid' });
    }
    if (pageCount < 1) throw new AppError('ATTACHMENT_UNREADABLE', { reason: 'no pages' });
    if (pageCount > limits.maxPages) throw new AppError('ATTACHMENT_TOO_MANY_PAGES', { pageCount, maxPages: limits.maxPages });
    return { pageCount, size: null };
  }
  const size = mediaType === 'image/png' ? readPngSize(bytes) : readJpegSize(bytes);
  if (!size) throw new AppError('ATTACHMENT_UNREADABLE', { reason: 'no image header' });
  if (size.width * size.height > limits.maxPixels)
    throw new AppError('ATTACHMENT_TOO_MANY_PIXELS', { ...size, maxPixels: limits.maxPixels });
  return { pageCount: null, size };
}

/**
 * Takes in one file: checked by content (type, size, pages or pixels), hashed (SHA-256), written to
 * the object store, then recorded with its owner; nothing is stored for a refused file.
 */
export async function receiveAttachment(
  deps: Pick<DossierDeps, 'db' | 'objectStore' | 'limits' | 'now'>,
  owner: Principal,
  upload: Upload,
  actor: Actor,
): Promise<AttachmentView> {
  const { bytes, mediaType } = await readWithinLimit(upload.content, deps.limits.maxBytes);
  const { pageCount, size } = await inspect(bytes, mediaType, deps.limits);
  const id = randomUUID();
  const objectKey = `attachments/${id}`;
  // The object first: a row never points at a missing file (an orphaned file is harmless and swept later).
  await deps.objectStore.put(objectKey, bytes);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        id,
        ownerKind: owner.kind,
        ownerId: owner.id,
        objectKey,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        mediaType,
        sizeBytes: bytes.length,
        pageCount,
        widthPx: size?.width ?? null,
        heightPx: size?.height ?? null,
        fileName: sanitiseFileName(upload.fileName, mediaType),
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('attachment not recorded');
    await recordAudit(tx, actor, {
      action: 'attachment.uploaded',
      subjectType: 'attachment',
      subjectId: id,
      details: { mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return presentAttachment(row);
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who uploaded an attachment: a citizen, or an officer scanning paper at the counter. */
export interface AttachmentOwner {
  kind: 'citizen' | 'officer';
  id: string;
}

/**
 * The owner's own attachments among `ids` that no dossier has claimed yet (ids that are not UUIDs are
 * ignored). A bare string is a citizen's id.
 */
export async function usableAttachments(q: Queryable, owner: string | AttachmentOwner, ids: readonly string[]): Promise<AttachmentRow[]> {
  const { kind, id: ownerId } = typeof owner === 'string' ? { kind: 'citizen' as const, id: owner } : owner;
  const wanted = [...new Set(ids.filter((id) => uuidPattern.test(id)))];
  if (wanted.length === 0) return [];
  return q
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, wanted),
        eq(attachments.ownerKind, kind),
        eq(attachments.ownerId, ownerId),
        isNull(attachments.dossierId),
      ),
    );
}

/**
 * The bytes of an attachment for its owner, or for an officer with a role over the agency that
 * received or handles the dossier that claimed it (that read is logged as personal data access).
 * Anyone else gets FILE_NOT_FOUND, so ids cannot be probed.
 */
export async function readAttachmentContent(
  deps: Pick<DossierDeps, 'db' | 'objectStore'>,
  principal: Principal,
  id: string,
  requestId: string,
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
  if (!uuidPattern.test(id)) throw new AppError('FILE_NOT_FOUND');
  const [row] = await deps.db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) throw new AppError('FILE_NOT_FOUND');
  const isOwner = row.ownerKind === principal.kind && row.ownerId === principal.id;
  if (!isOwner) {
    if (principal.kind !== 'officer' || !row.dossierId) throw new AppError('FILE_NOT_FOUND');
    const [dossier] = await deps.db
      .select({ receiving: dossiers.receivingAgencyCode, handling: dossiers.handlingAgencyCode, idNumber: dossiers.applicantIdNumber })
      .from(dossiers)
      .where(eq(dossiers.id, row.dossierId));
    if (!dossier) throw new AppError('FILE_NOT_FOUND');
    const scopes = await deps.db
      .select({ code: agencies.code, unitCode: agencies.unitCode, provinceCode: agencies.provinceCode })
      .from(agencies)
      .where(inArray(agencies.code, [dossier.receiving, dossier.handling]));
    if (!scopes.some((a) => officerHasScope(principal, { agencyCode: a.code, unitCode: a.unitCode, provinceCode: a.provinceCode })))
      throw new AppError('FILE_NOT_FOUND');
    await recordPersonalDataAccess(deps.db, {
      actorKind: 'officer',
      actorId: principal.id,
      dataSubject: dossier.idNumber,
      resource: `attachment:${row.id}`,
      purpose: 'dossier handling',
      requestId,
    });
  }
  const bytes = await deps.objectStore.get(row.objectKey);
  if (!bytes) throw new AppError('FILE_NOT_FOUND');
  return { bytes, mediaType: row.mediaType, fileName: row.fileName };
}
