import { and, count, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { dossierComponents, dossiers, type DossierStatus } from '../dossiers/schema.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import { agencyScope, officerHasScope } from '../identity/guards.ts';
import type { CitizenPrincipal, OfficerPrincipal } from '../identity/principal.ts';
import { recordAudit, recordPersonalDataAccess } from '../platform/audit/record.ts';
import type { Db, Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { agencies } from '../units/schema.ts';
import { isDossierOpenForStore, isValidOn } from './domain/store-access.ts';
import { issuedDocuments, storeConsents, storeDocuments, type StoreDocumentRow } from './schema.ts';
import type { DocumentServices } from './services.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A store document as its owner and the officers handling the owner's dossier see it. */
export interface StoreDocumentView {
  id: string;
  documentType: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  origin: StoreDocumentRow['origin'];
  issuedDocumentId: string | null;
  agencyCode: string | null;
  /** The agency's name, for people (null when there is no agency or it is unknown). */
  agencyName: string | null;
  sha256: string;
  createdAt: string;
  /** Agencies the owner currently lets see this document. */
  sharedWith: string[];
  /** The issuing agency revoked the signed document: it can no longer be reused. */
  isRevoked: boolean;
}

/** Who asks and why, for logs and audit rows. */
export interface StoreRequestContext {
  requestId: string;
  log: Pick<FastifyBaseLogger, 'warn'>;
  ip?: string | null;
}

/** The result fields `storeIssuedResult` copies into the owner's store. */
export interface IssuedResult {
  id: string;
  documentType: string;
  title: string;
  subjectIdNumber: string | null;
  subjectTaxCode: string | null;
  dossierId: string | null;
  agencyCode: string;
  validFrom: string;
  validTo: string | null;
  objectKey: string;
  sha256: string;
}

/** Puts a signed result into its subject's store; call it in the transaction that records the result. Answers the store id. */
export async function storeIssuedResult(q: Queryable, issued: IssuedResult): Promise<string> {
  const [row] = await q
    .insert(storeDocuments)
    .values({
      ownerIdNumber: issued.subjectIdNumber,
      ownerTaxCode: issued.subjectTaxCode,
      documentType: issued.documentType,
      title: issued.title,
      validFrom: issued.validFrom,
      validTo: issued.validTo,
      origin: 'issued',
      issuedDocumentId: issued.id,
      sourceDossierId: issued.dossierId,
      agencyCode: issued.agencyCode,
      objectKey: issued.objectKey,
      sha256: issued.sha256,
    })
    .returning({ id: storeDocuments.id });
  if (!row) throw new Error('store document not inserted');
  return row.id;
}

async function present(q: Queryable, rows: StoreDocumentRow[]): Promise<StoreDocumentView[]> {
  const views: StoreDocumentView[] = [];
  for (const row of rows) {
    const consents = await q
      .select({ agencyCode: storeConsents.agencyCode })
      .from(storeConsents)
      .where(and(eq(storeConsents.storeDocumentId, row.id), isNull(storeConsents.revokedAt)));
    const [agency] = row.agencyCode ? await q.select({ name: agencies.name }).from(agencies).where(eq(agencies.code, row.agencyCode)) : [];
    const [issued] = row.issuedDocumentId
      ? await q.select({ revokedAt: issuedDocuments.revokedAt }).from(issuedDocuments).where(eq(issuedDocuments.id, row.issuedDocumentId))
      : [];
    views.push({
      id: row.id,
      documentType: row.documentType,
      title: row.title,
      validFrom: row.validFrom,
      validTo: row.validTo,
      origin: row.origin,
      issuedDocumentId: row.issuedDocumentId,
      agencyCode: row.agencyCode,
      agencyName: agency?.name ?? null,
      sha256: row.sha256,
      createdAt: row.createdAt.toISOString(),
      sharedWith: consents.map((c) => c.agencyCode).sort(),
      isRevoked: Boolean(issued?.revokedAt),
    });
  }
  return views;
}

/** Store documents of a person (by CCCD), newest first. */
export async function storeDocumentsOf(q: Queryable, idNumber: string): Promise<StoreDocumentRow[]> {
  return q.select().from(storeDocuments).where(eq(storeDocuments.ownerIdNumber, idNumber)).orderBy(desc(storeDocuments.createdAt));
}

/** The signed-in citizen's own store. */
export async function listOwnStoreDocuments(services: DocumentServices, citizen: CitizenPrincipal): Promise<StoreDocumentView[]> {
  return present(services.db, await storeDocumentsOf(services.db, citizen.idNumber));
}

/**
 * The citizen's own store document, or STORE_DOCUMENT_NOT_FOUND — the same answer for another person's
 * document as for an unknown id, so ids cannot be probed; a look at another person's document is logged.
 */
async function ownStoreDocument(q: Db, citizen: CitizenPrincipal, id: string, context: StoreRequestContext): Promise<StoreDocumentRow> {
  if (!uuidPattern.test(id)) throw new AppError('STORE_DOCUMENT_NOT_FOUND');
  const [row] = await q.select().from(storeDocuments).where(eq(storeDocuments.id, id));
  if (row && row.ownerIdNumber === citizen.idNumber) return row;
  if (row) {
    context.log.warn({ storeDocumentId: id, citizenId: citizen.id }, 'a citizen asked for a store document of another person');
    // Kept in the audit log too (Law 91/2025/QH15: attempts on a person's data are traced); `q` is never a transaction here.
    await recordAudit(
      q,
      { kind: 'citizen', id: citizen.id, requestId: context.requestId, ip: context.ip ?? null },
      { action: 'store.access_denied', subjectType: 'store_document', subjectId: id, details: { reason: 'not_owner' } },
    );
  }
  throw new AppError('STORE_DOCUMENT_NOT_FOUND');
}

/** The bytes of one of the citizen's own store documents. */
export async function ownStoreDocumentContent(
  services: DocumentServices,
  citizen: CitizenPrincipal,
  id: string,
  context: StoreRequestContext,
): Promise<{ title: string; bytes: Uint8Array }> {
  const row = await ownStoreDocument(services.db, citizen, id, context);
  const bytes = await services.store.get(row.objectKey);
  if (!bytes) throw new AppError('STORE_DOCUMENT_NOT_FOUND');
  return { title: row.title, bytes };
}

/**
 * The store of a dossier's applicant, for an officer handling that dossier: the officer needs a role over
 * the dossier's receiving or handling agency and the dossier must still be open. Anything else — an
 * unknown code, another agency's dossier, a closed one — is STORE_ACCESS_WITHOUT_DOSSIER (logged and audited).
 * Every granted read is written to the personal data access log with the dossier code as its purpose.
 */
export async function officerDossierStore(
  services: DocumentServices,
  officer: OfficerPrincipal,
  dossierCode: string,
  context: StoreRequestContext,
): Promise<{ dossierCode: string; documents: StoreDocumentView[] }> {
  const code = dossierCode.trim().toUpperCase();
  const [dossier] = await services.db.select().from(dossiers).where(eq(dossiers.code, code));
  const scoped = dossier ? await handlesDossier(services.db, officer, dossier) : false;
  if (!dossier || !scoped || !isDossierOpenForStore(dossier.status as DossierStatus)) {
    context.log.warn({ dossierCode: code, officerId: officer.id }, 'an officer asked for a store without a dossier in hand');
    const reason = !dossier ? 'unknown_dossier' : !scoped ? 'out_of_scope' : 'dossier_closed';
    await recordAudit(
      services.db,
      { kind: 'officer', id: officer.id, requestId: context.requestId, ip: context.ip ?? null },
      { action: 'store.access_denied', subjectType: 'dossier', subjectId: dossier?.id ?? null, details: { dossierCode: code, reason } },
    );
    throw new AppError('STORE_ACCESS_WITHOUT_DOSSIER');
  }
  return services.db.transaction(async (tx) => {
    const rows = await storeDocumentsOf(tx, dossier.applicantIdNumber);
    await recordPersonalDataAccess(tx, {
      actorKind: 'officer',
      actorId: officer.id,
      dataSubject: dossier.applicantIdNumber,
      resource: 'store',
      purpose: `dossier:${dossier.code}`,
      requestId: context.requestId,
    });
    return { dossierCode: dossier.code, documents: await present(tx, rows) };
  });
}

async function handlesDossier(
  q: Queryable,
  officer: OfficerPrincipal,
  dossier: { receivingAgencyCode: string; handlingAgencyCode: string },
): Promise<boolean> {
  for (const code of new Set([dossier.handlingAgencyCode, dossier.receivingAgencyCode])) {
    const [agency] = await q.select().from(agencies).where(eq(agencies.code, code));
    if (agency && officerHasScope(officer, agencyScope(agency))) return true;
  }
  return false;
}

/** Lets another agency see one of the citizen's documents (idempotent). */
export async function grantStoreConsent(
  services: DocumentServices,
  citizen: CitizenPrincipal,
  input: { id: string; agencyCode: string },
  context: StoreRequestContext,
): Promise<StoreDocumentView> {
  // Ownership first, outside the transaction: a refusal's audit row must not roll back with it.
  const row = await ownStoreDocument(services.db, citizen, input.id, context);
  return services.db.transaction(async (tx) => {
    const [agency] = await tx.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, input.agencyCode));
    if (!agency) throw new AppError('AGENCY_NOT_FOUND', { code: input.agencyCode });
    await tx
      .insert(storeConsents)
      .values({ storeDocumentId: row.id, agencyCode: agency.code, grantedAt: services.now() })
      .onConflictDoNothing();
    await recordAudit(
      tx,
      { kind: 'citizen', id: citizen.id, requestId: context.requestId },
      {
        action: 'store.consent.grant',
        subjectType: 'store_document',
        subjectId: row.id,
        details: { agencyCode: agency.code },
      },
    );
    const [view] = await present(tx, [row]);
    return view as StoreDocumentView;
  });
}

