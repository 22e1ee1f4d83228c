import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { freePort } from '../../test/support/postgres-server.ts';
import { decodedSubject, SmtpSink } from '../../test/support/smtp-sink.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { enqueueNotification } from './outbox.ts';
import { notifications } from './schema.ts';

let clock = new Date('2026-03-02T02:00:00Z');
let ctx: TestContext;
let smtpPort: number;
let smtp: SmtpSink | undefined;

const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

async function rowOf(id: string) {
  const [row] = await ctx.database.db.select().from(notifications).where(eq(notifications.id, id));
  if (!row) throw new Error(id);
  return row;
}

beforeAll(async () => {
  // The SMTP port is chosen now but nothing listens on it yet: the first tries are refused.
  smtpPort = await freePort();
  ctx = await createTestContext({
    now: () => clock,
    config: {
      mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Tỉnh số <no-reply@tinhso.test>', dispatch: 'queue-only' },
      notifications: { smsProvider: 'sandbox', maxAttempts: 3, retryBaseSeconds: 60 },
    },
  });
});
afterAll(async () => {
  await ctx.close();
  await smtp?.stop();
});

const email = (subject: string, attachments: { fileName: string; mediaType: string; render: { kind: string; ref: string } }[] = []) => ({
  channel: 'email' as const,
  template: 'test.message',
  recipient: 'an@example.vn',
  subject,
  bodyText: 'Xin chào',
  attachments,
  subjectType: 'test',
  subjectId: 'x',
});

describe(`notification outbox: retries with backoff (${testBackend()})`, () => {
  it('a refused SMTP connection is retried after its backoff and later succeeds, sent once', async () => {
    const id = await enqueueNotification(ctx.database.db, email('Thử lại / retry'));

    expect(await ctx.app.notifications.sendDue()).toMatchObject({ sent: 0, failed: 1 });
    const failed = await rowOf(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.nextAttemptAt?.toISOString()).toBe(new Date(clock.getTime() + 60_000).toISOString());

    // Not due yet: the job leaves it alone.
    advance(30);
    expect(await ctx.app.notifications.sendDue()).toEqual({ sent: 0, failed: 0, skipped: 0 });

    // The mail server comes up on that port; after the backoff the job sends it.
    smtp = await new SmtpSink().start(smtpPort);
    advance(31);
    expect(await ctx.app.notifications.sendDue()).toMatchObject({ sent: 1 });
    const sent = await rowOf(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null, nextAttemptAt: null });
    expect(sent.providerMessageId).toBeTruthy();
    const mail = await smtp.waitFor((m) => decodedSubject(m.raw) === 'Thử lại / retry');
    expect(mail.to).toEqual(['an@example.vn']);

    // Sent rows are never sent again.
    advance(3600);
    expect(await ctx.app.notifications.send(id)).toBe('skipped');
    expect(smtp.messages.filter((m) => decodedSubject(m.raw) === 'Thử lại / retry')).toHaveLength(1);
  });

  it('gives up after the most attempts, keeping the last error, with doubling waits', async () => {
    const id = await enqueueNotification(
      ctx.database.db,
      email('Không gửi được', [{ fileName: 'x.pdf', mediaType: 'application/pdf', render: { kind: 'nothing-renders-this', ref: '1' } }]),
    );
    expect(await ctx.app.notifications.send(id)).toBe('failed');
    const first = await rowOf(id);
    expect(first.nextAttemptAt?.getTime()).toBe(clock.getTime() + 60_000);
    advance(60);
    expect(await ctx.app.notifications.send(id)).toBe('failed');
    expect((await rowOf(id)).nextAttemptAt?.getTime()).toBe(clock.getTime() + 120_000);
    advance(120);
    expect(await ctx.app.notifications.send(id)).toBe('failed');
    const last = await rowOf(id);
    expect(last).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(last.lastError).toMatch(/no renderer/);
    advance(86_400);
    expect(await ctx.app.notifications.send(id)).toBe('skipped');
    expect((await rowOf(id)).attempts).toBe(3);
  });

  it('SMS go through the configured adapter (the logging sandbox here)', async () => {
    const id = await enqueueNotification(ctx.database.db, {
      ...email('SMS'),
      channel: 'sms',
      recipient: '0901234567',
      bodyText: 'Tinh so: ho so da duoc tiep nhan.',
    });
    expect(await ctx.app.notifications.send(id)).toBe('sent');
    expect((await rowOf(id)).providerMessageId).toMatch(/^sandbox-sms-/);
  });

  it('an officer action queues the applicant’s notices (e-mail and SMS) in its transaction; the job sends them', async () => {
    const d = await createDossier(ctx.database.db, { applicantEmail: 'an@example.vn', applicantPhone: '0901234567' });
    const reception = await officerCaller(ctx.app, 'tiepnhan.tamlong');
    const res = await reception.post(`/api/v1/officer/dossiers/${d.code}/actions`, { action: 'receive', expectedVersion: d.version });
    expect(res.statusCode).toBe(200);
    const queued = await ctx.database.db.select().from(notifications).where(eq(notifications.subjectId, d.id));
    expect(queued.map((n) => [n.channel, n.template, n.status]).sort()).toEqual([
      ['email', 'dossier.accepted', 'pending'],
      ['sms', 'dossier.accepted', 'pending'],
    ]);
    await ctx.app.notifications.sendDue();
    const mail = await smtp!.waitFor((m) => m.raw.includes(d.code));
    expect(decodedSubject(mail.raw)).toBe(`Hồ sơ đã được tiếp nhận ${d.code}`);
    const after = await ctx.database.db.select().from(notifications).where(eq(notifications.subjectId, d.id));
    expect(after.every((n) => n.status === 'sent')).toBe(true);
  });
});
