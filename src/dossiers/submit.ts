import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { uniqueViolation, violatedCheck } from '../platform/db/errors.ts';
import { auditInsert, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { formatVietnamDateTime, formatVnd } from '../platform/pdf/document.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import { validateFormData, type FormDefinition } from '../procedures/forms/index.ts';
import { emailInsert } from '../notifications/outbox.ts';
import { usableAttachments } from './attachments.ts';
import type { DossierDeps } from './deps.ts';
import { computeInterimAppointment } from './domain/appointment.ts';
import { mentionedAttachmentIds, offeredAttachments, planComponents, type PlannedComponent } from './domain/components.ts';
import { formatDossierCode } from './domain/dossier-code.ts';
import { nextStatus } from './domain/lifecycle.ts';
import { canonicalJson, fixedFeeTotal, isValidIdempotencyKey, resolveHandlingAgency } from './domain/submission-rules.ts';
import { presentDossier, type DossierView } from './present.ts';
import { agencyName, loadDossierRecord, referenceData, type AgencyName, type DossierRecord } from './records.ts';
import { attachments, dossierComponents, dossierDrafts, dossierEvents, dossiers, idempotencyKeys, type AttachmentRow, type DossierRow } from './schema.ts';
import type { SubmitDossierBody } from './submit.schema.ts';

export interface SubmitCommand {
  citizen: CitizenPrincipal;
  /** How the citizen's session was opened ('vneid'); recorded on the first event. */
  sessionMethod: string | null;
  idempotencyKey: string | undefined;
  body: SubmitDossierBody;
  actor: Actor;
  lang: 'vi' | 'en';
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
const uploadHasFileCheck = 'dossier_components_upload_has_file';
const maxCodeAttempts = 5;
// A procedure without an online form accepts only an empty formData: every key is an unknown field.
const noForm: FormDefinition = { version: 1, title: { vi: '-', en: '-' }, fields: [] };

function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

async function replay(deps: DossierDeps, citizenId: string, key: string, requestHash: string): Promise<SubmitOutcome | null> {
  const [seen] = await deps.db
    .select({ requestHash: idempotencyKeys.requestHash, dossierId: idempotencyKeys.dossierId })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principalKind, 'citizen'), eq(idempotencyKeys.principalId, citizenId), eq(idempotencyKeys.key, key)));
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
 * Nộp hồ sơ trực tuyến — a signed-in citizen submits a dossier for the current version of a procedure
 * at any receiving centre of the province (Decree 118/2025/NĐ-CP). Checks everything first (form with
 * the same validateFormData the browser runs, components and attachments, agency), then commits the
 * dossier (status 1, channel 2, submitted by the applicant's own session), its components, the claim on
 * the attachments, the first event, the audit row and the receipt e-mail in one transaction. The same
 * Idempotency-Key returns the first dossier, also when retries race (the key's primary key decides).
 */
export async function submitDossier(deps: DossierDeps, command: SubmitCommand): Promise<SubmitOutcome> {
  const key = command.idempotencyKey;
  if (key === undefined || key === '') throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
  if (!isValidIdempotencyKey(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const requestHash = createHash('sha256').update(canonicalJson(command.body)).digest('hex');
  let prepared: PreparedSubmission;
  try {
    prepared = await prepareSubmission(deps, command);
  } catch (error) {
    // A retry of a request that went through is refused by the checks (its files are claimed now):
    // the key is looked up only then, so a first submission costs no extra query.
    if (error instanceof AppError) {
      const seen = await replay(deps, command.citizen.id, key, requestHash);
      if (seen) return seen;
    }
    throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitSubmission(deps, command, prepared, key, requestHash);
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === dossierCodeKey && attempt < maxCodeAttempts) continue;
      // A request with the same key committed meanwhile: its key or its files were taken first
      // (which of the two a concurrent retry trips over is up to the database). Answer with its dossier.
      const isFileTaken = violatedCheck(error) === uploadHasFileCheck;
      if (constraint === idempotencyPrimaryKey || isFileTaken) {
        const first = await replay(deps, command.citizen.id, key, requestHash);
        if (first) return first;
      }
      // Another submission claimed a file after the checks: this one stored nothing.
      if (isFileTaken) throw new AppError('ATTACHMENT_NOT_FOUND', { reason: 'claimed meanwhile' }, { cause: error });
      throw error;
    }
  }
}

/** Everything checked and decided before the write: the dossier's values and what to record with it. */
interface PreparedSubmission {
  values: Omit<typeof dossiers.$inferInsert, 'id' | 'code'>;
  plan: PlannedComponent[];
  files: Map<string, AttachmentRow>;
  procedure: DossierRecord['procedure'];
  receivingAgency: AgencyName;
  handlingAgency: AgencyName;
}

async function prepareSubmission(deps: DossierDeps, command: SubmitCommand): Promise<PreparedSubmission> {
  const { citizen, body } = command;
  const [[version], reference, usable] = await Promise.all([
    deps.db
      .select({ version: procedureVersions, procedureCode: procedures.code })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(and(eq(procedures.provinceCode, deps.provinceCode), eq(procedures.code, body.procedureCode), eq(procedureVersions.isCurrent, true))),
    referenceData(deps),
    usableAttachments(deps.db, citizen.id, mentionedAttachmentIds(body.components, body.formData)),
  ]);
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
  const files = new Map(usable.map((a) => [a.id, a]));
  const plan = planComponents(current.components, offered, files, {
    hasOnlineForm: current.formDefinition !== null,
    isIdentityVerified: (citizen.identityLevel ?? 0) >= 2,
  });
  if (!plan.ok) throw new AppError(plan.error, plan.details);

  return {
    values: {
      provinceCode: deps.provinceCode,
      procedureVersionId: current.id,
      procedureCode: version.procedureCode,
      receivingAgencyCode: receiving.code,
      handlingAgencyCode: handling.agencyCode,
      unitCode: handling.unitCode,
      status: nextStatus('submit', null) ?? 1,
      channel: 2,
      submitterKind: 'applicant',
      applicantCitizenId: citizen.id,
      applicantKind: 'citizen',
      applicantIdNumber: citizen.idNumber,
      applicantName: citizen.fullName,
      applicantEmail: body.contact.email ?? citizen.email,
      applicantPhone: body.contact.phone ?? citizen.phone,
      isVneidVerified: command.sessionMethod === 'vneid' && (citizen.identityLevel ?? 0) >= 2,
      formData: body.formData,
      feeTotalVnd: fixedFeeTotal(current.fees),
      currentStep: 'reception',
      submittedAt: now,
      // INTERIM (weekends only) until src/calendar lands on main: see domain/appointment.ts.
      appointmentAt: computeInterimAppointment(now, current.timeAmount, current.timeUnit),
      updatedAt: now,
    },
    plan: plan.components,
    files,
    procedure: { code: version.procedureCode, version: current.version, name: current.name, nameEn: current.nameEn },
    receivingAgency: agencyName(receiving.code, reference),
    handlingAgency: agencyName(handling.agencyCode, reference),
  };
}

/**
 * Writes the dossier, its idempotency key, the claim on its files, its components, first event,
 * audit row, receipt e-mail and the removal of the draft as ONE statement of data-modifying CTEs:
 * PostgreSQL runs a statement as one transaction, so it is all or nothing, in one round trip.
 */
async function commitSubmission(
  deps: DossierDeps,
  command: SubmitCommand,
  prepared: PreparedSubmission,
  key: string,
  requestHash: string,
): Promise<SubmitOutcome> {
  const { citizen } = command;
  const { values, plan } = prepared;
  const now = values.submittedAt;
  const id = randomUUID();
  const code = formatDossierCode(deps.codeFormat, {
    provinceCode: deps.provinceCode,
    unitCode: values.unitCode,
    at: now,
    randomBytes: randomBytes(deps.codeFormat.randomLength),
  });
  const row: DossierRow = { ...dossierDefaults, ...values, id, code } as DossierRow;
  const record: DossierRecord = {
    row,
    procedure: prepared.procedure,
    receivingAgency: prepared.receivingAgency,
    handlingAgency: prepared.handlingAgency,
    components: plan.map((c) => {
      const file = c.attachmentId ? prepared.files.get(c.attachmentId) : undefined;
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
  const attachmentIds = plan.flatMap((c) => (c.attachmentId ? [c.attachmentId] : []));
  const notificationId = row.applicantEmail ? randomUUID() : null;

  const { db } = deps;
  // The files are claimed first and the upload components take their attachment ids from the claim:
  // a file another submission claimed meanwhile leaves an upload without its file, which the
  // dossier_components check refuses, and the whole statement is undone.
  const claim =
    attachmentIds.length > 0
      ? db
          .update(attachments)
          .set({ dossierId: id })
          .where(and(inArray(attachments.id, attachmentIds), eq(attachments.ownerId, citizen.id), isNull(attachments.dossierId)))
          .returning({ id: attachments.id })
          .getSQL()
      : sql`SELECT NULL::uuid AS id WHERE false`;
  const planned = sql.join(
    plan.map((c, position) => sql`(${c.componentCode}, ${c.name}, ${c.attachmentId}::uuid, ${c.source}, ${position}::smallint)`),
    sql`, `,
  );
  // getSQL(): the statements themselves, without the parentheses drizzle puts around an embedded query.
  const writes: [string, SQL][] = [
    ['dossier', db.insert(dossiers).values({ id, code, ...values }).getSQL()],
    // A concurrent retry with the same key waits on this row, then fails on the primary key.
    [
      'idempotency',
      db.insert(idempotencyKeys).values({ principalKind: 'citizen', principalId: citizen.id, key, requestHash, dossierId: id, createdAt: now }).getSQL(),
    ],
    ['claimed', claim],
    [
      'components',
      sql`INSERT INTO ${dossierComponents} (dossier_id, component_code, name, attachment_id, source, position, created_at)
          SELECT ${id}::uuid, p.code, p.name, claimed.id, p.source, p.position, ${now.toISOString()}::timestamptz
          FROM (VALUES ${planned}) AS p(code, name, attachment_id, source, position)
          LEFT JOIN claimed ON claimed.id = p.attachment_id`,
    ],
    [
      'event',
      db
        .insert(dossierEvents)
        .values({
          dossierId: id,
          at: now,
          action: 'submit',
          fromStatus: null,
          toStatus: row.status,
          fromStep: null,
          toStep: 'reception',
          actorKind: 'citizen',
          actorId: citizen.id,
          actorSessionMethod: command.sessionMethod,
          agencyCode: row.receivingAgencyCode,
          details: { channel: 2, submitterKind: 'applicant' },
        })
        .getSQL(),
    ],
    [
      'audit',
      auditInsert(db, command.actor, {
        action: 'dossier.submitted',
        subjectType: 'dossier',
        subjectId: id,
        details: { code, procedureCode: row.procedureCode, procedureVersion: prepared.procedure.version, receivingAgencyCode: row.receivingAgencyCode },
      }).getSQL(),
    ],
    ['draft', db.delete(dossierDrafts).where(and(eq(dossierDrafts.citizenId, citizen.id), eq(dossierDrafts.procedureCode, row.procedureCode))).getSQL()],
  ];
  if (notificationId && row.applicantEmail) {
    const email = emailInsert(db, notificationId, {
      template: 'dossier.received',
      recipient: row.applicantEmail,
      ...receiptEmail(record, lookupUrlOf(deps.publicUrl, code)),
      attachments: [{ fileName: `giay-tiep-nhan-${code}.pdf`, mediaType: 'application/pdf', render: { kind: 'dossier_receipt', ref: id } }],
      subjectType: 'dossier',
      subjectId: id,
    });
    writes.push(['email', email.getSQL()]);
  }
  // One statement is one transaction: all of it commits, or none of it (one round trip instead of eleven).
  await db.execute(sql`WITH ${sql.join(
    writes.map(([name, statement]) => sql`${sql.identifier(name)} AS (${statement})`),
    sql`, `,
  )} SELECT 1`);
  return { dossier: presentDossier(record), isReplay: false, notificationId };
}

// Column defaults of a new dossier row, for the record built in memory (schema.ts has the same defaults).
const dossierDefaults = {
  submitterOfficerId: null,
  submitterTerminal: null,
  helperId: null,
  applicantTaxCode: null,
  assignedOfficerId: null,
  receivedAt: null,
  pausedAt: null,
  supplementRequestCount: 0,
  processingEndedAt: null,
  returnedAt: null,
  withdrawnAt: null,
  version: 1,
} satisfies Partial<DossierRow>;
