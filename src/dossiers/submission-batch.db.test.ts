import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import { birthRegistrationBody, dossierTableCounts, submitDossierAs, uploadPdf } from '../../test/support/dossiers.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Database } from '../platform/db/client.ts';
import { notifications } from '../notifications/schema.ts';
import { attachments, dossierComponents, dossierEvents, dossiers, idempotencyKeys } from './schema.ts';

// Group commit (ADR 0010) through the API: submissions that wait for a write go together in one
// statement. One writer, and a write held open until the others are waiting, make the batch certain.

let ctx: TestContext;
let objectsDir: string;
let an: ApiClient;
let binh: ApiClient;
let held: { until: Promise<void>; release: () => void } | null = null;

const heldQuery: Database['query'] = async (statement) => {
  if (held) await held.until;
  return ctx.database.query(statement);
};

beforeAll(async () => {
  objectsDir = await mkdtemp(path.join(os.tmpdir(), 'tinhso-objects-'));
  ctx = await createTestContext({ config: { objectStoreDir: objectsDir, submissionWriters: 1 }, submissionQuery: heldQuery, listen: true });
  [an, binh] = await Promise.all([signInSandboxCitizen(ctx.baseUrl, '079090001234'), signInSandboxCitizen(ctx.baseUrl, '079185004321')]);
});
afterAll(async () => {
  await ctx.close();
  await rm(objectsDir, { recursive: true, force: true });
});

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the submission writer');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Sends `first`, holds its write, sends the others, and lets the write go once all of them wait for it. */
async function withBatch(first: () => Promise<Response>, others: (() => Promise<Response>)[]): Promise<Response[]> {
  const writer = ctx.app.submissions;
  let release = () => {};
  held = { until: new Promise<void>((r) => (release = r)), release };
  const statements = writer.stats.statements;
  const head = first();
  await until(() => writer.stats.statements === statements + 1);
  const tail = others.map((send) => send());
  await until(() => writer.waiting === others.length);
  held = null;
  release();
  return Promise.all([head, ...tail]);
}

interface Answer {
  code: string;
  components: { componentCode: string; attachmentId: string | null; fileName: string | null }[];
}

describe(`submissions written together in one statement (${testBackend()})`, () => {
  it('writes each dossier of the batch whole: its own files, components, key, event, audit row and e-mail', async () => {
    const files = await Promise.all([an, an, an, binh, binh].map((c) => uploadPdf(c)));
    const people = [an, an, an, binh, binh];
    const keys = files.map(() => randomUUID());
    const before = await dossierTableCounts(ctx.database);
    const stats = { ...ctx.app.submissions.stats };
    const send = (i: number) => () => submitDossierAs(people[i] as ApiClient, birthRegistrationBody(files[i] as string), keys[i] as string);
    const responses = await withBatch(send(0), [1, 2, 3, 4].map(send));

    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    // One statement for the first, one for the four that waited.
    expect(ctx.app.submissions.stats.statements - stats.statements).toBe(2);
    expect(ctx.app.submissions.stats.batchesRetriedAlone).toBe(stats.batchesRetriedAlone);
    const answers = (await Promise.all(responses.map((r) => r.json()))) as Answer[];
    expect(new Set(answers.map((a) => a.code)).size).toBe(5);

    const rows = await ctx.database.db
      .select()
      .from(dossiers)
      .where(
        inArray(
          dossiers.code,
          answers.map((a) => a.code),
        ),
      );
    for (const [i, answer] of answers.entries()) {
      const row = rows.find((r) => r.code === answer.code);
      expect(row?.applicantIdNumber).toBe(i < 3 ? '079090001234' : '079185004321');
      const id = row?.id as string;
      // The answer names the file this submission offered, with its name from the claim.
      expect(answer.components.find((c) => c.attachmentId !== null)).toMatchObject({
        attachmentId: files[i],
        fileName: 'giay-chung-sinh.pdf',
      });
      const [file] = await ctx.database.db
        .select()
        .from(attachments)
        .where(eq(attachments.id, files[i] as string));
      expect(file?.dossierId).toBe(id);
      const components = await ctx.database.db.select().from(dossierComponents).where(eq(dossierComponents.dossierId, id));
      expect(components.map((c) => c.position).sort()).toEqual(answer.components.map((_, p) => p));
      const [key] = await ctx.database.db
        .select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, keys[i] as string));
      expect(key?.dossierId).toBe(id);
      expect(await ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id))).toHaveLength(1);
      expect(await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).toHaveLength(1);
      const [email] = await ctx.database.db.select().from(notifications).where(eq(notifications.subjectId, id));
      expect(email?.subject).toContain(answer.code);
    }
    const after = await dossierTableCounts(ctx.database);
    expect(after.dossiers - before.dossiers).toBe(5);
    expect(after.components - before.components).toBe(answers.reduce((n, a) => n + a.components.length, 0));
    // Operations see the batching in the metrics.
    const metrics = await (await fetch(`${ctx.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`tinhso_submission_statements_total ${ctx.app.submissions.stats.statements}`);
    expect(metrics).toContain(`tinhso_submission_writes_total ${ctx.app.submissions.stats.submissions}`);
  });

  it('refuses only the submission whose file another dossier holds; the others of its batch are written', async () => {
    const held = await uploadPdf(an);
    expect((await submitDossierAs(an, birthRegistrationBody(held))).status).toBe(201);
    const files = await Promise.all([an, an, binh].map((c) => uploadPdf(c)));
    const before = await dossierTableCounts(ctx.database);
    const retried = ctx.app.submissions.stats.batchesRetriedAlone;
    const responses = await withBatch(
      () => submitDossierAs(an, birthRegistrationBody(files[0] as string)),
      [
        () => submitDossierAs(an, birthRegistrationBody(held)),
        () => submitDossierAs(an, birthRegistrationBody(files[1] as string)),
        () => submitDossierAs(binh, birthRegistrationBody(files[2] as string)),
      ],
    );
    expect(responses.map((r) => r.status)).toEqual([201, 422, 201, 201]);
    expect(((await responses[1]?.json()) as { code: string }).code).toBe('ATTACHMENT_NOT_FOUND');
    expect(ctx.app.submissions.stats.batchesRetriedAlone).toBe(retried + 1);
    const after = await dossierTableCounts(ctx.database);
    expect(after.dossiers - before.dossiers).toBe(3);
    expect(after.idempotencyKeys - before.idempotencyKeys).toBe(3);
    expect(after.claimedAttachments - before.claimedAttachments).toBe(3);
    expect(after.notifications - before.notifications).toBe(3);
  });

  it('answers the same Idempotency-Key sent twice in one batch with one dossier', async () => {
    const key = randomUUID();
    const body = birthRegistrationBody(await uploadPdf(an));
    const other = birthRegistrationBody(await uploadPdf(binh));
    const before = await dossierTableCounts(ctx.database);
    const responses = await withBatch(
      () => submitDossierAs(binh, other),
      [() => submitDossierAs(an, body, key), () => submitDossierAs(an, body, key)],
    );
    expect(responses[0]?.status).toBe(201);
    expect(
      responses
        .slice(1)
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 201]);
    const codes = await Promise.all(responses.slice(1).map(async (r) => ((await r.json()) as Answer).code));
    expect(codes[0]).toBe(codes[1]);
    const after = await dossierTableCounts(ctx.database);
    expect(after.dossiers - before.dossiers).toBe(2);
    expect(after.idempotencyKeys - before.idempotencyKeys).toBe(2);
  });
});
