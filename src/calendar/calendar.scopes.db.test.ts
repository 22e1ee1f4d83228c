import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSessions } from '../../test/support/api-sessions.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { officerRoleAssignments, officers } from '../identity/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';

let ctx: TestContext;
let api: ApiSessions;
/** Session tokens by who holds them; null = nobody signed in. */
const as: Record<string, string | null> = { nobody: null };

beforeAll(async () => {
  ctx = await createTestContext();
  api = await ApiSessions.open(ctx);
  // A unit admin over the whole city (79), which the demo data lacks; same password as the demo officers.
  const [template] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'quantri.hethong'));
  if (!template) throw new Error('demo officers missing');
  const [admin] = await ctx.database.db
    .insert(officers)
    .values({ username: 'quantri.thanhpho', fullName: 'Quản trị thành phố', passwordHash: template.passwordHash })
    .returning({ id: officers.id });
  if (!admin) throw new Error('officer not created');
  await ctx.database.db.insert(officerRoleAssignments).values({ officerId: admin.id, role: 'unit_admin', agencyCode: '', unitCode: '79' });
  as['citizen'] = await api.citizen();
  for (const username of ['tiepnhan.tamlong', 'tiepnhan.stp', 'quantri.tamlong', 'quantri.thanhpho', 'quantri.hethong'])
    as[username] = await api.officer(username);
});
afterAll(async () => ctx?.close());

const token = (who: string): string | null => {
  if (!(who in as)) throw new Error(`no session for ${who}`);
  return as[who] ?? null;
};

async function calendarAudits(): Promise<number> {
  return (await ctx.database.db.select().from(auditLog).where(like(auditLog.action, 'calendar.%'))).length;
}

describe(`calendar reads are public (${testBackend()})`, () => {
  it.each(['nobody', 'citizen', 'tiepnhan.tamlong'])('%s may read appointments, years and office hours', async (who) => {
    for (const url of [
      '/api/v1/calendar/appointment?from=2026-02-13T09:00:00%2B07:00&amount=3&unit=working_days',
      '/api/v1/calendar/years/2026',
      '/api/v1/calendar/settings',
    ]) {
      const res = await api.request('GET', url, token(who));
      expect(res.statusCode, url).toBe(200);
    }
  });
});

// Who may edit the holidays of a year: a system admin or a unit admin over the whole province.
const dayEditors: [string, number, string | null][] = [
  ['nobody', 401, 'UNAUTHENTICATED'],
  ['citizen', 403, 'FORBIDDEN'],
  ['tiepnhan.tamlong', 403, 'FORBIDDEN'], // an officer without an admin role
  ['tiepnhan.stp', 403, 'FORBIDDEN'], // a city department officer, not an admin
  ['quantri.tamlong', 403, 'FORBIDDEN'], // unit admin of one ward, not of the province
  ['quantri.thanhpho', 200, null],
  ['quantri.hethong', 200, null],
];

describe(`PUT /api/v1/calendar/years/{year}/days/{date} (${testBackend()})`, () => {
  it.each(dayEditors)('%s → %i %s', async (who, status, code) => {
    const audits = await calendarAudits();
    const res = await api.request('PUT', '/api/v1/calendar/years/2027/days/2027-02-20', token(who), {
      payload: { kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
    });
    expect(res.statusCode).toBe(status);
    if (code) {
      expect(res.json().code).toBe(code);
      expect(await calendarAudits()).toBe(audits);
    } else {
      expect(res.json().days).toContainEqual(expect.objectContaining({ date: '2027-02-20', kind: 'makeup_workday' }));
      expect(await calendarAudits()).toBeGreaterThan(audits);
    }
  });

  it('without the CSRF token even a system admin gets 403 CSRF_TOKEN_INVALID', async () => {
    const res = await api.request('PUT', '/api/v1/calendar/years/2027/days/2027-02-27', token('quantri.hethong'), {
      csrf: false,
      payload: { kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });
});

describe(`DELETE /api/v1/calendar/years/{year}/days/{date} (${testBackend()})`, () => {
  it.each(dayEditors)('%s → %i %s', async (who, status, code) => {
    if (!code) {
      // Something to delete for each permitted caller.
      const put = await api.request('PUT', '/api/v1/calendar/years/2027/days/2027-03-06', token('quantri.hethong'), {
        payload: { kind: 'makeup_workday', nameVi: 'Làm bù', nameEn: 'Make-up working day' },
      });
      expect(put.statusCode).toBe(200);
    }
    const res = await api.request('DELETE', '/api/v1/calendar/years/2027/days/2027-03-06', token(who));
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().code).toBe(code);
    else expect(res.json().days.map((d: { date: string }) => d.date)).not.toContain('2027-03-06');
  });

  it('without the CSRF token → 403 CSRF_TOKEN_INVALID', async () => {
    const res = await api.request('DELETE', '/api/v1/calendar/years/2027/days/2027-02-20', token('quantri.hethong'), { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });
});

describe(`PUT /api/v1/calendar/settings (${testBackend()})`, () => {
  const body = {
    workingPeriods: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ],
  };
  it.each([
    ['nobody', 401, 'UNAUTHENTICATED'],
    ['citizen', 403, 'FORBIDDEN'],
    ['tiepnhan.tamlong', 403, 'FORBIDDEN'],
    ['quantri.tamlong', 403, 'FORBIDDEN'],
    ['quantri.thanhpho', 403, 'FORBIDDEN'], // office hours are the system admin's alone
    ['quantri.hethong', 200, null],
  ] as const)('%s → %i %s', async (who, status, code) => {
    const res = await api.request('PUT', '/api/v1/calendar/settings', token(who), { payload: body });
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().code).toBe(code);
    else expect(res.json()).toMatchObject({ source: 'administered', workingPeriods: body.workingPeriods });
  });

  it('without the CSRF token → 403 CSRF_TOKEN_INVALID', async () => {
    const res = await api.request('PUT', '/api/v1/calendar/settings', token('quantri.hethong'), { csrf: false, payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });
});
