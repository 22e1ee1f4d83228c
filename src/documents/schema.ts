import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { dossiers } from '../dossiers/schema.ts';

/**
 * Chứng thư số — a certificate the platform signs with or trusts: a CA (trust anchor) or an agency's
 * document-signing certificate. Development keys are kept sealed (AES-256-GCM under a key derived from
 * the platform secret); keys configured from files never enter the database (ADR 0003).
 */
export const signingCertificates = pgTable(
  'signing_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['ca', 'agency'] }).notNull(),
    /** The agency the certificate signs for; '' for a CA. */
    agencyCode: text('agency_code').notNull().default(''),
    /** `development`: made by the development CA in demo mode; `configured`: loaded from SIGNING_KEYS_DIR. */
    source: text('source', { enum: ['development', 'configured'] }).notNull(),
    certificatePem: text('certificate_pem').notNull(),
    /** SHA-256 of the certificate's DER, lower-case hex. */
    fingerprint: varchar('fingerprint', { length: 64 }).notNull(),
    subject: text('subject').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    /** The PKCS#8 private key sealed with the platform secret; null when the key lives in configured files. */
    privateKeySealed: text('private_key_sealed'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a newer certificate replaced this one; documents it signed still verify. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('signing_certificates_fingerprint').on(t.fingerprint),
    // One certificate in use per agency, and one development CA, at a time (configured CAs are any number).
    uniqueIndex('signing_certificates_active')
      .on(t.kind, t.agencyCode)
      .where(sql`${t.retiredAt} IS NULL AND (${t.kind} = 'agency' OR ${t.source} = 'development')`),
  ],
);

/** A fact about a document that anyone may see on the public verification page (never personal data). */
export interface PublicFact {
  label: string;
  value: string;
}

/**
 * Văn bản điện tử đã ký số — a signed result issued by an agency (e.g. a birth certificate extract).
 * The signed PDF itself is in the object store; this row is what public verification answers from.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    /** Also printed in the PDF, its metadata and its QR link to /verify/{id}. */
    id: uuid('id').primaryKey(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    agencyCode: text('agency_code').notNull(),
    /** Loại giấy tờ — the document type code, e.g. `birth-certificate-extract`. */
    documentType: text('document_type').notNull(),
    title: text('title').notNull(),
    subjectKind: text('subject_kind', { enum: ['citizen', 'organisation'] }).notNull(),
    /** CCCD of the person the document is about (citizen subject). */
    subjectIdNumber: varchar('subject_id_number', { length: 12 }),
    /** Mã số thuế of the organisation the document is about (organisation subject). */
    subjectTaxCode: varchar('subject_tax_code', { length: 14 }),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    objectKey: text('object_key').notNull(),
    /** SHA-256 of the signed PDF bytes, lower-case hex. */
    sha256: varchar('sha256', { length: 64 }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    signerCertificateId: uuid('signer_certificate_id')
      .notNull()
      .references(() => signingCertificates.id),
    signerFingerprint: varchar('signer_fingerprint', { length: 64 }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Last day of validity; null when the document does not expire. */
    validTo: date('valid_to', { mode: 'string' }),
    /** Minimal non-personal facts shown by public verification. */
    publicFacts: jsonb('public_facts').$type<PublicFact[]>().notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByOfficerId: uuid('revoked_by_officer_id'),
    revocationReason: text('revocation_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('issued_documents_sha256').on(t.sha256),
    index('issued_documents_subject_id_idx').on(t.subjectIdNumber),
    index('issued_documents_subject_tax_idx').on(t.subjectTaxCode),
    index('issued_documents_dossier_idx').on(t.dossierId),
    index('issued_documents_agency_idx').on(t.agencyCode, t.signedAt),
  ],
);

/** Every change to an issued document (issued, revoked), written in the transaction that makes it. */
export const issuedDocumentEvents = pgTable(
  'issued_document_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => issuedDocuments.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action', { enum: ['issue', 'revoke'] }).notNull(),
    actorKind: text('actor_kind', { enum: ['citizen', 'officer', 'system'] }).notNull(),
    /** An officer id, or the name of a system job. */
    actorId: text('actor_id'),
    reason: text('reason'),
  },
  (t) => [index('issued_document_events_document_idx').on(t.documentId, t.at)],
);

export type SigningCertificateRow = typeof signingCertificates.$inferSelect;
export type IssuedDocumentRow = typeof issuedDocuments.$inferSelect;

/** Where a document in a person's store came from. */
export const storeOrigins = ['issued', 'counter_scan', 'upload'] as const;
export type StoreOrigin = (typeof storeOrigins)[number];

/**
 * Kho dữ liệu điện tử — one document kept in a person's (CCCD) or organisation's (tax code) electronic
 * store, so later dossiers can reuse it instead of uploading it again (Decree 45/2020/NĐ-CP, art. 16–17).
 * A signed result points at its issued document; other origins point at their bytes in the object store.
 */
export const storeDocuments = pgTable(
  'store_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** CCCD of the owner, when the owner is a person. */
    ownerIdNumber: varchar('owner_id_number', { length: 12 }),
    /** Tax code of the owner, when the owner is an organisation. */
    ownerTaxCode: varchar('owner_tax_code', { length: 14 }),
    /** Document type code, the same codes as procedure components (e.g. GIAY_KHAI_SINH). */
    documentType: text('document_type').notNull(),
    title: text('title').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Last day of validity; null when the document does not expire. */
    validTo: date('valid_to', { mode: 'string' }),
    origin: text('origin', { enum: storeOrigins }).notNull(),
    issuedDocumentId: uuid('issued_document_id').references(() => issuedDocuments.id),
    sourceDossierId: uuid('source_dossier_id').references(() => dossiers.id),
    agencyCode: text('agency_code'),
    /** Object key and SHA-256 of the bytes (for an issued document: those of the signed PDF). */
    objectKey: text('object_key').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('store_documents_owner_id_idx').on(t.ownerIdNumber, t.documentType),
    index('store_documents_owner_tax_idx').on(t.ownerTaxCode, t.documentType),
    uniqueIndex('store_documents_issued_key').on(t.issuedDocumentId),
  ],
);

/** The owner's consent to share one store document with another agency; withdrawn by setting revokedAt. */
export const storeConsents = pgTable(
  'store_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeDocumentId: uuid('store_document_id')
      .notNull()
      .references(() => storeDocuments.id),
    agencyCode: text('agency_code').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('store_consents_active')
      .on(t.storeDocumentId, t.agencyCode)
      .where(sql`${t.revokedAt} IS NULL`),
  ],
);

export type StoreDocumentRow = typeof storeDocuments.$inferSelect;
