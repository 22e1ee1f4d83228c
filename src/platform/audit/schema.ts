import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Audit row for every change, written in the same transaction as the change it records. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: text('actor_kind', { enum: ['citizen', 'officer', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    requestId: text('request_id'),
    ip: text('ip'),
    details: jsonb('details'),
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectType, t.subjectId), index('audit_log_actor_idx').on(t.actorKind, t.actorId)],
);

/** Every read of a person's data: who read whose data, when and why (Law 91/2025/QH15). */
export const personalDataAccessLog = pgTable(
  'personal_data_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: text('actor_kind', { enum: ['citizen', 'officer', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    /** Whose data: a citizen id (CCCD) or an organisation tax code. */
    dataSubject: text('data_subject').notNull(),
    /** What was read, e.g. "citizen.profile". */
    resource: text('resource').notNull(),
    purpose: text('purpose').notNull(),
    requestId: text('request_id'),
  },
  (t) => [index('pd_access_subject_idx').on(t.dataSubject, t.at)],
);
