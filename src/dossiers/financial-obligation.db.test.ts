import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, citizenCaller, officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { signedPaymentResult, signInTestCitizen } from '../../test/support/payment-fixtures.ts';
import { citizenBrowser, payOnSandbox, startPaying } from '../../test/support/sandbox-payment.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { extractPdfText } from '../../test/support/pdf-text.ts';
import { officers } from '../identity/schema.ts';
import { notifications } from '../notifications/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { withQuery } from '../payments/gateway/protocol.ts';
import { payments } from '../payments/schema.ts';
import { dossierEvents, dossiers, type DossierRow } from './schema.ts';

// Wednesday 4 March 2026, 09:00 in Vietnam.
const clock = new Date('2026-03-04T02:00:00Z');
let ctx: TestContext;
let an: { citizenId: string; token: string };
const callers: Record<string, ApiCaller> = {};

/** A birth registration (no fee at submission) of Nguyễn Văn An, at the commune specialist's processing step. */
async function processingDossier(): Promise<DossierRow> {
  return createDossier(ctx.database.db, {
    applicantCitizenId: an.citizenId,
    status: 4,
    currentStep: 'processing',
    receivedAt: new Date('2026-03-02T02:00:00Z'),
    appointmentAt: new Date('2026-03-09T02:00:00Z'),
  });
}

async function reload(id: string): Promise<DossierRow> {
  const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) throw new Error(id);
  return row;
}

async function eventsOf(id: string) {
  return ctx.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id)).orderBy(asc(dossierEvents.id));
}

const requestObligation = (who: ApiCaller, d: DossierRow, extra: Record<string, unknown>) =>
  who.post(`/api/v1/officer/dossiers/${d.code}/actions`, {
    action: 'request_financial_obligation',
    expectedVersion: d.version,
    reason: 'Lệ phí cấp giấy chứng nhận',
    ...extra,
  });

const specialist = () => callers['chuyenvien.tamlong'] as ApiCaller;

beforeAll(async () => {
  ctx = await createTestContext({ listen: true, now: () => clock });
  an = await signInTestCitizen(ctx.database.db, 0, clock);
  callers['anonymous'] = await anonymousCaller(ctx.app);
  callers['citizen'] = await citizenCaller(ctx.app, ctx.database.db, clock);
  for (const username of ['chuyenvien.tamlong', 'tiepnhan.tamlong', 'lanhdao.tamlong', 'quantri.tamlong', 'tiepnhan.stp'])
    callers[username] = await officerCaller(ctx.app, username);
});
afterAll(async () => ctx.close());

