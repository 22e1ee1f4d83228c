import { and, eq, isNull, like, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSessions } from '../../test/support/api-sessions.ts';
import { appErrorOf } from '../../test/support/app-error.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { officerRoleAssignments, officers } from '../identity/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { adminUnits } from '../units/schema.ts';
import { runMapPortalUnit } from './commands.ts';
import { listPortalUnitMappings, removePortalUnitMapping, setPortalUnitMapping } from './portal-unit-mappings.ts';
import { portalUnitMappings } from './schema.ts';

let ctx: TestContext;
let api: ApiSessions;
/** Session tokens by who holds them; null = nobody signed in. */
const as: Record<string, string | null> = { nobody: null };
/** A current commune of another province (Hà Nội): not one of ours. */
let foreignCommune = '';
const admin = { kind: 'officer' as const, id: 'test-admin' };

beforeAll(async () => {
  ctx = await createTestContext();
  const { db } = ctx.database;
  api = await ApiSessions.open(ctx);
  // A unit admin over the whole city (79), which the demo data lacks; same password as the demo officers.
  const [template] = await db.select().from(officers).where(eq(officers.username, 'quantri.hethong'));
  if (!template) throw new Error('demo officers missing');
  const [cityAdmin] = await db
    .insert(officers)
    .values({ username: 'quantri.thanhpho', fullName: 'Quản trị thành phố', passwordHash: template.passwordHash })
    .returning({ id: officers.id });
  if (!cityAdmin) throw new Error('officer not created');
  await db.insert(officerRoleAssignments).values({ officerId: cityAdmin.id, role: 'unit_admin', agencyCode: '', unitCode: '79' });
  as['citizen'] = await api.citizen();
  for (const username of ['tiepnhan.tamlong', 'tiepnhan.stp', 'quantri.tamlong', 'quantri.thanhpho', 'quantri.hethong'])
    as[username] = await api.officer(username);
  const [foreign] = await db
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'commune'), ne(adminUnits.provinceCode, '79'), isNull(adminUnits.validTo)))
    .limit(1);
  foreignCommune = foreign?.code ?? '';
});
afterAll(async () => ctx?.close());

const token = (who: string): string | null => {
  if (!(who in as)) throw new Error(`no session for ${who}`);
  return as[who] ?? null;
};
const mappingAudits = async () =>
  (await ctx.database.db.select().from(auditLog).where(like(auditLog.action, 'indicators.portal_mapping.%'))).length;
const storedMappings = () => ctx.database.db.select().from(portalUnitMappings);

