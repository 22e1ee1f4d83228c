import type { OfficerRole } from '../../identity/schema.ts';
import type { DossierStatus } from '../schema.ts';
import type { DeadlineCalendar, StatutoryTime } from './deadlines.ts';
import { isValidObligationAmount, type FinancialObligation } from './financial-obligation.ts';
import {
  agencySideOf,
  findStep,
  nextStep,
  previousStep,
  stepIndex,
  type StepKind,
  type WorkflowDefinition,
  type WorkflowStep,
} from './workflow-definition.ts';

/**
 * The one-stop lifecycle of a dossier as an explicit table (status × action → next status, who may
 * act, what the action requires), in the manner of OpenCRVS and GOV.UK Pay. `decide` is the only way
 * a status changes; everything outside the table is refused.
 */

/** Every national status code, 1–10 (DOMAIN.md §2). */
export const dossierStatuses: readonly DossierStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** What an officer (or the applicant) can do to a dossier. */
export const dossierActions = [
  'receive',
  'refuse',
  'request_supplement',
  'receive_supplement',
  'forward',
  'send_back',
  'request_financial_obligation',
  'confirm_financial_obligation',
  'approve',
  'reject',
  'stop_processing',
  'record_result',
  'return_result',
  'apologise',
  'withdraw',
] as const;
export type DossierAction = (typeof dossierActions)[number];

/** Hình thức trả kết quả — online (electronic result), by public post, or at the counter. */
export const returnMethods = ['online', 'post', 'counter'] as const;
export type ReturnMethod = (typeof returnMethods)[number];

/** Slips of Circular 01/2018/TT-VPCP issued by an action: 01 receipt, 02 supplement, 03 refusal, 04 apology. */
export type SlipForm = '01' | '02' | '03' | '04';

/** What an action asks of its input before it may happen. */
export type Requirement = 'reason' | 'components' | 'new_appointment' | 'return_method' | 'amount';

/**
 * What a transition does besides changing status and step:
 * start_clock — receipt: received now, appointment = now + statutory time;
 * pause_clock — waiting for the applicant's supplement (counted once received);
 * resume_clock — the supplement came in: the appointment moves by the paused working time;
 * end_processing — the end of processing for the on-time rule (first of 3, 8, 9, 10);
 * reschedule — apology with a new appointment; decide_approved / decide_rejected — the decision;
 * returned — the result left the one-stop; withdrawn — the applicant withdrew;
 * add_obligation — the officer's amount (and the reason as its description) is added to what the dossier owes.
 */
export type Effect =
  | 'start_clock'
  | 'pause_clock'
  | 'resume_clock'
  | 'end_processing'
  | 'reschedule'
  | 'decide_approved'
  | 'decide_rejected'
  | 'returned'
  | 'withdrawn'
  | 'add_obligation';

/** Where the step goes: stay, the next or previous step (or `toStep`), or the result step. */
export type StepMove = 'stay' | 'next' | 'previous' | 'result';

/** One row of the transition table. */
export interface TransitionRule {
  action: DossierAction;
  from: readonly DossierStatus[];
  /** Step kinds the dossier must be at. */
  atSteps: readonly StepKind[];
  /** The next status; `resume` = back to where the supplement request found it (1, 2 or 4). */
  to: DossierStatus | 'same' | 'resume';
  step: StepMove;
  /** Who may act: the roles of the current step (per the procedure's workflow), extra roles, the applicant. */
  actors: { stepRoles: boolean; roles: readonly OfficerRole[]; applicant: boolean };
  requires: readonly Requirement[];
  effects: readonly Effect[];
  slip: SlipForm | null;
}

const allSteps: readonly StepKind[] = ['reception', 'processing', 'approval', 'result', 'return'];
const byStep = { stepRoles: true, roles: [], applicant: false } as const;

/**
 * Bảng chuyển trạng thái — the transition table. One row per (action, status); tests check that no
 * two rows overlap and that nothing outside the table succeeds.
 */