describe(`a financial obligation determined by the officer and paid online (${testBackend()})`, () => {
  it('150.000 đồng: 4 → 6, told to the applicant, shown on the dossier, paid on the sandbox gateway, 6 → 4, processing continues', async () => {
    const d = await processingDossier();
    const res = await requestObligation(specialist(), d, { amountVnd: 150_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 6, currentStep: 'processing' });

    const requested = await reload(d.id);
    expect(requested.financialObligations).toEqual([
      { amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận', requestedAt: clock.toISOString() },
    ]);
    expect((await eventsOf(d.id)).at(-1)).toMatchObject({
      action: 'request_financial_obligation',
      fromStatus: 4,
      toStatus: 6,
      details: { amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận' },
    });
    // The applicant's notice names the amount and what it is for.
    const [notice] = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.subjectId, d.id), eq(notifications.template, 'dossier.financial_obligation')));
    expect(notice?.bodyText).toContain('Số tiền phải nộp: 150.000 đồng (Lệ phí cấp giấy chứng nhận).');

    // The officer's dossier view lists the obligation line: what for, how much, not paid yet.
    const officerView = async () => (await specialist().get(`/api/v1/officer/dossiers/${d.code}`)).json().payment;
    expect(await officerView()).toEqual({
      feeTotalVnd: 0,
      obligations: [{ description: 'Lệ phí cấp giấy chứng nhận', amountVnd: 150_000, requestedAt: clock.toISOString(), isPaid: false }],
      paidVnd: 0,
      outstandingVnd: 150_000,
    });

    // The citizen sees the obligation and what is outstanding.
    const { browser, csrf } = await citizenBrowser(ctx.baseUrl, an.token);
    const view = (await (await browser.fetch(`/api/v1/dossiers/${d.code}`)).json()) as { status: number; financialObligations: unknown };
    expect(view).toMatchObject({ status: 6, financialObligations: [{ amountVnd: 150_000, description: 'Lệ phí cấp giấy chứng nhận' }] });
    const due = await (await browser.fetch(`/api/v1/dossiers/${d.code}/payments`)).json();
    expect(due).toMatchObject({ feeTotalVnd: 0, outstandingVnd: 150_000, items: [] });

    // A notification for another amount is refused (04) and changes nothing.
    const started = (await (await startPaying(browser, csrf, d.code)).json()) as { orderRef: string; amountVnd: number };
    expect(started.amountVnd).toBe(150_000);
    const wrong = await fetch(withQuery(`${ctx.baseUrl}/api/v1/payments/ipn`, signedPaymentResult(ctx, started.orderRef)));
    expect(await wrong.json()).toMatchObject({ RspCode: '04' });
    expect((await reload(d.id)).status).toBe(6);

    // The citizen pays the outstanding amount (the open attempt is resumed) on the sandbox gateway.
    const paid = await payOnSandbox(ctx.baseUrl, an.token, d.code, 'pay');
    expect(paid.orderRef).toBe(started.orderRef);
    const [payment] = await ctx.database.db.select().from(payments).where(eq(payments.id, paid.paymentId));
    expect(payment).toMatchObject({
      status: 'paid',
      amountVnd: 150_000,
      lines: [{ name: 'Lệ phí cấp giấy chứng nhận', quantity: 1, amountVnd: 150_000 }],
    });
    expect(paid.page).toContain('150.000 đồng');
    const back = await reload(d.id);
    expect(back.status).toBe(4);
    expect((await eventsOf(d.id)).at(-1)).toMatchObject({ action: 'pay', fromStatus: 6, toStatus: 4 });
    expect(await (await browser.fetch(`/api/v1/dossiers/${d.code}/payments`)).json()).toMatchObject({ outstandingVnd: 0 });
    expect(await officerView()).toMatchObject({ obligations: [{ amountVnd: 150_000, isPaid: true }], paidVnd: 150_000, outstandingVnd: 0 });

    // The specialist carries on: the dossier goes to approval.
    const forward = await specialist().post(`/api/v1/officer/dossiers/${d.code}/actions`, {
      action: 'forward',
      expectedVersion: back.version,
    });
    expect(forward.statusCode, forward.body).toBe(200);
    expect(forward.json()).toMatchObject({ status: 4, currentStep: 'approval' });
  });

  it.each([
    ['missing', {}],
    ['zero', { amountVnd: 0 }],
    ['negative', { amountVnd: -150_000 }],
    ['not whole đồng', { amountVnd: 150_000.5 }],
  ])('an amount %s → 400 OBLIGATION_AMOUNT_INVALID, nothing changes', async (_name, extra) => {
    const d = await processingDossier();
    const res = await requestObligation(specialist(), d, extra);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('OBLIGATION_AMOUNT_INVALID');
    expect(await reload(d.id)).toEqual(d);
    expect(await eventsOf(d.id)).toHaveLength(1);
  });
});

describe(`who may request a financial obligation (${testBackend()})`, () => {
  // The table: the roles of the processing step (specialist of the handling agency); nobody else.
  it.each([
    ['anonymous', 401, 'UNAUTHENTICATED'],
    ['citizen', 403, 'FORBIDDEN'],
    ['quantri.tamlong', 403, 'FORBIDDEN'],
    ['tiepnhan.stp', 403, 'DOSSIER_OUT_OF_SCOPE'],
    ['tiepnhan.tamlong', 403, 'ROLE_NOT_ALLOWED'],
    ['lanhdao.tamlong', 403, 'ROLE_NOT_ALLOWED'],
    ['chuyenvien.tamlong', 200, null],
  ])('%s → %i %s', async (who, status, code) => {
    const d = await processingDossier();
    const res = await requestObligation(callers[who] as ApiCaller, d, { amountVnd: 150_000 });
    expect(res.statusCode, res.body).toBe(status);
    if (code) {
      expect(res.json().code).toBe(code);
      expect((await reload(d.id)).status).toBe(4);
    } else expect((await reload(d.id)).status).toBe(6);
  });
});

