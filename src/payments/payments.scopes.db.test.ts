import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csrfTokenOf,
  insertTestDossier,
  signedPaymentResult,
  signInTestCitizen,
  signInTestOfficer,
} from '../../test/support/payment-fixtures.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import type { DossierRow } from '../dossiers/schema.ts';
import { personalDataAccessLog } from '../platform/audit/schema.ts';
import { withQuery } from './gateway/protocol.ts';

/** Who may call each payments endpoint, and who may not (one test per caller and endpoint). */

type As = 'nobody' | 'owner' | 'other citizen' | 'officer in scope' | 'officer elsewhere';

let ctx: TestContext;
let csrf: string;
const tokens = new Map<As, string>();
let dossier: DossierRow;
/** A second dossier of the owner, still owing its fee. */
let payable: DossierRow;
let paidPaymentId: string;
let pendingPaymentId: string;

function call(method: 'GET' | 'POST', url: string, as: As, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
  const cookies: string[] = [];
  const token = tokens.get(as);
  if (token) cookies.push(`tinhso_session=${token}`);
  const headers: Record<string, string> = {};
  if (options.csrf ?? true) {
    cookies.push(`tinhso_csrf=${csrf}`);
    headers['x-csrf-token'] = csrf;
  }
  headers['cookie'] = cookies.join('; ');
  return ctx.app.inject({ method, url, headers });
}

beforeAll(async () => {
  const now = new Date();
  ctx = await createTestContext();
  csrf = await csrfTokenOf(ctx);
  const owner = await signInTestCitizen(ctx.database.db, 0, now);
  tokens.set('owner', owner.token);
  tokens.set('other citizen', (await signInTestCitizen(ctx.database.db, 1, now)).token);
  // Reception at Tam Long's service centre, where the dossier was received; and the city's justice department.
  tokens.set('officer in scope', await signInTestOfficer(ctx, 'tiepnhan.tamlong', csrf));
  tokens.set('officer elsewhere', await signInTestOfficer(ctx, 'tiepnhan.stp', csrf));
  dossier = await insertTestDossier(ctx.database.db, { applicantCitizenId: owner.citizenId, applicantIdNumber: owner.idNumber, status: 6 });

  // Two payments: one paid through a signed IPN (as the gateway would), one left pending.
  const first = (await call('POST', `/api/v1/dossiers/${dossier.code}/payments`, 'owner')).json() as {
    paymentId: string;
    orderRef: string;
  };
  const ipn = signedPaymentResult(ctx, first.orderRef, { vnp_TransactionNo: '87654321' });
  const answer = await ctx.app.inject({ method: 'GET', url: withQuery('/api/v1/payments/ipn', ipn) });
  expect(answer.json()).toEqual({ RspCode: '00', Message: 'Confirm Success' });
  paidPaymentId = first.paymentId;
  payable = await insertTestDossier(ctx.database.db, { applicantCitizenId: owner.citizenId, applicantIdNumber: owner.idNumber });
  pendingPaymentId = ((await call('POST', `/api/v1/dossiers/${payable.code}/payments`, 'owner')).json() as { paymentId: string }).paymentId;
});
afterAll(async () => ctx.close());

