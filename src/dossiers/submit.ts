import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { uniqueViolation, violatedCheck } from '../platform/db/errors.ts';
import type { Actor } from '../platform/audit/record.ts';
import { storeDocumentsForSubmission } from '../documents/store.ts';
import { computeAppointment } from '../calendar/domain/appointment.ts';
import { vietnamToday } from '../units/routes.ts';
import { AppError } from '../platform/errors.ts';
import { formatVietnamDateTime, formatVnd } from '../platform/pdf/document.ts';
import type { CitizenPrincipal, OfficerPrincipal } from '../identity/principal.ts';
import { validateFormData, type FormDefinition } from '../procedures/forms/index.ts';
import { attachmentIdsIn, usableBy, type AttachmentOwner } from './attachments.ts';
import type { DossierDeps } from './deps.ts';
import { mentionedAttachmentIds, offeredAttachments, planComponents, type PlannedComponent } from './domain/components.ts';
import { formatDossierCode } from './domain/dossier-code.ts';
import { nextStatus } from './domain/lifecycle.ts';
import { canonicalJson, fixedFeeTotal, isValidIdempotencyKey, resolveHandlingAgency } from './domain/submission-rules.ts';
import { presentDossier, type DossierView } from './present.ts';
import type { ClaimedFile } from './submission-writer.ts';
import { agencyName, loadDossierRecord, referenceData, type AgencyName, type DossierRecord } from './records.ts';
import { communityHelpers, dossiers, idempotencyKeys, type AttachmentRow, type DossierRow } from './schema.ts';
import type { SubmitDossierBody } from './submit.schema.ts';

/** The applicant's own signed-in session (genuine online, channel 2). */
export interface ApplicantSubmitter {
  kind: 'applicant';
  citizen: CitizenPrincipal;
  /** How the citizen's session was opened ('vneid'); recorded on the first event. */
  sessionMethod: string | null;
}

/**
 * An officer registering a dossier: `counter` = paper received at the counter (channel 1, components
 * scanned by the officer); `assisted` = keyed online on the applicant's behalf (channel 2).
 */
export interface OfficerSubmitter {
  kind: 'counter' | 'assisted';
  officer: OfficerPrincipal;
  applicant: { idNumber: string; name: string; email?: string | undefined; phone?: string | undefined };
  /** Agency network/terminal the officer keyed from. */
  terminal: string;
  /** Community digital-technology team member credited (community_helpers.id), if any. */
  helperId: string | null;
}

export type Submitter = ApplicantSubmitter | OfficerSubmitter;

export interface SubmitCommand {
  submitter: Submitter;
  idempotencyKey: string | undefined;
  body: SubmitDossierBody;
  actor: Actor;
  lang: 'vi' | 'en';
}

function principalOfSubmitter(s: Submitter): AttachmentOwner {
  return s.kind === 'applicant' ? { kind: 'citizen', id: s.citizen.id } : { kind: 'officer', id: s.officer.id };
}

export interface SubmitOutcome {
  dossier: DossierView;
  /** True when the Idempotency-Key was seen before: the dossier is the one the first request created. */
  isReplay: boolean;
  /** The queued receipt e-mail, to dispatch once the transaction committed. */
  notificationId: string | null;
}

const idempotencyPrimaryKey = 'idempotency_keys_principal_kind_principal_id_key_pk';
const dossierCodeKey = 'dossiers_code_key';
const fileClaimedCheck = 'dossier_components_file_claimed';
const maxCodeAttempts = 5;
// A procedure without an online form accepts only an empty formData: every key is an unknown field.
const noForm: FormDefinition = { version: 1, title: { vi: '-', en: '-' }, fields: [] };

async function replay(deps: DossierDeps, principal: AttachmentOwner, key: string, requestHash: string): Promise<SubmitOutcome | null> {
  const [seen] = await deps.db
    .select({ requestHash: idempotencyKeys.requestHash, dossierId: idempotencyKeys.dossierId })
    .from(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.principalKind, principal.kind), eq(idempotencyKeys.principalId, principal.id), eq(idempotencyKeys.key, key)),
    );
  if (!seen) return null;
  if (seen.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  const [row] = await deps.db.select().from(dossiers).where(eq(dossiers.id, seen.dossierId));
  if (!row) throw new Error(`idempotency key points at a missing dossier ${seen.dossierId}`);
  const record = await loadDossierRecord(deps.db, row, await referenceData(deps));
  return { dossier: presentDossier(record), isReplay: true, notificationId: null };
}

