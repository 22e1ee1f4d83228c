import { and, eq, sql } from 'drizzle-orm';
import type { CitizenPrincipal, OfficerPrincipal } from '../identity/principal.ts';
import { sessions } from '../identity/schema.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Db, Queryable, Tx } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { agencies } from '../units/schema.ts';
import type { DeadlineCalendar } from './domain/deadlines.ts';
import { agencySideOf, findStep } from './domain/workflow-definition.ts';
import { decide, type ActionRequest, type DossierState, type SlipForm, type WorkflowActor } from './domain/workflow.ts';
import { loadDossier, loadDossierForOfficer, stateOf, workflowActorOf, type LoadedDossier } from './dossier-access.ts';
import type { DossierActionBody } from './officer-routes.schema.ts';
import { dossierEvents, dossiers, type DossierStatus } from './schema.ts';
import type { DocumentServices } from '../documents/services.ts';
import { recordDossierResult, signDossierResult } from './issue-result.ts';
import { enqueueNotification, type NotificationDispatcher } from '../notifications/outbox.ts';
import { applicantNoticeFor, noticeMessages } from './notices.ts';
import { recordCounterPayment } from '../payments/counter-payment.ts';

/** Gives the working calendar of a province (the calendar module's, loaded from its tables). */
export type CalendarProvider = (q: Queryable, provinceCode: string) => Promise<DeadlineCalendar>;

/** Where an action's notice to the applicant goes: queued in the action's transaction, sent after commit. */
export interface NoticeDeps {
  dispatcher: Pick<NotificationDispatcher, 'dispatch'>;
  /** PUBLIC_URL, for the link to the applicant's dossier page. */
  publicUrl: string;
  /** False with NOTIFICATIONS_DISPATCH=queue-only: the recurring job sends the queued rows. */
  dispatchAfterCommit: boolean;
}

/** What the dossier use cases need from the outside world. */
export interface WorkflowDeps {
  db: Db;
  now: () => Date;
  calendarFor: CalendarProvider;
  /** Signing keys and object store: `record_result` issues the signed electronic result with them. */
  documents?: DocumentServices;
  /** Notices to the applicant (receipt, supplement request, payment, result, apology); none when absent. */
  notices?: NoticeDeps;
}

/** The request an action comes from: for the audit row and to record how the actor signed in. */
export interface ActingRequest {
  actor: Actor;
  sessionTokenHash: string | null;
}

/** What an action answers: the dossier's new state and the slip it issued, if any. */
export interface ActionOutcome {
  code: string;
  status: DossierStatus;
  currentStep: string;
  version: number;
  appointmentAt: string | null;
  eventId: number;
  slips: { form: string; url: string }[];
}

/** Where an officer downloads a slip of a dossier. */
export function officerSlipUrl(code: string, form: string): string {
  return `/api/v1/officer/dossiers/${encodeURIComponent(code)}/slips/${form}`;
}

function toRequest(body: DossierActionBody): ActionRequest {
  return {
    action: body.action,
    reason: body.reason,
    components: body.components,
    newAppointmentAt: body.newAppointmentAt ? new Date(body.newAppointmentAt) : undefined,
    returnMethod: body.returnMethod,
    toAgencyCode: body.toAgencyCode,
    toStep: body.toStep,
    amountVnd: body.amountVnd,
  };
}

/**
 * An officer acts on a dossier: checks scope (403, logged), the version the officer saw (409
 * DOSSIER_CHANGED), the transition table (409/403/400 with specific codes), then writes the new state
 * with `UPDATE … WHERE version = expected`, one event and one audit row in one transaction.
 */
export async function performDossierAction(
  deps: WorkflowDeps,
  officer: OfficerPrincipal,
  code: string,
  body: DossierActionBody,
  from: ActingRequest,
): Promise<ActionOutcome> {
  const dossier = await loadDossierForOfficer(deps.db, officer, code, from.actor, `action:${body.action}`);
  const actor = workflowActorOf(officer, dossier);
  const step = findStep(dossier.workflow, dossier.row.currentStep);
  const agencyCode = step && agencySideOf(step.kind) === 'receiving' ? dossier.receiving.agencyCode : dossier.handling.agencyCode;
  return applyAction(deps, dossier, actor, body, from, agencyCode, officerSlipUrl);
}