/** Withdraws the citizen's consent for an agency (idempotent). */
export async function revokeStoreConsent(
  services: DocumentServices,
  citizen: CitizenPrincipal,
  input: { id: string; agencyCode: string },
  context: StoreRequestContext,
): Promise<StoreDocumentView> {
  const row = await ownStoreDocument(services.db, citizen, input.id, context);
  return services.db.transaction(async (tx) => {
    await tx
      .update(storeConsents)
      .set({ revokedAt: services.now() })
      .where(
        and(eq(storeConsents.storeDocumentId, row.id), eq(storeConsents.agencyCode, input.agencyCode), isNull(storeConsents.revokedAt)),
      );
    await recordAudit(
      tx,
      { kind: 'citizen', id: citizen.id, requestId: context.requestId },
      {
        action: 'store.consent.revoke',
        subjectType: 'store_document',
        subjectId: row.id,
        details: { agencyCode: input.agencyCode },
      },
    );
    const [view] = await present(tx, [row]);
    return view as StoreDocumentView;
  });
}

/**
 * The person's store documents that can stand for some of the given components: of a component's type
 * (document type code = component code), valid on `today` (YYYY-MM-DD) and not revoked. Newest first.
 */
export async function reusableStoreDocuments(
  q: Queryable,
  idNumber: string,
  componentCodes: readonly string[],
  today: string,
): Promise<StoreDocumentRow[]> {
  if (componentCodes.length === 0) return [];
  const rows = await q
    .select({ store: storeDocuments, revokedAt: issuedDocuments.revokedAt })
    .from(storeDocuments)
    .leftJoin(issuedDocuments, eq(issuedDocuments.id, storeDocuments.issuedDocumentId))
    .where(and(eq(storeDocuments.ownerIdNumber, idNumber), inArray(storeDocuments.documentType, [...componentCodes])))
    .orderBy(desc(storeDocuments.createdAt));
  // A signed document its agency revoked no longer stands for anything.
  return rows.filter((row) => row.revokedAt === null && isValidOn(row.store, today)).map((row) => row.store);
}

