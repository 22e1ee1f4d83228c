import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db, Queryable } from '../platform/db/client.ts';
import type { Mailer } from './mailer.ts';
import { notifications, type NotificationAttachment } from './schema.ts';

export interface EmailToQueue {
  template: string;
  recipient: string;
  subject: string;
  bodyText: string;
  attachments: NotificationAttachment[];
  subjectType: string;
  subjectId: string;
}

/** Queues an e-mail in the outbox; call it inside the transaction of the change the e-mail announces. */
export async function enqueueEmail(q: Queryable, email: EmailToQueue): Promise<string> {
  const id = randomUUID();
  await emailInsert(q, id, email);
  return id;
}

/** The outbox row's INSERT, not yet run: for a use case that writes its change and e-mail in one statement. */
export function emailInsert(q: Queryable, id: string, email: EmailToQueue) {
  return q.insert(notifications).values({ id, channel: 'email', status: 'pending', ...email });
}

/** Makes the bytes of an attachment from its reference (e.g. renders a dossier's receipt slip). */
export type AttachmentRenderer = (ref: string) => Promise<Uint8Array>;

export interface DispatcherOptions {
  db: Db;
  mailer: Mailer;
  from: string;
  log: Logger;
  now: () => Date;
  /** Messages sent at the same time; sending renders PDFs, which costs CPU. */
  concurrency?: number;
}

/**
 * Sends queued notifications after their transaction committed, in the background: the request that
 * queued them never waits for SMTP, and a failure only marks the row `failed` (attempts, last error)
 * for a retry job to pick up.
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

  /** Sends one queued notification now and records the outcome; a sent row is never sent again. */
  async send(id: string): Promise<'sent' | 'failed' | 'skipped'> {
    const { db, mailer, log, now } = this.#opts;
    const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
    if (!row || row.status === 'sent') return 'skipped';
    try {
      const attachments = await Promise.all(
        row.attachments.map(async (a) => {
          const render = this.#renderers.get(a.render.kind);
          if (!render) throw new Error(`no renderer for attachment kind ${a.render.kind}`);
          return { fileName: a.fileName, mediaType: a.mediaType, content: await render(a.render.ref) };
        }),
      );
      const { messageId } = await mailer.send({ to: row.recipient, subject: row.subject, text: row.bodyText, attachments }, this.#opts.from);
      const at = now();
      await db
        .update(notifications)
        .set({ status: 'sent', attempts: sql`${notifications.attempts} + 1`, lastAttemptAt: at, sentAt: at, lastError: null, providerMessageId: messageId })
        .where(eq(notifications.id, id));
      return 'sent';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ notificationId: id, error: message }, 'notification not sent; left for retry');
      await db
        .update(notifications)
        .set({ status: 'failed', attempts: sql`${notifications.attempts} + 1`, lastAttemptAt: now(), lastError: message.slice(0, 1000) })
        .where(eq(notifications.id, id));
      return 'failed';
    }
  }
}
