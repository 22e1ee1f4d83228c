import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { dossiers, type DossierRow, type DossierStatus } from '../../src/dossiers/schema.ts';
import { citizenClaims, signInCitizen } from '../../src/identity/citizen-sign-in.ts';
import { sandboxCitizens, sandboxClaims } from '../../src/identity/sandbox/accounts.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { signParams } from '../../src/payments/gateway/protocol.ts';
import { merchantSecret } from '../../src/payments/module.ts';
import { computeFeeObligation } from '../../src/payments/domain/fee-obligation.ts';
import { procedures, procedureVersions } from '../../src/procedures/schema.ts';
import type { TestContext } from './test-app.ts';

/**
 * Test dossiers and signed-in people for the payments tests. Dossiers are inserted directly (the
 * submission use case lives on another branch): the fields a payment reads are real, the rest minimal.
 */

/** A sandbox citizen signed in (as after VNeID): their id and the session token for the cookie. */
export async function signInTestCitizen(db: Db, index: number, now: Date): Promise<{ citizenId: string; token: string; idNumber: string }> {
  const person = sandboxCitizens[index];
  if (!person) throw new Error(`no sandbox citizen ${index}`);
  const { principal, session } = await signInCitizen(
    db,
    { issuer: 'https://vneid.example', claims: citizenClaims.parse(sandboxClaims(person)), now },
    { kind: 'anonymous', id: null },
  );
  return { citizenId: principal.id, token: session.token, idNumber: person.idNumber };
}

/** An officer signed in through the API (demo accounts, password Demo@2026): the session token. */
export async function signInTestOfficer(ctx: TestContext, username: string, csrfToken: string): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/officer/login',
    headers: { cookie: `tinhso_csrf=${csrfToken}`, 'x-csrf-token': csrfToken },
    payload: { username, password: 'Demo@2026' },
  });
  const token = res.cookies.find((c) => c.name === 'tinhso_session')?.value;
  if (!token) throw new Error(`officer ${username} could not sign in: ${res.body}`);
  return token;
}

/** A CSRF token from GET /api/v1/session. */
export async function csrfTokenOf(ctx: TestContext): Promise<string> {
  const res: LightMyRequestResponse = await ctx.app.inject({ method: 'GET', url: '/api/v1/session' });
  return (res.json() as { csrfToken: string }).csrfToken;
}

export interface TestDossierOptions {
  applicantCitizenId: string;
  applicantIdNumber: string;
  applicantName?: string;
  /** Default 2.000884 (chứng thực chữ ký, 10.000 đồng). */
  procedureCode?: string;
  status?: DossierStatus;
  formData?: Record<string, unknown>;
  /** Default: computed from the procedure version's fee rules, like submission does. */
  feeTotalVnd?: number;
  submittedAt?: Date;
}

/** Inserts a dossier of Phường Tam Long (26572) received at its service centre. */
export async function insertTestDossier(db: Db, options: TestDossierOptions): Promise<DossierRow> {
  const procedureCode = options.procedureCode ?? '2.000884';
  const [version] = await db
    .select({ id: procedureVersions.id, fees: procedureVersions.fees })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.code, procedureCode), eq(procedures.provinceCode, '79'), eq(procedureVersions.isCurrent, true)));
  if (!version) throw new Error(`procedure ${procedureCode} not in the catalogue`);
  const submittedAt = options.submittedAt ?? new Date();
  const formData = options.formData ?? {};
  const feeTotalVnd = options.feeTotalVnd ?? computeFeeObligation(version, formData, { filedAt: submittedAt }).totalVnd;
  const [row] = await db
    .insert(dossiers)
    .values({
      code: `79.260302.${randomBytes(4).toString('hex').toUpperCase()}`,
      provinceCode: '79',
      procedureVersionId: version.id,
      procedureCode,
      receivingAgencyCode: '26572-TTPVHCC',
      handlingAgencyCode: '26572-UBND',
      unitCode: '26572',
      status: options.status ?? 2,
      channel: 2,
      submitterKind: 'applicant',
      applicantCitizenId: options.applicantCitizenId,
      applicantKind: 'citizen',
      applicantIdNumber: options.applicantIdNumber,
      applicantName: options.applicantName ?? 'Nguyễn Văn An',
      isVneidVerified: true,
      formData,
      feeTotalVnd,
      submittedAt,
      receivedAt: submittedAt,
    })
    .returning();
  if (!row) throw new Error('dossier insert returned nothing');
  return row;
}

/**
 * The parameters the gateway would sign for a successful payment of 10.000 đồng (what the sandbox
 * sends by IPN), signed with the test app's merchant secret; `overrides` change fields before signing.
 */
export function signedPaymentResult(ctx: TestContext, orderRef: string, overrides: Record<string, string> = {}): Record<string, string> {
  return signParams(
    {
      vnp_Amount: '1000000',
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Thanh toan',
      vnp_PayDate: '20260302100000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: ctx.config.payment?.merchantCode ?? '',
      vnp_TransactionNo: '12345678',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: orderRef,
      ...overrides,
    },
    merchantSecret(ctx.config) ?? '',
  );
}
