import { and, asc, eq } from 'drizzle-orm';
import { issuedDocuments, storeDocuments } from '../documents/schema.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { normaliseDossierCode } from './domain/dossier-code.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import type { AgencyDirectory } from '../units/agency-directory.ts';
import type { CurrentCommune, CurrentCommunes } from '../units/current-communes.ts';
import type { AgencyRow } from '../units/schema.ts';
import type { ComponentSource } from './domain/components.ts';
import { attachments, dossierComponents, dossierEvents, dossiers, type DossierRow, type DossierStatus } from './schema.ts';

/** A dossier with what its pages need: procedure, agencies, components with their files, history. */
export interface DossierRecord {
  row: DossierRow;
  procedure: { code: string; version: number; name: string; nameEn: string | null };
  receivingAgency: AgencyName;
  handlingAgency: AgencyName;
  components: {
    componentCode: string;
    name: string;
    source: ComponentSource | 'counter_scan' | 'store';
    attachmentId: string | null;
    fileName: string | null;
    sizeBytes: number | null;
    sha256: string | null;
  }[];
  events: { at: Date; action: string; toStatus: DossierStatus; reason: string | null; details?: unknown }[];
  /** Signed electronic results the dossier issued (absent on a just-submitted dossier: none yet). */
  results?: DossierResult[];
}

/** A signed result of a dossier, as its applicant downloads it (from their store) and anyone verifies it. */
export interface DossierResult {
  documentId: string;
  storeDocumentId: string;
  title: string;
  documentType: string;
  signedAt: Date;
  revokedAt: Date | null;
}

export interface AgencyName {
  code: string;
  name: string;
  nameEn: string | null;
  parentAgencyCode: string | null;
  unitCode: string | null;
  level: 'province' | 'commune' | null;
}

const kindNames: Record<string, { vi: string; en: string }> = {
  UBND: { vi: 'Ủy ban nhân dân', en: "People's Committee of" },
  CA: { vi: 'Công an', en: 'Police of' },
};

/** Reference data a dossier page names things from: today's communes and the province's agencies. */
export interface ReferenceData {
  communes: ReadonlyMap<string, CurrentCommune>;
  agencies: ReadonlyMap<string, AgencyRow>;
}

/** Both reference caches, loaded when stale. */
export async function referenceData(deps: { communes: CurrentCommunes; agencies: AgencyDirectory }): Promise<ReferenceData> {
  const [communes, agencies] = await Promise.all([deps.communes.byCode(), deps.agencies.byCode()]);
  return { communes, agencies };
}

/**
 * The name of an agency by code. Agencies without a row (a commune's police, `26572-CA`) are named
 * from their kind and the commune: "Công an Phường Tam Long".
 */
export function agencyName(code: string, reference: ReferenceData): AgencyName {
  const row = reference.agencies.get(code);
  if (row)
    return { code, name: row.name, nameEn: row.nameEn, parentAgencyCode: row.parentAgencyCode, unitCode: row.unitCode, level: row.level };
  const m = /^(\d{5})-([A-Za-zĐđ]+)$/.exec(code);
  const commune = m ? reference.communes.get(m[1] as string) : undefined;
  const kind = m ? kindNames[m[2] as string] : undefined;
  return {
    code,
    name: commune && kind ? `${kind.vi} ${commune.fullName}` : code,
    nameEn: commune && kind ? `${kind.en} ${commune.fullName}` : null,
    parentAgencyCode: null,
    unitCode: commune?.code ?? null,
    level: commune ? 'commune' : null,
  };
}

/** Loads the full record of a dossier row. */
export async function loadDossierRecord(q: Queryable, row: DossierRow, reference: ReferenceData): Promise<DossierRecord> {
  // One after another: `q` may be a transaction, whose connection runs one query at a time anyway
  // (node-postgres deprecates queueing them on one client; pg 9 refuses).
  const [procedure] = await q
    .select({ code: procedures.code, version: procedureVersions.version, name: procedureVersions.name, nameEn: procedureVersions.nameEn })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(eq(procedureVersions.id, row.procedureVersionId));
  const components = await q
    .select({
      componentCode: dossierComponents.componentCode,
      name: dossierComponents.name,
      source: dossierComponents.source,
      attachmentId: dossierComponents.attachmentId,
      fileName: attachments.fileName,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
    })
    .from(dossierComponents)
    .leftJoin(attachments, eq(attachments.id, dossierComponents.attachmentId))
    .where(eq(dossierComponents.dossierId, row.id))
    .orderBy(asc(dossierComponents.position), asc(dossierComponents.id));
  const events = await q
    .select({
      at: dossierEvents.at,
      action: dossierEvents.action,
      toStatus: dossierEvents.toStatus,
      reason: dossierEvents.reason,
      details: dossierEvents.details,
    })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, row.id))
    .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
  const results = await q
    .select({
      documentId: issuedDocuments.id,
      storeDocumentId: storeDocuments.id,
      title: issuedDocuments.title,
      documentType: issuedDocuments.documentType,
      signedAt: issuedDocuments.signedAt,
      revokedAt: issuedDocuments.revokedAt,
    })
    .from(storeDocuments)
    .innerJoin(issuedDocuments, eq(issuedDocuments.id, storeDocuments.issuedDocumentId))
    .where(and(eq(storeDocuments.sourceDossierId, row.id), eq(storeDocuments.origin, 'issued')))
    .orderBy(asc(issuedDocuments.signedAt));
  if (!procedure) throw new Error(`dossier ${row.code} references a missing procedure version`);
  return {
    row,
    procedure,
    receivingAgency: agencyName(row.receivingAgencyCode, reference),
    handlingAgency: agencyName(row.handlingAgencyCode, reference),
    components,
    events,
    results,
  };
}

/** Where a refused look at someone else's dossier is reported (the request logger). */
export type AccessLog = Pick<FastifyBaseLogger, 'warn'>;

/**
 * The dossier with this code (as typed: trimmed, any case) when the citizen is its applicant; otherwise
 * DOSSIER_NOT_FOUND, the same answer for an unknown code, so codes cannot be probed. A look at another
 * applicant's dossier is logged. `forUpdate` locks the row for a change.
 */
export async function ownDossierOrNotFound(
  q: Queryable,
  citizenId: string,
  code: string,
  log: AccessLog,
  options: { forUpdate?: boolean } = {},
): Promise<DossierRow> {
  const normalised = normaliseDossierCode(code);
  if (!normalised) throw new AppError('DOSSIER_NOT_FOUND');
  const query = q.select().from(dossiers).where(eq(dossiers.code, normalised));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (row && row.applicantCitizenId === citizenId) return row;
  if (row) log.warn({ dossierCode: normalised, citizenId }, 'a citizen asked for a dossier of another applicant');
  throw new AppError('DOSSIER_NOT_FOUND');
}
