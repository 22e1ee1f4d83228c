import { describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { createMailer, SandboxMailer, SmtpMailer, UnconfiguredMailer } from './mailer.ts';

function fakeLog(): FastifyBaseLogger & { info: ReturnType<typeof vi.fn> } {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger & { info: ReturnType<typeof vi.fn> };
}

const message = {
  to: 'nguyenvanan@example.vn',
  subject: 'Đã tiếp nhận hồ sơ 79.261121.7KX3MQ',
  text: 'Kính gửi…',
  attachments: [{ fileName: 'giay-tiep-nhan.pdf', mediaType: 'application/pdf', content: new Uint8Array(1234) }],
};

describe('createMailer', () => {
  it.each([
    ['an SMTP URL', { smtpUrl: 'smtp://127.0.0.1:2525' }, false, SmtpMailer],
    ['no SMTP URL in demo mode: the sandbox', { smtpUrl: undefined }, true, SandboxMailer],
    ['no SMTP URL outside demo mode: none', { smtpUrl: undefined }, false, UnconfiguredMailer],
  ])('%s', (_name, mail, demoMode, kind) => {
    expect(createMailer(mail, demoMode, fakeLog())).toBeInstanceOf(kind);
  });
});

describe('SandboxMailer', () => {
  it('sends nothing, says so in the log, and names what would have gone out', async () => {
    const log = fakeLog();
    const { messageId } = await new SandboxMailer(log).send(message, 'Tỉnh số <no-reply@tinhso.local>');
    expect(messageId).toMatch(/^<sandbox-1-\d+@tinhso\.local>$/);
    expect(log.info).toHaveBeenCalledWith(
      { sandboxMail: expect.objectContaining({ to: message.to, attachments: [{ fileName: 'giay-tiep-nhan.pdf', bytes: 1234 }] }) },
      expect.stringContaining('SANDBOX'),
    );
  });
});

describe('UnconfiguredMailer', () => {
  it('fails every send, so queued e-mail stays visible as failed', async () => {
    await expect(new UnconfiguredMailer().send()).rejects.toThrow(/SMTP_URL/);
  });
});
