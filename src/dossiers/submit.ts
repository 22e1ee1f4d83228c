import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.ts';
import { uniqueViolation } from '../platform/db/errors.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { storeDocumentsForSubmission } from '../documents/store.ts';
import { vietnamToday } from '../units/routes.ts';
import { AppError } from '../platform/errors.ts';
import { formatVietnamDateTime, formatVnd } from '../platform/pdf/document.ts';
import type { CitizenPrincipal, OfficerPrincipal } from '../identity/principal.ts';
import { citizens } from '../identity/schema.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import { validateFormData, type FormDefinition } from '../procedures/forms/index.ts';
import { agencies } from '../units/schema.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import { usableAttachments, type AttachmentOwner } from './attachments.ts';
import type { DossierDeps } from './deps.ts';
import { computeInterimAppointment } from './domain/appointment.ts';
import { offeredAttachments, planComponents } from './domain/components.ts';
import { formatDossierCode } from './domain/dossier-code.ts';
import { nextStatus } from './domain/lifecycle.ts';
import { canonicalJson, fixedFeeTotal, isValidIdempotencyKey, resolveHandlingAgency } from './domain/submission-rules.ts';
import { presentDossier, type DossierView } from './present.ts';
import { agencyNames, loadDossierRecord, type AgencyName, type DossierRecord } from './records.ts';
import { attachments, communityHelpers, dossierComponents, dossierDrafts, dossierEvents, dossiers, idempotencyKeys } from './schema.ts';
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
  const record = await loadDossierRecord(deps.db, row, await deps.communes.byCode());
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
 * Nộp hồ sơ trực tuyến — a signed-in citizen submits a dossier for the current version of a procedure
 * at any receiving centre of the province (Decree 118/2025/NĐ-CP). Checks everything first (form with
 * the same validateFormData the browser runs, components and attachments, agency), then commits the
 * dossier (status 1, channel 2, submitted by the applicant's own session), its components, the claim on
 * the attachments, the first event, the audit row and the receipt e-mail in one transaction. The same
 * Idempotency-Key returns the first dossier, also when retries race (the key's primary key decides).
 */
export async function submitDossier(deps: DossierDeps, command: SubmitCommand): Promise<SubmitOutcome> {
  const { submitter, body } = command;
  const principal = principalOfSubmitter(submitter);
  const citizen = submitter.kind === 'applicant' ? submitter.citizen : null;
  const officer = submitter.kind === 'applicant' ? null : submitter;
  const key = command.idempotencyKey;
  if (key === undefined || key === '') throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
  if (!isValidIdempotencyKey(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
  const seen = await replay(deps, principal, key, requestHash);
  if (seen) return seen;

  const [version] = await deps.db
    .select({ version: procedureVersions, procedureCode: procedures.code })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(
      and(eq(procedures.provinceCode, deps.provinceCode), eq(procedures.code, body.procedureCode), eq(procedureVersions.isCurrent, true)),
    );
  if (!version) throw new AppError('PROCEDURE_NOT_FOUND', { code: body.procedureCode });
  const current = version.version;
  if (current.version !== body.procedureVersion)
    throw new AppError('PROCEDURE_VERSION_NOT_CURRENT', { requestedVersion: body.procedureVersion, currentVersion: current.version });

  const now = deps.now();
  const communes = await deps.communes.byCode();
  const formErrors = validateFormData(current.formDefinition ?? noForm, body.formData, {
    lang: command.lang,
    today: vietnamToday(now),
    communeExists: (code) => communes.has(code),
  });
  if (formErrors.length > 0)
    throw new AppError('FORM_INVALID', { fields: formErrors.map((e) => ({ field: e.path, code: e.code, message: e.messages })) });

  const [receiving] = await deps.db.select().from(agencies).where(eq(agencies.code, body.receivingAgencyCode));
  if (!receiving || !receiving.receivesDossiers || receiving.provinceCode !== deps.provinceCode)
    throw new AppError('AGENCY_NOT_RECEIVING', { receivingAgencyCode: body.receivingAgencyCode });
  const chosen = body.communeCode ?? null;
  if (chosen !== null && communes.get(chosen)?.provinceCode !== deps.provinceCode)
    throw new AppError('HANDLING_COMMUNE_INVALID', { reason: 'unknown', communeCode: chosen });
  const handling = resolveHandlingAgency({ provinceCode: deps.provinceCode, procedure: current, receiving, chosenCommuneCode: chosen });
  if (!handling.ok) throw new AppError('HANDLING_COMMUNE_INVALID', { reason: 'missing' });

  const offered = offeredAttachments(body.components, current.formDefinition, body.formData);
  const usable = await usableAttachments(deps.db, principal, [...offered.values()].flat());
  const usableById = new Map(usable.map((a) => [a.id, a]));
  const fromStore = await storeDocumentsForSubmission(
    deps.db,
    citizen?.idNumber ?? officer?.applicant.idNumber ?? '',
    body.components,
    vietnamToday(now),
  );
  const plan = planComponents(current.components, offered, usableById, {
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

  const [profile] = citizen
    ? await deps.db.select({ email: citizens.email, phone: citizens.phone }).from(citizens).where(eq(citizens.id, citizen.id))
    : [];
  const names = await agencyNames(deps.db, [receiving.code, handling.agencyCode], communes);
  const email = officer ? (officer.applicant.email ?? null) : (body.contact.email ?? profile?.email ?? null);
  const draft = {
    provinceCode: deps.provinceCode,
    procedureVersionId: current.id,
    procedureCode: version.procedureCode,
    receivingAgencyCode: receiving.code,
    handlingAgencyCode: handling.agencyCode,
    unitCode: handling.unitCode,
    status: nextStatus('submit', null) ?? 1,
    channel: submitter.kind === 'counter' ? (1 as const) : (2 as const),
    submitterKind: submitter.kind,
    submitterOfficerId: officer?.officer.id ?? null,
    submitterTerminal: officer?.terminal ?? null,
    helperId: officer?.helperId ?? null,
    applicantCitizenId: citizen?.id ?? null,
    applicantKind: 'citizen' as const,
    applicantIdNumber: citizen?.idNumber ?? officer?.applicant.idNumber ?? '',
    applicantName: citizen?.fullName ?? officer?.applicant.name ?? '',
    applicantEmail: email,
    applicantPhone: officer ? (officer.applicant.phone ?? null) : (body.contact.phone ?? profile?.phone ?? null),
    isVneidVerified: submitter.kind === 'applicant' && submitter.sessionMethod === 'vneid' && (citizen?.identityLevel ?? 0) >= 2,
    formData: body.formData,
    feeTotalVnd: fixedFeeTotal(current.fees),
    currentStep: 'reception',
    submittedAt: now,
    // INTERIM (weekends only) until src/calendar lands on main: see domain/appointment.ts.
    appointmentAt: computeInterimAppointment(now, current.timeAmount, current.timeUnit),
    updatedAt: now,
  };
  const procedure = { code: version.procedureCode, version: current.version, name: current.name, nameEn: current.nameEn };
  const receivingAgency = names.get(receiving.code) as AgencyName;
  const handlingAgency = names.get(handling.agencyCode) as AgencyName;

  const commit = async (tx: Tx, id: string, code: string): Promise<{ record: DossierRecord; notificationId: string | null }> => {
    const [row] = await tx
      .insert(dossiers)
      .values({ id, code, ...draft })
      .returning();
    if (!row) throw new Error('dossier not inserted');
    // Right after the dossier, before any other lock: a concurrent retry with the same key waits here and then fails.
    await tx
      .insert(idempotencyKeys)
      .values({ principalKind: principal.kind, principalId: principal.id, key, requestHash, dossierId: id, createdAt: now });
    const attachmentIds = components.flatMap((c) => (c.attachmentId ? [c.attachmentId] : []));
    if (attachmentIds.length > 0) {
      const claimed = await tx
        .update(attachments)
        .set({ dossierId: id })
        .where(
          and(
            inArray(attachments.id, attachmentIds),
            eq(attachments.ownerKind, principal.kind),
            eq(attachments.ownerId, principal.id),
            isNull(attachments.dossierId),
          ),
        )
        .returning({ id: attachments.id });
      // Another submission claimed one of them since we looked.
      if (claimed.length !== attachmentIds.length) {
        const got = new Set(claimed.map((c) => c.id));
        throw new AppError('ATTACHMENT_NOT_FOUND', { attachmentIds: attachmentIds.filter((a) => !got.has(a)) });
      }
    }
    await tx.insert(dossierComponents).values(
      components.map((c, position) => ({
        dossierId: id,
        componentCode: c.componentCode,
        name: c.name,
        attachmentId: c.attachmentId,
        source: c.source,
        storeDocumentId: c.storeDocumentId ?? null,
        position,
        createdAt: now,
      })),
    );
    await tx.insert(dossierEvents).values({
      dossierId: id,
      at: now,
      action: 'submit',
      fromStatus: null,
      toStatus: row.status,
      fromStep: null,
      toStep: 'reception',
      actorKind: principal.kind,
      actorId: principal.id,
      actorSessionMethod: submitter.kind === 'applicant' ? submitter.sessionMethod : null,
      agencyCode: receiving.code,
      details: {
        channel: draft.channel,
        submitterKind: submitter.kind,
        ...(officer ? { terminal: officer.terminal, helperId: officer.helperId } : {}),
      },
    });
    await recordAudit(tx, command.actor, {
      action: 'dossier.submitted',
      subjectType: 'dossier',
      subjectId: id,
      details: {
        code,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        receivingAgencyCode: receiving.code,
        submitterKind: submitter.kind,
      },
    });
    if (citizen)
      await tx.delete(dossierDrafts).where(and(eq(dossierDrafts.citizenId, citizen.id), eq(dossierDrafts.procedureCode, procedure.code)));
    const record: DossierRecord = {
      row,
      procedure,
      receivingAgency,
      handlingAgency,
      components: components.map((c) => {
        const file = c.attachmentId ? usableById.get(c.attachmentId) : undefined;
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
    };
    let notificationId: string | null = null;
    if (email) {
      const lookupUrl = lookupUrlOf(deps.publicUrl, code);
      notificationId = await enqueueEmail(tx, {
        template: 'dossier.received',
        recipient: email,
        ...receiptEmail(record, lookupUrl),
        attachments: [
          { fileName: `giay-tiep-nhan-${code}.pdf`, mediaType: 'application/pdf', render: { kind: 'dossier_receipt', ref: id } },
        ],
        subjectType: 'dossier',
        subjectId: id,
      });
    }
    return { record, notificationId };
  };

  for (let attempt = 1; ; attempt++) {
    const id = randomUUID();
    const code = formatDossierCode(deps.codeFormat, {
      provinceCode: deps.provinceCode,
      unitCode: handling.unitCode,
      at: now,
      randomBytes: randomBytes(deps.codeFormat.randomLength),
    });
    try {
      const { record, notificationId } = await deps.db.transaction((tx) => commit(tx, id, code));
      return { dossier: presentDossier(record), isReplay: false, notificationId };
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === idempotencyPrimaryKey) {
        const first = await replay(deps, principal, key, requestHash);
        if (first) return first;
      }
      if (constraint === dossierCodeKey && attempt < maxCodeAttempts) continue;
      throw error;
    }
  }
}
