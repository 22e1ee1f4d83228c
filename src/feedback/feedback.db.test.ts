import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierEvents } from '../dossiers/schema.ts';
import { ApiSessions } from '../../test/support/api-sessions.ts';
import { insertDossier, type FixtureDossier } from '../../test/support/indicator-fixtures.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';

// Monday 2 February 2026, 09:00 in Vietnam; the clock moves forward as the tests say.
let clock = new Date('2026-02-02T02:00:00Z');
/** Moves the clock on, and signs everybody in again (sessions do not last a week). */
const advanceDays = async (days: number) => {
  clock = new Date(clock.getTime() + days * 86_400_000);
  await signIn();
};
async function signIn(): Promise<void> {
  citizen = await api.citizen(clock);
  otherCitizen = await api.citizen(clock, 1);
  for (const u of ['chuyenvien.tamlong', 'tiepnhan.stp', 'quantri.tamlong']) officers[u] = await api.officer(u);
}
let ctx: TestContext;
let api: ApiSessions;
let citizen: string;
let otherCitizen: string;
const officers: Record<string, string> = {};
let done: FixtureDossier;
let open: FixtureDossier;
let othersDossier: FixtureDossier;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  api = await ApiSessions.open(ctx);
  await signIn();
  const at = (d: string) => new Date(`2026-01-${d}T09:00:00+07:00`);
  // Dossiers of Nguyễn Văn An (CCCD 079090001234), keyed in at the counter, handled by 26572-UBND.
  done = await insertDossier(ctx.database.db, {
    submitterKind: 'counter',
    submittedAt: at('05'),
    receivedAt: at('05'),
    appointmentAt: at('12'),
    endedAt: at('09'),
    applicantIdNumber: '079090001234',
  });
  open = await insertDossier(ctx.database.db, {
    submitterKind: 'counter',
    submittedAt: at('20'),
    receivedAt: at('20'),
    applicantIdNumber: '079090001234',
  });
  othersDossier = await insertDossier(ctx.database.db, {
    submitterKind: 'counter',
    submittedAt: at('06'),
    receivedAt: at('06'),
    endedAt: at('08'),
    applicantIdNumber: '079185004321',
  });
}, 120_000);
afterAll(async () => ctx.close());

const vote = (dossierId: string, session: string | null, payload: unknown = { isLike: false, reasons: ['asked_again'] }) =>
  api.request('POST', `/api/v1/dossiers/${dossierId}/satisfaction`, session, { payload });

describe(`satisfaction votes (${testBackend()})`, () => {
  it('only the applicant votes, only once, only after processing ended, with reasons of the right side', async () => {
    expect((await vote(done.id, null)).statusCode).toBe(401);
    expect((await vote(done.id, officers['chuyenvien.tamlong'] ?? null)).json().code).toBe('FORBIDDEN');
    expect((await vote(done.id, otherCitizen)).json().code).toBe('DOSSIER_NOT_FOUND');
    expect((await vote(othersDossier.id, citizen)).statusCode).toBe(404);
    expect((await vote(open.id, citizen)).json().code).toBe('DOSSIER_NOT_COMPLETED');
    expect((await vote(done.id, citizen, { isLike: true, reasons: ['late'] })).json().code).toBe('SATISFACTION_REASON_INVALID');
    expect((await vote(done.id, citizen, { isLike: true, reasons: [], stars: 5 })).json().code).toBe('VALIDATION_FAILED');
    expect((await vote(done.id, citizen, { isLike: true })).statusCode).toBe(201);
    const again = await vote(done.id, citizen, { isLike: false, reasons: ['late'] });
    expect([again.statusCode, again.json().code]).toEqual([409, 'SATISFACTION_ALREADY_GIVEN']);
    // Without the CSRF token the browser's session cannot vote.
    expect(
      (await api.request('POST', `/api/v1/dossiers/${done.id}/satisfaction`, citizen, { payload: { isLike: true }, csrf: false })).json()
        .code,
    ).toBe('CSRF_TOKEN_INVALID');
    const mine = await api.request('GET', `/api/v1/dossiers/${done.id}/satisfaction`, citizen);
    expect(mine.json().vote).toMatchObject({ isLike: true, reasons: [] });
    expect((await api.request('GET', `/api/v1/dossiers/${done.id}/satisfaction`, otherCitizen)).statusCode).toBe(404);
    // The vote is on the dossier's history, where the indicator rollups pick it up.
    const events = await ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, done.id));
    expect(events.map((e) => e.action)).toContain('feedback_vote');
  });
});

