import { z } from 'zod';
import type { OfficerPrincipal } from '../../identity/principal.ts';
import { recordPersonalDataAccess, type Actor } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors.ts';
import { agencySideOf } from '../domain/workflow-definition.ts';
import { loadDossierForOfficer, type LoadedDossier } from '../dossier-access.ts';
import type { WorkflowDeps } from '../perform-action.ts';
import { dossierTimeline, stepDueTimes } from '../read-dossier.ts';
import { slipOfEvent } from './issued.ts';
import type { CurrentCommunes } from '../../units/current-communes.ts';
import { loadReceiptSlipData } from '../receipt.ts';
import { lookupUrlOf } from '../submit.ts';
import { renderReceiptSlip } from './receipt-slip.ts';
import { renderSlip, type BackOfficeSlip, type ControlSheetLine, type SlipDossier } from './render-slip.ts';

const optionalInstant = z
  .string()
  .nullish()
  .transform((s) => (s ? new Date(s) : null));
const slipDetails = z.object({
  components: z.array(z.object({ name: z.string(), note: z.string().optional() })).default([]),
  previousAppointmentAt: optionalInstant,
  newAppointmentAt: optionalInstant,
});

function slipDossier(d: LoadedDossier): SlipDossier {
  const { row } = d;
  return {
    code: row.code,
    applicantName: row.applicantName,
    applicantIdNumber: row.applicantIdNumber,
    applicantPhone: row.applicantPhone,
    applicantEmail: row.applicantEmail,
    procedureName: d.procedure.name,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    appointmentAt: row.appointmentAt,
    receivingAgencyName: d.receiving.name,
    handlingAgencyName: d.handling.name,
  };
}

/**
 * A slip of a dossier as a PDF for an officer who serves one of its agencies: 01 (the receipt, as
 * submission renders it, with the appointment as it stands), 02/03/04 as their latest event issued
 * them, 05 once the dossier is received. The applicant's data on it is logged as read.
 */
export async function downloadSlip(
  deps: WorkflowDeps & { publicUrl: string; communes: CurrentCommunes },
  officer: OfficerPrincipal,
  code: string,
  form: '01' | BackOfficeSlip,
  actor: Actor,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const dossier = await loadDossierForOfficer(deps.db, officer, code, actor, `slip:${form}`);
  const timeline = await dossierTimeline(deps.db, dossier);
  const trackingUrl = lookupUrlOf(deps.publicUrl, code);
  let bytes: Uint8Array;
  if (form === '01') {
    bytes = await renderReceiptSlip(await loadReceiptSlipData(deps, dossier.row));
  } else if (form === '05') {
    const { row } = dossier;
    if (!row.receivedAt) throw new AppError('SLIP_NOT_AVAILABLE', { code, form });
    const calendar = await deps.calendarFor(deps.db, row.provinceCode);
    const dueTimes = stepDueTimes(dossier.workflow, row, calendar);
    const lines: ControlSheetLine[] = dossier.workflow.steps.map((step, i) => {
      const handover = timeline.find((e) => e.fromStep === step.code && e.toStep !== step.code);
      const closing = step.kind === 'return' ? timeline.find((e) => e.action === 'return_result') : undefined;
      const done = handover ?? closing;
      return {
        stepName: step.name,
        agencyName: agencySideOf(step.kind) === 'receiving' ? dossier.receiving.name : dossier.handling.name,
        dueAt: dueTimes[i] ?? null,
        handedOverAt: done?.at ?? null,
        actorName: done?.actorName ?? null,
      };
    });
    bytes = await renderSlip({ form, dossier: slipDossier(dossier), lines, issuedAt: row.receivedAt, trackingUrl });
  } else {
    const event = timeline.filter((e) => slipOfEvent(e) === form).at(-1);
    if (!event) throw new AppError('SLIP_NOT_AVAILABLE', { code, form });
    const details = slipDetails.parse(event.details ?? {});
    bytes = await renderSlip({
      form,
      dossier: slipDossier(dossier),
      event: { at: event.at, reason: event.reason, actorName: event.actorName, ...details },
      trackingUrl,
    });
  }
  await recordPersonalDataAccess(deps.db, {
    actorKind: 'officer',
    actorId: officer.id,
    dataSubject: dossier.row.applicantTaxCode ?? dossier.row.applicantIdNumber,
    resource: `dossier:${code}:slip-${form}`,
    purpose: 'dossier.processing',
    requestId: actor.requestId ?? null,
  });
  return { fileName: `${code}-mau-${form}.pdf`, bytes };
}