function receiptEmail(record: DossierRecord, lookupUrl: string): { subject: string; bodyText: string } {
  const { row, procedure } = record;
  const appointment = row.appointmentAt ? formatVietnamDateTime(row.appointmentAt) : 'theo thông báo của cơ quan giải quyết';
  const lines = [
    `Kính gửi ${row.applicantName},`,
    '',
    `${record.receivingAgency.name} đã tiếp nhận hồ sơ của bạn.`,
    `Mã hồ sơ: ${row.code}`,
    `Thủ tục: ${procedure.name}`,
    `Thời gian nhận hồ sơ: ${formatVietnamDateTime(row.submittedAt)}`,
    `Thời gian hẹn trả kết quả: ${appointment}`,
    `Phí, lệ phí: ${formatVnd(row.feeTotalVnd)}`,
    '',
    'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được gửi kèm thư này.',
    `Tra cứu tình trạng hồ sơ: ${lookupUrl}`,
    '',
    '---',
    `Your dossier ${row.code} (${procedure.nameEn ?? procedure.name}) was received by ${record.receivingAgency.nameEn ?? record.receivingAgency.name}.`,
    `Result expected: ${row.appointmentAt?.toISOString() ?? 'to be announced'}. The receipt slip is attached. Track the dossier at ${lookupUrl}.`,
    '',
    'Thư này được gửi tự động, vui lòng không trả lời. / This message was sent automatically; please do not reply.',
  ];
  return { subject: `Đã tiếp nhận hồ sơ ${row.code} — ${procedure.name}`, bodyText: lines.join('\n') };
}

