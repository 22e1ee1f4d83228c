import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger as Logger } from 'fastify';

/** One e-mail as the platform composes it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments: { fileName: string; mediaType: string; content: Uint8Array }[];
}

/** Sends e-mail; resolves once the server accepted the message. */
export interface Mailer {
  /** 'smtp' = a real server; 'sandbox' = demo mode without SMTP_URL (logged, not sent); 'none' = not configured. */
  readonly kind: 'smtp' | 'sandbox' | 'none';
  send(message: MailMessage, from: string): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** Sends through an SMTP server given as a URL (smtp://user:pass@host:587, smtps://… for implicit TLS). */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  readonly #transport: Transporter;

  constructor(smtpUrl: string) {
    this.#transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage, from: string): Promise<{ messageId: string }> {
    const info = await this.#transport.sendMail({
      from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments.map((a) => ({ filename: a.fileName, contentType: a.mediaType, content: Buffer.from(a.content) })),
    });
    return { messageId: String(info.messageId) };
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}

/**
 * SANDBOX mailer for demo mode without SMTP_URL: nothing leaves the machine; each message is written to
 * the log (recipient, subject, attachment names and sizes) so a demo can show what would be sent.
 */
export class SandboxMailer implements Mailer {
  readonly kind = 'sandbox' as const;
  readonly #log: Logger;
  #count = 0;

  constructor(log: Logger) {
    this.#log = log;
  }

  async send(message: MailMessage, from: string): Promise<{ messageId: string }> {
    this.#count++;
    const messageId = `<sandbox-${this.#count}-${Date.now()}@tinhso.local>`;
    this.#log.info(
      {
        sandboxMail: {
          from,
          to: message.to,
          subject: message.subject,
          attachments: message.attachments.map((a) => ({ fileName: a.fileName, bytes: a.content.length })),
        },
      },
      'SANDBOX e-mail (not sent: SMTP_URL is not set)',
    );
    return { messageId };
  }

  async close(): Promise<void> {}
}

/** Outside demo mode without SMTP_URL: every send fails, so the outbox rows stay visible as failed. */
export class UnconfiguredMailer implements Mailer {
  readonly kind = 'none' as const;
  async send(): Promise<{ messageId: string }> {
    throw new Error('E-mail is not configured (set SMTP_URL)');
  }
  async close(): Promise<void> {}
}

/** The mailer the configuration asks for. */
export function createMailer(mail: { smtpUrl: string | undefined }, demoMode: boolean, log: Logger): Mailer {
  if (mail.smtpUrl) return new SmtpMailer(mail.smtpUrl);
  return demoMode ? new SandboxMailer(log) : new UnconfiguredMailer();
}
