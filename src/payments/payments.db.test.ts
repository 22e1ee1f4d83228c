import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../test/support/pdf-text.ts';
import { insertTestDossier, signedPaymentResult, signInTestCitizen } from '../../test/support/payment-fixtures.ts';
import type { TestBrowser } from '../../test/support/browser-client.ts';
import { citizenBrowser as signedInBrowser, payOnSandbox as payOnSandboxAs, startPaying } from '../../test/support/sandbox-payment.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { dossierEvents, dossiers, type DossierRow } from '../dossiers/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { signParams, withQuery } from './gateway/protocol.ts';
import { createConfiguredGateway } from './module.ts';
import { reconcilePendingPayments } from './reconcile.ts';
import { paymentNotifications, payments } from './schema.ts';
import { sandboxGatewayTransactions } from './sandbox-gateway/schema.ts';

let clock = new Date();
let ctx: TestContext;
let an: { citizenId: string; token: string; idNumber: string };
let binh: { citizenId: string; token: string; idNumber: string };

beforeAll(async () => {
  ctx = await createTestContext({ listen: true, now: () => clock });
  an = await signInTestCitizen(ctx.database.db, 0, clock);
  binh = await signInTestCitizen(ctx.database.db, 1, clock);
});
afterAll(async () => ctx.close());

/** A browser signed in as the citizen, holding a CSRF token. */
async function citizenBrowser(token: string): Promise<{ browser: TestBrowser; csrf: string }> {
  return signedInBrowser(ctx.baseUrl, token);
}

/** Starts a payment, opens the sandbox page and submits the tester's decision; answers the gateway's redirect. */
async function payOnSandbox(dossier: DossierRow, decision: 'pay' | 'cancel' | 'fail', options: { dropIpn?: boolean } = {}) {
  return payOnSandboxAs(ctx.baseUrl, an.token, dossier.code, decision, options);
}

async function paymentRow(id: string) {
  const [row] = await ctx.database.db.select().from(payments).where(eq(payments.id, id));
  if (!row) throw new Error('payment missing');
  return row;
}

async function dossierRow(id: string) {
  const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  if (!row) throw new Error('dossier missing');
  return row;
}

async function payEvents(dossierId: string) {
  return ctx.database.db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.action, 'pay')))
    .orderBy(asc(dossierEvents.id));
}

async function ipn(params: Record<string, string>): Promise<{ RspCode: string; Message: string }> {
  const res = await fetch(withQuery(`${ctx.baseUrl}/api/v1/payments/ipn`, params));
  expect(res.status).toBe(200);
  return (await res.json()) as { RspCode: string; Message: string };
}

