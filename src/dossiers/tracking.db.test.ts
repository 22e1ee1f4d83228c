import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, signInOfficer, signInSandboxCitizen, type ApiClient } from '../../test/support/api-client.ts';
import { birthRegistrationBody, dossierTableCounts, submitDossierAs, uploadPdf } from '../../test/support/dossiers.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog, personalDataAccessLog } from '../platform/audit/schema.ts';
import { dossierEvents, dossiers, type DossierStatus } from './schema.ts';

let ctx: TestContext;
let an: ApiClient;
let binh: ApiClient;
let officer: ApiClient;
let nobody: ApiClient;
const lookupsPerMinute = 5;

interface DossierBody {
  code: string;
  status: number;
  canWithdraw: boolean;
  events: { action: string; status: number; statusName: { vi: string }; description: { vi: string; en: string } }[];
}
interface ErrorBody {
  code: string;
  details: unknown;
}

async function submitBirthRegistration(client: ApiClient): Promise<string> {
  const res = await submitDossierAs(client, birthRegistrationBody(await uploadPdf(client)));
  expect(res.status).toBe(201);
  return ((await res.json()) as DossierBody).code;
}

let anFirst: string;
let anSecond: string;
let binhs: string;

beforeAll(async () => {
  ctx = await createTestContext({ listen: true, config: { publicLookupPerMinute: lookupsPerMinute } });
  [an, binh] = await Promise.all([signInSandboxCitizen(ctx.baseUrl, '079090001234'), signInSandboxCitizen(ctx.baseUrl, '079185004321')]);
  officer = await signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong');
  nobody = await anonymousClient(ctx.baseUrl);
  anFirst = await submitBirthRegistration(an);
  anSecond = await submitBirthRegistration(an);
  binhs = await submitBirthRegistration(binh);
});
afterAll(async () => ctx.close());

