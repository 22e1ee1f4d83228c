import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { dossiers } from '../dossiers/schema.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { agencies, type AgencyRow } from '../units/schema.ts';
import { checkIssueRequest, type IssueRequest } from './domain/issue-request.ts';
import { renderResult } from './render-result.ts';
import { issuedDocumentEvents, issuedDocuments } from './schema.ts';
import type { DocumentServices } from './services.ts';
import { verificationPageUrl } from './services.ts';
import type { AgencySigner } from './signing/keys.ts';
import { signPdfDocument } from './signing/pdf-signature.ts';
import { storeIssuedResult } from './store.ts';

export interface IssuedDocument {
  id: string;
  /** SHA-256 of the signed PDF, lower-case hex. */
  sha256: string;
  objectKey: string;
  signedAt: Date;
  verifyUrl: string;
  /** The signed PDF. */
  pdf: Uint8Array;
}

/** A document signed and kept in the object store, not yet recorded: `recordSignedDocument` records it. */
export interface SignedDocument extends IssuedDocument {
  request: IssueRequest;
  agency: Pick<AgencyRow, 'code' | 'provinceCode'>;
  signer: Pick<AgencySigner, 'certificateId' | 'fingerprint'>;
}

/**
 * First half of issuing: checks the request, renders the PDF (with a QR code to its public verification
 * page), signs it with the agency's key and keeps the signed bytes in the object store. Writes no row, so
 * a caller can record it inside its own transaction (a dossier's result) or drop it (an orphan file is
 * harmless: no row ever points at it).
 */
export async function signDocument(services: DocumentServices, q: Queryable, request: IssueRequest): Promise<SignedDocument> {
  const problems = checkIssueRequest(request);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { issues: problems.map((p) => ({ path: [p] })) });
  const [agency] = await q.select().from(agencies).where(eq(agencies.code, request.agencyCode));
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', { code: request.agencyCode });
  if (request.dossierId) {
    const [dossier] = await q.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.id, request.dossierId));
    if (!dossier) throw new AppError('VALIDATION_FAILED', { issues: [{ path: ['dossierId'], message: 'no such dossier' }] });
  }

  const signedAt = services.now();
  const signer = await services.keys.forAgency(agency, signedAt);
  const id = randomUUID();
  const verifyUrl = verificationPageUrl(services.publicUrl, id);
  const layout = await renderResult({
    documentId: id,
    agencyName: agency.name,
    title: request.title,
    body: request.body,
    facts: request.facts,
    validFrom: request.validFrom,
    validTo: request.validTo ?? null,
    signedAt,
    verifyUrl,
  });
  const pdf = await signPdfDocument(layout.doc, id, signer, {
    name: agency.name,
    reason: `Ký số ${request.title}`,
    location: agency.address ?? agency.name,
    contactInfo: verifyUrl,
    signedAt,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const objectKey = `documents/${signedAt.getUTCFullYear()}/${id}.pdf`;
  // The file first: a row never points at bytes that are not there.
  await services.store.put(objectKey, pdf);
  return { id, sha256, objectKey, signedAt, verifyUrl, pdf, request, agency, signer };
}

/**
 * Second half of issuing, in the caller's transaction: the issued document, its `issue` event, its copy
 * in the subject's electronic store (kho dữ liệu, reusable at once) and the audit row. Answers the
 * store document's id.
 */
export async function recordSignedDocument(
  tx: Tx,
  signed: SignedDocument,
  actor: Actor & { kind: 'officer' | 'system' },
): Promise<{ storeDocumentId: string }> {
  const { request, agency, signer, id, sha256, objectKey, signedAt } = signed;
  await tx.insert(issuedDocuments).values({
    id,
    provinceCode: agency.provinceCode,
    agencyCode: agency.code,
    documentType: request.documentType,
    title: request.title,
    subjectKind: request.subjectIdNumber ? 'citizen' : 'organisation',
    subjectIdNumber: request.subjectIdNumber ?? null,
    subjectTaxCode: request.subjectTaxCode ?? null,
    dossierId: request.dossierId ?? null,
    objectKey,
    sha256,
    sizeBytes: signed.pdf.length,
    signerCertificateId: signer.certificateId,
    signerFingerprint: signer.fingerprint,
    signedAt,
    validFrom: request.validFrom,
    validTo: request.validTo ?? null,
    publicFacts: request.facts,
  });
  await tx.insert(issuedDocumentEvents).values({ documentId: id, at: signedAt, action: 'issue', actorKind: actor.kind, actorId: actor.id });
  const storeDocumentId = await storeIssuedResult(tx, {
    id,
    documentType: request.documentType,
    title: request.title,
    subjectIdNumber: request.subjectIdNumber ?? null,
    subjectTaxCode: request.subjectTaxCode ?? null,
    dossierId: request.dossierId ?? null,
    agencyCode: agency.code,
    validFrom: request.validFrom,
    validTo: request.validTo ?? null,
    objectKey,
    sha256,
  });
  await recordAudit(tx, actor, {
    action: 'document.issue',
    subjectType: 'issued_document',
    subjectId: id,
    details: { agencyCode: agency.code, documentType: request.documentType, sha256, signerFingerprint: signer.fingerprint },
  });
  return { storeDocumentId };
}

/**
 * Issues a signed result: signs it (`signDocument`), then records it with its event, store copy and
 * audit row in one transaction.
 */
export async function issueSignedDocument(
  services: DocumentServices,
  request: IssueRequest,
  actor: Actor & { kind: 'officer' | 'system' },
): Promise<IssuedDocument> {
  const signed = await signDocument(services, services.db, request);
  await services.db.transaction((tx) => recordSignedDocument(tx, signed, actor));
  const { id, sha256, objectKey, signedAt, verifyUrl, pdf } = signed;
  return { id, sha256, objectKey, signedAt, verifyUrl, pdf };
}
