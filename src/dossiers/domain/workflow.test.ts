import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfficerRole } from '../../identity/schema.ts';
import type { DossierStatus } from '../schema.ts';
import { buildWorkingCalendar } from '../../calendar/domain/working-calendar.ts';
import { deadlineCalendarOf } from './calendar-deadlines.ts';
import { defaultWorkflow, findStep, stepKinds } from './workflow-definition.ts';
import {
  availableActions,
  decide,
  dossierActions,
  dossierStatuses,
  findRule,
  returnMethods,
  transitionTable,
  type ActionRequest,
  type DecisionContext,
  type DossierState,
  type WorkflowActor,
} from './workflow.ts';

// Monday 2 March 2026, 09:00 in Vietnam.
const now = new Date('2026-03-02T02:00:00Z');
const context: DecisionContext = {
  now,
  workflow: defaultWorkflow,
  statutoryTime: { amount: 5, unit: 'working_days' },
  calendar: deadlineCalendarOf(buildWorkingCalendar()),
};

const submitted: DossierState = {
  status: 1,
  currentStep: 'reception',
  handlingAgencyCode: '26572-UBND',
  receivedAt: null,
  appointmentAt: null,
  pausedAt: null,
  supplementRequestCount: 0,
  processingEndedAt: null,
  isMarkedLate: false,
  decision: null,
  returnMethod: null,
  returnedAt: null,
  withdrawnAt: null,
  financialObligations: [],
};
const receivedAt = new Date('2026-02-23T02:00:00Z');
const appointmentAt = new Date('2026-03-06T02:00:00Z');
const processing: DossierState = { ...submitted, status: 4, currentStep: 'processing', receivedAt, appointmentAt };

const officer = (receiving: OfficerRole[], handling: OfficerRole[] = []): WorkflowActor => ({
  kind: 'officer',
  rolesAtReceiving: receiving,
  rolesAtHandling: handling,
});
const reception = officer(['reception']);
const specialist = officer([], ['specialist']);
const approver = officer([], ['approver']);
const applicant: WorkflowActor = { kind: 'citizen', isApplicant: true };
const stranger: WorkflowActor = { kind: 'citizen', isApplicant: false };
const components = [{ code: 'TO_KHAI', name: 'Tờ khai đăng ký khai sinh' }];

type Expected = { status: DossierStatus; step: string } | { error: string };

