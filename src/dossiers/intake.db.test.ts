import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, signInOfficer, signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import { birthRegistrationAnswers, birthRegistrationBody, submitDossierAs, uploadPdf } from '../../test/support/dossiers.ts';
import { SmtpSink } from '../../test/support/smtp-sink.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { dossierComponents, dossierEvents, dossiers } from './schema.ts';

let ctx: TestContext;
let smtp: SmtpSink;
let objectsDir: string;
let reception: ApiClient;
let otherReception: ApiClient;
let specialist: ApiClient;
let unitAdmin: ApiClient;
let citizen: ApiClient;
let anonymous: ApiClient;

interface IntakeResponse {
  code: string;
  status: number;
  channel: number;
  appointmentAt: string | null;
  components: { componentCode: string; source: string }[];
  slips: { form: string; url: string }[];
}

beforeAll(async () => {
  smtp = await new SmtpSink().start();
  objectsDir = await mkdtemp(path.join(os.tmpdir(), 'tinhso-intake-'));
  ctx = await createTestContext({
    listen: true,
    config: { objectStoreDir: objectsDir, mail: { smtpUrl: smtp.url, from: 'Tỉnh số <no-reply@tinhso.test>' } },
  });
  [reception, otherReception, specialist, unitAdmin, citizen, anonymous] = await Promise.all([
    signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong'),
    signInOfficer(ctx.baseUrl, 'tiepnhan.stp'),
    signInOfficer(ctx.baseUrl, 'chuyenvien.tamlong'),
    signInOfficer(ctx.baseUrl, 'quantri.tamlong'),
    signInSandboxCitizen(ctx.baseUrl, '079090001234'),
    anonymousClient(ctx.baseUrl),
  ]);
  for (let i = 0; i < 12; i++) idScans.push(await uploadPdf(reception, 'can-cuoc-scan.pdf'));
});
afterAll(async () => {
  await ctx.close();
  await smtp.stop();
  await rm(objectsDir, { recursive: true, force: true });
});

// The officer scans the identity card too: an officer-keyed dossier has no VNeID identity to reuse.
const idScans: string[] = [];

function intakeBody(mode: 'counter' | 'assisted', scanId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const idScan = idScans.pop() ?? '';
  return {
    mode,
    procedureCode: '1.001193',
    procedureVersion: 1,
    applicant: { idNumber: '079090001234', name: 'Nguyễn Văn An', email: 'an@example.test' },
    formData: birthRegistrationAnswers(scanId),
    components: [
      { componentCode: 'GIAY_CHUNG_SINH', attachmentIds: [scanId] },
      { componentCode: 'GIAY_TO_TUY_THAN', attachmentIds: [idScan] },
    ],
    ...extra,
  };
}

function intake(client: ApiClient, body: unknown, key: string = randomUUID()): Promise<Response> {
  return client.call('POST', '/api/v1/officer/dossiers', { json: body, headers: { 'idempotency-key': key } });
}

