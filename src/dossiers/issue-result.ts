import { and, desc, eq } from 'drizzle-orm';
import { recordSignedDocument, signDocument, type SignedDocument } from '../documents/issue-document.ts';
import type { DocumentServices } from '../documents/services.ts';
import type { Actor } from '../platform/audit/record.ts';
import type { Queryable, Tx } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { vietnamToday } from '../units/routes.ts';
import { dossierResultRequest } from './domain/result-document.ts';
import type { LoadedDossier } from './dossier-access.ts';
import { dossierEvents } from './schema.ts';

/**
 * Kết quả điện tử of a dossier, in two halves around the `record_result` transition: signed before the
 * transaction (signing is slow and may fail: then nothing is written), recorded inside it with the
 * dossier's new status and event, so the result, its store copy and the event commit together or not at all.
 */

/** Signs the dossier's result (PDF with QR code, agency key, object store); writes no row. */
export async function signDossierResult(
  documents: DocumentServices | undefined,
  q: Queryable,
  dossier: LoadedDossier,
  now: Date,
): Promise<SignedDocument> {
  if (!documents) throw new AppError('SIGNING_KEY_MISSING', { agencyCode: dossier.row.handlingAgencyCode, reason: 'signing not set up' });
  const { row } = dossier;
  const [refusal] =
    row.decision === 'rejected'
      ? await q
          .select({ reason: dossierEvents.reason })
          .from(dossierEvents)
          .where(and(eq(dossierEvents.dossierId, row.id), eq(dossierEvents.action, 'reject')))
          .orderBy(desc(dossierEvents.id))
          .limit(1)
      : [];
  const request = dossierResultRequest({
    dossierId: row.id,
    dossierCode: row.code,
    procedureCode: row.procedureCode,
    procedureName: dossier.procedure.name,
    resultName: dossier.procedure.resultName,
    handlingAgencyCode: row.handlingAgencyCode,
    handlingAgencyName: dossier.handling.name,
    applicantName: row.applicantName,
    applicantIdNumber: row.applicantIdNumber,
    decision: row.decision,
    refusalReason: refusal?.reason ?? null,
    today: vietnamToday(now),
  });
  return signDocument(documents, q, request);
}

/** What the `record_result` event records about the electronic result (the index counts `electronicResult`). */
export interface RecordedResult {
  electronicResult: true;
  documentId: string;
  storeDocumentId: string;
  documentType: string;
  sha256: string;
}

/** Records the signed result in the action's transaction: issued document, store copy, audit row. */
export async function recordDossierResult(tx: Tx, signed: SignedDocument, actor: Actor): Promise<RecordedResult> {
  if (actor.kind !== 'officer' && actor.kind !== 'system') throw new AppError('FORBIDDEN');
  const { storeDocumentId } = await recordSignedDocument(tx, signed, { ...actor, kind: actor.kind });
  return {
    electronicResult: true,
    documentId: signed.id,
    storeDocumentId,
    documentType: signed.request.documentType,
    sha256: signed.sha256,
  };
}
