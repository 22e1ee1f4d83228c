import { createHash } from 'node:crypto';
import { eq, type SQL } from 'drizzle-orm';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { agencies } from '../units/schema.ts';
import { vietnamToday } from '../units/routes.ts';
import {
  documentStatus,
  isDocumentId,
  judgeUpload,
  uploadOutcomes,
  type DocumentStatus,
  type UploadOutcome,
  type UploadStatus,
} from './domain/verification.ts';
import { issuedDocuments, signingCertificates, type PublicFact } from './schema.ts';
import type { DocumentServices } from './services.ts';
import { buildTrustedChain, certificateFingerprint, checkDetachedCms } from './signing/cms.ts';
import { locateSignature, looksLikePdf, readDocumentId } from './signing/pdf-signature.ts';

/** What anyone may learn about a document from its id: no personal data, no dossier, no subject. */
export interface PublicDocumentView {
  documentId: string;
  status: DocumentStatus;
  documentType: string;
  title: string;
  issuingAgency: { code: string; name: string; nameEn: string };
  signedAt: string;
  validFrom: string;
  validTo: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  facts: PublicFact[];
  signer: {
    subject: string;
    fingerprint: string;
    /** Signed with a development key (demo mode): not a legally valid signature. */
    isDevelopmentKey: boolean;
  };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function findRecord(services: DocumentServices, where: SQL) {
  const [row] = await services.db
    .select({
      document: issuedDocuments,
      agency: { code: agencies.code, name: agencies.name, nameEn: agencies.nameEn },
      signer: { subject: signingCertificates.subject, source: signingCertificates.source },
    })
    .from(issuedDocuments)
    .innerJoin(agencies, eq(agencies.code, issuedDocuments.agencyCode))
    .innerJoin(signingCertificates, eq(signingCertificates.id, issuedDocuments.signerCertificateId))
    .where(where);
  return row;
}

type DocumentRecord = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** Presents a record with its current state; the platform's stored copy is re-hashed to catch damage. */
async function present(services: DocumentServices, record: DocumentRecord): Promise<PublicDocumentView> {
  const { document } = record;
  const stored = await services.store.get(document.objectKey);
  const status = documentStatus(
    {
      revokedAt: document.revokedAt,
      validTo: document.validTo,
      isStoredCopyIntact: stored !== null && sha256Hex(stored) === document.sha256,
    },
    vietnamToday(services.now()),
  );
  return {
    documentId: document.id,
    status,
    documentType: document.documentType,
    title: document.title,
    issuingAgency: record.agency,
    signedAt: document.signedAt.toISOString(),
    validFrom: document.validFrom,
    validTo: document.validTo,
    revokedAt: document.revokedAt?.toISOString() ?? null,
    revocationReason: document.revocationReason,
    facts: document.publicFacts,
    signer: {
      subject: record.signer.subject,
      fingerprint: document.signerFingerprint,
      isDevelopmentKey: record.signer.source === 'development',
    },
  };
}

/** The public verification of a document by id; an unknown (or malformed) id is DOCUMENT_NOT_FOUND and nothing more. */
export async function describeDocument(services: DocumentServices, documentId: string): Promise<PublicDocumentView> {
  const record = isDocumentId(documentId) ? await findRecord(services, eq(issuedDocuments.id, documentId)) : undefined;
  if (!record) throw new AppError('DOCUMENT_NOT_FOUND');
  return present(services, record);
}

/** The outcome of checking an uploaded PDF. */
export interface UploadVerification {
  status: UploadStatus;
  code: UploadOutcome;
  /** The document on record the file claims to be (by hash, else by the id it carries), or null. */
  document: PublicDocumentView | null;
  /** Who signed the file, only when the signer is one of the platform's trusted agency certificates. */
  signature: { signer: string; fingerprint: string; signedAt: string | null } | null;
}

/**
 * Checks an uploaded PDF: its CMS signature over the ByteRange, the signer's certificate against the
 * agency certificates on record and the trusted CAs, and the file's hash against the recorded one.
 */
export async function verifyUploadedPdf(services: DocumentServices, pdf: Uint8Array): Promise<UploadVerification> {
  if (!looksLikePdf(pdf)) throw new AppError('FILE_NOT_PDF');
  const now = services.now();
  const sha256 = sha256Hex(pdf);
  const located = locateSignature(pdf);
  // The id is read from the signed bytes when there is a signature, so it is covered by it.
  const claimedId = readDocumentId(located?.signedContent ?? pdf);
  const record =
    (await findRecord(services, eq(issuedDocuments.sha256, sha256))) ??
    (claimedId ? await findRecord(services, eq(issuedDocuments.id, claimedId)) : undefined);
  const document = record ? await present(services, record) : null;

  const check = located ? checkDetachedCms(located.cms, located.signedContent) : null;
  let isTrustedSigner = false;
  let signature: UploadVerification['signature'] = null;
  if (check?.outcome === 'intact') {
    const fingerprint = certificateFingerprint(check.signer);
    const onRecord = await services.keys.agencyCertificate(fingerprint);
    const at = record?.document.signedAt ?? check.signingTime ?? now;
    const chain = onRecord ? buildTrustedChain(check.signer, check.certificates, await services.keys.trustAnchors(now), at) : null;
    isTrustedSigner = chain !== null;
    if (isTrustedSigner && onRecord)
      signature = {
        signer: onRecord.subject,
        fingerprint,
        signedAt: record?.document.signedAt.toISOString() ?? check.signingTime?.toISOString() ?? null,
      };
  }
  const code = judgeUpload({
    signature: check ? (check.outcome === 'intact' ? 'intact' : check.outcome) : 'absent',
    isTrustedSigner,
    coversWholeFile: located?.coversWholeFile ?? false,
    record:
      record && document
        ? {
            isHashEqual: record.document.sha256 === sha256,
            isSignerEqual: signature?.fingerprint === record.document.signerFingerprint,
            status: document.status,
          }
        : null,
  });
  return { status: uploadOutcomes[code], code, document, signature };
}

/**
 * Checks an uploaded PDF for anybody (`verifyUploadedPdf`) and keeps an audit row when the file is a
 * forgery or an altered copy (tampered, untrusted), so attempts to pass off false documents are traced.
 */
export async function checkUploadedPdf(services: DocumentServices, pdf: Uint8Array, actor: Actor): Promise<UploadVerification> {
  const result = await verifyUploadedPdf(services, pdf);
  if (result.status === 'tampered' || result.status === 'untrusted')
    await recordAudit(services.db, actor, {
      action: 'document.verify_rejected',
      subjectType: 'issued_document',
      subjectId: result.document?.documentId ?? null,
      details: { code: result.code, status: result.status, sha256: createHash('sha256').update(pdf).digest('hex') },
    });
  return result;
}
