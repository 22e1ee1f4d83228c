import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { citizens, officers } from '../identity/schema.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { closedStatuses } from './domain/deadlines.ts';
import type { FinancialObligation } from './domain/financial-obligation.ts';
import type { WorkflowDefinition } from './domain/workflow-definition.ts';

/**
 * Trạng thái hồ sơ — the national status codes synced to the national portal (DOMAIN.md §2):
 * 1 Mới đăng ký, 2 Được tiếp nhận, 3 Không được tiếp nhận, 4 Đang xử lý, 5 Yêu cầu bổ sung giấy tờ,
 * 6 Yêu cầu thực hiện nghĩa vụ tài chính, 7 Công dân yêu cầu rút hồ sơ, 8 Dừng xử lý,
 * 9 Đã xử lý xong, 10 Đã trả kết quả.
 */
export type DossierStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Kênh thực hiện (KenhThucHien): 1 trực tiếp (counter), 2 trực tuyến (online), 3 bưu chính công ích (post). */
export type DossierChannel = 1 | 2 | 3;

/**
 * Who really submitted a dossier, so the genuine online rate can be told from the inflated one:
 * `applicant` = the applicant's own signed-in session; `assisted` = an officer keyed an online dossier on
 * the applicant's behalf; `counter` = received on paper at a counter; `post` = received by public post.
 */
export const submitterKinds = ['applicant', 'assisted', 'counter', 'post'] as const;
export type SubmitterKind = (typeof submitterKinds)[number];

/**
 * The dossier is open (not in a closed status: refused, withdrawn, stopped, returned), written with the
 * statuses as literals so the planner matches the inbox's queries to the partial indexes below.
 */
export function openDossier(status: AnyColumn | SQL): SQL {
  return sql`${status} NOT IN (${sql.raw(closedStatuses.join(', '))})`;
}

