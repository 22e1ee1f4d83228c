import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db, Queryable } from '../platform/db/client.ts';
import { defaultRetryPolicy, nextAttemptAfterFailure, type RetryPolicy } from './domain/retry.ts';
import type { Mailer } from './mailer.ts';
import { notifications, type NotificationAttachment, type NotificationChannel, type NotificationRow } from './schema.ts';
import type { SmsSender } from './sms.ts';

/** One message to queue: an e-mail (with attachments rendered when sent) or an SMS (text only). */
export interface NotificationToQueue {
  channel: NotificationChannel;
  template: string;
  /** An e-mail address, or a phone number for SMS. */
  recipient: string;
  /** The e-mail's subject; for SMS a short label kept for the record. */
  subject: string;
  bodyText: string;
  attachments?: NotificationAttachment[];
  subjectType: string;
  subjectId: string;
}

/** Queues a message in the outbox; call it inside the transaction of the change the message announces. */
export async function enqueueNotification(q: Queryable, message: NotificationToQueue): Promise<string> {
  const id = randomUUID();
  await q.insert(notifications).values({ id, status: 'pending', ...message, attachments: message.attachments ?? [] });
  return id;
}

/** Makes the bytes of an attachment from its reference (e.g. renders a dossier's receipt slip). */
export type AttachmentRenderer = (ref: string) => Promise<Uint8Array>;

export interface DispatcherOptions {
  db: Db;
  mailer: Mailer;
  sms: SmsSender;
  from: string;
  log: Logger;
  now: () => Date;
  /** Messages sent at the same time; sending renders PDFs, which costs CPU. */
  concurrency?: number;
  /** Tries and backoff for failed messages (default: 6 tries, 1 min doubling to 1 h). */
  retry?: RetryPolicy;
  /** How long a sender holds a row it is sending before another process may take it (default 5 min). */
  leaseSeconds?: number;
}

/** Rows a sender may take at `now`: never tried, or failed with a retry due (a given-up row has no next attempt). */
function isDue(now: Date) {
  return or(
    and(eq(notifications.status, 'pending'), or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now))),
    and(eq(notifications.status, 'failed'), isNotNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now)),
  );
}

/**
 * Sends queued notifications: right after their transaction committed (in the background, so the
 * request never waits for SMTP) and again from the recurring job (`sendDue`) for rows left behind. A
 * sender first claims a row with a lease (one UPDATE), so two processes never send the same message;
 * a failure marks the row `failed` with its error and, while tries remain, when to retry (backoff).
 */
export class NotificationDispatcher {
  readonly #opts: DispatcherOptions;
  readonly #renderers = new Map<string, AttachmentRenderer>();
  readonly #queue: string[] = [];
  readonly #waiters: (() => void)[] = [];
  #running = 0;

  constructor(opts: DispatcherOptions) {
    this.#opts = opts;
  }

  get mailer(): Mailer {
    return this.#opts.mailer;
  }

  /** Registers how to render attachments of a kind (the dossiers module registers 'dossier_receipt'). */
  registerRenderer(kind: string, render: AttachmentRenderer): void {
    this.#renderers.set(kind, render);
  }

  /** Schedules sending; returns at once. */
  dispatch(id: string): void {
    this.#queue.push(id);
    this.#pump();
  }

  /** Resolves when nothing is queued or being sent (tests, shutdown). */
  idle(): Promise<void> {
    if (this.#running === 0 && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #pump(): void {
    const limit = this.#opts.concurrency ?? 1;
    while (this.#running < limit && this.#queue.length > 0) {
      const id = this.#queue.shift() as string;
      this.#running++;
      void this.send(id)
        .catch((error: unknown) => this.#opts.log.error({ err: error, notificationId: id }, 'notification dispatch crashed'))
        .finally(() => {
          this.#running--;
          this.#pump();
          if (this.#running === 0 && this.#queue.length === 0) for (const w of this.#waiters.splice(0)) w();
        });
    }
  }

  /**
   * Sends every message due now (the retry job calls it), up to `limit`, one at a time; answers how
   * each try ended.
   */
  async sendDue(limit = 100): Promise<{ sent: number; failed: number; skipped: number }> {
    const now = this.#opts.now();
    const due = await this.#opts.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(isDue(now))
      .orderBy(asc(notifications.createdAt))
      .limit(limit);
    const outcome = { sent: 0, failed: 0, skipped: 0 };
    for (const { id } of due) outcome[await this.send(id)]++;
    return outcome;
  }

  /** Sends one queued notification if it is due and no one else holds it, and records the outcome; a sent row is never sent again. */
  async send(id: string): Promise<'sent' | 'failed' | 'skipped'> {
    const { db, log, now } = this.#opts;
    const claimedAt = now();
    const lease = new Date(claimedAt.getTime() + (this.#opts.leaseSeconds ?? 300) * 1000);
    const [row] = await db
      .update(notifications)
      .set({ nextAttemptAt: lease })
      .where(and(eq(notifications.id, id), isDue(claimedAt)))
      .returning();
    if (!row) return 'skipped';
    try {
      const messageId = await this.#deliver(row);
      const at = now();
      await db
        .update(notifications)
        .set({
          status: 'sent',
          attempts: sql`${notifications.attempts} + 1`,
          lastAttemptAt: at,
          sentAt: at,
          nextAttemptAt: null,
          lastError: null,
          providerMessageId: messageId,
        })
        .where(eq(notifications.id, id));
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = now();
      const attempts = row.attempts + 1;
      const retryAt = nextAttemptAfterFailure(this.#opts.retry ?? defaultRetryPolicy, attempts, at);
      log.warn(
        { notificationId: id, attempts, retryAt, error: message },
        retryAt ? 'notification not sent; will retry' : 'notification not sent; given up',
      );
      await db
        .update(notifications)
        .set({ status: 'failed', attempts, lastAttemptAt: at, nextAttemptAt: retryAt, lastError: message.slice(0, 1000) })
        .where(eq(notifications.id, id));
      return 'failed';
    }
  }

  /** Hands one message to its channel's sender; answers the provider's message id. */
  async #deliver(row: NotificationRow): Promise<string> {
    if (row.channel === 'sms') return (await this.#opts.sms.send(row.recipient, row.bodyText)).messageId;
    const attachments = await Promise.all(
      row.attachments.map(async (a) => {
        const render = this.#renderers.get(a.render.kind);
        if (!render) throw new Error(`no renderer for attachment kind ${a.render.kind}`);
        return { fileName: a.fileName, mediaType: a.mediaType, content: await render(a.render.ref) };
      }),
    );
    const { messageId } = await this.#opts.mailer.send(
      { to: row.recipient, subject: row.subject, text: row.bodyText, attachments },
      this.#opts.from,
    );
    return messageId;
  }
}