const cases: [name: string, state: DossierState, request: ActionRequest, actor: WorkflowActor, expected: Expected][] = [
  ['reception receives a new dossier', submitted, { action: 'receive' }, reception, { status: 2, step: 'reception' }],
  ['a specialist may not receive', submitted, { action: 'receive' }, specialist, { error: 'ROLE_NOT_ALLOWED' }],
  [
    'reception at the handling agency only may not receive',
    submitted,
    { action: 'receive' },
    officer([], ['reception']),
    { error: 'ROLE_NOT_ALLOWED' },
  ],
  ['a processing dossier cannot be received again', processing, { action: 'receive' }, reception, { error: 'TRANSITION_NOT_ALLOWED' }],
  ['a refusal needs a reason', submitted, { action: 'refuse', reason: '  ' }, reception, { error: 'REASON_REQUIRED' }],
  [
    'reception refuses with a reason',
    submitted,
    { action: 'refuse', reason: 'Không thuộc thẩm quyền' },
    reception,
    { status: 3, step: 'reception' },
  ],
  [
    'a supplement request lists components',
    processing,
    { action: 'request_supplement', components: [] },
    specialist,
    { error: 'SUPPLEMENT_COMPONENTS_REQUIRED' },
  ],
  [
    'blank component names do not count',
    processing,
    { action: 'request_supplement', components: [{ name: ' ' }] },
    specialist,
    { error: 'SUPPLEMENT_COMPONENTS_REQUIRED' },
  ],
  [
    'the specialist requests a supplement',
    processing,
    { action: 'request_supplement', components },
    specialist,
    { status: 5, step: 'processing' },
  ],
  [
    'reception may not request a supplement at processing',
    processing,
    { action: 'request_supplement', components },
    reception,
    { error: 'ROLE_NOT_ALLOWED' },
  ],
  [
    'guidance to supplement before receipt',
    submitted,
    { action: 'request_supplement', components },
    reception,
    { status: 5, step: 'reception' },
  ],
  [
    'reception forwards a received dossier to processing',
    { ...processing, status: 2, currentStep: 'reception' },
    { action: 'forward' },
    reception,
    { status: 4, step: 'processing' },
  ],
  ['the specialist forwards to approval', processing, { action: 'forward' }, specialist, { status: 4, step: 'approval' }],
  [
    'forward cannot jump to the return step',
    processing,
    { action: 'forward', toStep: 'return' },
    specialist,
    { error: 'TARGET_STEP_INVALID' },
  ],
  ['forward to an unknown step', processing, { action: 'forward', toStep: 'nowhere' }, specialist, { error: 'TARGET_STEP_INVALID' }],
  [
    'forward to another agency keeps the step',
    processing,
    { action: 'forward', toAgencyCode: '79-STP' },
    specialist,
    { status: 4, step: 'processing' },
  ],
  [
    'forward to the same agency',
    processing,
    { action: 'forward', toAgencyCode: '26572-UBND' },
    specialist,
    { error: 'TARGET_AGENCY_INVALID' },
  ],
  [
    'sending back needs a reason',
    { ...processing, currentStep: 'approval' },
    { action: 'send_back' },
    approver,
    { error: 'REASON_REQUIRED' },
  ],
  [
    'the approver sends back to processing',
    { ...processing, currentStep: 'approval' },
    { action: 'send_back', reason: 'Thiếu xác minh' },
    approver,
    { status: 4, step: 'processing' },
  ],
  [
    'processing cannot be sent back to reception',
    processing,
    { action: 'send_back', reason: 'x' },
    specialist,
    { error: 'TARGET_STEP_INVALID' },
  ],
  ['the approver approves', { ...processing, currentStep: 'approval' }, { action: 'approve' }, approver, { status: 4, step: 'result' }],
  [
    'a specialist may not approve',
    { ...processing, currentStep: 'approval' },
    { action: 'approve' },
    specialist,
    { error: 'ROLE_NOT_ALLOWED' },
  ],
  ['approval only at the approval step', processing, { action: 'approve' }, approver, { error: 'TRANSITION_NOT_ALLOWED' }],
  [
    'the approver rejects with a reason',
    { ...processing, currentStep: 'approval' },
    { action: 'reject', reason: 'Không đủ điều kiện' },
    approver,
    { status: 4, step: 'result' },
  ],
  [
    'the result is recorded',
    { ...processing, currentStep: 'result' },
    { action: 'record_result' },
    specialist,
    { status: 9, step: 'return' },
  ],
  [
    'returning needs a method',
    { ...processing, status: 9, currentStep: 'return' },
    { action: 'return_result' },
    reception,
    { error: 'RETURN_METHOD_REQUIRED' },
  ],
  [
    'the result is returned at the counter',
    { ...processing, status: 9, currentStep: 'return' },
    { action: 'return_result', returnMethod: 'counter' },
    reception,
    { status: 10, step: 'return' },
  ],
  [
    'financial obligation requested',
    processing,
    { action: 'request_financial_obligation', reason: 'Lệ phí trước bạ', amountVnd: 150_000 },
    specialist,
    { status: 6, step: 'processing' },
  ],
  ...([undefined, 0, -150_000, 150_000.5] as const).map((amountVnd): [string, DossierState, ActionRequest, WorkflowActor, Expected] => [
    `a financial obligation of ${String(amountVnd)} đồng is refused`,
    processing,
    { action: 'request_financial_obligation', reason: 'Lệ phí trước bạ', amountVnd },
    specialist,
    { error: 'OBLIGATION_AMOUNT_INVALID' },
  ]),
  [
    'financial obligation confirmed at the counter',
    { ...processing, status: 6 },
    { action: 'confirm_financial_obligation' },
    reception,
    { status: 4, step: 'processing' },
  ],
  [
    'a specialist may not stop processing',
    processing,
    { action: 'stop_processing', reason: 'x' },
    specialist,
    { error: 'ROLE_NOT_ALLOWED' },
  ],
  [
    'the approver stops processing',
    processing,
    { action: 'stop_processing', reason: 'Quá hạn bổ sung' },
    approver,
    { status: 8, step: 'processing' },
  ],
  ['the applicant withdraws', processing, { action: 'withdraw' }, applicant, { status: 7, step: 'processing' }],
  ['someone else cannot withdraw', processing, { action: 'withdraw' }, stranger, { error: 'ROLE_NOT_ALLOWED' }],
  [
    'a finished dossier cannot be withdrawn',
    { ...processing, status: 9, currentStep: 'return' },
    { action: 'withdraw' },
    applicant,
    { error: 'TRANSITION_NOT_ALLOWED' },
  ],
  ['a citizen cannot approve', { ...processing, currentStep: 'approval' }, { action: 'approve' }, applicant, { error: 'ROLE_NOT_ALLOWED' }],
  [
    'an apology needs a new appointment',
    processing,
    { action: 'apologise', reason: 'Chờ xác minh' },
    specialist,
    { error: 'APPOINTMENT_REQUIRED' },
  ],
  [
    'an apology with a new appointment in the past',
    processing,
    { action: 'apologise', reason: 'x', newAppointmentAt: new Date('2026-03-01T02:00:00Z') },
    specialist,
    { error: 'APPOINTMENT_IN_PAST' },
  ],
  [
    'an apology must move the appointment later',
    processing,
    { action: 'apologise', reason: 'x', newAppointmentAt: new Date('2026-03-04T02:00:00Z') },
    specialist,
    { error: 'APPOINTMENT_NOT_LATER' },
  ],
  [
    'an apology after the deadline',
    { ...processing, appointmentAt: new Date('2026-03-01T02:00:00Z') },
    { action: 'apologise', reason: 'x', newAppointmentAt: new Date('2026-03-10T02:00:00Z') },
    specialist,
    { error: 'APOLOGY_AFTER_DEADLINE' },
  ],
  [
    'an apology with a later appointment',
    processing,
    { action: 'apologise', reason: 'Chờ xác minh', newAppointmentAt: new Date('2026-03-10T02:00:00Z') },
    specialist,
    { status: 4, step: 'processing' },
  ],
];

