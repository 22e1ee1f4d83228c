import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenCaller, officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { extractPdfText } from '../../test/support/pdf-text.ts';
import { pdfsig } from '../../test/support/pdfsig.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { issuedDocuments, storeDocuments } from '../documents/schema.ts';
import { createDocumentServices } from '../documents/services.ts';
import type { SigningKeys } from '../documents/signing/keys.ts';
import type { OfficerPrincipal } from '../identity/principal.ts';
import { AppError } from '../platform/errors.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { performDossierAction } from './perform-action.ts';
import { dossierEvents, dossiers, type DossierRow } from './schema.ts';

const clock = new Date();
let ctx: TestContext;
let specialist: ApiCaller;
let citizen: ApiCaller;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  specialist = await officerCaller(ctx.app, 'chuyenvien.tamlong');
  citizen = await citizenCaller(ctx.app, ctx.database.db, clock);
});
afterAll(async () => ctx.close());

/** A birth registration of the first demo citizen, approved and waiting at the result step. */
function dossierAtResult(overrides: Partial<DossierRow> = {}): Promise<DossierRow> {
  return createDossier(ctx.database.db, {
    applicantCitizenId: citizen.id,
    status: 4,
    currentStep: 'result',
    decision: 'approved',
    receivedAt: new Date(clock.getTime() - 3_600_000),
    ...overrides,
  });
}

async function reload(id: string): Promise<DossierRow> {
  const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) throw new Error(id);
  return row;
}

describe(`record_result issues the signed electronic result (${testBackend()})`, () => {
  it('signs a Vietnamese PDF with a QR link, stores it for the applicant, appends the event, and the applicant downloads it', async () => {
    const d = await dossierAtResult();
    const res = await specialist.post(`/api/v1/officer/dossiers/${d.code}/actions`, {
      action: 'record_result',
      expectedVersion: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 9, currentStep: 'return' });

    const [issued] = await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.dossierId, d.id));
    expect(issued).toMatchObject({
      agencyCode: '26572-UBND',
      documentType: 'BAN_SAO_GIAY_KHAI_SINH',
      subjectIdNumber: '079090001234',
      revokedAt: null,
      validTo: null,
    });
    const [stored] = await ctx.database.db
      .select()
      .from(storeDocuments)
      .where(eq(storeDocuments.issuedDocumentId, issued?.id ?? ''));
    expect(stored).toMatchObject({
      ownerIdNumber: '079090001234',
      origin: 'issued',
      sourceDossierId: d.id,
      agencyCode: '26572-UBND',
      documentType: 'BAN_SAO_GIAY_KHAI_SINH',
    });
    const events = await ctx.database.db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, d.id), eq(dossierEvents.action, 'record_result')))
      .orderBy(asc(dossierEvents.id));
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ electronicResult: true, documentId: issued?.id, storeDocumentId: stored?.id });

    // The applicant sees the result on the dossier and downloads the signed PDF from their store.
    const view = (await citizen.get(`/api/v1/dossiers/${d.code}`)).json() as {
      results: { documentId: string; downloadUrl: string; verifyPath: string; isRevoked: boolean }[];
    };
    expect(view.results).toEqual([
      expect.objectContaining({ documentId: issued?.id, isRevoked: false, verifyPath: `/verify/${issued?.id}` }),
    ]);
    const download = await citizen.get(view.results[0]?.downloadUrl ?? '');
    expect(download.statusCode).toBe(200);
    const pdf = new Uint8Array(download.rawPayload);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued?.sha256);
    const text = (await extractPdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(d.code);
    expect(text).toContain(`/verify/${issued?.id}`);
    expect(pdfsig(pdf)).toContain('Signature Validation: Signature is Valid.');

    // Reusable at once: a procedure asking for a birth certificate copy offers it.
    const reusable = (await citizen.get('/api/v1/procedures/2.000635/reusable-documents')).json() as { documents: { id: string }[] };
    expect(reusable.documents.map((doc) => doc.id)).toContain(stored?.id);
    // Publicly verifiable.
    const check = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/documents/${issued?.id}/verification` })).json();
    expect(check).toMatchObject({ status: 'valid' });
  });

  it('a refused dossier gets a signed reply that no procedure can reuse', async () => {
    const d = await dossierAtResult({ decision: 'rejected' });
    await ctx.database.db.insert(dossierEvents).values({
      dossierId: d.id,
      at: clock,
      action: 'reject',
      fromStatus: 4,
      toStatus: 4,
      actorKind: 'officer',
      reason: 'Không đủ điều kiện',
    });
    const res = await specialist.post(`/api/v1/officer/dossiers/${d.code}/actions`, {
      action: 'record_result',
      expectedVersion: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [issued] = await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.dossierId, d.id));
    expect(issued?.documentType).toBe('VAN_BAN_TRA_LOI');
  });

  it('when signing fails nothing is written: no status change, no event, no document, no store entry', async () => {
    const d = await dossierAtResult();
    const real = createDocumentServices(ctx.config, ctx.database.db, () => clock);
    const failingKeys = {
      forAgency: async () => {
        throw new AppError('SIGNING_KEY_MISSING', { agencyCode: '26572-UBND' });
      },
    } as unknown as SigningKeys;
    const deps = { db: ctx.database.db, now: () => clock, calendarFor: deadlineCalendarFor, documents: { ...real, keys: failingKeys } };
    const officer = (await specialist.get('/api/v1/session')).json() as { principal: OfficerPrincipal };
    await expect(
      performDossierAction(
        deps,
        officer.principal,
        d.code,
        { action: 'record_result', expectedVersion: d.version },
        {
          actor: { kind: 'officer', id: specialist.id },
          sessionTokenHash: null,
        },
      ),
    ).rejects.toMatchObject({ code: 'SIGNING_KEY_MISSING' });
    expect(await reload(d.id)).toMatchObject({ status: 4, currentStep: 'result', version: d.version });
    const events = await ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id));
    expect(events.map((e) => e.action)).toEqual(['submit']);
    expect(await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.dossierId, d.id))).toEqual([]);
    expect(await ctx.database.db.select().from(storeDocuments).where(eq(storeDocuments.sourceDossierId, d.id))).toEqual([]);
  });

  it('a stale version is refused before anything is signed', async () => {
    const d = await dossierAtResult();
    const res = await specialist.post(`/api/v1/officer/dossiers/${d.code}/actions`, {
      action: 'record_result',
      expectedVersion: d.version + 5,
    });
    expect(res.json().code).toBe('DOSSIER_CHANGED');
    expect(await ctx.database.db.select().from(issuedDocuments).where(eq(issuedDocuments.dossierId, d.id))).toEqual([]);
  });
});
