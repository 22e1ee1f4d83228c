import { and, eq, isNull } from 'drizzle-orm';
import { assertOfficerScope, agencyScope } from '../identity/guards.ts';
import type { OfficerPrincipal } from '../identity/principal.ts';
import type { OfficerRole } from '../identity/schema.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { agencies } from '../units/schema.ts';
import { isDocumentId } from './domain/verification.ts';
import { issuedDocumentEvents, issuedDocuments } from './schema.ts';
import type { DocumentServices } from './services.ts';

/** Who may revoke a document: a leader, approver or unit administrator over the issuing agency. */
export const revokingRoles: readonly OfficerRole[] = ['approver', 'leader', 'unit_admin'];

/**
 * Thu hồi — revokes a signed document with a reason. Only the issuing agency's approvers, leaders and
 * unit administrators may; the revocation, its event and its audit row commit together.
 */
export async function revokeDocument(
  services: DocumentServices,
  officer: OfficerPrincipal,
  input: { documentId: string; reason: string },
  actor: Actor,
): Promise<void> {
  const { db } = services;
  if (!isDocumentId(input.documentId)) throw new AppError('DOCUMENT_NOT_FOUND');
  const [found] = await db
    .select({ id: issuedDocuments.id, agency: agencies })
    .from(issuedDocuments)
    .innerJoin(agencies, eq(agencies.code, issuedDocuments.agencyCode))
    .where(eq(issuedDocuments.id, input.documentId));
  if (!found) throw new AppError('DOCUMENT_NOT_FOUND');
  assertOfficerScope(officer, agencyScope(found.agency), ...revokingRoles);
  const now = services.now();
  await db.transaction(async (tx) => {
    // The condition on revoked_at makes two concurrent revocations end with one winner.
    const revoked = await tx
      .update(issuedDocuments)
      .set({ revokedAt: now, revokedByOfficerId: officer.id, revocationReason: input.reason })
      .where(and(eq(issuedDocuments.id, input.documentId), isNull(issuedDocuments.revokedAt)))
      .returning({ id: issuedDocuments.id });
    if (revoked.length === 0) throw new AppError('DOCUMENT_ALREADY_REVOKED');
    await tx
      .insert(issuedDocumentEvents)
      .values({ documentId: input.documentId, at: now, action: 'revoke', actorKind: 'officer', actorId: officer.id, reason: input.reason });
    await recordAudit(tx, actor, {
      action: 'document.revoke',
      subjectType: 'issued_document',
      subjectId: input.documentId,
      details: { agencyCode: found.agency.code, reason: input.reason },
    });
  });
}
