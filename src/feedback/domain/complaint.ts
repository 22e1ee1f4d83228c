/**
 * Phản ánh, kiến nghị (PAKN) — a citizen's complaint or petition about a dossier and how an agency
 * handles it, as an explicit table (status × action → status, who acts, which deadline it must meet).
 * Deadlines in working days follow the rules on receiving and handling complaints about administrative
 * regulations (Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP): refuse within 2, ask for more
 * within 5, handle within 15, publish the result within 2. They are data, as every legal time here.
 */

/** phản ánh (a report of a problem) or kiến nghị (a proposal/petition). */
export const complaintKinds = ['phan_anh', 'kien_nghi'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

/** About the procedure's rules and handling, or about an officer's conduct (the index classifies both). */
export const complaintSubjects = ['procedure', 'staff'] as const;
export type ComplaintSubject = (typeof complaintSubjects)[number];

/**
 * received: waiting for the agency to accept, refuse or ask for more; info_requested: waiting for the
 * applicant; handling: accepted; rejected: refused (handled); resolved: answered (handled);
 * published: the answer was made public.
 */
export const complaintStatuses = ['received', 'info_requested', 'handling', 'rejected', 'resolved', 'published'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const complaintActions = ['accept', 'reject', 'request_info', 'reply', 'resolve', 'publish', 'rate'] as const;
export type ComplaintAction = (typeof complaintActions)[number];

/** The deadlines, in working days. */
export interface ComplaintDeadlines {
  rejectWithin: number;
  requestInfoWithin: number;
  handleWithin: number;
  publishWithin: number;
}

/** Decree 20/2008/NĐ-CP (amended by 92/2017/NĐ-CP): 2, 5, 15 and 2 working days. */
export const defaultComplaintDeadlines: ComplaintDeadlines = { rejectWithin: 2, requestInfoWithin: 5, handleWithin: 15, publishWithin: 2 };

/** Which deadline an action is measured against. */
export type DeadlineKind = 'rejectBy' | 'requestInfoBy' | 'handleBy' | 'publishBy';

export interface ComplaintRule {
  action: ComplaintAction;
  from: readonly ComplaintStatus[];
  /** 'same' keeps the status (a rating). */
  to: ComplaintStatus | 'same';
  actor: 'agency' | 'applicant';
  /** A text the action must carry: the reason, the answer, the applicant's reply. */
  requiresText: boolean;
  deadline: DeadlineKind | null;
  /** Whether the action handles the complaint (counts for "handled on time"). */
  isHandling: boolean;
}

/** Bảng chuyển trạng thái phản ánh, kiến nghị — nothing outside it is allowed. */
export const complaintTable: readonly ComplaintRule[] = [
  { action: 'accept', from: ['received'], to: 'handling', actor: 'agency', requiresText: false, deadline: null, isHandling: false },
  { action: 'reject', from: ['received'], to: 'rejected', actor: 'agency', requiresText: true, deadline: 'rejectBy', isHandling: true },
  {
    action: 'request_info',
    from: ['received'],
    to: 'info_requested',
    actor: 'agency',
    requiresText: true,
    deadline: 'requestInfoBy',
    isHandling: false,
  },
  { action: 'reply', from: ['info_requested'], to: 'handling', actor: 'applicant', requiresText: true, deadline: null, isHandling: false },
  { action: 'resolve', from: ['handling'], to: 'resolved', actor: 'agency', requiresText: true, deadline: 'handleBy', isHandling: true },
  {
    action: 'publish',
    from: ['resolved'],
    to: 'published',
    actor: 'agency',
    requiresText: false,
    deadline: 'publishBy',
    isHandling: false,
  },
  {
    action: 'rate',
    from: ['rejected', 'resolved', 'published'],
    to: 'same',
    actor: 'applicant',
    requiresText: false,
    deadline: null,
    isHandling: false,
  },
];

/** What the rules read of a complaint. */
export interface ComplaintState {
  status: ComplaintStatus;
  rejectBy: Date;
  requestInfoBy: Date;
  handleBy: Date | null;
  publishBy: Date | null;
  handledAt: Date | null;
  isHandledOnTime: boolean | null;
  publishedAt: Date | null;
  isSatisfied: boolean | null;
}

/** Adds working days to a moment (the working-day calendar, passed in to keep this pure). */
export type AddWorkingDays = (from: Date, workingDays: number) => Date;

export type ComplaintErrorCode = 'COMPLAINT_TRANSITION_NOT_ALLOWED' | 'COMPLAINT_TEXT_REQUIRED' | 'COMPLAINT_ALREADY_RATED' | 'FORBIDDEN';

export type ComplaintDecision =
  { ok: true; next: ComplaintState; isOnTime: boolean | null; rule: ComplaintRule } | { ok: false; code: ComplaintErrorCode };

/** The deadlines a new complaint starts with. */
export function openingDeadlines(
  receivedAt: Date,
  addWorkingDays: AddWorkingDays,
  deadlines: ComplaintDeadlines = defaultComplaintDeadlines,
): Pick<ComplaintState, 'rejectBy' | 'requestInfoBy'> {
  return {
    rejectBy: addWorkingDays(receivedAt, deadlines.rejectWithin),
    requestInfoBy: addWorkingDays(receivedAt, deadlines.requestInfoWithin),
  };
}

/** The table's row for an action from a status, if any. */
export function findComplaintRule(action: ComplaintAction, status: ComplaintStatus): ComplaintRule | undefined {
  return complaintTable.find((r) => r.action === action && r.from.includes(status));
}

/**
 * Decides an action on a complaint: the next state and whether the action met its deadline, or the
 * error. Pure: the clock and the working-day arithmetic come in.
 */
export function decideComplaint(
  state: ComplaintState,
  input: { action: ComplaintAction; actor: 'agency' | 'applicant'; text?: string | undefined; isSatisfied?: boolean | undefined },
  now: Date,
  addWorkingDays: AddWorkingDays,
  deadlines: ComplaintDeadlines = defaultComplaintDeadlines,
): ComplaintDecision {
  const rule = findComplaintRule(input.action, state.status);
  if (!rule) return { ok: false, code: 'COMPLAINT_TRANSITION_NOT_ALLOWED' };
  if (rule.actor !== input.actor) return { ok: false, code: 'FORBIDDEN' };
  if (rule.requiresText && !input.text?.trim()) return { ok: false, code: 'COMPLAINT_TEXT_REQUIRED' };
  if (rule.action === 'rate' && state.isSatisfied !== null) return { ok: false, code: 'COMPLAINT_ALREADY_RATED' };
  if (rule.action === 'rate' && input.isSatisfied === undefined) return { ok: false, code: 'COMPLAINT_TEXT_REQUIRED' };

  const limit = rule.deadline ? state[rule.deadline] : null;
  const isOnTime = limit ? now.getTime() <= limit.getTime() : null;
  const next: ComplaintState = { ...state, status: rule.to === 'same' ? state.status : rule.to };
  switch (rule.action) {
    case 'accept':
    case 'reply':
      next.handleBy = addWorkingDays(now, deadlines.handleWithin);
      break;
    case 'reject':
      next.handledAt = now;
      next.isHandledOnTime = isOnTime;
      break;
    case 'resolve':
      next.handledAt = now;
      next.isHandledOnTime = isOnTime;
      next.publishBy = addWorkingDays(now, deadlines.publishWithin);
      break;
    case 'publish':
      next.publishedAt = now;
      break;
    case 'rate':
      next.isSatisfied = input.isSatisfied ?? null;
      break;
    case 'request_info':
      break;
  }
  return { ok: true, next, isOnTime, rule };
}

/** Whether an open complaint has missed the deadline of the step it waits at (for inbox counts). */
export function isComplaintOverdue(state: ComplaintState, now: Date): boolean {
  const waiting: Partial<Record<ComplaintStatus, Date | null>> = {
    received: state.rejectBy > state.requestInfoBy ? state.rejectBy : state.requestInfoBy,
    handling: state.handleBy,
    resolved: state.publishBy,
  };
  const limit = waiting[state.status];
  return limit !== undefined && limit !== null && now.getTime() > limit.getTime();
}
