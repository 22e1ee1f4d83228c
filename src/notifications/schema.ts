import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file to attach, rendered when the message is sent (e.g. the receipt slip of a dossier). */
export interface NotificationAttachment {
  fileName: string;
  mediaType: string;
  /** Which renderer makes the bytes and for what (kind 'dossier_receipt', ref = dossier id). */
  render: { kind: string; ref: string };
}

export const notificationStatuses = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/**
 * Outbox of messages to people: written in the transaction of the change that causes it, sent after
 * commit, retried while `failed` (a job queue takes the retries over later). One row per message.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: ['email'] }).notNull(),
    /** What kind of message, e.g. `dossier.received`. */
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    attachments: jsonb('attachments').$type<NotificationAttachment[]>().notNull(),
    /** What the message is about, e.g. subjectType 'dossier' and the dossier id. */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The SMTP server's message id once accepted. */
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notifications_status_idx').on(t.status, t.createdAt), index('notifications_subject_idx').on(t.subjectType, t.subjectId)],
);

export type NotificationRow = typeof notifications.$inferSelect;