export const transitionTable: readonly TransitionRule[] = [
  // Reception (Decree 61/2018 art. 19, Decree 118/2025): receive with a receipt (01), or refuse (03).
  {
    action: 'receive',
    from: [1],
    atSteps: ['reception'],
    to: 2,
    step: 'stay',
    actors: byStep,
    requires: [],
    effects: ['start_clock'],
    slip: '01',
  },
  {
    action: 'refuse',
    from: [1],
    atSteps: ['reception'],
    to: 3,
    step: 'stay',
    actors: byStep,
    requires: ['reason'],
    effects: ['end_processing'],
    slip: '03',
  },
  // Supplement (form 02): before receipt it is guidance at the counter; after receipt the clock pauses.
  {
    action: 'request_supplement',
    from: [1, 2],
    atSteps: ['reception'],
    to: 5,
    step: 'stay',
    actors: byStep,
    requires: ['components'],
    effects: ['pause_clock'],
    slip: '02',
  },
  {
    action: 'request_supplement',
    from: [4],
    atSteps: ['processing'],
    to: 5,
    step: 'stay',
    actors: byStep,
    requires: ['components'],
    effects: ['pause_clock'],
    slip: '02',
  },
  {
    action: 'receive_supplement',
    from: [5],
    atSteps: allSteps,
    to: 'resume',
    step: 'stay',
    // The applicant supplements online; the counter can also take the papers in.
    actors: { stepRoles: true, roles: ['reception'], applicant: true },
    requires: [],
    effects: ['resume_clock'],
    slip: null,
  },
  // Routing between steps and agencies (liên thông).
  { action: 'forward', from: [2], atSteps: ['reception'], to: 4, step: 'next', actors: byStep, requires: [], effects: [], slip: null },
  { action: 'forward', from: [4], atSteps: ['processing'], to: 4, step: 'next', actors: byStep, requires: [], effects: [], slip: null },
  {
    action: 'send_back',
    from: [4],
    atSteps: ['processing', 'approval', 'result'],
    to: 4,
    step: 'previous',
    actors: byStep,
    requires: ['reason'],
    effects: [],
    slip: null,
  },
  // Financial obligation (status 6): land tax, fees decided during processing.
  {
    action: 'request_financial_obligation',
    from: [4],
    atSteps: ['processing'],
    to: 6,
    step: 'stay',
    actors: byStep,
    requires: ['reason', 'amount'],
    effects: ['add_obligation'],
    slip: null,
  },
  {
    action: 'confirm_financial_obligation',
    from: [6],
    atSteps: ['processing'],
    to: 4,
    step: 'stay',
    actors: { stepRoles: true, roles: ['reception'], applicant: false },
    requires: [],
    effects: [],
    slip: null,
  },
  // Decision by the competent leader; a refusal to grant is still a result to issue and return.
  {
    action: 'approve',
    from: [4],
    atSteps: ['approval'],
    to: 4,
    step: 'next',
    actors: byStep,
    requires: [],
    effects: ['decide_approved'],
    slip: null,
  },
  {
    action: 'reject',
    from: [4],
    atSteps: ['approval'],
    to: 4,
    step: 'result',
    actors: byStep,
    requires: ['reason'],
    effects: ['decide_rejected'],
    slip: null,
  },
  {
    action: 'stop_processing',
    from: [2, 4, 5, 6],
    atSteps: allSteps,
    to: 8,
    step: 'stay',
    actors: { stepRoles: false, roles: ['approver', 'leader'], applicant: false },
    requires: ['reason'],
    effects: ['end_processing'],
    slip: null,
  },
  {
    action: 'record_result',
    from: [4],
    atSteps: ['result'],
    to: 9,
    step: 'next',
    actors: byStep,
    requires: [],
    effects: ['end_processing'],
    slip: null,
  },
  {
    action: 'return_result',
    from: [9],
    atSteps: ['return'],
    to: 10,
    step: 'stay',
    actors: byStep,
    requires: ['return_method'],
    effects: ['end_processing', 'returned'],
    slip: null,
  },
  // Form 04: issued before the deadline when the dossier will be late; it counts as late.
  {
    action: 'apologise',
    from: [2, 4, 6],
    atSteps: allSteps,
    to: 'same',
    step: 'stay',
    actors: { stepRoles: true, roles: ['approver', 'leader'], applicant: false },
    requires: ['reason', 'new_appointment'],
    effects: ['reschedule'],
    slip: '04',
  },
  {
    action: 'withdraw',
    from: [1, 2, 4, 5, 6],
    atSteps: allSteps,
    to: 7,
    step: 'stay',
    // The applicant withdraws online; the counter records a withdrawal handed in on paper.
    actors: { stepRoles: false, roles: ['reception'], applicant: true },
    requires: [],
    effects: ['withdrawn'],
    slip: null,
  },
];

/** The decision the competent leader took. */
export type DossierDecision = 'approved' | 'rejected';