/** The public status page of a dossier (QR code on the slip, link in the e-mail). */
export function lookupUrlOf(publicUrl: string, code: string): string {
  return `${publicUrl}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

/**
 * Nộp hồ sơ — a dossier submitted for the current version of a procedure at any receiving centre of
 * the province (Decree 118/2025/NĐ-CP): by the applicant's own signed-in session, or keyed by an
 * officer (counter, assisted). Checks everything first (form with the same validateFormData the
 * browser runs, components and attachments, agency), then writes the dossier, its components, the
 * claim on the attachments, the first event, the audit row and the receipt e-mail in one statement,
 * perhaps shared with other submissions waiting at the same time (SubmissionWriter, ADR 0010).
 * The same Idempotency-Key returns the first dossier, also when retries race (the key's primary key
 * decides).
 */
export async function submitDossier(deps: DossierDeps, command: SubmitCommand): Promise<SubmitOutcome> {
  const principal = principalOfSubmitter(command.submitter);
  const key = command.idempotencyKey;
  if (key === undefined || key === '') throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
  if (!isValidIdempotencyKey(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const requestHash = createHash('sha256').update(canonicalJson(command.body)).digest('hex');
  // Checks everything; a request already carried out (same key) is answered with its first dossier.
  const prepare = async (freshVersion: boolean, readFiles: boolean): Promise<PreparedSubmission | SubmitOutcome> => {
    try {
      return await prepareSubmission(deps, command, principal, freshVersion, readFiles);
    } catch (error) {
      // A retry of a request that went through is refused by the checks (its files are claimed now):
      // the key is looked up only then, so a first submission costs no extra query.
      const seen = error instanceof AppError ? await replay(deps, principal, key, requestHash) : null;
      if (seen) return seen;
      throw error;
    }
  };
  // The files are not read first: the write claims them only when usable (see planComponents).
  let prepared = await prepare(false, false);
  for (let attempt = 1; ; attempt++) {
    if ('isReplay' in prepared) return prepared;
    let outcome: SubmitOutcome | null;
    try {
      outcome = await commitSubmission(deps, command, prepared, principal, key, requestHash);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === dossierCodeKey && attempt < maxCodeAttempts) continue;
      // A request with the same key committed meanwhile: its key or its files were taken first
      // (which of the two a concurrent retry trips over is up to the database). Answer with its dossier.
      const isFileTaken = violatedCheck(error) === fileClaimedCheck;
      // A file the write would not claim, with the files not read first: read them and check again,
      // which names the file and the problem (not the applicant's, claimed, a format not accepted).
      if (isFileTaken && prepared.files === null) {
        prepared = await prepare(false, true);
        continue;
      }
      if (constraint === idempotencyPrimaryKey || isFileTaken) {
        const first = await replay(deps, principal, key, requestHash);
        if (first) return first;
      }
      // Another submission claimed a file after the checks: this one stored nothing.
      if (isFileTaken) throw new AppError('ATTACHMENT_NOT_FOUND', { reason: 'claimed meanwhile' }, { cause: error });
      throw error;
    }
    if (outcome) return outcome;
    // The version kept in memory stopped being current before the write, which then wrote nothing:
    // check everything again against the version read afresh.
    if (attempt >= maxCodeAttempts)
      throw new AppError('PROCEDURE_VERSION_NOT_CURRENT', { requestedVersion: command.body.procedureVersion });
    prepared = await prepare(true, prepared.files !== null);
  }
}

/** Everything checked and decided before the write: the dossier's values and what to record with it. */
interface PreparedSubmission {
  values: Omit<typeof dossiers.$inferInsert, 'id' | 'code' | 'submittedAt'> & { submittedAt: Date };
  components: PlannedComponent[];
  /** The applicant's usable files among those offered, or null when they were not read (the write checks them). */
  files: Map<string, AttachmentRow> | null;
  procedure: DossierRecord['procedure'];
  receivingAgency: AgencyName;
  handlingAgency: AgencyName;
}

async function prepareSubmission(
  deps: DossierDeps,
  command: SubmitCommand,
  principal: AttachmentOwner,
  freshVersion: boolean,
  readFiles: boolean,
): Promise<PreparedSubmission> {
  const { submitter, body } = command;
  const citizen = submitter.kind === 'applicant' ? submitter.citizen : null;
  const officer = submitter.kind === 'applicant' ? null : submitter;
  // The procedure, the reference data and (when asked) the files named anywhere in the request, in one go.
  const mentioned = readFiles ? attachmentIdsIn(mentionedAttachmentIds(body.components, body.formData)) : [];
  const [kept, reference, calendar, rows] = await Promise.all([
    deps.currentVersions.get(body.procedureCode, freshVersion),
    referenceData(deps),
    deps.workingCalendar(),
    mentioned.length > 0 ? deps.submitQueries.attachmentsById.execute({ ids: mentioned }) : [],
  ]);
  // A form filled for a version published after the one kept in memory: look again before refusing.
  const version =
    kept && !freshVersion && kept.version.version !== body.procedureVersion
      ? await deps.currentVersions.get(body.procedureCode, true)
      : kept;
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { code: body.procedureCode });
  const current = version.version;
  if (current.version !== body.procedureVersion)
    throw new AppError('PROCEDURE_VERSION_NOT_CURRENT', { requestedVersion: body.procedureVersion, currentVersion: current.version });

  const now = deps.now();
  const { communes } = reference;
  const formErrors = validateFormData(current.formDefinition ?? noForm, body.formData, {
    lang: command.lang,
    today: vietnamToday(now),
    communeExists: (code) => communes.has(code),
  });
  if (formErrors.length > 0)
    throw new AppError('FORM_INVALID', { fields: formErrors.map((e) => ({ field: e.path, code: e.code, message: e.messages })) });

  const receiving = reference.agencies.get(body.receivingAgencyCode);
  if (!receiving || !receiving.receivesDossiers || receiving.provinceCode !== deps.provinceCode)
    throw new AppError('AGENCY_NOT_RECEIVING', { receivingAgencyCode: body.receivingAgencyCode });
  const chosen = body.communeCode ?? null;
  if (chosen !== null && communes.get(chosen)?.provinceCode !== deps.provinceCode)
    throw new AppError('HANDLING_COMMUNE_INVALID', { reason: 'unknown', communeCode: chosen });
  const handling = resolveHandlingAgency({ provinceCode: deps.provinceCode, procedure: current, receiving, chosenCommuneCode: chosen });
  if (!handling.ok) throw new AppError('HANDLING_COMMUNE_INVALID', { reason: 'missing' });

  const offered = offeredAttachments(body.components, current.formDefinition, body.formData);
  // An offered id that is not a UUID names no file: reading the files says which.
  const offeredIds = [...offered.values()].flat();
  if (!readFiles && attachmentIdsIn(offeredIds).length !== new Set(offeredIds).size)
    return prepareSubmission(deps, command, principal, freshVersion, true);
  const files = readFiles ? new Map(usableBy(principal, rows).map((a) => [a.id, a])) : null;
  const applicantIdNumber = citizen?.idNumber ?? officer?.applicant.idNumber ?? '';
  const fromStore = await storeDocumentsForSubmission(deps.db, applicantIdNumber, body.components, vietnamToday(now));
  const plan = planComponents(current.components, offered, files, {
    hasOnlineForm: current.formDefinition !== null,
    // An officer keying a dossier has no VNeID-verified identity to reuse: the ID must be among the components.
    isIdentityVerified: (citizen?.identityLevel ?? 0) >= 2,
    fromStore,
  });
  if (!plan.ok) throw new AppError(plan.error, plan.details);
  // Paper components the officer scanned at the counter are counted as counter scans, not online uploads.
  const components =
    submitter.kind === 'counter'
      ? plan.components.map((c) => (c.source === 'upload' ? { ...c, source: 'counter_scan' as const } : c))
      : plan.components;
  if (officer?.helperId) {
    const [helper] = await deps.db
      .select({ id: communityHelpers.id })
      .from(communityHelpers)
      .where(eq(communityHelpers.id, officer.helperId));
    if (!helper) throw new AppError('HELPER_NOT_FOUND', { helperId: officer.helperId });
  }

  return {
    values: {
      provinceCode: deps.provinceCode,
      procedureVersionId: current.id,
      procedureCode: version.procedureCode,
      receivingAgencyCode: receiving.code,
      handlingAgencyCode: handling.agencyCode,
      unitCode: handling.unitCode,
      status: nextStatus('submit', null) ?? 1,
      channel: submitter.kind === 'counter' ? 1 : 2,
      submitterKind: submitter.kind,
      submitterOfficerId: officer?.officer.id ?? null,
      submitterTerminal: officer?.terminal ?? null,
      helperId: officer?.helperId ?? null,
      applicantCitizenId: citizen?.id ?? null,
      applicantKind: 'citizen',
      applicantIdNumber,
      applicantName: citizen?.fullName ?? officer?.applicant.name ?? '',
      applicantEmail: officer ? (officer.applicant.email ?? null) : (body.contact.email ?? citizen?.email ?? null),
      applicantPhone: officer ? (officer.applicant.phone ?? null) : (body.contact.phone ?? citizen?.phone ?? null),
      isVneidVerified: submitter.kind === 'applicant' && submitter.sessionMethod === 'vneid' && (citizen?.identityLevel ?? 0) >= 2,
      formData: body.formData,
      feeTotalVnd: fixedFeeTotal(current.fees),
      currentStep: 'reception',
      submittedAt: now,
      // Ngày hẹn trả kết quả from the province's working calendar (holidays, make-up days, office hours).
      appointmentAt: computeAppointment(now, current.timeAmount, current.timeUnit, calendar).appointmentAt,
      updatedAt: now,
    },
    components,
    files,
    procedure: { code: version.procedureCode, version: current.version, name: current.name, nameEn: current.nameEn },
    receivingAgency: agencyName(receiving.code, reference),
    handlingAgency: agencyName(handling.agencyCode, reference),
  };
}

/**
 * Writes the dossier and everything recorded with it in one statement (see SubmissionWriter) and
 * answers the dossier as its applicant sees it, built from what was written; null when the version
 * used is no longer current (nothing was written).
 */
async function commitSubmission(
  deps: DossierDeps,
  command: SubmitCommand,
  prepared: PreparedSubmission,
  principal: AttachmentOwner,
  key: string,
  requestHash: string,
): Promise<SubmitOutcome | null> {
  const { submitter, actor } = command;
  const { values, components } = prepared;
  const now = values.submittedAt;
  const id = randomUUID();
  const code = formatDossierCode(deps.codeFormat, {
    provinceCode: deps.provinceCode,
    unitCode: values.unitCode,
    at: now,
    randomBytes: randomBytes(deps.codeFormat.randomLength),
  });
  const row = { ...dossierDefaults, ...values, id, code } as DossierRow;
  // The dossier as recorded, with the files' details once the write has claimed them.
  const recordWith = (files: ReadonlyMap<string, ClaimedFile>): DossierRecord => ({
    row,
    procedure: prepared.procedure,
    receivingAgency: prepared.receivingAgency,
    handlingAgency: prepared.handlingAgency,
    components: components.map((c) => {
      const file = c.attachmentId ? files.get(c.attachmentId) : undefined;
      return {
        componentCode: c.componentCode,
        name: c.name,
        source: c.source,
        attachmentId: c.attachmentId,
        fileName: file?.fileName ?? null,
        sizeBytes: file?.sizeBytes ?? null,
        sha256: file?.sha256 ?? null,
      };
    }),
    events: [{ at: now, action: 'submit', toStatus: row.status, reason: null }],
  });
  const officer = submitter.kind === 'applicant' ? null : submitter;
  const notificationId = row.applicantEmail ? randomUUID() : null;
  // The e-mail names no file: it is written in the same statement that claims them.
  const email = row.applicantEmail ? receiptEmail(recordWith(new Map()), lookupUrlOf(deps.publicUrl, code)) : null;
  const result = await deps.submissions.write({
    dossier: {
      id,
      code,
      province_code: row.provinceCode,
      procedure_version_id: row.procedureVersionId,
      procedure_code: row.procedureCode,
      receiving_agency_code: row.receivingAgencyCode,
      handling_agency_code: row.handlingAgencyCode,
      unit_code: row.unitCode,
      status: row.status,
      channel: row.channel,
      submitter_kind: row.submitterKind,
      submitter_officer_id: row.submitterOfficerId,
      submitter_terminal: row.submitterTerminal,
      helper_id: row.helperId,
      applicant_citizen_id: row.applicantCitizenId,
      applicant_id_number: row.applicantIdNumber,
      applicant_name: row.applicantName,
      applicant_email: row.applicantEmail,
      applicant_phone: row.applicantPhone,
      is_vneid_verified: row.isVneidVerified,
      form_data: row.formData,
      fee_total_vnd: row.feeTotalVnd,
      submitted_at: now.toISOString(),
      appointment_at: row.appointmentAt?.toISOString() ?? null,
      principal_kind: principal.kind,
      principal_id: principal.id,
      idempotency_key: key,
      request_hash: requestHash,
      session_method: submitter.kind === 'applicant' ? submitter.sessionMethod : null,
      event_details: {
        channel: row.channel,
        submitterKind: submitter.kind,
        ...(officer ? { terminal: officer.terminal, helperId: officer.helperId } : {}),
      },
      actor_kind: actor.kind,
      actor_id: actor.id,
      request_id: actor.requestId ?? null,
      ip: actor.ip ?? null,
      audit_details: {
        code,
        procedureCode: row.procedureCode,
        procedureVersion: prepared.procedure.version,
        receivingAgencyCode: row.receivingAgencyCode,
        submitterKind: submitter.kind,
      },
      notification_id: notificationId,
      email_subject: email?.subject ?? null,
      email_body: email?.bodyText ?? null,
      email_attachments: [
        { fileName: `giay-tiep-nhan-${code}.pdf`, mediaType: 'application/pdf', render: { kind: 'dossier_receipt', ref: id } },
      ],
    },
    components: components.map((c) => ({
      code: c.componentCode,
      name: c.name,
      attachmentId: c.attachmentId,
      source: c.source,
      storeDocumentId: c.storeDocumentId ?? null,
    })),
    files: components.flatMap((c) => (c.attachmentId ? [{ id: c.attachmentId, mediaTypes: c.acceptedMediaTypes ?? [] }] : [])),
  });
  if (!result.written) return null;
  const claimed = new Map(result.files.map((f) => [f.id, f]));
  return { dossier: presentDossier(recordWith(claimed)), isReplay: false, notificationId };
}

// Column defaults of a new dossier row, for the record built in memory (schema.ts has the same defaults).
const dossierDefaults = {
  assignedOfficerId: null,
  applicantTaxCode: null,
  receivedAt: null,
  pausedAt: null,
  supplementRequestCount: 0,
  processingEndedAt: null,
  returnedAt: null,
  withdrawnAt: null,
  financialObligations: [],
  decision: null,
  returnMethod: null,
  isMarkedLate: false,
  version: 1,
} satisfies Partial<DossierRow>;
