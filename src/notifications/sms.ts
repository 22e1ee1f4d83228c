import type { FastifyBaseLogger as Logger } from 'fastify';

/** Sends SMS through a provider; resolves once the provider accepted the message. */
export interface SmsSender {
  /** 'sandbox' = logged, not sent (development, demo, tests); 'none' = not configured (every send fails). */
  readonly kind: 'sandbox' | 'none';
  send(to: string, text: string): Promise<{ messageId: string }>;
}

/** Which SMS adapter to use (SMS_PROVIDER). A real provider's adapter implements `SmsSender` beside these. */
export type SmsProvider = 'sandbox' | 'none';

/**
 * SANDBOX SMS adapter: nothing leaves the machine; each message is written to the log (recipient,
 * text, length in characters) so a demo can show what would be sent.
 */
export class SandboxSms implements SmsSender {
  readonly kind = 'sandbox' as const;
  readonly #log: Logger;
  /** What would have been sent, newest last (tests read it). */
  readonly sent: { to: string; text: string }[] = [];

  constructor(log: Logger) {
    this.#log = log;
  }

  async send(to: string, text: string): Promise<{ messageId: string }> {
    this.sent.push({ to, text });
    this.#log.info({ sandboxSms: { to, text, characters: text.length } }, 'SANDBOX SMS (not sent: no SMS provider)');
    return { messageId: `sandbox-sms-${this.sent.length}-${Date.now()}` };
  }
}

/** No SMS provider configured: every send fails, so queued SMS stay visible as failed. */
export class UnconfiguredSms implements SmsSender {
  readonly kind = 'none' as const;
  async send(): Promise<{ messageId: string }> {
    throw new Error('SMS is not configured (set SMS_PROVIDER)');
  }
}

/** The SMS adapter the configuration names. */
export function createSmsSender(provider: SmsProvider, log: Logger): SmsSender {
  return provider === 'sandbox' ? new SandboxSms(log) : new UnconfiguredSms();
}