describe(`mapping portal codes onto our communes and agencies (${testBackend()})`, () => {
  it('maps a commune and an agency with their names, replaces a mapping and removes one, each change audited with what it replaced', async () => {
    const { db } = ctx.database;
    const commune = await setPortalUnitMapping(db, { provinceCode: '79', departmentCode: 'H44.100', target: '26572' }, admin);
    expect(commune).toMatchObject({ departmentCode: 'H44.100', target: { kind: 'unit', code: '26572', name: 'Phường Tam Long' } });
    await setPortalUnitMapping(db, { provinceCode: '79', departmentCode: 'H44.03', target: '79-SXD' }, admin);
    const replaced = await setPortalUnitMapping(db, { provinceCode: '79', departmentCode: 'H44.03', target: '79-STP' }, admin);
    expect(replaced.target).toEqual({ kind: 'agency', code: '79-STP', name: 'Sở Tư pháp', nameEn: 'Department of Justice' });
    expect((await listPortalUnitMappings(db, '79')).map((m) => [m.departmentCode, m.target.code])).toEqual([
      ['H44.03', '79-STP'],
      ['H44.100', '26572'],
    ]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'indicators.portal_mapping.set'), eq(auditLog.subjectId, '79:H44.03')))
      .orderBy(auditLog.id)
      .offset(1);
    expect(audit).toMatchObject({
      actorKind: 'officer',
      actorId: 'test-admin',
      subjectType: 'portal_unit_mapping',
      details: { before: { targetKind: 'agency', targetCode: '79-SXD' }, after: { targetKind: 'agency', targetCode: '79-STP' } },
    });

    await removePortalUnitMapping(db, { provinceCode: '79', departmentCode: 'H44.03' }, admin);
    expect((await listPortalUnitMappings(db, '79')).map((m) => m.departmentCode)).toEqual(['H44.100']);
    const [removal] = await db.select().from(auditLog).where(eq(auditLog.action, 'indicators.portal_mapping.remove'));
    expect(removal?.details).toEqual({ before: { targetKind: 'agency', targetCode: '79-STP' } });
    // Another province's mappings are its own.
    expect(await listPortalUnitMappings(db, '01')).toEqual([]);
    await removePortalUnitMapping(db, { provinceCode: '79', departmentCode: 'H44.100' }, admin);
  });

  it.each([
    ['H44', '26572', 'PORTAL_DEPARTMENT_CODE_INVALID'], // the province row is always the province
    ['h44.03', '26572', 'PORTAL_DEPARTMENT_CODE_INVALID'],
    ['H44.03; DROP TABLE x', '26572', 'PORTAL_DEPARTMENT_CODE_INVALID'],
    ['H44.03', '2657', 'PORTAL_MAPPING_TARGET_UNKNOWN'],
    ['H44.03', '99999', 'PORTAL_MAPPING_TARGET_UNKNOWN'], // no such commune
    ['H44.03', '79', 'PORTAL_MAPPING_TARGET_UNKNOWN'], // the province is not a mapping target
    ['H44.03', '79-KHONGCO', 'PORTAL_MAPPING_TARGET_UNKNOWN'], // no such agency
  ])('refuses %j → %j with %s and stores nothing', async (departmentCode, target, code) => {
    const audits = await mappingAudits();
    const error = await appErrorOf(setPortalUnitMapping(ctx.database.db, { provinceCode: '79', departmentCode, target }, admin));
    expect(error.code).toBe(code);
    expect(await storedMappings()).toEqual([]);
    expect(await mappingAudits()).toBe(audits);
  });

  it('refuses a commune of another province', async () => {
    expect(foreignCommune).toMatch(/^\d{5}$/);
    const error = await appErrorOf(
      setPortalUnitMapping(ctx.database.db, { provinceCode: '79', departmentCode: 'H44.03', target: foreignCommune }, admin),
    );
    expect(error.code).toBe('PORTAL_MAPPING_TARGET_UNKNOWN');
    expect(await storedMappings()).toEqual([]);
  });

  it('removing a code that is not mapped is PORTAL_MAPPING_NOT_FOUND, and audits nothing', async () => {
    const audits = await mappingAudits();
    const error = await appErrorOf(removePortalUnitMapping(ctx.database.db, { provinceCode: '79', departmentCode: 'H44.07' }, admin));
    expect(error.code).toBe('PORTAL_MAPPING_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(await mappingAudits()).toBe(audits);
  });

  it('the CLI maps, lists and removes as the operating-system user', async () => {
    const set = await runMapPortalUnit(ctx.database, '79', { action: 'set', departmentCode: 'H44.100', target: '26572-UBND' });
    expect(set).toMatchObject({ departmentCode: 'H44.100', target: { kind: 'agency', code: '26572-UBND' } });
    const listed = (await runMapPortalUnit(ctx.database, '79', { action: 'list' })) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'indicators.portal_mapping.set'), like(auditLog.actorId, 'cli:%')));
    expect(audit?.actorKind).toBe('system');
    expect(await runMapPortalUnit(ctx.database, '79', { action: 'remove', departmentCode: 'H44.100' })).toEqual({ removed: 'H44.100' });
    expect(await storedMappings()).toEqual([]);
  });
});

// Only the province's system administrator maintains the mapping (and reads it through the API).
const editors: [string, number, string | null][] = [
  ['nobody', 401, 'UNAUTHENTICATED'],
  ['citizen', 403, 'FORBIDDEN'],
  ['tiepnhan.tamlong', 403, 'FORBIDDEN'], // an officer without an admin role
  ['tiepnhan.stp', 403, 'FORBIDDEN'], // a city department officer
  ['quantri.tamlong', 403, 'FORBIDDEN'], // unit admin of one ward
  ['quantri.thanhpho', 403, 'FORBIDDEN'], // unit admin of the whole city, but not a system admin
  ['quantri.hethong', 200, null],
];