/** Everything about a dossier the workflow reads and changes. */
export interface DossierState {
  status: DossierStatus;
  currentStep: string;
  handlingAgencyCode: string;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  pausedAt: Date | null;
  supplementRequestCount: number;
  processingEndedAt: Date | null;
  isMarkedLate: boolean;
  decision: DossierDecision | null;
  returnMethod: ReturnMethod | null;
  returnedAt: Date | null;
  withdrawnAt: Date | null;
  /** Obligations determined during processing (status 6), added to the fees owed at submission. */
  financialObligations: readonly FinancialObligation[];
}

/** Who acts: an officer with the roles they hold over each agency of the dossier, or a citizen. */
export type WorkflowActor =
  | { kind: 'officer'; rolesAtReceiving: readonly OfficerRole[]; rolesAtHandling: readonly OfficerRole[] }
  | { kind: 'citizen'; isApplicant: boolean };

/** Thành phần cần bổ sung — one component the applicant must supplement. */
export interface SupplementItem {
  /** The procedure's component code, when the item is one of them. */
  code?: string | undefined;
  name: string;
  note?: string | undefined;
}

/** The action asked for and its input. */
export interface ActionRequest {
  action: DossierAction;
  reason?: string | undefined;
  components?: readonly SupplementItem[] | undefined;
  newAppointmentAt?: Date | undefined;
  returnMethod?: ReturnMethod | undefined;
  toAgencyCode?: string | undefined;
  toStep?: string | undefined;
  /** The financial obligation's amount in whole đồng (request_financial_obligation). */
  amountVnd?: number | undefined;
}

/** What a decision needs besides the dossier: the clock, the procedure's workflow and time, the calendar. */
export interface DecisionContext {
  now: Date;
  workflow: WorkflowDefinition;
  statutoryTime: StatutoryTime;
  calendar: DeadlineCalendar;
}

