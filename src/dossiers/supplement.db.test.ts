import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, citizenCaller, officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { attachments, dossierComponents, dossierEvents, dossiers, type DossierRow } from './schema.ts';

// Monday 9 March 2026, 09:00 in Vietnam.
const clock = new Date('2026-03-09T02:00:00Z');
let ctx: TestContext;
let citizen: ApiCaller;

async function waitingDossier(): Promise<DossierRow> {
  const d = await createDossier(ctx.database.db, {
    applicantCitizenId: citizen.id,
    status: 5,
    currentStep: 'processing',
    receivedAt: new Date('2026-03-02T02:00:00Z'),
    appointmentAt: new Date('2026-03-05T02:00:00Z'),
    pausedAt: new Date('2026-03-04T02:00:00Z'),
    supplementRequestCount: 1,
  });
  await ctx.database.db.insert(dossierEvents).values({
    dossierId: d.id,
    at: new Date('2026-03-04T02:00:00Z'),
    action: 'request_supplement',
    fromStatus: 4,
    toStatus: 5,
    fromStep: 'processing',
    toStep: 'processing',
    actorKind: 'officer',
    reason: 'Bản chụp mờ',
    details: { components: [{ code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', note: 'chụp rõ nét' }] },
  });
  return d;
}

async function ownFile(ownerId: string | null): Promise<string> {
  const id = randomUUID();
  await ctx.database.db.insert(attachments).values({
    id,
    ownerKind: 'citizen',
    ownerId: ownerId ?? randomUUID(),
    objectKey: `attachments/${id}`,
    sha256: '0'.repeat(64),
    mediaType: 'application/pdf',
    sizeBytes: 1000,
    pageCount: 1,
    fileName: 'giay-chung-sinh-ro.pdf',
  });
  return id;
}

const supplement = (who: ApiCaller, code: string, attachmentIds: string[]) =>
  who.post(`/api/v1/dossiers/${code}/supplement`, {
    items: [{ componentCode: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', attachmentIds }],
  });

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  citizen = await citizenCaller(ctx.app, ctx.database.db, clock);
});
afterAll(async () => ctx.close());

describe(`the applicant supplements a dossier (${testBackend()})`, () => {
  it('shows what the request listed, then takes the files: the dossier resumes processing, the clock moves by the pause', async () => {
    const d = await waitingDossier();
    const before = await citizen.get(`/api/v1/dossiers/${d.code}`);
    expect(before.json()).toMatchObject({
      status: 5,
      supplementRequest: { reason: 'Bản chụp mờ', components: [{ code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', note: 'chụp rõ nét' }] },
    });

    const file = await ownFile(citizen.id);
    const res = await supplement(citizen, d.code, [file]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 4, supplementRequest: null });

    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row).toMatchObject({ status: 4, pausedAt: null, version: d.version + 1 });
    // Paused Wednesday 09:00 → Monday 09:00: three working days added to the Thursday appointment.
    expect(row?.appointmentAt?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    const components = await ctx.database.db
      .select()
      .from(dossierComponents)
      .where(eq(dossierComponents.dossierId, d.id))
      .orderBy(asc(dossierComponents.position));
    expect(components.at(-1)).toMatchObject({ componentCode: 'GIAY_CHUNG_SINH', attachmentId: file, isSupplement: true, source: 'upload' });
    const [claimed] = await ctx.database.db.select().from(attachments).where(eq(attachments.id, file));
    expect(claimed?.dossierId).toBe(d.id);
    const events = await ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(events.map((e) => [e.action, e.actorKind])).toContainEqual(['receive_supplement', 'citizen']);
  });

  it('refuses: nobody 401, an officer 403, someone else’s dossier 404, not waiting 409, someone else’s file — nothing changes', async () => {
    const d = await waitingDossier();
    const file = await ownFile(citizen.id);
    expect((await supplement(await anonymousCaller(ctx.app), d.code, [file])).statusCode).toBe(401);
    expect((await supplement(await officerCaller(ctx.app, 'tiepnhan.tamlong'), d.code, [file])).statusCode).toBe(403);

    const others = await createDossier(ctx.database.db, { status: 5, applicantCitizenId: null });
    expect((await supplement(citizen, others.code, [file])).json()).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });

    const running = await createDossier(ctx.database.db, { applicantCitizenId: citizen.id, status: 4, currentStep: 'processing' });
    const notWaiting = await supplement(citizen, running.code, [file]);
    expect(notWaiting.statusCode).toBe(409);
    expect(notWaiting.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });

    const foreign = await ownFile(null);
    const stolen = await supplement(citizen, d.code, [foreign]);
    expect(stolen.json()).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND' });
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, d.id));
    expect(row).toMatchObject({ status: 5, version: d.version });
    const [unclaimed] = await ctx.database.db.select().from(attachments).where(eq(attachments.id, file));
    expect(unclaimed?.dossierId).toBeNull();
  });
});