describe(`PUT /api/v1/indicators/portal-unit-mappings/{departmentCode} (${testBackend()})`, () => {
  it.each(editors)('%s → %i %s', async (who, status, code) => {
    const audits = await mappingAudits();
    const res = await api.request('PUT', '/api/v1/indicators/portal-unit-mappings/H44.100', token(who), { payload: { target: '26572' } });
    expect(res.statusCode).toBe(status);
    if (code) {
      expect(res.json().code).toBe(code);
      expect(await mappingAudits()).toBe(audits);
    } else {
      expect(res.json()).toMatchObject({ departmentCode: 'H44.100', target: { kind: 'unit', code: '26572', name: 'Phường Tam Long' } });
      expect(await mappingAudits()).toBe(audits + 1);
    }
  });

  it('without the CSRF token even a system admin gets 403 CSRF_TOKEN_INVALID', async () => {
    const res = await api.request('PUT', '/api/v1/indicators/portal-unit-mappings/H44.03', token('quantri.hethong'), {
      csrf: false,
      payload: { target: '79-STP' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it.each([
    ['H44', { target: '26572' }, 400, 'PORTAL_DEPARTMENT_CODE_INVALID'],
    ['H44.03', { target: '00000' }, 422, 'PORTAL_MAPPING_TARGET_UNKNOWN'],
    ['H44.03', { target: 'x'.repeat(41) }, 400, 'VALIDATION_FAILED'],
    ['H44.03', { target: '79-STP', extra: true }, 400, 'VALIDATION_FAILED'],
  ])(
    'a system admin mapping %s to %j → %i %s, in Vietnamese and English, nothing stored',
    async (departmentCode, payload, status, code) => {
      const before = await storedMappings();
      const audits = await mappingAudits();
      const res = await api.request('PUT', `/api/v1/indicators/portal-unit-mappings/${departmentCode}`, token('quantri.hethong'), {
        payload,
      });
      expect(res.statusCode).toBe(status);
      const body = res.json();
      expect(body.code).toBe(code);
      expect(body.messages.vi).toBeTruthy();
      expect(body.messages.en).toBeTruthy();
      expect(await storedMappings()).toEqual(before);
      expect(await mappingAudits()).toBe(audits);
    },
  );
});

describe(`GET /api/v1/indicators/portal-unit-mappings (${testBackend()})`, () => {
  it.each(editors)('%s → %i %s', async (who, status, code) => {
    const res = await api.request('GET', '/api/v1/indicators/portal-unit-mappings', token(who), { csrf: false });
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().code).toBe(code);
    else expect(res.json().items).toContainEqual(expect.objectContaining({ departmentCode: 'H44.100' }));
  });
});

describe(`DELETE /api/v1/indicators/portal-unit-mappings/{departmentCode} (${testBackend()})`, () => {
  it.each(editors)('%s → %s', async (who, status, code) => {
    if (!code) {
      const put = await api.request('PUT', '/api/v1/indicators/portal-unit-mappings/H44.07', token('quantri.hethong'), {
        payload: { target: '79-STP' },
      });
      expect(put.statusCode).toBe(200);
    }
    const audits = await mappingAudits();
    const res = await api.request('DELETE', '/api/v1/indicators/portal-unit-mappings/H44.07', token(who));
    expect(res.statusCode).toBe(code ? status : 204);
    if (code) {
      expect(res.json().code).toBe(code);
      expect(await mappingAudits()).toBe(audits);
    } else {
      expect((await storedMappings()).map((m) => m.departmentCode)).not.toContain('H44.07');
      expect(await mappingAudits()).toBe(audits + 1);
    }
  });

  it('a code that is not mapped → 404 PORTAL_MAPPING_NOT_FOUND', async () => {
    const res = await api.request('DELETE', '/api/v1/indicators/portal-unit-mappings/H44.99', token('quantri.hethong'));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PORTAL_MAPPING_NOT_FOUND');
  });
});