describe(`complaints and petitions (${testBackend()})`, () => {
  const file = (session: string | null, dossierId = done.id) =>
    api.request('POST', '/api/v1/complaints', session, {
      payload: { dossierId, kind: 'phan_anh', subject: 'staff', content: 'Cán bộ hẹn nhiều lần nhưng không trả kết quả.' },
    });
  const act = (id: string, session: string | null, payload: unknown) =>
    api.request('POST', `/api/v1/complaints/${id}/actions`, session, { payload });

  it('the applicant files one about their dossier; deadlines count working days; others cannot', async () => {
    expect((await file(null)).statusCode).toBe(401);
    expect((await file(officers['chuyenvien.tamlong'] ?? null)).json().code).toBe('FORBIDDEN');
    expect((await file(otherCitizen)).json().code).toBe('DOSSIER_NOT_FOUND');
    const res = await file(citizen);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'received', agencyCode: '26572-UBND', dossierCode: done.code, isOverdue: false });
    // Filed Monday 09:00: refuse by Wednesday 09:00 (2 working days), ask for more by the next Monday (5).
    expect(c.deadlines.rejectBy).toBe('2026-02-04T02:00:00.000Z');
    expect(c.deadlines.requestInfoBy).toBe('2026-02-09T02:00:00.000Z');
  });

  it('the agency accepts and resolves within 15 working days, publishes within 2; the applicant rates it once', async () => {
    const c = (await file(citizen)).json();
    // Another agency's officer, and a citizen, may not handle it.
    expect((await act(c.id, officers['tiepnhan.stp'] ?? null, { action: 'accept' })).json().code).toBe('FORBIDDEN');
    expect((await act(c.id, citizen, { action: 'accept' })).json().code).toBe('FORBIDDEN');
    expect((await act(c.id, officers['chuyenvien.tamlong'] ?? null, { action: 'resolve', text: 'x' })).json().code).toBe(
      'COMPLAINT_TRANSITION_NOT_ALLOWED',
    );
    const accepted = await act(c.id, officers['chuyenvien.tamlong'] ?? null, { action: 'accept' });
    expect(accepted.json()).toMatchObject({ status: 'handling' });
    expect((await act(c.id, officers['chuyenvien.tamlong'] ?? null, { action: 'resolve' })).json().code).toBe('COMPLAINT_TEXT_REQUIRED');
    await advanceDays(7);
    const resolved = (
      await act(c.id, officers['quantri.tamlong'] ?? null, { action: 'resolve', text: 'Đã xin lỗi và trả kết quả.' })
    ).json();
    expect(resolved).toMatchObject({ status: 'resolved', isHandledOnTime: true, response: 'Đã xin lỗi và trả kết quả.' });
    expect((await act(c.id, citizen, { action: 'rate', isSatisfied: true })).json()).toMatchObject({ isSatisfied: true });
    expect((await act(c.id, citizen, { action: 'rate', isSatisfied: false })).json().code).toBe('COMPLAINT_ALREADY_RATED');
    await advanceDays(1);
    const published = (await act(c.id, officers['chuyenvien.tamlong'] ?? null, { action: 'publish' })).json();
    expect(published.status).toBe('published');
    expect(published.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'resolve', 'rate', 'publish']);
    // Published the next working day after resolving (within 2): on time.
    expect(published.history.at(-1).isOnTime).toBe(true);
  });

  it('a refusal after 2 working days is handled late; a request for more waits for the applicant', async () => {
    // Filed on Tuesday 10 February: refusing it on Friday is a day past the 2 working days.
    const late = (await file(citizen)).json();
    expect(late.receivedAt).toBe('2026-02-10T02:00:00.000Z');
    await advanceDays(3);
    const refused = (await act(late.id, officers['chuyenvien.tamlong'] ?? null, { action: 'reject', text: 'Không thuộc phạm vi.' })).json();
    expect(refused).toMatchObject({ status: 'rejected', isHandledOnTime: false });
    const asked = (await file(citizen)).json();
    expect(
      (await act(asked.id, officers['chuyenvien.tamlong'] ?? null, { action: 'request_info', text: 'Xin số biên nhận.' })).json().status,
    ).toBe('info_requested');
    expect((await act(asked.id, officers['chuyenvien.tamlong'] ?? null, { action: 'reply', text: 'x' })).json().code).toBe('FORBIDDEN');
    expect((await act(asked.id, otherCitizen, { action: 'reply', text: 'x' })).json().code).toBe('COMPLAINT_NOT_FOUND');
    const replied = (await act(asked.id, citizen, { action: 'reply', text: 'Biên nhận số 123.' })).json();
    expect(replied.status).toBe('handling');
    expect(replied.deadlines.handleBy).not.toBeNull();
  });

  it('lists and reads complaints only for their applicant and the officers of their agency or unit', async () => {
    const mine = (await api.request('GET', '/api/v1/complaints', citizen)).json().complaints;
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect((await api.request('GET', '/api/v1/complaints', otherCitizen)).json().complaints).toEqual([]);
    const agency = (await api.request('GET', '/api/v1/complaints?status=handling', officers['chuyenvien.tamlong'] ?? null)).json()
      .complaints;
    expect(agency.length).toBeGreaterThanOrEqual(1);
    expect(agency.every((c: { status: string }) => c.status === 'handling')).toBe(true);
    expect((await api.request('GET', '/api/v1/complaints', officers['tiepnhan.stp'] ?? null)).json().complaints).toEqual([]);
    expect((await api.request('GET', '/api/v1/complaints', null)).statusCode).toBe(401);
    const id = mine[0].id as string;
    expect((await api.request('GET', `/api/v1/complaints/${id}`, citizen)).statusCode).toBe(200);
    expect((await api.request('GET', `/api/v1/complaints/${id}`, otherCitizen)).json().code).toBe('COMPLAINT_NOT_FOUND');
    expect((await api.request('GET', `/api/v1/complaints/${id}`, officers['quantri.tamlong'] ?? null)).statusCode).toBe(200);
    expect((await api.request('GET', `/api/v1/complaints/${id}`, officers['tiepnhan.stp'] ?? null)).json().code).toBe('FORBIDDEN');
    const audit = await ctx.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'complaint.%'`,
    );
    expect(audit.rows[0]?.n).toBeGreaterThanOrEqual(10);
  });

  it('gives the applicant’s dossier page its feedback by dossier code; nobody else gets it', async () => {
    const code = (await ctx.database.db.execute<{ code: string }>(sql`SELECT code FROM dossiers WHERE id = ${done.id}`)).rows[0]?.code;
    const url = `/api/v1/feedback/dossiers/${code}`;
    const mine = await api.request('GET', url, citizen);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ dossierId: done.id, dossierCode: code, canVote: false });
    expect(mine.json().vote).not.toBeNull();
    expect(mine.json().complaints.every((c: { dossierId: string }) => c.dossierId === done.id)).toBe(true);
    expect((await api.request('GET', url, null)).statusCode).toBe(401);
    expect((await api.request('GET', url, otherCitizen)).json().code).toBe('DOSSIER_NOT_FOUND');
    expect((await api.request('GET', url, officers['chuyenvien.tamlong'] ?? null)).json().code).toBe('FORBIDDEN');
    const openCode = (await ctx.database.db.execute<{ code: string }>(sql`SELECT code FROM dossiers WHERE id = ${open.id}`)).rows[0]?.code;
    expect((await api.request('GET', `/api/v1/feedback/dossiers/${openCode}`, citizen)).json()).toMatchObject({
      canVote: false,
      vote: null,
    });
  });
});