/**
 * The applicant acts on their own dossier (withdraw, hand in a supplement). Someone else's dossier is
 * answered as not found, so codes cannot be probed.
 */
export async function performApplicantAction(
  deps: WorkflowDeps,
  citizen: CitizenPrincipal,
  code: string,
  body: DossierActionBody,
  from: ActingRequest,
  slipUrl: (code: string, form: string) => string,
  within?: WithinAction,
): Promise<ActionOutcome> {
  const dossier = await loadDossier(deps.db, code);
  if (!dossier || dossier.row.applicantCitizenId !== citizen.id) throw new AppError('DOSSIER_NOT_FOUND', { code });
  return applyAction(deps, dossier, { kind: 'citizen', isApplicant: true }, body, from, null, slipUrl, within);
}

/** More writes an action makes in its own transaction, after the state change (e.g. the supplement's components). */
export type WithinAction = (tx: Tx, dossier: LoadedDossier) => Promise<void>;

async function applyAction(
  deps: WorkflowDeps,
  dossier: LoadedDossier,
  actor: WorkflowActor,
  body: DossierActionBody,
  from: ActingRequest,
  agencyCode: string | null,
  slipUrl: (code: string, form: string) => string,
  within?: WithinAction,
): Promise<ActionOutcome> {
  const { row } = dossier;
  if (row.version !== body.expectedVersion) throw new AppError('DOSSIER_CHANGED', { code: row.code, version: row.version });
  const now = deps.now();
  const request = toRequest(body);
  const calendar = await deps.calendarFor(deps.db, row.provinceCode);
  const decision = decide(stateOf(row), request, actor, {
    now,
    workflow: dossier.workflow,
    statutoryTime: dossier.procedure.statutoryTime,
    calendar,
  });
  if (!decision.ok) throw new AppError(decision.code, { code: row.code, ...decision.details });
  if (request.toAgencyCode !== undefined && decision.next.handlingAgencyCode !== row.handlingAgencyCode)
    await assertForwardTarget(deps.db, request.toAgencyCode, row.provinceCode);

  const { next, event } = decision;
  // Kết quả điện tử: signed before the transaction; if signing fails, nothing at all is written.
  const signedResult = event.action === 'record_result' ? await signDossierResult(deps.documents, deps.db, dossier, now) : null;
  // The officer who acts keeps the dossier while it stays at the step; moving on leaves it to the next step's pool.
  const assignedOfficerId =
    actor.kind === 'officer' ? (next.currentStep === row.currentStep ? from.actor.id : null) : row.assignedOfficerId;
  const notificationIds: string[] = [];
  const outcome = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(dossiers)
      .set({ ...changedColumns(next), assignedOfficerId, version: sql`${dossiers.version} + 1`, updatedAt: now })
      .where(and(eq(dossiers.id, row.id), eq(dossiers.version, body.expectedVersion)))
      .returning({ version: dossiers.version });
    // Another action committed between our read and this write: nothing of ours is kept.
    if (!updated) throw new AppError('DOSSIER_CHANGED', { code: row.code });
    if (within) await within(tx, dossier);
    const sessionMethod = await sessionMethodOf(tx, from.sessionTokenHash);
    const result = signedResult ? await recordDossierResult(tx, signedResult, from.actor) : null;
    // Confirming a financial obligation at the counter: what is still owed was paid there (cash or POS).
    const counterPayment =
      event.action === 'confirm_financial_obligation'
        ? await recordCounterPayment(
            tx,
            { dossier: row, method: body.paymentMethod ?? 'cash', officerId: actor.kind === 'officer' ? from.actor.id : null, at: now },
            from.actor,
          )
        : null;
    const details = {
      ...event.details,
      ...(decision.slip ? { slip: decision.slip } : {}),
      ...(result ?? {}),
      ...(counterPayment ? { counterPayment } : {}),
    };
    const [inserted] = await tx
      .insert(dossierEvents)
      .values({
        dossierId: row.id,
        at: now,
        action: event.action,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        fromStep: event.fromStep,
        toStep: event.toStep,
        actorKind: actor.kind,
        actorId: from.actor.id,
        actorSessionMethod: sessionMethod,
        agencyCode,
        reason: event.reason,
        details,
      })
      .returning({ id: dossierEvents.id });
    if (!inserted) throw new Error('dossier event not inserted');
    await recordAudit(tx, from.actor, {
      action: `dossier.${event.action}`,
      subjectType: 'dossier',
      subjectId: row.id,
      details: { code: row.code, fromStatus: event.fromStatus, toStatus: event.toStatus, version: updated.version, eventId: inserted.id },
    });
    if (deps.notices) {
      const notice = applicantNoticeFor(request.action, {
        code: row.code,
        procedureName: dossier.procedure.name,
        applicantName: row.applicantName,
        appointmentAt: next.appointmentAt,
        reason: request.reason ?? null,
        components: request.components ?? [],
        amountVnd: request.amountVnd ?? null,
        dossierUrl: `${deps.notices.publicUrl}/ho-so/${encodeURIComponent(row.code)}`,
      });
      const messages = notice ? noticeMessages(notice, { email: row.applicantEmail, phone: row.applicantPhone }, row.id) : [];
      for (const message of messages) notificationIds.push(await enqueueNotification(tx, message));
    }
    return {
      code: row.code,
      status: next.status,
      currentStep: next.currentStep,
      version: updated.version,
      appointmentAt: next.appointmentAt?.toISOString() ?? null,
      eventId: inserted.id,
      slips: slipsIssued(decision.slip).map((form) => ({ form, url: slipUrl(row.code, form) })),
    };
  });
  if (deps.notices?.dispatchAfterCommit) for (const id of notificationIds) deps.notices.dispatcher.dispatch(id);
  return outcome;
}