describe(`counter and assisted intake (${testBackend()})`, () => {
  it('counter: channel 1, received at once (status 2, slip 01, appointment), scans counted as counter_scan, officer as actor', async () => {
    const scan = await uploadPdf(reception, 'giay-chung-sinh-scan.pdf');
    const key = randomUUID();
    const body = intakeBody('counter', scan, { terminal: '26572-TTPVHCC/quay-3' });
    const res = await intake(reception, body, key);
    expect(res.status).toBe(201);
    const dossier = (await res.json()) as IntakeResponse;
    expect(dossier).toMatchObject({ status: 2, channel: 1 });
    expect(dossier.appointmentAt).not.toBeNull();
    expect(dossier.slips.map((s) => s.form)).toContain('01');
    expect(dossier.components.find((c) => c.componentCode === 'GIAY_CHUNG_SINH')?.source).toBe('counter_scan');

    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, dossier.code));
    expect(row).toMatchObject({ submitterKind: 'counter', submitterTerminal: '26572-TTPVHCC/quay-3', status: 2, applicantCitizenId: null });
    expect(row?.submitterOfficerId).not.toBeNull();
    const events = await ctx.database.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, row?.id ?? ''));
    expect(events.map((e) => [e.action, e.actorKind, e.actorId])).toEqual([
      ['submit', 'officer', row?.submitterOfficerId],
      ['receive', 'officer', row?.submitterOfficerId],
    ]);
    const slip = await reception.call('GET', dossier.slips[0]?.url ?? '');
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toBe('application/pdf');

    // A retry with the same key gives the same dossier, not a second one.
    const again = await intake(reception, body, key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as IntakeResponse).code).toBe(dossier.code);
  });

  it('assisted: channel 2, status 1, terminal defaults to the request IP, helper credited; upload source kept', async () => {
    const created = await unitAdmin.call('POST', '/api/v1/officer/community-helpers', {
      json: { unitCode: '26572', name: 'Lê Thị Mai', phone: '0909000111', team: 'Tổ CNS khu phố 3' },
    });
    expect(created.status).toBe(201);
    const helper = (await created.json()) as { id: string };
    const scan = await uploadPdf(reception);
    const res = await intake(reception, intakeBody('assisted', scan, { helperId: helper.id }));
    expect(res.status, await res.clone().text()).toBe(201);
    const dossier = (await res.json()) as IntakeResponse;
    expect(dossier).toMatchObject({ status: 1, channel: 2, slips: [] });
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, dossier.code));
    expect(row).toMatchObject({ submitterKind: 'assisted', helperId: helper.id });
    expect(row?.submitterTerminal).toMatch(/127\.0\.0\.1|::1/);
    const [component] = await ctx.database.db
      .select()
      .from(dossierComponents)
      .where(and(eq(dossierComponents.dossierId, row?.id ?? ''), eq(dossierComponents.componentCode, 'GIAY_CHUNG_SINH')));
    expect(component?.source).toBe('upload');

    const unknownHelper = await intake(reception, intakeBody('assisted', await uploadPdf(reception), { helperId: randomUUID() }));
    expect(unknownHelper.status).toBe(422);
    expect(((await unknownHelper.json()) as { code: string }).code).toBe('HELPER_NOT_FOUND');
  });

  it('reports tell genuine online (the applicant’s own session) from assisted and counter', async () => {
    const own = await submitDossierAs(citizen, birthRegistrationBody(await uploadPdf(citizen)));
    expect(own.status).toBe(201);
    await intake(reception, intakeBody('assisted', await uploadPdf(reception)));
    // Online (channel 2) split by who keyed it: only submitter_kind 'applicant' is genuine online.
    const rows = await ctx.database.db
      .select({ channel: dossiers.channel, submitterKind: dossiers.submitterKind, n: sql<number>`count(*)::int` })
      .from(dossiers)
      .groupBy(dossiers.channel, dossiers.submitterKind);
    const count = (channel: number, kind: string) => rows.find((r) => r.channel === channel && r.submitterKind === kind)?.n ?? 0;
    expect(count(2, 'applicant')).toBeGreaterThanOrEqual(1);
    expect(count(2, 'assisted')).toBeGreaterThanOrEqual(2);
    expect(count(1, 'counter')).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.channel === 1).every((r) => r.submitterKind === 'counter')).toBe(true);
  });

  it('a scan uploaded by someone else cannot be used', async () => {
    const citizensFile = await uploadPdf(citizen);
    const res = await intake(reception, intakeBody('counter', citizensFile));
    expect(res.status).toBe(422);
  });
});

describe(`who may register counter and assisted dossiers (${testBackend()})`, () => {
  it('anonymous 401, citizen 403, specialist without reception role 403, reception officer of another agency 403', async () => {
    const scan = await uploadPdf(reception);
    expect((await intake(anonymous, intakeBody('counter', scan))).status).toBe(401);
    expect((await intake(citizen, intakeBody('counter', scan))).status).toBe(403);
    expect((await intake(specialist, intakeBody('counter', scan))).status).toBe(403);
    const other = await intake(otherReception, intakeBody('counter', scan, { receivingAgencyCode: '26572-TTPVHCC' }));
    expect(other.status).toBe(403);
    const count = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dossiers)
      .where(eq(dossiers.submitterKind, 'counter'));
    const ok = await intake(reception, intakeBody('counter', scan));
    expect(ok.status, await ok.clone().text()).toBe(201);
    const after = await ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dossiers)
      .where(eq(dossiers.submitterKind, 'counter'));
    expect(after[0]?.n).toBe((count[0]?.n ?? 0) + 1);
  });

  it('community helpers: unit admin of the unit only', async () => {
    const body = { unitCode: '26572', name: 'Phạm Văn Bình', team: 'Tổ CNS khu phố 1' };
    expect((await anonymous.call('POST', '/api/v1/officer/community-helpers', { json: body })).status).toBe(401);
    expect((await citizen.call('POST', '/api/v1/officer/community-helpers', { json: body })).status).toBe(403);
    expect((await reception.call('POST', '/api/v1/officer/community-helpers', { json: body })).status).toBe(403);
    expect((await unitAdmin.call('POST', '/api/v1/officer/community-helpers', { json: { ...body, unitCode: '79' } })).status).toBe(403);
    expect((await unitAdmin.call('POST', '/api/v1/officer/community-helpers', { json: body })).status).toBe(201);
    expect((await reception.call('GET', '/api/v1/officer/community-helpers?unitCode=26572')).status).toBe(403);
    const list = await unitAdmin.call('GET', '/api/v1/officer/community-helpers?unitCode=26572');
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: { name: string }[] }).items.map((h) => h.name)).toContain('Phạm Văn Bình');
  });
});