describe(`a financial obligation paid at the counter (${testBackend()})`, () => {
  /** A dossier waiting in status 6 for an obligation of 150.000 đồng. */
  async function awaitingPayment(): Promise<DossierRow> {
    const d = await processingDossier();
    const res = await requestObligation(specialist(), d, { amountVnd: 150_000 });
    expect(res.statusCode, res.body).toBe(200);
    return reload(d.id);
  }
  const confirm = (who: ApiCaller, d: DossierRow, extra: Record<string, unknown> = {}) =>
    who.post(`/api/v1/officer/dossiers/${d.code}/actions`, {
      action: 'confirm_financial_obligation',
      expectedVersion: d.version,
      ...extra,
    });
  const paymentsOf = (id: string) => ctx.database.db.select().from(payments).where(eq(payments.dossierId, id));

  it('the reception officer confirms a card payment: one paid counter payment of what was owed, in the same transaction, with an e-receipt', async () => {
    const d = await awaitingPayment();
    const reception = callers['tiepnhan.tamlong'] as ApiCaller;
    const res = await confirm(reception, d, { paymentMethod: 'pos' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 4, currentStep: 'processing' });

    const [officer] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'tiepnhan.tamlong'));
    const [payment, ...more] = await paymentsOf(d.id);
    expect(more).toEqual([]);
    expect(payment).toMatchObject({
      status: 'paid',
      channel: 'counter',
      counterMethod: 'pos',
      amountVnd: 150_000,
      lines: [{ name: 'Lệ phí cấp giấy chứng nhận', quantity: 1, amountVnd: 150_000 }],
      receivedByOfficerId: officer?.id,
      paidAt: clock,
    });
    // The confirmation's event names the payment; no online `pay` event (the index counts online payments only).
    const events = await eventsOf(d.id);
    expect(events.at(-1)).toMatchObject({
      action: 'confirm_financial_obligation',
      fromStatus: 6,
      toStatus: 4,
      details: { counterPayment: { paymentId: payment?.id, amountVnd: 150_000, channel: 'counter', method: 'pos' } },
    });
    expect(events.some((e) => e.action === 'pay')).toBe(false);
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, d.id));
    expect(audits.map((a) => a.action)).toContain('dossier.pay_counter');

    // Paid: the officer's view and the applicant's list say so.
    const view = (await reception.get(`/api/v1/officer/dossiers/${d.code}`)).json().payment;
    expect(view).toMatchObject({ obligations: [{ isPaid: true }], paidVnd: 150_000, outstandingVnd: 0 });
    const { browser } = await citizenBrowser(ctx.baseUrl, an.token);
    const listed = await (await browser.fetch(`/api/v1/dossiers/${d.code}/payments`)).json();
    expect(listed).toMatchObject({ outstandingVnd: 0, items: [{ amountVnd: 150_000, status: 'paid' }] });

    // The e-receipt, as for an online payment, says where and how it was paid.
    const receipt = await reception.get(`/api/v1/payments/${payment?.id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    const text = await extractPdfText(new Uint8Array(receipt.rawPayload));
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Thẻ qua máy POS tại quầy');
    expect(text).toContain('Lệ phí cấp giấy chứng nhận');
    expect(text).not.toContain('SANDBOX');
  });

  it('cash is the default; a stale confirmation records no payment at all', async () => {
    const d = await awaitingPayment();
    const stale = await confirm(specialist(), { ...d, version: d.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(await paymentsOf(d.id)).toEqual([]);
    const res = await confirm(specialist(), d);
    expect(res.statusCode, res.body).toBe(200);
    expect(await paymentsOf(d.id)).toMatchObject([{ channel: 'counter', counterMethod: 'cash', amountVnd: 150_000 }]);
  });

  it('an unknown payment method → 400 VALIDATION_FAILED, nothing changes', async () => {
    const d = await awaitingPayment();
    const res = await confirm(callers['tiepnhan.tamlong'] as ApiCaller, d, { paymentMethod: 'cheque' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect((await reload(d.id)).status).toBe(6);
    expect(await paymentsOf(d.id)).toEqual([]);
  });

  // The table: reception, and the processing step's roles (specialist of the handling agency); nobody else.
  it.each([
    ['anonymous', 401, 'UNAUTHENTICATED'],
    ['citizen', 403, 'FORBIDDEN'],
    ['quantri.tamlong', 403, 'FORBIDDEN'],
    ['tiepnhan.stp', 403, 'DOSSIER_OUT_OF_SCOPE'],
    ['lanhdao.tamlong', 403, 'ROLE_NOT_ALLOWED'],
    ['tiepnhan.tamlong', 200, null],
    ['chuyenvien.tamlong', 200, null],
  ])('%s confirming → %i %s', async (who, status, code) => {
    const d = await awaitingPayment();
    const res = await confirm(callers[who] as ApiCaller, d);
    expect(res.statusCode, res.body).toBe(status);
    if (code) {
      expect(res.json().code).toBe(code);
      expect((await reload(d.id)).status).toBe(6);
      expect(await paymentsOf(d.id)).toEqual([]);
    } else expect(await paymentsOf(d.id)).toHaveLength(1);
  });
});
