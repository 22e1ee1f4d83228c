import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { AppError } from '../platform/errors.ts';
import { usableAttachments } from './attachments.ts';
import type { DossierDeps } from './deps.ts';
import { performApplicantAction, type ActingRequest, type WorkflowDeps } from './perform-action.ts';
import type { SupplementBody } from './supplement.schema.ts';
import { attachments, dossierComponents, dossiers } from './schema.ts';

/** Where the applicant downloads a slip of their own dossier (form 01 is the receipt; others are on the officer side). */
const applicantSlipUrl = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}/receipt.pdf`;

/**
 * Bổ sung hồ sơ — the applicant hands in the components a supplement request listed: their own unused
 * uploads become components (marked as supplement), and the dossier leaves status 5 by the workflow's
 * `receive_supplement` (the clock resumes, the appointment moves by the paused time). The files, the
 * state change, its event and the audit row commit together; a file claimed meanwhile fails it whole.
 */
export async function supplementDossier(
  deps: Pick<DossierDeps, 'db'>,
  workflow: WorkflowDeps,
  citizen: CitizenPrincipal,
  code: string,
  body: SupplementBody,
  from: ActingRequest,
): Promise<void> {
  const ids = body.items.flatMap((item) => item.attachmentIds);
  if (new Set(ids).size !== ids.length) throw new AppError('ATTACHMENT_NOT_FOUND', { reason: 'the same file twice' });
  const usable = await usableAttachments(deps.db, citizen.id, ids);
  if (usable.length !== ids.length) {
    const found = new Set(usable.map((a) => a.id));
    throw new AppError('ATTACHMENT_NOT_FOUND', { attachmentIds: ids.filter((id) => !found.has(id)) });
  }
  // The applicant acts on the dossier as it is now: the version check still stops a race with an officer.
  const [current] = await deps.db.select({ version: dossiers.version }).from(dossiers).where(eq(dossiers.code, code));
  if (!current) throw new AppError('DOSSIER_NOT_FOUND', { code });
  await performApplicantAction(
    workflow,
    citizen,
    code,
    { action: 'receive_supplement', expectedVersion: current.version },
    from,
    applicantSlipUrl,
    async (tx, dossier) => {
      const claimed = await tx
        .update(attachments)
        .set({ dossierId: dossier.row.id })
        .where(and(inArray(attachments.id, ids), isNull(attachments.dossierId)))
        .returning({ id: attachments.id });
      if (claimed.length !== ids.length) throw new AppError('ATTACHMENT_NOT_FOUND', { reason: 'claimed meanwhile' });
      const known = new Map(dossier.procedure.components.map((c) => [c.code, c.name]));
      let position = 100;
      await tx.insert(dossierComponents).values(
        body.items.flatMap((item) =>
          item.attachmentIds.map((attachmentId) => ({
            dossierId: dossier.row.id,
            componentCode: item.componentCode && known.has(item.componentCode) ? item.componentCode : 'BO_SUNG',
            name: item.componentCode ? (known.get(item.componentCode) ?? item.name) : item.name,
            attachmentId,
            source: 'upload' as const,
            position: position++,
            isSupplement: true,
          })),
        ),
      );
    },
  );
}
