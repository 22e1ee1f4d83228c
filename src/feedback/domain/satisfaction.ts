import type { DossierStatus } from '../../dossiers/schema.ts';

/** Reasons an applicant may give for liking a dossier's handling. */
export const likeReasons = ['on_time', 'helpful_staff', 'easy_online', 'clear_guidance', 'no_repeat_papers'] as const;
/** Reasons an applicant may give for disliking it. */
export const dislikeReasons = [
  'late',
  'asked_again',
  'unclear_guidance',
  'staff_attitude',
  'extra_costs',
  'system_error',
  'other',
] as const;
export type SatisfactionReason = (typeof likeReasons)[number] | (typeof dislikeReasons)[number];

/** Statuses in which processing has ended (refused, stopped, done, returned): the dossier can be rated. */
export const ratableStatuses: readonly DossierStatus[] = [3, 8, 9, 10];

export type VoteErrorCode = 'DOSSIER_NOT_COMPLETED' | 'SATISFACTION_REASON_INVALID';

/**
 * Checks a vote: the dossier's processing has ended and every reason belongs to the vote's side
 * (a dislike cannot give "on time"). Null when the vote may be recorded.
 */
export function checkVote(status: DossierStatus, vote: { isLike: boolean; reasons: readonly string[] }): VoteErrorCode | null {
  if (!ratableStatuses.includes(status)) return 'DOSSIER_NOT_COMPLETED';
  const allowed: readonly string[] = vote.isLike ? likeReasons : dislikeReasons;
  if (vote.reasons.some((r) => !allowed.includes(r))) return 'SATISFACTION_REASON_INVALID';
  return null;
}