describe(`my dossiers (${testBackend()})`, () => {
  it('lists only the citizen’s own dossiers, newest first, with paging', async () => {
    const mine = (await (await an.get('/api/v1/dossiers/mine')).json()) as { items: DossierBody[]; total: number };
    expect(mine.total).toBe(2);
    expect(mine.items.map((d) => d.code)).toEqual([anSecond, anFirst]);
    const page = (await (await an.get('/api/v1/dossiers/mine?page=2&pageSize=1')).json()) as { items: DossierBody[]; total: number };
    expect(page).toMatchObject({ total: 2, items: [{ code: anFirst }] });
    const theirs = (await (await binh.get('/api/v1/dossiers/mine')).json()) as { items: DossierBody[]; total: number };
    expect(theirs.items.map((d) => d.code)).toEqual([binhs]);
  });

  it('shows one dossier with its history in plain words, and logs the read of personal data', async () => {
    const [before] = await ctx.database.db.select({ n: count() }).from(personalDataAccessLog);
    const res = await an.get(`/api/v1/dossiers/${anFirst}`);
    expect(res.status).toBe(200);
    const dossier = (await res.json()) as DossierBody;
    expect(dossier).toMatchObject({
      code: anFirst,
      status: 1,
      events: [{ action: 'submit', statusName: { vi: 'Mới đăng ký' }, description: { vi: 'Hồ sơ đã được nộp trực tuyến.', en: 'The dossier was submitted online.' } }],
    });
    const logged = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.resource, `dossier:${anFirst}`));
    expect(logged.at(-1)).toMatchObject({ actorKind: 'citizen', dataSubject: '079090001234', purpose: 'self-service' });
    const [after] = await ctx.database.db.select({ n: count() }).from(personalDataAccessLog);
    expect(Number(after?.n)).toBe(Number(before?.n) + 1);
  });

  it('answers someone else’s dossier exactly like an unknown one (404), logging nothing personal', async () => {
    const [before] = await ctx.database.db.select({ n: count() }).from(personalDataAccessLog);
    const other = await an.get(`/api/v1/dossiers/${binhs}`);
    const unknown = await an.get('/api/v1/dossiers/79.261121.ZZZZZZ');
    expect([other.status, unknown.status]).toEqual([404, 404]);
    const [a, b] = [(await other.json()) as ErrorBody, (await unknown.json()) as ErrorBody];
    expect(a).toEqual(b);
    expect(a.code).toBe('DOSSIER_NOT_FOUND');
    expect((await an.get(`/api/v1/dossiers/${binhs}/receipt.pdf`)).status).toBe(404);
    const [after] = await ctx.database.db.select({ n: count() }).from(personalDataAccessLog);
    expect(after?.n).toBe(before?.n);
  });

  it('lets an officer of the receiving centre read a dossier’s file (logged as personal data access), not one elsewhere', async () => {
    const dossier = (await (await an.get(`/api/v1/dossiers/${anFirst}`)).json()) as { components: { attachmentId: string | null }[] };
    const file = dossier.components.find((c) => c.attachmentId)?.attachmentId;
    const res = await officer.get(`/api/v1/attachments/${String(file)}/content`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const logged = await ctx.database.db.select().from(personalDataAccessLog).where(eq(personalDataAccessLog.resource, `attachment:${String(file)}`));
    expect(logged).toEqual([expect.objectContaining({ actorKind: 'officer', dataSubject: '079090001234', purpose: 'dossier handling' })]);
    const elsewhere = await signInOfficer(ctx.baseUrl, 'tiepnhan.stp');
    expect((await elsewhere.get(`/api/v1/attachments/${String(file)}/content`)).status).toBe(404);
    expect((await binh.get(`/api/v1/attachments/${String(file)}/content`)).status).toBe(404);
  });

  it.each([
    ['GET', () => '/api/v1/dossiers/mine'],
    ['GET', () => `/api/v1/dossiers/${anFirst}`],
    ['GET', () => `/api/v1/dossiers/${anFirst}/receipt.pdf`],
    ['POST', () => `/api/v1/dossiers/${anFirst}/withdraw`],
  ])('%s %s: 401 for nobody, 403 for an officer', async (method, url) => {
    const json = method === 'POST' ? { reason: 'x' } : undefined;
    expect((await nobody.call(method, url(), { json })).status).toBe(401);
    expect((await officer.call(method, url(), { json })).status).toBe(403);
  });
});

async function setStatus(code: string, status: DossierStatus): Promise<void> {
  await ctx.database.db.update(dossiers).set({ status }).where(eq(dossiers.code, code));
}