/** Hồ sơ thủ tục hành chính — one dossier. Keeps the procedure version it was filed under. */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Mã hồ sơ: human-friendly, unique, not a guessable sequence (format in docs/dossier-codes.md). */
    code: text('code').notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    /** The service centre (or agency) that received the dossier; Decree 118/2025: any centre in the province. */
    receivingAgencyCode: text('receiving_agency_code').notNull(),
    /** The competent agency that decides (cơ quan có thẩm quyền giải quyết). */
    handlingAgencyCode: text('handling_agency_code').notNull(),
    /** Unit (commune or province code) the dossier is counted under in reports: the handling agency's unit. */
    unitCode: varchar('unit_code', { length: 5 }).notNull(),
    status: smallint('status').$type<DossierStatus>().notNull(),
    channel: smallint('channel').$type<DossierChannel>().notNull(),
    submitterKind: text('submitter_kind', { enum: submitterKinds }).notNull(),
    /** The officer who keyed (assisted) or received (counter) the dossier; null when the applicant submitted. */
    submitterOfficerId: uuid('submitter_officer_id').references(() => officers.id),
    /** Network/terminal the assisted or counter submission came from (e.g. "26572-TTPVHCC/quay-3"). */
    submitterTerminal: text('submitter_terminal'),
    /** Community digital-technology team member credited for helping (tổ công nghệ số cộng đồng). */
    helperId: uuid('helper_id').references(() => communityHelpers.id),
    /** The applicant's account when the applicant signed in (own session or known citizen). */
    applicantCitizenId: uuid('applicant_citizen_id').references(() => citizens.id),
    applicantKind: text('applicant_kind', { enum: ['citizen', 'organisation'] }).notNull(),
    /** CCCD of the applicant (or of the organisation's representative). */
    applicantIdNumber: varchar('applicant_id_number', { length: 12 }).notNull(),
    applicantTaxCode: varchar('applicant_tax_code', { length: 14 }),
    applicantName: text('applicant_name').notNull(),
    applicantEmail: text('applicant_email'),
    applicantPhone: text('applicant_phone'),
    /** True when the submitting account was verified through VNeID (level 2); the index counts it. */
    isVneidVerified: boolean('is_vneid_verified').notNull().default(false),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
    /** Total fees due in VND at submission, from the procedure's fee rules. */
    feeTotalVnd: bigint('fee_total_vnd', { mode: 'number' }).notNull().default(0),
    /** Nghĩa vụ tài chính determined during processing (request_financial_obligation), owed besides feeTotalVnd. */
    financialObligations: jsonb('financial_obligations')
      .$type<FinancialObligation[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Workflow step the dossier is at (reception, processing, approval, result, return). */
    currentStep: text('current_step').notNull().default('reception'),
    assignedOfficerId: uuid('assigned_officer_id').references(() => officers.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** Ngày hẹn trả kết quả: appointment for the result. */
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    /** While waiting for a supplement the clock is paused (from this moment). */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    supplementRequestCount: integer('supplement_request_count').notNull().default(0),
    /** End of processing for the on-time rule: first of done (9), returned (10), stopped/refused (8/3). */
    processingEndedAt: timestamp('processing_ended_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The competent leader's decision (approve / reject); a rejection is still a result to return. */
    decision: text('decision', { enum: ['approved', 'rejected'] }),
    /** Hình thức trả kết quả: online, by public post, or at the counter. */
    returnMethod: text('return_method', { enum: ['online', 'post', 'counter'] }),
    /** Counted late whatever the dates: a second supplement request (national rule) or an apology (form 04). */
    isMarkedLate: boolean('is_marked_late').notNull().default(false),
    /**
     * The deadline warning last sent for the dossier (the deadline job): `due_soon` = due within one
     * working day, `overdue`; null = none (or cleared when the dossier paused, finished or was rescheduled).
     * Not part of the workflow's state: setting it does not bump `version`.
     */
    deadlineAlert: text('deadline_alert', { enum: ['due_soon', 'overdue'] }),
    /** Optimistic concurrency: bumped by every action; a stale version gets 409 DOSSIER_CHANGED. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_key').on(t.code),
    // The inbox's search by code prefix (LIKE '79.2603%') whatever the database's collation.
    index('dossiers_code_pattern_idx').on(t.code.op('text_pattern_ops')),
    index('dossiers_applicant_citizen_idx').on(t.applicantCitizenId, t.submittedAt),
    index('dossiers_applicant_id_number_idx').on(t.applicantIdNumber),
    // With the receiving agency last, the inbox counts "handled here, received elsewhere" from the index alone.
    index('dossiers_handling_status_idx').on(t.handlingAgencyCode, t.status, t.appointmentAt, t.receivingAgencyCode),
    // An agency's inbox page in deadline order, read in index order (the inbox's default sort).
    index('dossiers_receiving_deadline_idx').on(t.receivingAgencyCode, t.appointmentAt, t.submittedAt, t.id),
    index('dossiers_handling_deadline_idx').on(t.handlingAgencyCode, t.appointmentAt, t.submittedAt, t.id),
    index('dossiers_receiving_status_idx').on(t.receivingAgencyCode, t.status, t.appointmentAt),
    index('dossiers_unit_submitted_idx').on(t.unitCode, t.submittedAt),
    // Province-wide inboxes (leaders): status queues sorted by deadline.
    index('dossiers_province_status_idx').on(t.provinceCode, t.status, t.appointmentAt),
    // The inbox lists open work (not closed: finished dossiers are the vast majority): small partial
    // indexes of the open dossiers per receiving agency, handling agency and province give the page in
    // deadline order and, with the status (and receiving agency) in the key, every queue count from the index alone.
    index('dossiers_open_receiving_idx')
      .on(t.receivingAgencyCode, t.appointmentAt, t.submittedAt, t.id, t.status)
      .where(openDossier(t.status)),
    index('dossiers_open_handling_idx')
      .on(t.handlingAgencyCode, t.appointmentAt, t.submittedAt, t.id, t.status, t.receivingAgencyCode)
      .where(openDossier(t.status)),
    index('dossiers_open_province_idx').on(t.provinceCode, t.appointmentAt, t.submittedAt, t.id, t.status).where(openDossier(t.status)),
    // The deadline job clears warnings that no longer hold: a small partial index of the warned dossiers.
    index('dossiers_deadline_alert_idx')
      .on(t.deadlineAlert)
      .where(sql`${t.deadlineAlert} IS NOT NULL`),
    check('dossiers_status_national', sql`${t.status} BETWEEN 1 AND 10`),
  ],
);

/** Thành phần hồ sơ nộp kèm — one component of a dossier and the file that carries it. */
export const dossierComponents = pgTable(
  'dossier_components',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Document type code from the procedure version's components. */
    componentCode: text('component_code').notNull(),
    name: text('name').notNull(),
    attachmentId: uuid('attachment_id').references(() => attachments.id),
    /**
     * Where the component came from: uploaded by the applicant, scanned at the counter, taken from the
     * store, the online declaration itself (`eform`, no file), or identity data from the national
     * population database through a level-2 VNeID sign-in (`population_db`, no file).
     */
    source: text('source', { enum: ['upload', 'counter_scan', 'store', 'eform', 'population_db'] }).notNull(),
    /** The store document reused (DuocLayTuKhoDMQG), when source = store. */
    storeDocumentId: uuid('store_document_id'),
    /** Order on the receipt slip and pages: the procedure's order of components, files in the order given. */
    position: smallint('position').notNull().default(0),
    /** Set when the component came in answer to a supplement request. */
    isSupplement: boolean('is_supplement').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_components_dossier_idx').on(t.dossierId),
    // A component made of a file has its file: a submission whose file another dossier claimed fails whole.
    check('dossier_components_file_claimed', sql`${t.source} NOT IN ('upload', 'counter_scan') OR ${t.attachmentId} IS NOT NULL`),
  ],
);

/** A file checked by content and kept in the object store; claimed by a dossier at submission. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who uploaded it: a citizen or an officer id. Only they can attach it to a dossier. */
    ownerKind: text('owner_kind', { enum: ['citizen', 'officer'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    objectKey: text('object_key').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Pages of a PDF; null for images. */
    pageCount: integer('page_count'),
    widthPx: integer('width_px'),
    heightPx: integer('height_px'),
    fileName: text('file_name').notNull(),
    /** The dossier that claimed it; an attachment belongs to at most one dossier. */
    dossierId: uuid('dossier_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerKind, t.ownerId, t.createdAt)],
);

/** Nhật ký xử lý — every action on a dossier appends one event, in the transaction that makes it. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The action taken, e.g. submit, receive, refuse, request_supplement, withdraw (see the transition table). */
    action: text('action').notNull(),
    fromStatus: smallint('from_status').$type<DossierStatus>(),
    toStatus: smallint('to_status').$type<DossierStatus>().notNull(),
    fromStep: text('from_step'),
    toStep: text('to_step'),
    actorKind: text('actor_kind', { enum: ['citizen', 'officer', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    /** How the actor was signed in ('vneid', 'password', 'password+totp'): proves whose session acted. */
    actorSessionMethod: text('actor_session_method'),
    agencyCode: text('agency_code'),
    reason: text('reason'),
    details: jsonb('details'),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.at), index('dossier_events_at_idx').on(t.at)],
);

/**
 * Dossiers per province and status, kept exact without a hot row (status-counts.ts): a trigger on
 * `dossiers` appends ±1 to `dossier_status_count_deltas` in the changing transaction; a job folds the
 * deltas into `dossier_status_counts`; a read sums both in one statement.
 */
export const dossierStatusCounts = pgTable(
  'dossier_status_counts',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    status: smallint('status').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.status] })],
);

export const dossierStatusCountDeltas = pgTable('dossier_status_count_deltas', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  provinceCode: varchar('province_code', { length: 2 }).notNull(),
  status: smallint('status').notNull(),
  delta: integer('delta').notNull(),
});