/** Slips to hand out after an action: its own form, and at receipt also the control sheet (05) that travels with the dossier. */
function slipsIssued(slip: SlipForm | null): string[] {
  if (slip === '01') return ['01', '05'];
  return slip ? [slip] : [];
}

/** The columns the workflow owns, from its next state. */
function changedColumns(next: DossierState) {
  return {
    status: next.status,
    currentStep: next.currentStep,
    handlingAgencyCode: next.handlingAgencyCode,
    receivedAt: next.receivedAt,
    appointmentAt: next.appointmentAt,
    pausedAt: next.pausedAt,
    supplementRequestCount: next.supplementRequestCount,
    processingEndedAt: next.processingEndedAt,
    isMarkedLate: next.isMarkedLate,
    decision: next.decision,
    returnMethod: next.returnMethod,
    returnedAt: next.returnedAt,
    withdrawnAt: next.withdrawnAt,
    financialObligations: [...next.financialObligations],
  };
}

/** Inter-agency forwarding goes to an existing agency of the same province. */
async function assertForwardTarget(q: Queryable, agencyCode: string, provinceCode: string): Promise<void> {
  const [agency] = await q.select({ provinceCode: agencies.provinceCode }).from(agencies).where(eq(agencies.code, agencyCode));
  if (!agency || agency.provinceCode !== provinceCode) throw new AppError('TARGET_AGENCY_INVALID', { toAgencyCode: agencyCode });
}

/** How the acting session was opened ('password+totp', 'vneid'…), so the event proves whose session acted. */
async function sessionMethodOf(q: Queryable, tokenHash: string | null): Promise<string | null> {
  if (!tokenHash) return null;
  const [s] = await q.select({ method: sessions.method }).from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return s?.method ?? null;
}
