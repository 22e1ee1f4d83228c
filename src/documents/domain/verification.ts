/**
 * What public verification tells a reader about a signed document. Pure rules: the checks themselves
 * (CMS, certificate chain, hashes) happen in the application layer and arrive here as findings.
 */

const documentIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string has the shape of a document id (a lower-case UUID). */
export function isDocumentId(value: string): boolean {
  return documentIdPattern.test(value);
}

/** Trạng thái văn bản — the state of a document on record. */
export const documentStatuses = ['valid', 'expired', 'revoked', 'tampered'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** The state of a recorded document on `today` (YYYY-MM-DD, Vietnam time). */
export function documentStatus(
  record: { revokedAt: Date | null; validTo: string | null; isStoredCopyIntact: boolean },
  today: string,
): DocumentStatus {
  // The platform's own copy no longer matching its recorded hash outranks everything else.
  if (!record.isStoredCopyIntact) return 'tampered';
  if (record.revokedAt) return 'revoked';
  if (record.validTo !== null && record.validTo < today) return 'expired';
  return 'valid';
}

/** What checking an uploaded PDF found, in the order the checks run. */
export interface UploadFindings {
  /** The CMS signature: none in the file, not checkable by us, broken (digest or signature), or intact. */
  signature: 'absent' | 'unsupported' | 'broken' | 'intact';
  /** The signer's certificate is an agency certificate on record and chains to a trusted CA. */
  isTrustedSigner: boolean;
  /** The signature covers the whole file (nothing was appended after signing). */
  coversWholeFile: boolean;
  /** The document on record the file names (by its hash, else by the id inside it), or null. */
  record: {
    isHashEqual: boolean;
    /** The file was signed with the certificate recorded for that document. */
    isSignerEqual: boolean;
    status: DocumentStatus;
  } | null;
}

export const uploadStatuses = ['valid', 'expired', 'revoked', 'tampered', 'untrusted', 'unknown'] as const;
export type UploadStatus = (typeof uploadStatuses)[number];

/** Each outcome of checking an uploaded PDF, with the status a reader sees. */
export const uploadOutcomes = {
  DOCUMENT_VALID: 'valid',
  DOCUMENT_EXPIRED: 'expired',
  DOCUMENT_REVOKED: 'revoked',
  SIGNATURE_BROKEN: 'tampered',
  CONTENT_MODIFIED: 'tampered',
  SIGNER_MISMATCH: 'tampered',
  STORED_COPY_DAMAGED: 'tampered',
  SIGNER_NOT_TRUSTED: 'untrusted',
  NOT_SIGNED: 'unknown',
  SIGNATURE_UNSUPPORTED: 'unknown',
  DOCUMENT_NOT_ON_RECORD: 'unknown',
} as const satisfies Record<string, UploadStatus>;

export type UploadOutcome = keyof typeof uploadOutcomes;

/**
 * Judges an uploaded PDF: a signature that does not verify, bytes that differ from the recorded file
 * or a signer other than the recorded one make it tampered; a signer outside the platform's trust makes
 * it untrusted; a genuine file then takes its record's state (valid, expired, revoked).
 */
export function judgeUpload(findings: UploadFindings): UploadOutcome {
  if (findings.signature === 'absent') return 'NOT_SIGNED';
  if (findings.signature === 'unsupported') return 'SIGNATURE_UNSUPPORTED';
  if (findings.signature === 'broken') return 'SIGNATURE_BROKEN';
  if (!findings.isTrustedSigner) return 'SIGNER_NOT_TRUSTED';
  const { record } = findings;
  if (!record) return 'DOCUMENT_NOT_ON_RECORD';
  if (!record.isSignerEqual) return 'SIGNER_MISMATCH';
  if (!findings.coversWholeFile || !record.isHashEqual) return 'CONTENT_MODIFIED';
  if (record.status === 'tampered') return 'STORED_COPY_DAMAGED';
  if (record.status === 'revoked') return 'DOCUMENT_REVOKED';
  if (record.status === 'expired') return 'DOCUMENT_EXPIRED';
  return 'DOCUMENT_VALID';
}
