/**
 * The counters of the indicator rollups (bảng tổng hợp chỉ số): how many dossiers, per unit, agency,
 * procedure and day, did each thing the indicators count. Every counter is a sum over dossiers (or
 * complaints) and so adds up across days, months, agencies and units; a dashboard never needs the
 * transaction tables to show a rate, only two of these sums.
 *
 * Each counter is attached to one day of its dossier's life (its cohort):
 * - `received`: the day the dossier was submitted (local date, UTC+7);
 * - `completed`: the day processing ended (first of done, returned, stopped, refused — DOMAIN.md §2);
 * - `overdue`: the running count of open dossiers past their appointment, kept as +1 on the day the
 *   appointment passed and −1 on the day processing ended, so "open and overdue at the end of a period"
 *   is the sum of the deltas up to that day;
 * - `vote`: the day of the applicant's satisfaction vote;
 * - `complaint`: the days a complaint was received, handled and rated.
 */
export const rollupCounters = [
  // Received cohort.
  'received',
  'receivedOnline',
  'receivedCounter',
  'receivedPost',
  'byApplicant',
  'byAssisted',
  'byCounter',
  'byPost',
  'vneidVerified',
  'withObligation',
  'paidOnline',
  'components',
  'componentsReused',
  'withReuse',
  'withSupplement',
  'supplementRequests',
  'withdrawn',
  // Completed cohort.
  'completed',
  'completedOnTime',
  'completedLate',
  'completedTimed',
  'processingMinutes',
  'results',
  'electronicResults',
  'digitised',
  'withComplaintOrDislike',
  // Snapshot deltas.
  'overdueDelta',
  // Votes.
  'votes',
  'votesLike',
  // Complaints (phản ánh, kiến nghị).
  'complaints',
  'complaintsHandled',
  'complaintsHandledOnTime',
  'complaintsRated',
  'complaintsSatisfied',
] as const;

export type RollupCounter = (typeof rollupCounters)[number];

/** A vector of rollup counters (sums over some units, agencies, procedures and days). */
export type RollupCounts = Record<RollupCounter, number>;

/** Counters that the procedure-by-month rollup keeps (for "procedures with dossiers" style indicators). */
export const procedureCounters = ['received', 'receivedOnline', 'withObligation', 'paidOnline'] as const satisfies readonly RollupCounter[];
export type ProcedureCounter = (typeof procedureCounters)[number];

/** A vector of zeros. */
export function emptyCounts(): RollupCounts {
  return Object.fromEntries(rollupCounters.map((c) => [c, 0])) as RollupCounts;
}

/** Adds counter vectors (missing counters count 0). */
export function addCounts(...parts: readonly Partial<RollupCounts>[]): RollupCounts {
  const total = emptyCounts();
  for (const part of parts) for (const c of rollupCounters) total[c] += part[c] ?? 0;
  return total;
}

/** The SQL column name of a counter (snake case). */
export function counterColumn(counter: RollupCounter): string {
  return counter.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}
