import { satisfiedDossiers, type UnitCounts, type UnitScore } from './index-766/score.ts';
import { judgedDossiers, type PeriodCounts } from './kpis.ts';

/**
 * The Decision 766 indicators' inputs from the platform's own rollups, so the index can be scored
 * from transactions and set beside the portal's published figures. Indicators the platform does not
 * measure (publication of procedures, sync to the national portal, the personal data store,
 * electronic certified copies) are left without data: they score as not applicable and the
 * dashboard says so.
 */

/** Distinct procedure counts of a unit (or parent) for a period: counted, never summed across units. */
export interface ProcedureStats {
  /** Procedures the unit applies (its level's procedures in the catalogue). */
  applicable: number;
  /** Of those, offered as an online public service (full or partial). */
  offeredOnline: number;
  /** Online procedures that received at least one online dossier in the period. */
  onlineWithOnlineDossiers: number;
  /** Fee-bearing procedures (TTHC có phí, lệ phí). */
  feeBearing: number;
  /** Fee-bearing procedures that received at least one dossier in the period. */
  feeBearingWithDossiers: number;
  /** Fee-bearing procedures with at least one dossier paid online in the period. */
  feeBearingPaidOnline: number;
}

const counts = (numerator: number, denominator: number) => ({ numerator, denominator });

/** Metric codes whose inputs come from the platform's data (the rest have none). */
export const measuredMetrics = [
  'DOSSIER_ON_TIME',
  'ONLINE_FORMALITY_PROVIDED',
  'ONLINE_FORMALITY_WITH_DOSSIER',
  'ONLINE_DOSSIER',
  'ONLINE_PAYMENT_DOSSIER',
  'ONLINE_PAYMENT_FORMALITY',
  'FEE_FORMALITY_WITH_DOSSIER',
  'ORIGINAL_RESULT_AVAILABLE',
  'SO_HOA_GIAY_TO_GIAI_QUYET',
  'REUSED_DIGITIZED_DATA',
  'CITIZEN_DATA_CONNECTED_DOSSIER',
  'DOSSIER_RECEIVING_SATISFACTION',
  'PETITION_PROCESSING_ON_TIME',
  'PETITION_HANDLING_SATISFACTION',
] as const;

/** The index's inputs for a unit and period from its rollup sums and its procedure counts. */
export function indexCountsFromRollups(c: PeriodCounts, procedures: ProcedureStats): UnitCounts {
  const judged = judgedDossiers(c);
  return {
    DOSSIER_ON_TIME: counts(c.completedOnTime, judged),
    ONLINE_FORMALITY_PROVIDED: counts(procedures.offeredOnline, procedures.applicable),
    ONLINE_FORMALITY_WITH_DOSSIER: counts(procedures.onlineWithOnlineDossiers, procedures.offeredOnline),
    ONLINE_DOSSIER: counts(c.receivedOnline, c.received),
    ONLINE_PAYMENT_DOSSIER: counts(c.paidOnline, c.withObligation),
    ONLINE_PAYMENT_FORMALITY: counts(procedures.feeBearingPaidOnline, procedures.feeBearing),
    FEE_FORMALITY_WITH_DOSSIER: counts(procedures.feeBearingWithDossiers, procedures.feeBearing),
    ORIGINAL_RESULT_AVAILABLE: counts(c.electronicResults, c.results),
    SO_HOA_GIAY_TO_GIAI_QUYET: counts(c.digitised, c.results),
    REUSED_DIGITIZED_DATA: counts(c.withReuse, c.received),
    CITIZEN_DATA_CONNECTED_DOSSIER: counts(c.vneidVerified, c.received),
    // Rate = 1 − (late rate + rate of dossiers with a complaint or a dislike), over the dossiers judged.
    DOSSIER_RECEIVING_SATISFACTION: counts(
      satisfiedDossiers({ dossiers: judged, late: judged - c.completedOnTime, withComplaintOrDislike: c.withComplaintOrDislike }),
      judged,
    ),
    PETITION_PROCESSING_ON_TIME: counts(c.complaintsHandledOnTime, c.complaintsHandled),
    PETITION_HANDLING_SATISFACTION: counts(c.complaintsSatisfied, c.complaintsRated),
  };
}

/** The points the platform could measure: the maxima of the indicators that were scored (capped per group). */
export function measuredMaxScore(score: UnitScore): number {
  const hundredths = score.groups.reduce((sum, g) => {
    const measured = g.metrics.reduce((s, m) => s + (m.applicable ? Math.round(m.maxScore * 100) : 0), 0);
    return sum + Math.min(measured, Math.round(g.maxScore * 100));
  }, 0);
  return hundredths / 100;
}