/** The event a transition appends (dossier_events), before the application adds actor and time. */
export interface TransitionEvent {
  action: DossierAction;
  fromStatus: DossierStatus;
  toStatus: DossierStatus;
  fromStep: string;
  toStep: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Error codes `decide` answers with (each is in the platform's error catalogue). */
export type WorkflowErrorCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'ROLE_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'SUPPLEMENT_COMPONENTS_REQUIRED'
  | 'APPOINTMENT_REQUIRED'
  | 'APPOINTMENT_IN_PAST'
  | 'APPOINTMENT_NOT_LATER'
  | 'APOLOGY_AFTER_DEADLINE'
  | 'RETURN_METHOD_REQUIRED'
  | 'TARGET_STEP_INVALID'
  | 'TARGET_AGENCY_INVALID'
  | 'OBLIGATION_AMOUNT_INVALID';

export type Decision =
  | { ok: true; next: DossierState; event: TransitionEvent; slip: SlipForm | null }
  | { ok: false; code: WorkflowErrorCode; details: Record<string, unknown> };

/** The table row for an action from a status, if any. */
export function findRule(action: DossierAction, status: DossierStatus): TransitionRule | undefined {
  return transitionTable.find((r) => r.action === action && r.from.includes(status));
}

function fail(code: WorkflowErrorCode, details: Record<string, unknown> = {}): Decision {
  return { ok: false, code, details };
}

/** Whether the actor is one the rule lets act at the dossier's current step. */
function mayAct(rule: TransitionRule, step: WorkflowStep, actor: WorkflowActor): boolean {
  if (actor.kind === 'citizen') return rule.actors.applicant && actor.isApplicant;
  const atStepSide = agencySideOf(step.kind) === 'receiving' ? actor.rolesAtReceiving : actor.rolesAtHandling;
  if (rule.actors.stepRoles && step.roles.some((r) => atStepSide.includes(r))) return true;
  const held = [...actor.rolesAtReceiving, ...actor.rolesAtHandling];
  return rule.actors.roles.some((r) => held.includes(r));
}

/** The rule and current step when the action may be taken by this actor, or the error that stops it. */
function admit(
  state: DossierState,
  request: Pick<ActionRequest, 'action'>,
  actor: WorkflowActor,
  workflow: WorkflowDefinition,
): { rule: TransitionRule; step: WorkflowStep } | Extract<Decision, { ok: false }> {
  const rule = findRule(request.action, state.status);
  const step = findStep(workflow, state.currentStep);
  if (!rule || !step || !rule.atSteps.includes(step.kind))
    return {
      ok: false,
      code: 'TRANSITION_NOT_ALLOWED',
      details: { action: request.action, status: state.status, step: state.currentStep },
    };
  if (!mayAct(rule, step, actor)) return { ok: false, code: 'ROLE_NOT_ALLOWED', details: { action: request.action, step: step.code } };
  return { rule, step };
}

/** Actions this actor may take on the dossier now, input requirements aside (for the officer's buttons). */
export function availableActions(state: DossierState, actor: WorkflowActor, workflow: WorkflowDefinition): DossierAction[] {
  return dossierActions.filter((action) => {
    const admitted = admit(state, { action }, actor, workflow);
    // Sending back from the first processing step has nowhere to go: not offered.
    return 'rule' in admitted && typeof targetStep(admitted.rule, admitted.step, { action }, workflow) !== 'string';
  });
}

/** The step the dossier moves to, or the error when `toStep` points somewhere the move may not go. */
function targetStep(
  rule: TransitionRule,
  step: WorkflowStep,
  request: ActionRequest,
  workflow: WorkflowDefinition,
): WorkflowStep | WorkflowErrorCode {
  const here = stepIndex(workflow, step.code);
  if (rule.step === 'stay') return step;
  if (rule.step === 'result') return workflow.steps.find((s) => s.kind === 'result') ?? step;
  if (request.toStep !== undefined && (rule.action === 'forward' || rule.action === 'send_back')) {
    const target = findStep(workflow, request.toStep);
    if (!target) return 'TARGET_STEP_INVALID';
    const there = stepIndex(workflow, target.code);
    const isRightWay = rule.step === 'next' ? there > here : there < here;
    // Routing moves among processing and approval steps; receipt and result have their own actions.
    const isRoutable = target.kind === 'processing' || target.kind === 'approval';
    return isRightWay && isRoutable ? target : 'TARGET_STEP_INVALID';
  }
  const neighbour = rule.step === 'next' ? nextStep(workflow, step.code) : previousStep(workflow, step.code);
  if (!neighbour || (rule.action === 'send_back' && neighbour.kind === 'reception')) return 'TARGET_STEP_INVALID';
  return neighbour;
}

/** The first unmet requirement of the rule, if any. */
function unmetRequirement(rule: TransitionRule, state: DossierState, request: ActionRequest, now: Date): Decision | null {
  for (const requirement of rule.requires) {
    if (requirement === 'reason' && !request.reason?.trim()) return fail('REASON_REQUIRED');
    if (requirement === 'components' && !(request.components ?? []).some((c) => c.name.trim() !== ''))
      return fail('SUPPLEMENT_COMPONENTS_REQUIRED');
    if (requirement === 'return_method' && !request.returnMethod) return fail('RETURN_METHOD_REQUIRED');
    if (requirement === 'amount' && !isValidObligationAmount(request.amountVnd))
      return fail('OBLIGATION_AMOUNT_INVALID', { amountVnd: request.amountVnd ?? null });
    if (requirement === 'new_appointment') {
      const proposed = request.newAppointmentAt;
      if (!proposed) return fail('APPOINTMENT_REQUIRED');
      if (proposed.getTime() <= now.getTime()) return fail('APPOINTMENT_IN_PAST', { newAppointmentAt: proposed.toISOString() });
      // Decree 61/2018 art. 19: the apology is sent before the appointment is missed, not after.
      if (state.appointmentAt && state.appointmentAt.getTime() <= now.getTime())
        return fail('APOLOGY_AFTER_DEADLINE', { appointmentAt: state.appointmentAt.toISOString() });
      if (state.appointmentAt && proposed.getTime() <= state.appointmentAt.getTime())
        return fail('APPOINTMENT_NOT_LATER', { appointmentAt: state.appointmentAt.toISOString() });
    }
  }
  return null;
}

/** The status a dossier goes back to when its supplement comes in. */
function resumedStatus(state: DossierState, step: WorkflowStep): DossierStatus {
  if (state.receivedAt === null) return 1;
  return step.kind === 'reception' ? 2 : 4;
}

/** Ends a supplement pause: the appointment moves later by the time the clock stood still. */
function closePause(next: DossierState, context: DecisionContext, details: Record<string, unknown>): void {
  if (next.pausedAt === null) return;
  const { now, calendar, statutoryTime } = context;
  details['pausedWorkingMinutes'] = calendar.workingMinutesBetween(next.pausedAt, now);
  if (next.appointmentAt) {
    details['previousAppointmentAt'] = next.appointmentAt.toISOString();
    next.appointmentAt = calendar.extendByPause(next.appointmentAt, { start: next.pausedAt, end: now }, statutoryTime.unit);
    details['appointmentAt'] = next.appointmentAt.toISOString();
  }
  next.pausedAt = null;
}

/**
 * Decides an action on a dossier: the next state and the event to append, or the error code.
 * Checks, in order: the table has the (action, status) row at this step kind; the actor may act;
 * the input meets the row's requirements. Pure: the clock and the calendar come in the context.
 */
export function decide(state: DossierState, request: ActionRequest, actor: WorkflowActor, context: DecisionContext): Decision {
  const { now, workflow, calendar } = context;
  const admitted = admit(state, request, actor, workflow);
  if (!('rule' in admitted)) return admitted;
  const { rule, step } = admitted;
  const unmet = unmetRequirement(rule, state, request, now);
  if (unmet) return unmet;

  const target = targetStep(rule, step, request, workflow);
  if (typeof target === 'string') return fail(target, { toStep: request.toStep ?? null });

  const next: DossierState = { ...state, currentStep: target.code };
  next.status = rule.to === 'same' ? state.status : rule.to === 'resume' ? resumedStatus(state, step) : rule.to;
  const details: Record<string, unknown> = {};

  if (rule.action === 'forward' && request.toAgencyCode !== undefined) {
    // Inter-agency consultation (liên thông): the dossier moves to another agency's processing.
    if (step.kind !== 'processing' || request.toAgencyCode === state.handlingAgencyCode)
      return fail('TARGET_AGENCY_INVALID', { toAgencyCode: request.toAgencyCode });
    next.handlingAgencyCode = request.toAgencyCode;
    next.currentStep = step.code;
    details['fromAgencyCode'] = state.handlingAgencyCode;
    details['toAgencyCode'] = request.toAgencyCode;
  }

  for (const effect of rule.effects) {
    switch (effect) {
      case 'start_clock':
        next.receivedAt = now;
        next.appointmentAt = calendar.computeAppointment(now, context.statutoryTime);
        details['appointmentAt'] = next.appointmentAt.toISOString();
        break;
      case 'pause_clock':
        // Only a received dossier has a running clock; guidance before receipt is not counted.
        if (state.receivedAt !== null) {
          next.pausedAt = now;
          next.supplementRequestCount = state.supplementRequestCount + 1;
          // National rule: more than one supplement request counts the dossier as late.
          if (next.supplementRequestCount > 1) next.isMarkedLate = true;
        }
        details['components'] = (request.components ?? []).filter((c) => c.name.trim() !== '');
        details['supplementRequestCount'] = next.supplementRequestCount;
        break;
      case 'resume_clock':
        closePause(next, context, details);
        break;
      case 'end_processing':
        closePause(next, context, details);
        next.processingEndedAt = state.processingEndedAt ?? now;
        break;
      case 'reschedule':
        details['previousAppointmentAt'] = state.appointmentAt?.toISOString() ?? null;
        next.appointmentAt = request.newAppointmentAt ?? state.appointmentAt;
        details['newAppointmentAt'] = next.appointmentAt?.toISOString() ?? null;
        next.isMarkedLate = true;
        break;
      case 'decide_approved':
        next.decision = 'approved';
        break;
      case 'decide_rejected':
        next.decision = 'rejected';
        break;
      case 'returned':
        next.returnMethod = request.returnMethod ?? null;
        next.returnedAt = now;
        details['returnMethod'] = next.returnMethod;
        break;
      case 'withdrawn':
        closePause(next, context, details);
        next.withdrawnAt = now;
        break;
      case 'add_obligation': {
        const obligation: FinancialObligation = {
          amountVnd: request.amountVnd ?? 0,
          description: request.reason?.trim() ?? '',
          requestedAt: now.toISOString(),
        };
        next.financialObligations = [...state.financialObligations, obligation];
        details['amountVnd'] = obligation.amountVnd;
        details['description'] = obligation.description;
        break;
      }
    }
  }

  return {
    ok: true,
    next,
    slip: rule.slip,
    event: {
      action: rule.action,
      fromStatus: state.status,
      toStatus: next.status,
      fromStep: state.currentStep,
      toStep: next.currentStep,
      reason: request.reason?.trim() || null,
      details,
    },
  };
}