describe(`withdrawal (${testBackend()})`, () => {
  it('withdraws the citizen’s own dossier: status 7, event with the reason, audit row, in one go', async () => {
    const code = await submitBirthRegistration(an);
    const res = await an.call('POST', `/api/v1/dossiers/${code}/withdraw`, { json: { reason: 'Nộp nhầm thủ tục' } });
    expect(res.status).toBe(200);
    const dossier = (await res.json()) as DossierBody;
    expect(dossier).toMatchObject({ status: 7, canWithdraw: false });
    expect(dossier.events.map((e) => e.action)).toEqual(['submit', 'withdraw']);
    expect(dossier.events[1]?.description.vi).toBe('Bạn đã rút hồ sơ. Lý do: Nộp nhầm thủ tục');
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(row?.withdrawnAt).toBeInstanceOf(Date);
    const events = await ctx.database.db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, row?.id ?? ''), eq(dossierEvents.action, 'withdraw')));
    expect(events).toEqual([
      expect.objectContaining({ fromStatus: 1, toStatus: 7, actorKind: 'citizen', actorSessionMethod: 'vneid', reason: 'Nộp nhầm thủ tục' }),
    ]);
    const audits = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'dossier.withdrawn'), eq(auditLog.subjectId, row?.id ?? '')));
    expect(audits).toHaveLength(1);

    const before = await dossierTableCounts(ctx.database);
    const again = await an.call('POST', `/api/v1/dossiers/${code}/withdraw`, { json: { reason: 'Lần nữa' } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).code).toBe('DOSSIER_ALREADY_DECIDED');
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('refuses to withdraw someone else’s dossier (404, nothing stored, the dossier unchanged)', async () => {
    const before = await dossierTableCounts(ctx.database);
    const res = await an.call('POST', `/api/v1/dossiers/${binhs}/withdraw`, { json: { reason: 'Không phải của tôi' } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).code).toBe('DOSSIER_NOT_FOUND');
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
    const [row] = await ctx.database.db.select().from(dossiers).where(eq(dossiers.code, binhs));
    expect(row?.status).toBe(1);
  });

  it.each([2, 4, 5, 6] as const)('allows withdrawal from status %i', async (status) => {
    const code = await submitBirthRegistration(an);
    await setStatus(code, status);
    const res = await an.call('POST', `/api/v1/dossiers/${code}/withdraw`, { json: { reason: 'Không cần nữa' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DossierBody).status).toBe(7);
  });

  it.each([3, 8, 9, 10] as const)('refuses withdrawal once decided (status %i → 409), storing nothing', async (status) => {
    const code = await submitBirthRegistration(an);
    await setStatus(code, status);
    const before = await dossierTableCounts(ctx.database);
    const res = await an.call('POST', `/api/v1/dossiers/${code}/withdraw`, { json: { reason: 'Muộn rồi' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody)).toMatchObject({ code: 'DOSSIER_ALREADY_DECIDED', details: { status } });
    expect(await dossierTableCounts(ctx.database)).toEqual(before);
  });

  it('needs a reason', async () => {
    const res = await an.call('POST', `/api/v1/dossiers/${anSecond}/withdraw`, { json: { reason: '   ' } });
    expect(res.status).toBe(400);
  });
});

describe(`public lookup by code and ID number (${testBackend()})`, () => {
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
  it('shows status and dates only, when the ID number matches', async () => {
    const res = await nobody.call('GET', `/api/v1/public/dossiers/${anFirst.toLowerCase()}?idNumber=079090001234`, from('198.51.100.1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      code: anFirst,
      status: 1,
      statusName: { vi: 'Mới đăng ký' },
      procedureName: 'Đăng ký khai sinh',
      history: [{ statusName: { vi: 'Mới đăng ký' } }],
    });
    expect(Object.keys(body).sort()).toEqual(['appointmentAt', 'code', 'history', 'procedureName', 'receivedAt', 'returnedAt', 'status', 'statusName', 'submittedAt']);
    expect(JSON.stringify(body)).not.toMatch(/Nguyễn|079090001234|079\*/);
  });

  it('answers a wrong ID number and an unknown code the same way (404)', async () => {
    const wrong = await nobody.call('GET', `/api/v1/public/dossiers/${anFirst}?idNumber=079185004321`, from('198.51.100.2'));
    const unknown = await nobody.call('GET', '/api/v1/public/dossiers/79.261121.ZZZZZZ?idNumber=079090001234', from('198.51.100.2'));
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it('refuses a malformed ID number (400)', async () => {
    const res = await nobody.call('GET', `/api/v1/public/dossiers/${anFirst}?idNumber=0790`, from('198.51.100.3'));
    expect(res.status).toBe(400);
  });

  it(`limits each address to ${lookupsPerMinute} lookups a minute (429 RATE_LIMITED), whatever the answer`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < lookupsPerMinute + 2; i++) {
      const res = await nobody.call('GET', `/api/v1/public/dossiers/79.261121.ZZZZZ${i}?idNumber=079090001234`, from('203.0.113.9'));
      statuses.push(res.status);
      if (res.status === 429) expect(((await res.json()) as ErrorBody).code).toBe('RATE_LIMITED');
    }
    expect(statuses).toEqual([...Array(lookupsPerMinute).fill(404), 429, 429]);
    // Another address is not affected.
    expect((await nobody.call('GET', `/api/v1/public/dossiers/${anFirst}?idNumber=079090001234`, from('203.0.113.10'))).status).toBe(200);
  });
});
