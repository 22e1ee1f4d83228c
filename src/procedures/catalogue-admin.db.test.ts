import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, citizenCaller, officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { procedureCatalogue } from './catalogue-data.ts';
import { procedures, procedureVersions } from './schema.ts';

const now = new Date('2026-03-04T02:00:00Z');
let ctx: TestContext;
const who: Record<'anonymous' | 'citizen' | 'reception' | 'communeAdmin' | 'systemAdmin', ApiCaller> = {} as never;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => now });
  who.anonymous = await anonymousCaller(ctx.app);
  who.citizen = await citizenCaller(ctx.app, ctx.database.db, now);
  who.reception = await officerCaller(ctx.app, 'tiepnhan.tamlong');
  who.communeAdmin = await officerCaller(ctx.app, 'quantri.tamlong');
  who.systemAdmin = await officerCaller(ctx.app, 'quantri.hethong');
});
afterAll(async () => ctx.close());

const publishUrl = (code: string) => `/api/v1/admin/procedures/${code}/versions`;

/** The versions stored for a procedure of the test province, oldest first. */
async function storedVersions(code: string) {
  const rows = await ctx.database.db
    .select({ version: procedureVersions.version, isCurrent: procedureVersions.isCurrent, by: procedureVersions.publishedByOfficerId })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.provinceCode, ctx.config.provinceCode), eq(procedures.code, code)));
  return rows.sort((a, b) => a.version - b.version);
}

