import { and, count, desc, eq, sql } from 'drizzle-orm';
import { recordPersonalDataAccess } from '../platform/audit/record.ts';
import { constantTimeEquals } from '../identity/tokens.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import type { DossierDeps } from './deps.ts';
import { normaliseDossierCode } from './domain/dossier-code.ts';
import { dossierStatusNames, type Bilingual } from './domain/lifecycle.ts';
import { presentDossier, presentDossierSummary, type DossierSummaryView, type DossierView } from './present.ts';
import { agencyName, loadDossierRecord, ownDossierOrNotFound, referenceData, type AccessLog } from './records.ts';
import { dossierEvents, dossiers, type DossierStatus } from './schema.ts';

/** Hồ sơ của tôi — the citizen's dossiers, newest first. */
export async function listMyDossiers(
  deps: Pick<DossierDeps, 'db' | 'communes' | 'agencies'>,
  citizen: CitizenPrincipal,
  page: { page: number; pageSize: number },
): Promise<{ items: DossierSummaryView[]; total: number }> {
  const { db } = deps;
  const mine = eq(dossiers.applicantCitizenId, citizen.id);
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: dossiers, procedure: { code: procedures.code, version: procedureVersions.version, name: procedureVersions.name, nameEn: procedureVersions.nameEn } })
      .from(dossiers)
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(mine)
      .orderBy(desc(dossiers.submittedAt), desc(dossiers.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(dossiers).where(mine),
  ]);
  const reference = await referenceData(deps);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map(({ row, procedure }) =>
      presentDossierSummary({
        row,
        procedure,
        receivingAgency: agencyName(row.receivingAgencyCode, reference),
        handlingAgency: agencyName(row.handlingAgencyCode, reference),
      }),
    ),
  };
}

/** One of the citizen's dossiers in full; the read is logged as access to personal data (Law 91/2025/QH15). */
export async function readMyDossier(
  deps: Pick<DossierDeps, 'db' | 'communes' | 'agencies'>,
  citizen: CitizenPrincipal,
  code: string,
  context: { requestId: string; log: AccessLog },
): Promise<DossierView> {
  // Reference data first: on PGlite a cache load inside the transaction would wait for it to end.
  const reference = await referenceData(deps);
  return deps.db.transaction(async (tx) => {
    const row = await ownDossierOrNotFound(tx, citizen.id, code, context.log);
    const record = await loadDossierRecord(tx, row, reference);
    await recordPersonalDataAccess(tx, {
      actorKind: 'citizen',
      actorId: citizen.id,
      dataSubject: row.applicantIdNumber,
      resource: `dossier:${row.code}`,
      purpose: 'self-service',
      requestId: context.requestId,
    });
    return presentDossier(record);
  });
}

/** What the public lookup reveals: status and dates, nothing about the person. */
export interface PublicDossierStatus {
  code: string;
  status: DossierStatus;
  statusName: Bilingual;
  procedureName: string;
  submittedAt: string;
  receivedAt: string | null;
  appointmentAt: string | null;
  returnedAt: string | null;
  history: { at: string; statusName: Bilingual }[];
}

// Compared against when the code is unknown, so both failures take the same time.
const decoyIdNumber = '000000000000';

/**
 * Tra cứu hồ sơ — the public status of a dossier, only when the ID number is the applicant's. Unknown
 * code and wrong number both answer null (the caller says DOSSIER_NOT_FOUND), after the same
 * constant-time comparison, so neither codes nor numbers can be probed.
 */
export async function lookupDossierStatus(deps: Pick<DossierDeps, 'db'>, code: string, idNumber: string): Promise<PublicDossierStatus | null> {
  const normalised = normaliseDossierCode(code);
  const [row] = normalised
    ? await deps.db
        .select({ dossier: dossiers, procedureName: procedureVersions.name })
        .from(dossiers)
        .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
        .where(eq(dossiers.code, normalised))
    : [];
  const matches = constantTimeEquals(row?.dossier.applicantIdNumber ?? decoyIdNumber, idNumber);
  if (!row || !matches) return null;
  const { dossier } = row;
  // Only status changes are public history; internal steps (assignment, notes) stay inside.
  const events = await deps.db
    .select({ at: dossierEvents.at, toStatus: dossierEvents.toStatus })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossier.id), sql`${dossierEvents.fromStatus} IS DISTINCT FROM ${dossierEvents.toStatus}`))
    .orderBy(dossierEvents.at, dossierEvents.id);
  return {
    code: dossier.code,
    status: dossier.status,
    statusName: dossierStatusNames[dossier.status],
    procedureName: row.procedureName,
    submittedAt: dossier.submittedAt.toISOString(),
    receivedAt: dossier.receivedAt?.toISOString() ?? null,
    appointmentAt: dossier.appointmentAt?.toISOString() ?? null,
    returnedAt: dossier.returnedAt?.toISOString() ?? null,
    history: events.map((e) => ({ at: e.at.toISOString(), statusName: dossierStatusNames[e.toStatus] })),
  };
}