describe(`paying a fee on the sandbox gateway (${testBackend()})`, () => {
  it('start → sandbox page → pay → IPN → paid: pay event, status 6 → 4, audit, receipt', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    expect(dossier.feeTotalVnd).toBe(10_000);
    const { browser, paymentId, page, returnRedirect } = await payOnSandbox(dossier, 'pay');

    // The hosted page says what it is, in Vietnamese, and shows the amount.
    expect(page).toContain('Cổng thanh toán thử nghiệm — SANDBOX');
    expect(page).toContain('10.000 đồng');
    expect(page).toContain('<html lang="vi">');

    // The IPN arrived before the browser was sent back: the payment is already paid.
    const paid = await paymentRow(paymentId);
    expect(paid).toMatchObject({ status: 'paid', settledVia: 'ipn', gatewayResponseCode: '00', bankCode: 'NCB', amountVnd: 10_000 });
    expect(paid.gatewayTransactionNo).toMatch(/^\d{8}$/);
    expect(paid.rawNotifications).toHaveLength(1);
    expect((await dossierRow(dossier.id)).status).toBe(4);
    const events = await payEvents(dossier.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: 6, toStatus: 4, actorKind: 'system' });
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, dossier.id), eq(auditLog.action, 'dossier.pay')));
    expect(audits).toHaveLength(1);
    const [ledger] = await ctx.database.db
      .select()
      .from(sandboxGatewayTransactions)
      .where(eq(sandboxGatewayTransactions.txnRef, paid.orderRef));
    expect(ledger?.ipnResult).toMatchObject({ status: 200, answer: { RspCode: '00' } });

    // The browser comes back and lands on the dossier page with the recorded result.
    expect(returnRedirect.startsWith(`${ctx.baseUrl}/payments/return?`)).toBe(true);
    const back = await browser.fetch(returnRedirect);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/ho-so/${dossier.code}?thanh-toan=da-thanh-toan`);

    // The list shows nothing left to pay, and paying again is refused.
    const session = await browser.session();
    const list = await browser.fetch(`/api/v1/dossiers/${dossier.code}/payments`);
    expect(await list.json()).toMatchObject({ feeTotalVnd: 10_000, outstandingVnd: 0, items: [{ id: paymentId, status: 'paid' }] });
    const again = await startPaying(browser, session.csrfToken, dossier.code);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('PAYMENT_NOT_DUE');

    // The e-receipt carries the amount in figures and words, the dossier and the gateway's transaction number.
    const receipt = await browser.fetch(`/api/v1/payments/${paymentId}/receipt.pdf`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    const text = await extractPdfText(new Uint8Array(await receipt.arrayBuffer()));
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Mười nghìn đồng');
    expect(text).toContain(dossier.code);
    expect(text).toContain(paid.gatewayTransactionNo ?? '?');
    expect(text).toContain('SANDBOX');
  });

  it('replaying the IPN answers 02 and changes nothing', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { paymentId, returnRedirect } = await payOnSandbox(dossier, 'pay');
    const before = await paymentRow(paymentId);
    // The return URL carries the very parameters the gateway signed for the IPN.
    const signed = Object.fromEntries(new URL(returnRedirect).searchParams);
    expect(await ipn(signed)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(await ipn(signed)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(await paymentRow(paymentId)).toEqual(before);
    expect(await payEvents(dossier.id)).toHaveLength(1);
    const log = await ctx.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.paymentId, paymentId));
    expect(log.filter((n) => n.channel === 'ipn').map((n) => n.outcome)).toEqual(['confirmed', 'already_confirmed', 'already_confirmed']);
  });

  it('cancelling on the gateway records a cancelled payment and leaves the dossier alone', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, paymentId, returnRedirect } = await payOnSandbox(dossier, 'cancel');
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'cancelled', gatewayResponseCode: '24', settledVia: 'ipn' });
    expect((await dossierRow(dossier.id)).status).toBe(6);
    expect(await payEvents(dossier.id)).toHaveLength(0);
    const back = await browser.fetch(returnRedirect);
    expect(back.headers.get('location')).toBe(`/ho-so/${dossier.code}?thanh-toan=da-huy`);
    // Still owed: a new attempt may start.
    const { csrfToken } = await browser.session();
    expect((await startPaying(browser, csrfToken, dossier.code)).status).toBe(201);
  });

  it('a bank refusal on the gateway (insufficient funds) fails the payment with the gateway’s reason', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, paymentId, returnRedirect } = await payOnSandbox(dossier, 'fail');
    expect(await paymentRow(paymentId)).toMatchObject({
      status: 'failed',
      gatewayResponseCode: '51',
      failureReason: 'Tài khoản không đủ số dư',
    });
    expect((await browser.fetch(returnRedirect)).headers.get('location')).toBe(`/ho-so/${dossier.code}?thanh-toan=that-bai`);
    expect(await payEvents(dossier.id)).toHaveLength(0);
  });

  it('when the IPN is lost, the return page asks the gateway (querydr) instead of trusting its parameters', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, paymentId, returnRedirect } = await payOnSandbox(dossier, 'pay', { dropIpn: true });
    expect((await paymentRow(paymentId)).status).toBe('pending');
    const back = await browser.fetch(returnRedirect);
    expect(back.headers.get('location')).toBe(`/ho-so/${dossier.code}?thanh-toan=da-thanh-toan`);
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'paid', settledVia: 'query' });
    expect((await dossierRow(dossier.id)).status).toBe(4);
  });

  it('a forged return URL settles nothing and lands on "my dossiers" with an error', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, paymentId, returnRedirect } = await payOnSandbox(dossier, 'cancel', { dropIpn: true });
    const forged = new URL(returnRedirect);
    forged.searchParams.set('vnp_ResponseCode', '00');
    forged.searchParams.set('vnp_TransactionStatus', '00');
    const back = await browser.fetch(forged.toString());
    expect(back.headers.get('location')).toBe('/ho-so-cua-toi?thanh-toan=loi');
    // The genuine answer of the gateway (cancelled) is what settles it, by the query the real return triggers.
    expect((await paymentRow(paymentId)).status).toBe('pending');
    await browser.fetch(returnRedirect);
    expect((await paymentRow(paymentId)).status).toBe('failed');
    expect(await payEvents(dossier.id)).toHaveLength(0);
  });
});

describe(`IPN abuse (${testBackend()})`, () => {
  let dossier: DossierRow;
  let paymentId: string;
  let orderRef: string;

  beforeAll(async () => {
    dossier = await insertTestDossier(ctx.database.db, { applicantCitizenId: an.citizenId, applicantIdNumber: an.idNumber, status: 6 });
    const { browser, csrf } = await citizenBrowser(an.token);
    const started = (await (await startPaying(browser, csrf, dossier.code)).json()) as { paymentId: string; orderRef: string };
    paymentId = started.paymentId;
    orderRef = started.orderRef;
  });

  const result = (over: Record<string, string> = {}) => signedPaymentResult(ctx, orderRef, over);

  async function expectNothingChanged(): Promise<void> {
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'pending', gatewayTransactionNo: null, rawNotifications: [] });
    expect((await dossierRow(dossier.id)).status).toBe(6);
    expect(await payEvents(dossier.id)).toHaveLength(0);
  }

  async function lastLogged() {
    const rows = await ctx.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.channel, 'ipn'));
    return rows.sort((a, b) => a.id - b.id).at(-1);
  }

  it('a wrong signature → 97, logged as invalid, nothing changed', async () => {
    const tampered = { ...result({ vnp_Amount: '100' }), vnp_Amount: '1000000' };
    expect(await ipn(tampered)).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(await lastLogged()).toMatchObject({ isSignatureValid: false, outcome: 'invalid_signature', answerCode: '97', orderRef });
    await expectNothingChanged();
  });

  it('a signature under another secret, or none at all → 97', async () => {
    expect((await ipn(signParams(result(), 'not-the-merchant-secret'))).RspCode).toBe('97');
    const { vnp_SecureHash: _hash, ...unsigned } = result();
    expect((await ipn(unsigned)).RspCode).toBe('97');
    await expectNothingChanged();
  });

  it('a repeated parameter is ambiguous → 97', async () => {
    const signed = result();
    const url = `${withQuery(`${ctx.baseUrl}/api/v1/payments/ipn`, signed)}&vnp_Amount=1`;
    expect(((await (await fetch(url)).json()) as { RspCode: string }).RspCode).toBe('97');
    await expectNothingChanged();
  });

  it('a wrong amount, correctly signed → 04, nothing changed', async () => {
    expect(await ipn(result({ vnp_Amount: '100000' }))).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect(await lastLogged()).toMatchObject({ isSignatureValid: true, outcome: 'invalid_amount', paymentId });
    await expectNothingChanged();
  });

  it('an unknown order → 01', async () => {
    expect(await ipn(result({ vnp_TxnRef: 'NO-SUCH-ORDER' }))).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(await lastLogged()).toMatchObject({ outcome: 'order_not_found', orderRef: 'NO-SUCH-ORDER', paymentId: null });
    await expectNothingChanged();
  });

  it('the genuine notification then settles it once; the replay answers 02', async () => {
    const genuine = result();
    expect(await ipn(genuine)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(await ipn(genuine)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'paid', gatewayTransactionNo: '12345678' });
    expect(await payEvents(dossier.id)).toHaveLength(1);
  });
});

describe(`who may pay (${testBackend()})`, () => {
  it('a citizen cannot pay, list or even learn of another citizen’s dossier (404)', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, csrf } = await citizenBrowser(binh.token);
    const res = await startPaying(browser, csrf, dossier.code);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('DOSSIER_NOT_FOUND');
    const unknown = await startPaying(browser, csrf, '79.000000.NOPE');
    expect(((await unknown.json()) as { code: string }).code).toBe('DOSSIER_NOT_FOUND');
    expect((await browser.fetch(`/api/v1/dossiers/${dossier.code}/payments`)).status).toBe(404);
    expect(await ctx.database.db.select().from(payments).where(eq(payments.dossierId, dossier.id))).toHaveLength(0);
  });

  it('starting twice resumes the open attempt instead of doubling it', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, csrf } = await citizenBrowser(an.token);
    const first = (await (await startPaying(browser, csrf, dossier.code)).json()) as { orderRef: string };
    const second = (await (await startPaying(browser, csrf, dossier.code)).json()) as { orderRef: string };
    expect(second.orderRef).toBe(first.orderRef);
    expect(await ctx.database.db.select().from(payments).where(eq(payments.dossierId, dossier.id))).toHaveLength(1);
  });

  it('when two attempts are both paid, the second is recorded and flagged as an overpayment', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, csrf } = await citizenBrowser(an.token);
    const start = clock;
    const first = (await (await startPaying(browser, csrf, dossier.code)).json()) as { orderRef: string };
    clock = new Date(start.getTime() + 14.5 * 60_000); // the first pay URL is about to expire: a new attempt starts
    const second = (await (await startPaying(browser, csrf, dossier.code)).json()) as { orderRef: string };
    clock = start;
    expect(second.orderRef).not.toBe(first.orderRef);
    for (const ref of [first.orderRef, second.orderRef]) {
      const answer = await ipn(signedPaymentResult(ctx, ref, { vnp_TransactionNo: '11112222' }));
      expect(answer.RspCode).toBe('00');
    }
    const events = await payEvents(dossier.id);
    expect(events.map((e) => (e.details as { isOverpayment: boolean }).isOverpayment)).toEqual([false, true]);
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [6, 4],
      [4, 4],
    ]);
  });

  it.each([
    ['refused (3)', 3, 10_000],
    ['withdrawn (7)', 7, 10_000],
    ['already returned (10)', 10, 10_000],
    ['received, owing nothing', 2, 0],
  ] as const)('a dossier %s: 409 PAYMENT_NOT_DUE', async (_label, status, feeTotalVnd) => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status,
      feeTotalVnd,
    });
    const { browser, csrf } = await citizenBrowser(an.token);
    const res = await startPaying(browser, csrf, dossier.code);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('PAYMENT_NOT_DUE');
  });
});

describe(`the sandbox gateway refuses what a real one would (${testBackend()})`, () => {
  it('a pay URL with an altered amount: "Sai chữ ký", nothing recorded at the gateway', async () => {
    const dossier = await insertTestDossier(ctx.database.db, { applicantCitizenId: an.citizenId, applicantIdNumber: an.idNumber });
    const { browser, csrf } = await citizenBrowser(an.token);
    const { redirectUrl, orderRef } = (await (await startPaying(browser, csrf, dossier.code)).json()) as {
      redirectUrl: string;
      orderRef: string;
    };
    const altered = new URL(redirectUrl);
    altered.searchParams.set('vnp_Amount', '100');
    const res = await browser.fetch(altered.toString());
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Sai chữ ký');
    expect(
      await ctx.database.db.select().from(sandboxGatewayTransactions).where(eq(sandboxGatewayTransactions.txnRef, orderRef)),
    ).toHaveLength(0);
  });

  it('an expired pay URL', async () => {
    const dossier = await insertTestDossier(ctx.database.db, { applicantCitizenId: an.citizenId, applicantIdNumber: an.idNumber });
    const { browser, csrf } = await citizenBrowser(an.token);
    const { redirectUrl } = (await (await startPaying(browser, csrf, dossier.code)).json()) as { redirectUrl: string };
    const start = clock;
    clock = new Date(start.getTime() + 16 * 60_000);
    try {
      const res = await browser.fetch(redirectUrl);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('quá thời gian chờ thanh toán');
    } finally {
      clock = start;
    }
  });
});

describe(`reconciliation (${testBackend()})`, () => {
  it('settles a payment whose IPN was dropped, by asking the gateway', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { paymentId } = await payOnSandbox(dossier, 'pay', { dropIpn: true });
    expect((await paymentRow(paymentId)).status).toBe('pending');
    const gateway = createConfiguredGateway(ctx.config);
    if (!gateway) throw new Error('no gateway');
    const summary = await reconcilePendingPayments(ctx.database.db, gateway, new Date(clock.getTime() + 1000), () => clock);
    expect(summary.settled).toBeGreaterThanOrEqual(1);
    expect(summary.errors).toBe(0);
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'paid', settledVia: 'query' });
    expect((await dossierRow(dossier.id)).status).toBe(4);
    expect(await payEvents(dossier.id)).toHaveLength(1);
    // A second run finds nothing left to do for it.
    await reconcilePendingPayments(ctx.database.db, gateway, new Date(clock.getTime() + 1000), () => clock);
    expect(await payEvents(dossier.id)).toHaveLength(1);
  });

  it('fails a payment the citizen never completed, once well past its deadline', async () => {
    const dossier = await insertTestDossier(ctx.database.db, {
      applicantCitizenId: an.citizenId,
      applicantIdNumber: an.idNumber,
      status: 6,
    });
    const { browser, csrf } = await citizenBrowser(an.token);
    const { paymentId } = (await (await startPaying(browser, csrf, dossier.code)).json()) as { paymentId: string };
    const gateway = createConfiguredGateway(ctx.config);
    if (!gateway) throw new Error('no gateway');
    const early = await reconcilePendingPayments(ctx.database.db, gateway, new Date(clock.getTime() + 1000), () => clock);
    expect(early.notFound).toBeGreaterThanOrEqual(1);
    expect((await paymentRow(paymentId)).status).toBe('pending');
    const later = new Date(clock.getTime() + 31 * 60_000);
    const late = await reconcilePendingPayments(ctx.database.db, gateway, later, () => later);
    expect(late.expired).toBeGreaterThanOrEqual(1);
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'failed', failureReason: 'expired', settledVia: 'expiry' });
    expect((await dossierRow(dossier.id)).status).toBe(6);
  });
});
