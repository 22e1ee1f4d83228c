import type { DossierStatus } from '../../dossiers/schema.ts';

/**
 * Statuses in which a dossier is still being handled, so the officers handling it may look into the
 * applicant's store: new (1), received (2), processing (4), waiting for a supplement (5) or for a fee (6).
 * Refused (3), withdrawn (7), stopped (8), done (9) and returned (10) close that door.
 */
const openStatuses: ReadonlySet<DossierStatus> = new Set<DossierStatus>([1, 2, 4, 5, 6]);

/** Whether a dossier in this status is open, so its handlers may read the applicant's store. */
export function isDossierOpenForStore(status: DossierStatus): boolean {
  return openStatuses.has(status);
}

/** Whether a document valid from `validFrom` to `validTo` (inclusive, YYYY-MM-DD; null = no end) is valid on `day`. */
export function isValidOn(document: { validFrom: string; validTo: string | null }, day: string): boolean {
  return document.validFrom <= day && (document.validTo === null || day <= document.validTo);
}