/**
 * The store documents a submission names instead of files, by component code, or STORE_DOCUMENT_NOT_FOUND
 * when one is not the applicant's, not of that component's type or no longer valid.
 */
export async function storeDocumentsForSubmission(
  q: Queryable,
  idNumber: string,
  listed: readonly { componentCode: string; storeDocumentId?: string | undefined }[],
  today: string,
): Promise<Map<string, string>> {
  const chosen = listed.flatMap((c) => (c.storeDocumentId ? [{ componentCode: c.componentCode, id: c.storeDocumentId }] : []));
  const usable = await reusableStoreDocuments(q, idNumber, [...new Set(chosen.map((c) => c.componentCode))], today);
  const byId = new Map(usable.map((row) => [row.id, row]));
  const refused = chosen.filter((c) => byId.get(c.id)?.documentType !== c.componentCode).map((c) => c.id);
  if (refused.length > 0) throw new AppError('STORE_DOCUMENT_NOT_FOUND', { storeDocumentIds: refused });
  return new Map(chosen.map((c) => [c.componentCode, c.id]));
}

/** A store document that can stand for a component of a procedure's current version. */
export interface ReusableDocumentView extends StoreDocumentView {
  componentCode: string;
  componentName: string;
}

/** The citizen's valid store documents matching components of the procedure's current version. */
export async function reusableForProcedure(
  services: DocumentServices,
  citizen: CitizenPrincipal,
  procedureCode: string,
  today: string,
): Promise<{ procedureCode: string; procedureVersion: number; documents: ReusableDocumentView[] }> {
  const [version] = await services.db
    .select({ version: procedureVersions })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(
      and(eq(procedures.provinceCode, services.provinceCode), eq(procedures.code, procedureCode), eq(procedureVersions.isCurrent, true)),
    );
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { code: procedureCode });
  const names = new Map(version.version.components.map((c) => [c.code, c.name]));
  const rows = await reusableStoreDocuments(services.db, citizen.idNumber, [...names.keys()], today);
  const views = await present(services.db, rows);
  return {
    procedureCode,
    procedureVersion: version.version.version,
    documents: views.map((v) => ({ ...v, componentCode: v.documentType, componentName: names.get(v.documentType) ?? v.documentType })),
  };
}

/**
 * Components taken from the store (DuocLayTuKhoDMQG) in dossiers of a unit submitted in [from, to):
 * the reuse figure of the digital transformation indicators.
 */
export async function countReusedComponents(q: Queryable, unitCode: string, period: { from: Date; to: Date }): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(dossierComponents)
    .innerJoin(dossiers, eq(dossiers.id, dossierComponents.dossierId))
    .where(
      and(
        eq(dossierComponents.source, 'store'),
        eq(dossiers.unitCode, unitCode),
        gte(dossiers.submittedAt, period.from),
        lt(dossiers.submittedAt, period.to),
      ),
    );
  return Number(row?.n ?? 0);
}