/** Idempotency-Key of a submission: a retry with the same key returns the same dossier. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principalKind: text('principal_kind', { enum: ['citizen', 'officer'] }).notNull(),
    principalId: uuid('principal_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the request body: the same key with a different body is a client error. */
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principalKind, t.principalId, t.key] })],
);

/** Hồ sơ nháp — a draft a citizen can resume on another device; one per citizen and procedure. */
export const dossierDrafts = pgTable(
  'dossier_drafts',
  {
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    receivingAgencyCode: text('receiving_agency_code'),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull(),
    /** componentCode → attachment ids already uploaded. */
    attachmentIds: jsonb('attachment_ids')
      .$type<Record<string, string[]>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.citizenId, t.procedureCode] })],
);

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierEventRow = typeof dossierEvents.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

/**
 * Quy trình nội bộ — the workflow of one procedure version (steps, roles, shares of the statutory
 * time), stored as data. A version without a row follows the default workflow.
 */
export const procedureWorkflows = pgTable('procedure_workflows', {
  procedureVersionId: uuid('procedure_version_id')
    .primaryKey()
    .references(() => procedureVersions.id),
  /** A `WorkflowDefinition` (src/dossiers/domain/workflow-definition.ts), validated before it is stored. */
  definition: jsonb('definition').$type<WorkflowDefinition>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => officers.id),
});

/**
 * Thành viên Tổ công nghệ số cộng đồng — a community digital-technology team member who helps citizens
 * file online; registered by the unit's administrator and credited on the dossiers they helped with.
 */
export const communityHelpers = pgTable(
  'community_helpers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Commune (or province) code the team belongs to. */
    unitCode: varchar('unit_code', { length: 5 }).notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    /** The team (tổ) within the unit, e.g. "Tổ CNS khu phố 3". */
    team: text('team').notNull(),
    createdByOfficerId: uuid('created_by_officer_id')
      .notNull()
      .references(() => officers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('community_helpers_unit_idx').on(t.unitCode, t.name)],
);
