import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { maskCccd } from '../identity/domain/cccd.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { citizens } from '../identity/schema.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { adminUnits } from '../units/schema.ts';
import type { DossierDeps } from './deps.ts';
import type { ComponentSource } from './domain/components.ts';
import { agencyName, loadDossierRecord, ownDossierOrNotFound, referenceData, type AccessLog } from './records.ts';
import { dossiers, type DossierRow } from './schema.ts';
import { renderReceiptSlip, type ReceiptSlipData } from './slips/receipt-slip.ts';
import { lookupUrlOf } from './submit.ts';

type ReceiptDeps = Pick<DossierDeps, 'db' | 'communes' | 'agencies' | 'publicUrl'>;

async function unitName(q: Queryable, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [unit] = await q
    .select({ fullName: adminUnits.fullName })
    .from(adminUnits)
    .where(and(eq(adminUnits.code, code), isNull(adminUnits.validTo)));
  return unit?.fullName ?? null;
}

/** Everything form 01 shows about a dossier, as it was at submission. */
export async function loadReceiptSlipData(deps: ReceiptDeps, row: DossierRow): Promise<ReceiptSlipData> {
  const { db } = deps;
  const reference = await referenceData(deps);
  const record = await loadDossierRecord(db, row, reference);
  const [[version], [applicant], place] = await Promise.all([
    db
      .select({ timeAmount: procedureVersions.timeAmount, timeUnit: procedureVersions.timeUnit, fees: procedureVersions.fees, components: procedureVersions.components })
      .from(procedureVersions)
      .where(eq(procedureVersions.id, row.procedureVersionId)),
    row.applicantCitizenId
      ? db.select({ address: citizens.address }).from(citizens).where(eq(citizens.id, row.applicantCitizenId))
      : Promise.resolve([]),
    unitName(db, record.receivingAgency.unitCode),
  ]);
  if (!version) throw new Error(`dossier ${row.code} references a missing procedure version`);
  const parentCode = record.receivingAgency.parentAgencyCode;
  const parent = parentCode ? agencyName(parentCode, reference) : undefined;
  const forms = new Map(version.components.map((c) => [c.code, c.form]));
  const grouped: ReceiptSlipData['components'] = [];
  for (const c of record.components) {
    const last = grouped.at(-1);
    if (last && last.name === c.name && c.source === 'upload' && last.source === 'upload') last.fileCount++;
    else
      grouped.push({
        name: c.name,
        form: forms.get(c.componentCode) ?? null,
        source: c.source as ComponentSource,
        fileCount: c.attachmentId ? 1 : 0,
      });
  }
  return {
    dossierCode: row.code,
    parentAgencyName: parent?.name ?? null,
    receivingAgencyName: record.receivingAgency.name,
    placeName: place ?? record.receivingAgency.name,
    handlingAgencyName: record.handlingAgency.name,
    applicant: {
      name: row.applicantName,
      idNumberMasked: maskCccd(row.applicantIdNumber),
      address: applicant?.address ?? null,
      phone: row.applicantPhone,
      email: row.applicantEmail,
    },
    procedure: record.procedure,
    components: grouped,
    statutoryTime: { amount: version.timeAmount, unit: version.timeUnit },
    fees: version.fees,
    feeTotalVnd: row.feeTotalVnd,
    submittedAt: row.submittedAt,
    appointmentAt: row.appointmentAt,
    isVneidVerified: row.isVneidVerified,
    lookupUrl: lookupUrlOf(deps.publicUrl, row.code),
  };
}

/** The receipt slip of a dossier by id (the e-mail's attachment renderer). */
export async function renderReceiptById(deps: ReceiptDeps, dossierId: string): Promise<Uint8Array> {
  const [row] = await deps.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  if (!row) throw new Error(`no dossier ${dossierId}`);
  return renderReceiptSlip(await loadReceiptSlipData(deps, row));
}

/** The receipt slip (form 01) for the dossier's applicant; anyone else gets DOSSIER_NOT_FOUND. */
export async function receiptForApplicant(
  deps: ReceiptDeps,
  citizen: CitizenPrincipal,
  code: string,
  log: AccessLog,
): Promise<{ code: string; pdf: Uint8Array }> {
  const row = await ownDossierOrNotFound(deps.db, citizen.id, code, log);
  return { code: row.code, pdf: await renderReceiptSlip(await loadReceiptSlipData(deps, row)) };
}
