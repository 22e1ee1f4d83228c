import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { dossiers } from '../dossiers/schema.ts';
import { citizens, officers } from '../identity/schema.ts';
import { complaintKinds, complaintStatuses, complaintSubjects, type ComplaintStatus } from './domain/complaint.ts';

/**
 * Đánh giá mức độ hài lòng — the applicant's satisfaction vote on a completed dossier (like/dislike
 * with reasons), at most one per dossier. The Decision 766 index scores dislikes against the unit.
 */
export const satisfactionVotes = pgTable('satisfaction_votes', {
  dossierId: uuid('dossier_id')
    .primaryKey()
    .references(() => dossiers.id),
  /** The applicant's account when signed in; the vote is the applicant's whoever keyed the dossier. */
  citizenId: uuid('citizen_id').references(() => citizens.id),
  isLike: boolean('is_like').notNull(),
  /** Reason codes (see domain/satisfaction.ts). */
  reasons: jsonb('reasons').$type<string[]>().notNull(),
  comment: text('comment'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Phản ánh, kiến nghị — a complaint or petition about a dossier, with its own working-day deadlines
 * (reject ≤ 2, ask for more ≤ 5, handle ≤ 15, publish ≤ 2) and handling flow (domain/complaint.ts).
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-friendly code, e.g. PAKN-26-00042. */
    code: text('code').notNull(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    unitCode: varchar('unit_code', { length: 5 }).notNull(),
    /** The agency answering: the dossier's handling agency. */
    agencyCode: text('agency_code').notNull(),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    kind: text('kind', { enum: complaintKinds }).notNull(),
    /** What it is about: the procedure (quy định hành chính) or an officer's conduct (cán bộ). */
    subject: text('subject', { enum: complaintSubjects }).notNull(),
    content: text('content').notNull(),
    status: text('status', { enum: complaintStatuses }).$type<ComplaintStatus>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    rejectBy: timestamp('reject_by', { withTimezone: true }).notNull(),
    requestInfoBy: timestamp('request_info_by', { withTimezone: true }).notNull(),
    /** Set when the complaint is accepted (or the applicant answers a request for more). */
    handleBy: timestamp('handle_by', { withTimezone: true }),
    /** Set when the complaint is resolved. */
    publishBy: timestamp('publish_by', { withTimezone: true }),
    /** When it was handled: rejected or resolved. */
    handledAt: timestamp('handled_at', { withTimezone: true }),
    isHandledOnTime: boolean('is_handled_on_time'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    response: text('response'),
    handledBy: uuid('handled_by').references(() => officers.id),
    /** The applicant's rating of the handling, once. */
    isSatisfied: boolean('is_satisfied'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaints_code_key').on(t.code),
    index('complaints_dossier_idx').on(t.dossierId),
    index('complaints_agency_status_idx').on(t.agencyCode, t.status, t.receivedAt),
    index('complaints_citizen_idx').on(t.citizenId, t.receivedAt),
    check('complaints_rating_once', sql`(${t.isSatisfied} IS NULL) = (${t.ratedAt} IS NULL)`),
  ],
);

/** The handling history of a complaint: one row per action, written with the change. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status', { enum: complaintStatuses }),
    toStatus: text('to_status', { enum: complaintStatuses }).notNull(),
    actorKind: text('actor_kind', { enum: ['citizen', 'officer'] }).notNull(),
    actorId: uuid('actor_id'),
    text: text('text'),
    /** Whether the action met its deadline (null when the action has none). */
    isOnTime: boolean('is_on_time'),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);

export type SatisfactionVoteRow = typeof satisfactionVotes.$inferSelect;
export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintEventRow = typeof complaintEvents.$inferSelect;