async function current(code: string) {
  const res = await who.anonymous.get(`/api/v1/procedures/${code}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { version: number; timeAmount: number; timeNote: string | null; fees: { name: string; amountVnd?: number }[] };
}

describe(`catalogue administration (${testBackend()})`, () => {
  it('a system administrator publishes a new version: citizens see it, the old one stays for its dossiers, and it is audited', async () => {
    const before = await current('2.000908');
    const res = await who.systemAdmin.post(publishUrl('2.000908'), {
      basedOnVersion: before.version,
      changeNote: 'Rút ngắn thời hạn theo cam kết của Thành phố',
      changes: { timeAmount: 1, timeUnit: 'working_days', timeNote: 'Trong ngày nếu nộp trước 15 giờ' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: '2.000908', version: before.version + 1 });

    const after = (await who.anonymous.get('/api/v1/procedures/2.000908')).json();
    expect(after).toMatchObject({ version: before.version + 1, timeAmount: 1, timeNote: 'Trong ngày nếu nộp trước 15 giờ' });
    expect(after.versions.at(-1)).toMatchObject({
      isCurrent: true,
      source: 'province',
      changeNote: 'Rút ngắn thời hạn theo cam kết của Thành phố',
    });
    expect(after.versions[0]).toMatchObject({ isCurrent: false, source: 'reference' });
    const old = (await who.anonymous.get(`/api/v1/procedures/2.000908?version=${before.version}`)).json();
    expect(old).toMatchObject({ timeAmount: before.timeAmount, isCurrent: false });

    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'procedure.version.publish'));
    expect(audit).toEqual([
      expect.objectContaining({
        actorKind: 'officer',
        actorId: who.systemAdmin.id,
        details: expect.objectContaining({ code: '2.000908', version: before.version + 1 }),
      }),
    ]);
    expect((await storedVersions('2.000908')).at(-1)?.by).toBe(who.systemAdmin.id);
  });

  it.each([
    ['anonymous', 401, 'UNAUTHENTICATED'],
    ['citizen', 403, 'FORBIDDEN'],
    ['reception', 403, 'FORBIDDEN'],
    ['communeAdmin', 403, 'FORBIDDEN'],
  ] as const)('refuses %s (%i %s) and stores nothing', async (caller, status, code) => {
    const res = await who[caller].post(publishUrl('1.000894'), {
      basedOnVersion: 1,
      changeNote: 'Thay đổi thử',
      changes: { timeAmount: 9 },
    });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await storedVersions('1.000894')).toHaveLength(1);
  });

  it.each([
    ['a stale version', { basedOnVersion: 7, changeNote: 'Sửa thời hạn', changes: { timeAmount: 9 } }, 409, 'PROCEDURE_VERSION_CONFLICT'],
    ['no difference', { basedOnVersion: 1, changeNote: 'Không đổi gì', changes: { timeUnit: 'working_days' } }, 422, 'PROCEDURE_UNCHANGED'],
    ['a negative time', { basedOnVersion: 1, changeNote: 'Sửa thời hạn', changes: { timeAmount: -1 } }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { basedOnVersion: 1, changeNote: 'Sửa thời hạn', changes: { colour: 'red' } }, 400, 'VALIDATION_FAILED'],
    ['no changes', { basedOnVersion: 1, changeNote: 'Sửa thời hạn', changes: {} }, 400, 'VALIDATION_FAILED'],
    ['a short change note', { basedOnVersion: 1, changeNote: ' ab ', changes: { timeAmount: 9 } }, 400, 'VALIDATION_FAILED'],
    [
      'a fee without a name',
      { basedOnVersion: 1, changeNote: 'Sửa lệ phí', changes: { fees: [{ amountVnd: 1000 }] } },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'dropping a document the form asks for',
      { basedOnVersion: 1, changeNote: 'Bỏ giấy tờ', changes: { components: [] } },
      400,
      'PROCEDURE_CONTENT_INVALID',
    ],
  ])('refuses %s and publishes nothing', async (_name, body, status, code) => {
    // 1.001193 (birth registration) has a form whose file fields answer its components; its time is in working days.
    const res = await who.systemAdmin.post(publishUrl('1.001193'), body);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await storedVersions('1.001193')).toEqual([expect.objectContaining({ version: 1, isCurrent: true })]);
  });

  it('answers 404 for a procedure the province does not have', async () => {
    const res = await who.systemAdmin.post(publishUrl('9.999999'), {
      basedOnVersion: 1,
      changeNote: 'Sửa thời hạn',
      changes: { timeAmount: 2 },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PROCEDURE_NOT_FOUND');
  });

  it('of two editors starting from the same version, one publishes and the other is told to reload', async () => {
    const base = (await current('2.001019')).version;
    const results = await Promise.all(
      [3, 4].map((days) =>
        who.systemAdmin.post(publishUrl('2.001019'), {
          basedOnVersion: base,
          changeNote: `Thời hạn ${days} ngày`,
          changes: { timeAmount: days },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('PROCEDURE_VERSION_CONFLICT');
    expect(await storedVersions('2.001019')).toHaveLength(2);
  });

  describe('adding a procedure the reference catalogue lacks', () => {
    // A fictional code: the content of a real procedure under another name.
    const { code: _code, ...content } = procedureCatalogue.find((e) => e.code === '1.001193') ?? procedureCatalogue[0]!;
    const body = {
      code: '9.999001',
      content: { ...content, name: 'Thủ tục riêng của Thành phố (thử nghiệm)', keywords: ['thu tuc rieng'] },
    };

    it('a system administrator adds it as version 1: citizens find it, and it is audited', async () => {
      const res = await who.systemAdmin.post('/api/v1/admin/procedures', body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ code: '9.999001', version: 1 });
      const detail = (await who.anonymous.get('/api/v1/procedures/9.999001')).json();
      expect(detail).toMatchObject({ name: 'Thủ tục riêng của Thành phố (thử nghiệm)', version: 1 });
      expect(detail.versions).toEqual([expect.objectContaining({ version: 1, source: 'province' })]);
      const found = (await who.anonymous.get('/api/v1/procedures?q=thu%20tuc%20rieng%20cua%20thanh%20pho')).json();
      expect(found.items.map((i: { code: string }) => i.code)).toContain('9.999001');
      const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'procedure.create'));
      expect(audit).toEqual([expect.objectContaining({ actorKind: 'officer', actorId: who.systemAdmin.id })]);

      const again = await who.systemAdmin.post('/api/v1/admin/procedures', body);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('PROCEDURE_EXISTS');
      expect(await storedVersions('9.999001')).toHaveLength(1);
    });

    it.each([
      ['anonymous', 401],
      ['citizen', 403],
      ['reception', 403],
      ['communeAdmin', 403],
    ] as const)('refuses %s (%i)', async (caller, status) => {
      const res = await who[caller].post('/api/v1/admin/procedures', { ...body, code: '9.999002' });
      expect(res.statusCode).toBe(status);
      expect(await storedVersions('9.999002')).toEqual([]);
    });

    it.each([
      ['a code not in the national format', { ...body, code: '9999003' }, 400, 'VALIDATION_FAILED'],
      ['content missing its legal basis', { code: '9.999003', content: { ...body.content, legalBasis: [] } }, 400, 'VALIDATION_FAILED'],
      [
        'a form asking for a document the procedure does not list',
        { code: '9.999003', content: { ...body.content, components: [] } },
        400,
        'PROCEDURE_CONTENT_INVALID',
      ],
    ])('refuses %s and stores nothing', async (_name, payload, status, code) => {
      const res = await who.systemAdmin.post('/api/v1/admin/procedures', payload);
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(await storedVersions('9.999003')).toEqual([]);
    });
  });

  describe("going back to the reference catalogue's content", () => {
    const referenceUrl = (code: string) => `/api/v1/admin/procedures/${code}/reference`;

    it('after its own edit, the province sees the reference differ and can return to it; later releases then update it again', async () => {
      expect((await who.systemAdmin.get(referenceUrl('2.000913'))).json()).toEqual({ state: 'same', reference: null });
      const reference = await current('2.000913');
      const edited = await who.systemAdmin.post(publishUrl('2.000913'), {
        basedOnVersion: reference.version,
        changeNote: 'Thời hạn riêng của Thành phố',
        changes: { timeAmount: reference.timeAmount + 2 },
      });
      expect(edited.statusCode).toBe(201);
      const differs = (await who.systemAdmin.get(referenceUrl('2.000913'))).json();
      expect(differs).toMatchObject({ state: 'differs', reference: { timeAmount: reference.timeAmount } });

      const stale = await who.systemAdmin.post(referenceUrl('2.000913'), { basedOnVersion: reference.version });
      expect(stale.statusCode).toBe(409);
      const back = await who.systemAdmin.post(referenceUrl('2.000913'), { basedOnVersion: reference.version + 1 });
      expect(back.statusCode).toBe(201);
      expect(back.json()).toMatchObject({ version: reference.version + 2 });
      const detail = (await who.anonymous.get('/api/v1/procedures/2.000913')).json();
      expect(detail).toMatchObject({ timeAmount: reference.timeAmount });
      expect(detail.versions.map((v: { source: string }) => v.source)).toEqual(['reference', 'province', 'reference']);
      expect((await storedVersions('2.000913')).at(-1)?.by).toBeNull();
      const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'procedure.version.publish'));
      expect(audit.at(-1)).toMatchObject({ actorKind: 'officer', actorId: who.systemAdmin.id });
      expect((await who.systemAdmin.get(referenceUrl('2.000913'))).json()).toEqual({ state: 'same', reference: null });

      const again = await who.systemAdmin.post(referenceUrl('2.000913'), { basedOnVersion: reference.version + 2 });
      expect(again.statusCode).toBe(422);
      expect(again.json().code).toBe('PROCEDURE_UNCHANGED');
    });

    it("says 'none' for a procedure of the province's own, and refuses to return it", async () => {
      const { code: _code, ...content } = procedureCatalogue.find((e) => e.code === '2.000908') ?? procedureCatalogue[0]!;
      expect((await who.systemAdmin.post('/api/v1/admin/procedures', { code: '9.999010', content })).statusCode).toBe(201);
      expect((await who.systemAdmin.get(referenceUrl('9.999010'))).json()).toEqual({ state: 'none', reference: null });
      const res = await who.systemAdmin.post(referenceUrl('9.999010'), { basedOnVersion: 1 });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('PROCEDURE_NOT_IN_REFERENCE');
      expect((await who.systemAdmin.get(referenceUrl('9.999999'))).json().code).toBe('PROCEDURE_NOT_FOUND');
    });

    it.each([
      ['anonymous', 401],
      ['citizen', 403],
      ['communeAdmin', 403],
    ] as const)('refuses %s (%i) both ways', async (caller, status) => {
      expect((await who[caller].get(referenceUrl('2.000884'))).statusCode).toBe(status);
      expect((await who[caller].post(referenceUrl('2.000884'), { basedOnVersion: 1 })).statusCode).toBe(status);
      expect(await storedVersions('2.000884')).toHaveLength(1);
    });
  });
});
