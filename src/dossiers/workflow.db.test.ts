import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, citizenCaller, officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { extractPdfText } from '../../test/support/pdf-text.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import type { CitizenPrincipal } from '../identity/principal.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { performApplicantAction } from './perform-action.ts';
import { dossierEvents, dossiers, type DossierRow } from './schema.ts';

// Monday 2 March 2026, 09:00 in Vietnam; tests move the clock forward.
let clock = new Date('2026-03-02T02:00:00Z');
let ctx: TestContext;
let reception: ApiCaller;
let specialist: ApiCaller;
let approver: ApiCaller;
let citizen: ApiCaller;

/** Moves the clock and signs everyone in again (officer sessions last 8 hours). */
async function setClock(iso: string): Promise<void> {
  clock = new Date(iso);
  reception = await officerCaller(ctx.app, 'tiepnhan.tamlong');
  specialist = await officerCaller(ctx.app, 'chuyenvien.tamlong');
  approver = await officerCaller(ctx.app, 'lanhdao.tamlong');
  citizen = await citizenCaller(ctx.app, ctx.database.db, clock);
}

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  await setClock(clock.toISOString());
});
afterAll(async () => ctx.close());

const act = (who: ApiCaller, code: string, body: Record<string, unknown>) => who.post(`/api/v1/officer/dossiers/${code}/actions`, body);

async function reload(code: string): Promise<DossierRow> {
  const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, code));
  if (!row) throw new Error(code);
  return row;
}

async function eventsOf(row: DossierRow) {
  return ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, row.id)).orderBy(asc(dossierEvents.id));
}

async function auditsOf(row: DossierRow) {
  return ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'dossier'), eq(auditLog.subjectId, row.id), like(auditLog.action, 'dossier.%')));
}

