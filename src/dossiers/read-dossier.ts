import { asc, eq } from 'drizzle-orm';
import type { OfficerPrincipal } from '../identity/principal.ts';
import { officers } from '../identity/schema.ts';
import { recordPersonalDataAccess, type Actor } from '../platform/audit/record.ts';
import type { Queryable } from '../platform/db/client.ts';
import { isDueSoon, isOnTime, isOverdue, remainingWorkingMinutes, type DeadlineCalendar } from './domain/deadlines.ts';
import type { WorkflowDefinition } from './domain/workflow-definition.ts';
import { dossierStatusNames } from './domain/lifecycle.ts';
import { availableActions } from './domain/workflow.ts';
import { loadDossierForOfficer, stateOf, workflowActorOf, type LoadedDossier } from './dossier-access.ts';
import type { DossierView } from './officer-routes.schema.ts';
import type { WorkflowDeps } from './perform-action.ts';
import { attachments, dossierComponents, dossierEvents, type DossierRow } from './schema.ts';
import { issuedSlips } from './slips/issued.ts';
import { paidAmountsOf } from '../payments/dossier-payment.ts';
import { outstandingVnd } from '../payments/domain/payment-rules.ts';
import { paidObligationFlags, totalOwedVnd } from './domain/financial-obligation.ts';

/** Due time of each step: its cumulative share of the working time between receipt and appointment (form 05). */
export function stepDueTimes(
  workflow: WorkflowDefinition,
  row: Pick<DossierRow, 'receivedAt' | 'appointmentAt'>,
  calendar: DeadlineCalendar,
): (Date | null)[] {
  const { receivedAt, appointmentAt } = row;
  if (!receivedAt || !appointmentAt) return workflow.steps.map(() => null);
  const total = calendar.workingMinutesBetween(receivedAt, appointmentAt);
  let share = 0;
  return workflow.steps.map((step, i) => {
    share += step.share;
    // The last step ends exactly at the appointment, whatever rounding did before it.
    return i === workflow.steps.length - 1 ? appointmentAt : calendar.addWorkingMinutes(receivedAt, Math.round(total * share));
  });
}

/** The dossier's events in order, with the acting officer's name. */
export async function dossierTimeline(q: Queryable, dossier: LoadedDossier) {
  const rows = await q
    .select({ event: dossierEvents, officerName: officers.fullName })
    .from(dossierEvents)
    .leftJoin(officers, eq(officers.id, dossierEvents.actorId))
    .where(eq(dossierEvents.dossierId, dossier.row.id))
    .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
  return rows.map(({ event, officerName }) => ({
    ...event,
    actorName: event.actorKind === 'officer' ? officerName : event.actorKind === 'citizen' ? dossier.row.applicantName : null,
  }));
}

/**
 * The full dossier for an officer who serves one of its agencies: components, form data, timeline,
 * steps with due times, remaining working time and the actions the officer may take. The read of the
 * applicant's data is logged (Law 91/2025/QH15).
 */
export async function readDossierForOfficer(
  deps: WorkflowDeps,
  officer: OfficerPrincipal,
  code: string,
  actor: Actor,
): Promise<DossierView> {
  const { db } = deps;
  const dossier = await loadDossierForOfficer(db, officer, code, actor, 'read');
  const { row } = dossier;
  const now = deps.now();
  const calendar = await deps.calendarFor(db, row.provinceCode);
  const components = await db
    .select({
      component: dossierComponents,
      file: { fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes },
    })
    .from(dossierComponents)
    .leftJoin(attachments, eq(attachments.id, dossierComponents.attachmentId))
    .where(eq(dossierComponents.dossierId, row.id))
    .orderBy(asc(dossierComponents.createdAt), asc(dossierComponents.componentCode));
  const timeline = await dossierTimeline(db, dossier);
  const dueTimes = stepDueTimes(dossier.workflow, row, calendar);
  const paid = await paidAmountsOf(db, row.id);
  const paidVnd = paid.reduce((sum, a) => sum + a, 0);
  const isPaid = paidObligationFlags(row.feeTotalVnd, row.financialObligations, paidVnd);
  await recordPersonalDataAccess(db, {
    actorKind: 'officer',
    actorId: officer.id,
    dataSubject: row.applicantTaxCode ?? row.applicantIdNumber,
    resource: `dossier:${row.code}`,
    purpose: 'dossier.processing',
    requestId: actor.requestId ?? null,
  });

  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    code: row.code,
    version: row.version,
    status: row.status,
    statusName: dossierStatusNames[row.status],
    currentStep: row.currentStep,
    channel: row.channel,
    submitterKind: row.submitterKind,
    procedure: {
      code: row.procedureCode,
      name: dossier.procedure.name,
      nameEn: dossier.procedure.nameEn,
      statutoryTime: dossier.procedure.statutoryTime,
      resultName: dossier.procedure.resultName,
      components: dossier.procedure.components.map((c) => ({ code: c.code, name: c.name, isRequired: c.isRequired })),
    },
    receivingAgency: { code: dossier.receiving.agencyCode, name: dossier.receiving.name, nameEn: dossier.receiving.nameEn },
    handlingAgency: { code: dossier.handling.agencyCode, name: dossier.handling.name, nameEn: dossier.handling.nameEn },
    applicant: {
      kind: row.applicantKind,
      name: row.applicantName,
      idNumber: row.applicantIdNumber,
      taxCode: row.applicantTaxCode,
      email: row.applicantEmail,
      phone: row.applicantPhone,
      isVneidVerified: row.isVneidVerified,
    },
    formData: row.formData,
    components: components.map(({ component, file }) => ({
      componentCode: component.componentCode,
      name: component.name,
      source: component.source,
      isSupplement: component.isSupplement,
      file: file?.fileName ? { fileName: file.fileName, mediaType: file.mediaType ?? '', sizeBytes: file.sizeBytes ?? 0 } : null,
    })),
    submittedAt: row.submittedAt.toISOString(),
    receivedAt: iso(row.receivedAt),
    appointmentAt: iso(row.appointmentAt),
    pausedAt: iso(row.pausedAt),
    processingEndedAt: iso(row.processingEndedAt),
    returnedAt: iso(row.returnedAt),
    supplementRequestCount: row.supplementRequestCount,
    isMarkedLate: row.isMarkedLate,
    decision: row.decision,
    returnMethod: row.returnMethod,
    deadline: {
      remainingWorkingMinutes: remainingWorkingMinutes(row, now, calendar),
      minutesPerWorkingDay: calendar.minutesPerWorkingDay,
      isOverdue: isOverdue(row, now),
      isDueSoon: isDueSoon(row, now, calendar, calendar.minutesPerWorkingDay),
      isOnTime: isOnTime(row),
    },
    steps: dossier.workflow.steps.map((s, i) => ({ ...s, dueAt: iso(dueTimes[i] ?? null), isCurrent: s.code === row.currentStep })),
    timeline: timeline.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromStep: e.fromStep,
      toStep: e.toStep,
      actorKind: e.actorKind,
      actorName: e.actorName,
      agencyCode: e.agencyCode,
      reason: e.reason,
      details: e.details,
    })),
    availableActions: availableActions(stateOf(row), workflowActorOf(officer, dossier), dossier.workflow),
    slips: issuedSlips(row.code, timeline),
    payment: {
      feeTotalVnd: row.feeTotalVnd,
      obligations: row.financialObligations.map((o, i) => ({ ...o, isPaid: isPaid[i] ?? false })),
      paidVnd,
      outstandingVnd: outstandingVnd(totalOwedVnd(row.feeTotalVnd, row.financialObligations), paid),
    },
  };
}
