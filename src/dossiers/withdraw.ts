import { eq, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import type { DossierDeps } from './deps.ts';
import { nextStatus } from './domain/lifecycle.ts';
import { presentDossier, type DossierView } from './present.ts';
import { loadDossierRecord, ownDossierOrNotFound, referenceData, type AccessLog } from './records.ts';
import { dossierEvents, dossiers } from './schema.ts';

export interface WithdrawCommand {
  citizen: CitizenPrincipal;
  sessionMethod: string | null;
  code: string;
  reason: string;
  actor: Actor;
  log: AccessLog;
}

/**
 * Rút hồ sơ — the applicant withdraws a dossier before it is decided (status 7). The status change, its
 * event and the audit row commit together; the row is locked, so a decision taken at the same moment
 * either comes first (DOSSIER_ALREADY_DECIDED) or after (it sees status 7).
 */
export async function withdrawDossier(deps: Pick<DossierDeps, 'db' | 'communes' | 'agencies' | 'now'>, command: WithdrawCommand): Promise<DossierView> {
  const { citizen } = command;
  const now = deps.now();
  // Reference data first: on PGlite a cache load inside the transaction would wait for it to end.
  const reference = await referenceData(deps);
  return deps.db.transaction(async (tx) => {
    const row = await ownDossierOrNotFound(tx, citizen.id, command.code, command.log, { forUpdate: true });
    const to = nextStatus('withdraw', row.status);
    if (to === null) throw new AppError('DOSSIER_ALREADY_DECIDED', { status: row.status });
    const [updated] = await tx
      .update(dossiers)
      .set({ status: to, withdrawnAt: now, updatedAt: now, version: sql`${dossiers.version} + 1` })
      .where(eq(dossiers.id, row.id))
      .returning();
    if (!updated) throw new Error('dossier vanished while locked');
    await tx.insert(dossierEvents).values({
      dossierId: row.id,
      at: now,
      action: 'withdraw',
      fromStatus: row.status,
      toStatus: to,
      fromStep: row.currentStep,
      toStep: row.currentStep,
      actorKind: 'citizen',
      actorId: citizen.id,
      actorSessionMethod: command.sessionMethod,
      agencyCode: row.receivingAgencyCode,
      reason: command.reason,
    });
    await recordAudit(tx, command.actor, {
      action: 'dossier.withdrawn',
      subjectType: 'dossier',
      subjectId: row.id,
      details: { code: row.code, fromStatus: row.status, reason: command.reason },
    });
    return presentDossier(await loadDossierRecord(tx, updated, reference));
  });
}