describe(`POST /api/v1/dossiers/{code}/payments (${testBackend()})`, () => {
  const url = () => `/api/v1/dossiers/${payable.code}/payments`;

  it.each([
    ['nobody', 401, 'UNAUTHENTICATED'],
    ['officer in scope', 403, 'FORBIDDEN'],
    ['officer elsewhere', 403, 'FORBIDDEN'],
    ['other citizen', 404, 'DOSSIER_NOT_FOUND'],
  ] as const)('%s → %d %s', async (as, status, code) => {
    const res = await call('POST', url(), as);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('the applicant → 201 with the gateway URL, signed', async () => {
    const res = await call('POST', url(), 'owner');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.redirectUrl).toContain('/sandbox/payment-gateway/pay?');
    expect(new URL(body.redirectUrl).searchParams.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
    expect(new URL(body.redirectUrl).searchParams.get('vnp_Amount')).toBe('1000000');
  });

  it('the applicant without the CSRF header → 403 CSRF_TOKEN_INVALID', async () => {
    const res = await call('POST', url(), 'owner', { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('a malformed code → 400 VALIDATION_FAILED', async () => {
    const res = await call('POST', '/api/v1/dossiers/%3Cscript%3E/payments', 'owner');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe(`GET /api/v1/dossiers/{code}/payments (${testBackend()})`, () => {
  const url = () => `/api/v1/dossiers/${dossier.code}/payments`;

  it.each([
    ['nobody', 401, 'UNAUTHENTICATED'],
    ['officer in scope', 403, 'FORBIDDEN'],
    ['other citizen', 404, 'DOSSIER_NOT_FOUND'],
  ] as const)('%s → %d %s', async (as, status, code) => {
    const res = await call('GET', url(), as);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('the applicant → their payments with the receipt link', async () => {
    const res = await call('GET', url(), 'owner');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dossierCode: dossier.code,
      outstandingVnd: 0,
      items: [
        {
          id: paidPaymentId,
          status: 'paid',
          gatewayTransactionNo: '87654321',
          receiptUrl: `/api/v1/payments/${paidPaymentId}/receipt.pdf`,
        },
      ],
    });
  });
});

describe(`GET /api/v1/payments/{id}/receipt.pdf (${testBackend()})`, () => {
  const url = (id = paidPaymentId) => `/api/v1/payments/${id}/receipt.pdf`;

  it.each([
    ['nobody', 401, 'UNAUTHENTICATED'],
    ['other citizen', 404, 'PAYMENT_NOT_FOUND'],
    ['officer elsewhere', 403, 'FORBIDDEN'],
  ] as const)('%s → %d %s', async (as, status, code) => {
    const res = await call('GET', url(), as);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('the applicant → the PDF', async () => {
    const res = await call('GET', url(), 'owner');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an officer of the receiving centre → the PDF, and the read of the payer’s data is logged', async () => {
    const before = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.resource, 'payment.receipt'));
    const res = await call('GET', url(), 'officer in scope');
    expect(res.statusCode).toBe(200);
    const after = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.resource, 'payment.receipt'));
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorKind: 'officer', dataSubject: dossier.applicantIdNumber });
  });

  it('a payment not (yet) paid → 409 PAYMENT_NOT_PAID; an unknown id → 404', async () => {
    expect((await call('GET', url(pendingPaymentId), 'owner')).json().code).toBe('PAYMENT_NOT_PAID');
    const unknown = await call('GET', url('00000000-0000-4000-8000-000000000000'), 'owner');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PAYMENT_NOT_FOUND');
  });
});

describe(`GET /api/v1/payments/ipn — the gateway’s, whoever calls (${testBackend()})`, () => {
  it.each(['nobody', 'owner', 'officer in scope'] as const)('%s without the merchant’s signature → 97, never a 4xx', async (as) => {
    const res = await call('GET', '/api/v1/payments/ipn?vnp_TxnRef=x&vnp_ResponseCode=00', as);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ RspCode: '97', Message: 'Invalid signature' });
  });
});

describe(`GET /payments/return — anybody’s browser (${testBackend()})`, () => {
  it.each(['nobody', 'owner', 'other citizen'] as const)('%s with unsigned parameters → "my dossiers" with an error', async (as) => {
    const res = await call('GET', '/payments/return?vnp_TxnRef=x&vnp_ResponseCode=00', as);
    expect(res.statusCode).toBe(303);
    expect(res.headers['location']).toBe('/ho-so-cua-toi?thanh-toan=loi');
  });
});

describe(`OpenAPI (${testBackend()})`, () => {
  it('documents the payments API under its tag; the sandbox and return URL stay out', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/dossiers/{code}/payments', '/api/v1/payments/ipn', '/api/v1/payments/{id}/receipt.pdf']),
    );
    expect(paths.filter((p) => p.startsWith('/sandbox/payment-gateway') || p === '/payments/return')).toEqual([]);
  });
});