describe(`a dossier from submission to returned result (${testBackend()})`, () => {
  it('every action moves status and step per the table, appends one event and one audit row, and keeps the clock', async () => {
    const d = await createDossier(ctx.database.db, { applicantCitizenId: citizen.id });
    let version = d.version;
    const step = async (who: ApiCaller, body: Record<string, unknown>, expected: { status: number; step: string }) => {
      const res = await act(who, d.code, { ...body, expectedVersion: version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ code: d.code, status: expected.status, currentStep: expected.step, version: version + 1 });
      version += 1;
      return res.json() as { appointmentAt: string | null; slips: { form: string; url: string }[] };
    };

    const received = await step(reception, { action: 'receive' }, { status: 2, step: 'reception' });
    // Birth registration: 1 working day from Monday 09:00 → Tuesday 09:00.
    expect(received.appointmentAt).toBe('2026-03-03T02:00:00.000Z');
    expect(received.slips.map((s) => s.form)).toEqual(['01', '05']);
    await step(reception, { action: 'forward' }, { status: 4, step: 'processing' });

    clock = new Date('2026-03-02T03:00:00Z'); // 10:00
    const asked = await step(
      specialist,
      { action: 'request_supplement', components: [{ code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', note: 'Bản chính' }] },
      { status: 5, step: 'processing' },
    );
    expect(asked.slips.map((s) => s.form)).toEqual(['02']);
    expect(await reload(d.code)).toMatchObject({ pausedAt: clock, supplementRequestCount: 1 });

    // The applicant hands in the supplement the next morning at 08:00: 1 h 30 + 4 h + 30 min of working time paused.
    await setClock('2026-03-03T01:00:00Z');
    const principal = { kind: 'citizen', id: citizen.id } as CitizenPrincipal;
    const deps = { db: ctx.database.db, now: () => clock, calendarFor: deadlineCalendarFor };
    const back = await performApplicantAction(
      deps,
      principal,
      d.code,
      { action: 'receive_supplement', expectedVersion: version },
      { actor: { kind: 'citizen', id: citizen.id }, sessionTokenHash: null },
      (code, form) => `/x/${code}/${form}`,
    );
    version += 1;
    // The appointment moves from Tuesday 09:00 by 360 working minutes: Tuesday 16:30.
    expect(back).toMatchObject({ status: 4, currentStep: 'processing', appointmentAt: '2026-03-03T09:30:00.000Z' });

    await step(specialist, { action: 'forward' }, { status: 4, step: 'approval' });
    await step(approver, { action: 'approve' }, { status: 4, step: 'result' });
    clock = new Date('2026-03-03T08:00:00Z'); // Tuesday 15:00, before the appointment (sessions still valid)
    await step(specialist, { action: 'record_result' }, { status: 9, step: 'return' });
    await step(reception, { action: 'return_result', returnMethod: 'counter' }, { status: 10, step: 'return' });

    const row = await reload(d.code);
    expect(row).toMatchObject({ status: 10, decision: 'approved', returnMethod: 'counter', processingEndedAt: clock, isMarkedLate: false });
    const events = await eventsOf(row);
    expect(events.map((e) => e.action)).toEqual([
      'submit',
      'receive',
      'forward',
      'request_supplement',
      'receive_supplement',
      'forward',
      'approve',
      'record_result',
      'return_result',
    ]);
    expect(events.map((e) => e.toStatus)).toEqual([1, 2, 4, 5, 4, 4, 4, 9, 10]);
    expect(events[1]).toMatchObject({
      actorKind: 'officer',
      actorId: reception.id,
      actorSessionMethod: 'password',
      agencyCode: '26572-TTPVHCC',
    });
    expect(events[4]).toMatchObject({ actorKind: 'citizen', actorId: citizen.id, details: { pausedWorkingMinutes: 360 } });
    expect((await auditsOf(row)).map((a) => a.action)).toEqual(events.slice(1).map((e) => `dossier.${e.action}`));

    const view = await reception.get(`/api/v1/officer/dossiers/${d.code}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ status: 10, deadline: { isOnTime: true, remainingWorkingMinutes: null }, availableActions: [] });
  });
});

describe(`bad input leaves the dossier as it was (${testBackend()})`, () => {
  const cases: [string, () => ApiCaller, Record<string, unknown>, number, string, Partial<DossierRow>?][] = [
    ['an action the status does not allow', () => reception, { action: 'approve' }, 409, 'TRANSITION_NOT_ALLOWED'],
    ['an action the role does not allow', () => specialist, { action: 'receive' }, 403, 'ROLE_NOT_ALLOWED'],
    ['a refusal without a reason', () => reception, { action: 'refuse', reason: ' ' }, 400, 'REASON_REQUIRED'],
    [
      'a supplement request without components',
      () => reception,
      { action: 'request_supplement', components: [] },
      400,
      'SUPPLEMENT_COMPONENTS_REQUIRED',
    ],
    [
      'an apology with a new appointment in the past',
      () => specialist,
      { action: 'apologise', reason: 'Chờ xác minh', newAppointmentAt: '2026-03-01T09:00:00+07:00' },
      400,
      'APPOINTMENT_IN_PAST',
      {
        status: 4,
        currentStep: 'processing',
        receivedAt: new Date('2026-03-02T01:00:00Z'),
        appointmentAt: new Date('2026-03-09T01:00:00Z'),
      },
    ],
    [
      'a supplement request at processing without components',
      () => specialist,
      { action: 'request_supplement' },
      400,
      'SUPPLEMENT_COMPONENTS_REQUIRED',
      {
        status: 4,
        currentStep: 'processing',
        receivedAt: new Date('2026-03-02T01:00:00Z'),
        appointmentAt: new Date('2026-03-09T01:00:00Z'),
      },
    ],
    ['forwarding a dossier not yet received', () => reception, { action: 'forward' }, 409, 'TRANSITION_NOT_ALLOWED'],
    [
      'forwarding to an agency that does not exist',
      () => specialist,
      { action: 'forward', toAgencyCode: 'NOPE-UBND' },
      400,
      'TARGET_AGENCY_INVALID',
      {
        status: 4,
        currentStep: 'processing',
        receivedAt: new Date('2026-03-02T01:00:00Z'),
        appointmentAt: new Date('2026-03-09T01:00:00Z'),
      },
    ],
    ['an unknown action', () => reception, { action: 'teleport' }, 400, 'VALIDATION_FAILED'],
  ];

  beforeAll(() => setClock('2026-03-04T02:00:00Z'));

  it.each(cases)('%s', async (_name, who, body, status, code, overrides) => {
    const d = await createDossier(ctx.database.db, overrides ?? {});
    const before = await reload(d.code);
    const res = await act(who(), d.code, { ...body, expectedVersion: d.version });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await reload(d.code)).toEqual(before);
    expect(await eventsOf(d)).toHaveLength(1);
    expect(await auditsOf(d)).toHaveLength(0);
  });

  it('a stale version → 409 DOSSIER_CHANGED with the current version', async () => {
    const d = await createDossier(ctx.database.db, { version: 3 });
    const res = await act(reception, d.code, { action: 'receive', expectedVersion: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DOSSIER_CHANGED', details: { version: 3 } });
    expect((await reload(d.code)).status).toBe(1);
  });

  it('an unknown dossier → 404 DOSSIER_NOT_FOUND', async () => {
    const res = await act(reception, 'NO-SUCH-CODE', { action: 'receive', expectedVersion: 1 });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('DOSSIER_NOT_FOUND');
  });
});

describe(`optimistic concurrency (${testBackend()})`, () => {
  it('50 concurrent conflicting actions on one dossier: exactly one succeeds, 49 get DOSSIER_CHANGED', async () => {
    const d = await createDossier(ctx.database.db);
    const bodies = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? { action: 'receive', expectedVersion: 1 } : { action: 'refuse', reason: `Lý do ${i}`, expectedVersion: 1 },
    );
    const results = await Promise.all(bodies.map((body) => act(reception, d.code, body)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409 && r.json().code === 'DOSSIER_CHANGED')).toHaveLength(49);
    const row = await reload(d.code);
    expect(row.version).toBe(2);
    const winner = results.find((r) => r.statusCode === 200)?.json() as { status: number };
    expect(row.status).toBe(winner.status);
    expect(await eventsOf(d)).toHaveLength(2);
    expect(await auditsOf(d)).toHaveLength(1);
  });
});

describe(`applicant actions (${testBackend()})`, () => {
  it('the applicant withdraws their own dossier; someone else’s is not found', async () => {
    const deps = { db: ctx.database.db, now: () => clock, calendarFor: deadlineCalendarFor };
    const from = { actor: { kind: 'citizen' as const, id: citizen.id }, sessionTokenHash: null };
    const url = (code: string, form: string) => `/x/${code}/${form}`;
    const own = await createDossier(ctx.database.db, { applicantCitizenId: citizen.id });
    const principal = { kind: 'citizen', id: citizen.id } as CitizenPrincipal;
    await expect(
      performApplicantAction(deps, principal, own.code, { action: 'withdraw', expectedVersion: 1 }, from, url),
    ).resolves.toMatchObject({
      status: 7,
    });
    const other = await createDossier(ctx.database.db);
    await expect(
      performApplicantAction(deps, principal, other.code, { action: 'withdraw', expectedVersion: 1 }, from, url),
    ).rejects.toMatchObject({
      code: 'DOSSIER_NOT_FOUND',
    });
  });
});

describe(`slips (${testBackend()})`, () => {
  it('forms 02, 03, 04 and 05 download as Vietnamese PDFs once their action issued them', async () => {
    const refused = await createDossier(ctx.database.db);
    expect((await reception.get(`/api/v1/officer/dossiers/${refused.code}/slips/03`)).json().code).toBe('SLIP_NOT_AVAILABLE');
    await act(reception, refused.code, { action: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền giải quyết', expectedVersion: 1 });
    const slip03 = await reception.get(`/api/v1/officer/dossiers/${refused.code}/slips/03`);
    expect(slip03.statusCode).toBe(200);
    expect(slip03.headers['content-type']).toBe('application/pdf');
    const text03 = await extractPdfText(slip03.rawPayload);
    expect(text03).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text03).toContain('Hồ sơ không thuộc thẩm quyền giải quyết');
    expect(text03).toContain(refused.code);

    const d = await createDossier(ctx.database.db);
    await act(reception, d.code, { action: 'receive', expectedVersion: 1 });
    await act(reception, d.code, { action: 'forward', expectedVersion: 2 });
    await act(specialist, d.code, {
      action: 'apologise',
      reason: 'Cần xác minh thêm',
      newAppointmentAt: '2026-03-10T16:00:00+07:00',
      expectedVersion: 3,
    });
    await act(specialist, d.code, {
      action: 'request_supplement',
      components: [{ name: 'Giấy chứng sinh', note: 'bản chính' }],
      expectedVersion: 4,
    });
    const text02 = await extractPdfText((await specialist.get(`/api/v1/officer/dossiers/${d.code}/slips/02`)).rawPayload);
    expect(text02).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text02).toContain('Giấy chứng sinh: bản chính');
    const text04 = await extractPdfText((await specialist.get(`/api/v1/officer/dossiers/${d.code}/slips/04`)).rawPayload);
    expect(text04).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text04).toContain('16 giờ 00, ngày 10/03/2026');
    const text05 = await extractPdfText((await reception.get(`/api/v1/officer/dossiers/${d.code}/slips/05`)).rawPayload);
    expect(text05).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text05).toContain('Thẩm định, xử lý hồ sơ');
    const view = (await reception.get(`/api/v1/officer/dossiers/${d.code}`)).json() as { slips: { form: string }[] };
    expect(view.slips.map((s) => s.form)).toEqual(['01', '02', '04', '05']);
    const text01 = await extractPdfText((await reception.get(`/api/v1/officer/dossiers/${d.code}/slips/01`)).rawPayload);
    expect(text01.replace(/\s+/g, ' ')).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  });
});

describe(`anonymous callers (${testBackend()})`, () => {
  it('cannot act', async () => {
    const d = await createDossier(ctx.database.db);
    const res = await act(await anonymousCaller(ctx.app), d.code, { action: 'receive', expectedVersion: 1 });
    expect(res.statusCode).toBe(401);
  });
});
