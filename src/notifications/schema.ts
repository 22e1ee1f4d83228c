import { sql } from 'drizzle-orm';
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

/** How a message reaches a person: e-mail (SMTP) or SMS (through an SMS adapter). */
export const outboxChannels = ['email', 'sms'] as const;
export type NotificationChannel = (typeof outboxChannels)[number];

/**
 * Outbox of messages to people: written in the transaction of the change that causes it, sent after
 * commit, retried by the `notifications-send-due` job with backoff. `pending` = not tried yet; `sent`;
 * `failed` = the last try failed (`last_error`), retried at `next_attempt_at`, or given up when that is
 * null (the most attempts were spent). One row per message.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: outboxChannels }).notNull(),
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
    /** When the row is next due: a retry after backoff, or a sender's lease while it sends; null = due now (pending) or given up (failed). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_status_idx').on(t.status, t.createdAt),
    index('notifications_subject_idx').on(t.subjectType, t.subjectId),
    // The retry job's scan: rows not yet sent, by when they fall due.
    index('notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} <> 'sent'`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