describe('decide: the transition table', () => {
  it.each(cases)('%s', (_name, state, request, actor, expected) => {
    const decision = decide(state, request, actor, context);
    if ('error' in expected) {
      expect(decision).toMatchObject({ ok: false, code: expected.error });
    } else {
      expect(decision.ok, JSON.stringify(decision)).toBe(true);
      if (decision.ok) expect({ status: decision.next.status, step: decision.next.currentStep }).toEqual(expected);
    }
  });
});

describe('decide: clock, counters and slips', () => {
  it('receipt starts the clock and issues form 01: 5 working days from Monday 09:00 is next Monday 09:00', () => {
    const d = decide(submitted, { action: 'receive' }, reception, context);
    expect(d).toMatchObject({ ok: true, slip: '01' });
    if (!d.ok) return;
    expect(d.next.receivedAt).toEqual(now);
    expect(d.next.appointmentAt).toEqual(new Date('2026-03-09T02:00:00Z'));
    expect(d.event).toMatchObject({
      action: 'receive',
      fromStatus: 1,
      toStatus: 2,
      details: { appointmentAt: '2026-03-09T02:00:00.000Z' },
    });
  });

  it('a supplement request pauses the clock; the second marks the dossier late', () => {
    const first = decide(processing, { action: 'request_supplement', components }, specialist, context);
    if (!first.ok) throw new Error(first.code);
    expect(first.slip).toBe('02');
    expect(first.next).toMatchObject({ status: 5, pausedAt: now, supplementRequestCount: 1, isMarkedLate: false });
    expect(first.event.details).toMatchObject({ components, supplementRequestCount: 1 });
    const again = decide({ ...processing, supplementRequestCount: 1 }, { action: 'request_supplement', components }, specialist, context);
    expect(again.ok && again.next).toMatchObject({ supplementRequestCount: 2, isMarkedLate: true });
  });

  it('guidance before receipt neither pauses a clock nor counts; the supplement brings it back to 1', () => {
    const asked = decide(submitted, { action: 'request_supplement', components }, reception, context);
    if (!asked.ok) throw new Error(asked.code);
    expect(asked.next).toMatchObject({ status: 5, pausedAt: null, supplementRequestCount: 0 });
    const back = decide(asked.next, { action: 'receive_supplement' }, applicant, context);
    expect(back.ok && back.next.status).toBe(1);
  });

  it('the supplement resumes processing and moves the appointment by the paused working time', () => {
    // Paused Monday 09:00, supplemented Tuesday 10:00: 8 h + 1 h = 540 working minutes.
    const paused: DossierState = { ...processing, status: 5, pausedAt: now, supplementRequestCount: 1 };
    const later = { ...context, now: new Date('2026-03-03T03:00:00Z') };
    const d = decide(paused, { action: 'receive_supplement' }, applicant, later);
    if (!d.ok) throw new Error(d.code);
    expect(d.next).toMatchObject({ status: 4, pausedAt: null, currentStep: 'processing' });
    expect(d.event.details['pausedWorkingMinutes']).toBe(540);
    // Friday 09:00 + 540 working minutes = Monday 10:00.
    expect(d.next.appointmentAt).toEqual(new Date('2026-03-09T03:00:00Z'));
  });

  it('refusal, result and stop end processing for the on-time rule; return keeps the first end', () => {
    const refused = decide(submitted, { action: 'refuse', reason: 'x' }, reception, context);
    expect(refused).toMatchObject({ ok: true, slip: '03', next: { processingEndedAt: now } });
    const done = decide({ ...processing, currentStep: 'result' }, { action: 'record_result' }, specialist, context);
    expect(done.ok && done.next.processingEndedAt).toEqual(now);
    const endedAt = new Date('2026-03-01T02:00:00Z');
    const returned = decide(
      { ...processing, status: 9, currentStep: 'return', processingEndedAt: endedAt },
      { action: 'return_result', returnMethod: 'post' },
      reception,
      context,
    );
    expect(returned.ok && returned.next).toMatchObject({ processingEndedAt: endedAt, returnedAt: now, returnMethod: 'post' });
  });

  it('an apology sets the new appointment, marks the dossier late and issues form 04', () => {
    const newAppointmentAt = new Date('2026-03-10T02:00:00Z');
    const d = decide(processing, { action: 'apologise', reason: 'Chờ xác minh', newAppointmentAt }, approver, context);
    expect(d).toMatchObject({ ok: true, slip: '04', next: { appointmentAt: newAppointmentAt, isMarkedLate: true, status: 4 } });
  });

  it('forwarding to another agency changes the handling agency and records both', () => {
    const d = decide(processing, { action: 'forward', toAgencyCode: '79-STP' }, specialist, context);
    expect(d.ok && d.next.handlingAgencyCode).toBe('79-STP');
    expect(d.ok && d.event.details).toEqual({ fromAgencyCode: '26572-UBND', toAgencyCode: '79-STP' });
  });

  it('a financial obligation is added to what the dossier owes, with the reason as its description', () => {
    const request: ActionRequest = { action: 'request_financial_obligation', reason: ' Lệ phí cấp giấy chứng nhận ', amountVnd: 150_000 };
    const d = decide(processing, request, specialist, context);
    const expected = { amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận', requestedAt: now.toISOString() };
    expect(d.ok && d.next.financialObligations).toEqual([expected]);
    expect(d.ok && d.event.details).toEqual({ amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận' });
  });

  it('reject records the decision and skips to the result step', () => {
    const d = decide({ ...processing, currentStep: 'approval' }, { action: 'reject', reason: 'Không đủ điều kiện' }, approver, context);
    expect(d.ok && d.next).toMatchObject({ decision: 'rejected', currentStep: 'result' });
  });
});

describe('availableActions', () => {
  it('offers each role what it can do now', () => {
    expect(availableActions(submitted, reception, defaultWorkflow)).toEqual(['receive', 'refuse', 'request_supplement', 'withdraw']);
    expect(availableActions(processing, specialist, defaultWorkflow)).toEqual([
      'request_supplement',
      'forward',
      'request_financial_obligation',
      'apologise',
    ]);
    expect(availableActions({ ...processing, currentStep: 'approval' }, approver, defaultWorkflow)).toEqual([
      'send_back',
      'approve',
      'reject',
      'stop_processing',
      'apologise',
    ]);
    expect(availableActions(processing, applicant, defaultWorkflow)).toEqual(['withdraw']);
    expect(availableActions(processing, stranger, defaultWorkflow)).toEqual([]);
  });
});

// ---- properties ------------------------------------------------------------------------------

const roles: OfficerRole[] = ['reception', 'specialist', 'approver', 'unit_admin', 'leader', 'system_admin'];
const date = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true });
const arbStatus = fc.constantFrom(...dossierStatuses);
const arbState: fc.Arbitrary<DossierState> = fc.record({
  status: arbStatus,
  currentStep: fc.constantFrom(...defaultWorkflow.steps.map((s) => s.code)),
  handlingAgencyCode: fc.constantFrom('26572-UBND', '79-STP'),
  receivedAt: fc.option(date, { nil: null }),
  appointmentAt: fc.option(date, { nil: null }),
  pausedAt: fc.option(date, { nil: null }),
  supplementRequestCount: fc.nat(3),
  processingEndedAt: fc.option(date, { nil: null }),
  isMarkedLate: fc.boolean(),
  decision: fc.constantFrom(null, 'approved' as const, 'rejected' as const),
  returnMethod: fc.constantFrom(null, ...returnMethods),
  returnedAt: fc.option(date, { nil: null }),
  withdrawnAt: fc.option(date, { nil: null }),
  financialObligations: fc.constant([]),
});
const arbActor: fc.Arbitrary<WorkflowActor> = fc.oneof(
  fc.record({
    kind: fc.constant('officer' as const),
    rolesAtReceiving: fc.subarray(roles),
    rolesAtHandling: fc.subarray(roles),
  }),
  fc.record({ kind: fc.constant('citizen' as const), isApplicant: fc.boolean() }),
);
const arbRequest: fc.Arbitrary<ActionRequest> = fc.record(
  {
    action: fc.constantFrom(...dossierActions),
    reason: fc.constantFrom('', '  ', 'Lý do'),
    components: fc.constantFrom([], components),
    newAppointmentAt: date,
    returnMethod: fc.constantFrom(...returnMethods),
    toAgencyCode: fc.constantFrom('26572-UBND', '79-STP'),
    toStep: fc.constantFrom(...defaultWorkflow.steps.map((s) => s.code), 'nowhere'),
  },
  { requiredKeys: ['action'] },
);

describe('decide: properties', () => {
  it('the table has at most one row per action, status and step kind', () => {
    for (const action of dossierActions)
      for (const status of dossierStatuses)
        for (const kind of stepKinds) {
          const rows = transitionTable.filter((r) => r.action === action && r.from.includes(status) && r.atSteps.includes(kind));
          expect(rows.length, `${action} ${status} ${kind}`).toBeLessThanOrEqual(1);
        }
  });

  it('no transition outside the table succeeds, and the status stays a national code 1–10', () => {
    fc.assert(
      fc.property(arbState, arbRequest, arbActor, date, (state, request, actor, at) => {
        const d = decide(state, request, actor, { ...context, now: at });
        const rule = findRule(request.action, state.status);
        const kind = findStep(defaultWorkflow, state.currentStep)?.kind;
        if (!rule || !kind || !rule.atSteps.includes(kind)) expect(d).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
        if (!d.ok) return;
        expect(dossierStatuses).toContain(d.next.status);
        expect(rule?.to === 'same' || rule?.to === 'resume' || d.next.status === rule?.to).toBe(true);
        expect(findStep(defaultWorkflow, d.next.currentStep)).toBeDefined();
        expect(d.event).toMatchObject({ action: request.action, fromStatus: state.status, toStatus: d.next.status });
      }),
      { numRuns: 3000 },
    );
  });

  it('a failed decision names a known code and an actor without a role never succeeds', () => {
    fc.assert(
      fc.property(arbState, arbRequest, date, (state, request, at) => {
        const nobody: WorkflowActor = { kind: 'officer', rolesAtReceiving: [], rolesAtHandling: [] };
        expect(decide(state, request, nobody, { ...context, now: at }).ok).toBe(false);
      }),
    );
  });

  it('any sequence of actions from a new dossier keeps the dossier consistent', () => {
    const everyone = officer(roles, roles);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbRequest, fc.constantFrom(everyone, applicant), fc.integer({ min: 1, max: 5000 })), { maxLength: 40 }),
        (steps) => {
          let state = submitted;
          let at = now.getTime();
          for (const [request, actor, minutes] of steps) {
            at += minutes * 60_000;
            const d = decide(state, request, actor, { ...context, now: new Date(at) });
            if (!d.ok) continue;
            state = d.next;
            expect(dossierStatuses).toContain(state.status);
            // The clock is paused exactly while a received dossier waits for its supplement.
            expect(state.pausedAt !== null).toBe(state.status === 5 && state.receivedAt !== null);
            // Every end of processing of the on-time rule is recorded.
            if ([3, 8, 9, 10].includes(state.status)) expect(state.processingEndedAt).not.toBeNull();
            // Received dossiers carry an appointment; only new or refused ones may lack it.
            if (state.receivedAt !== null) expect(state.appointmentAt).not.toBeNull();
            if (state.supplementRequestCount > 1) expect(state.isMarkedLate).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
