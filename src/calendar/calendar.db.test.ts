import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSessions } from '../../test/support/api-sessions.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { officers } from '../identity/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';

const clock = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Vietnam
let ctx: TestContext;
let api: ApiSessions;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  api = await ApiSessions.open(ctx);
  admin = await api.officer('quantri.hethong');
});
afterAll(async () => ctx?.close());

const appointmentUrl = (from: string, amount: number | string, unit = 'working_days'): string =>
  `/api/v1/calendar/appointment?from=${encodeURIComponent(from)}&amount=${amount}&unit=${unit}`;

async function appointmentAt(from: string, amount: number, unit = 'working_days'): Promise<string> {
  const res = await api.request('GET', appointmentUrl(`${from}+07:00`, amount, unit), null);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().appointmentAtLocal as string).replace('+07:00', '');
}

async function setDay(date: string, kind: string, nameVi: string, nameEn: string): Promise<void> {
  const res = await api.request('PUT', `/api/v1/calendar/years/${date.slice(0, 4)}/days/${date}`, admin, {
    payload: { kind, nameVi, nameEn },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function calendarAudits(): Promise<(typeof auditLog.$inferSelect)[]> {
  return ctx.database.db.select().from(auditLog).where(like(auditLog.action, 'calendar.%')).orderBy(auditLog.id);
}

describe(`GET /api/v1/calendar/appointment (${testBackend()})`, () => {
  it('answers the appointment across Tết 2026 with the non-working days skipped and their names', async () => {
    const res = await api.request('GET', appointmentUrl('2026-02-13T09:00:00+07:00', 3), null);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: '2026-02-13T09:00:00+07:00',
      appointmentAt: '2026-02-25T02:00:00.000Z',
      appointmentAtLocal: '2026-02-25T09:00:00+07:00',
      unit: 'working_days',
      amount: 3,
    });
    expect(body.skippedDays).toHaveLength(9);
    expect(body.skippedDays[0]).toEqual({ date: '2026-02-14', reason: 'weekend', name: null, nameEn: null });
    expect(body.skippedDays[3]).toEqual({
      date: '2026-02-17',
      reason: 'holiday',
      name: 'Tết Nguyên đán (mùng 1)',
      nameEn: 'Lunar New Year (day 1)',
    });
  });

  it('counts from now when no receipt time is given, and reads a time without offset as Vietnam time', async () => {
    const res = await api.request('GET', '/api/v1/calendar/appointment?amount=2&unit=hours', null);
    expect(res.json()).toMatchObject({ from: '2026-03-02T09:00:00+07:00', appointmentAtLocal: '2026-03-02T11:00:00+07:00' });
    const local = await api.request('GET', '/api/v1/calendar/appointment?from=2026-03-02T16:00&amount=2&unit=hours', null);
    expect(local.json().appointmentAtLocal).toBe('2026-03-03T08:30:00+07:00');
  });

  it.each([
    [appointmentUrl('yesterday', 3), 400, 'CALENDAR_TIME_INVALID'],
    [appointmentUrl('2026-02-30T09:00:00+07:00', 3), 400, 'CALENDAR_TIME_INVALID'],
    [appointmentUrl('2026-02-13T09:00:00+07:00', -1), 400, 'CALENDAR_AMOUNT_INVALID'],
    [appointmentUrl('2026-02-13T09:00:00+07:00', 1.5, 'months'), 400, 'CALENDAR_AMOUNT_INVALID'],
    [appointmentUrl('2026-02-13T09:00:00+07:00', 1e7, 'days'), 400, 'CALENDAR_AMOUNT_INVALID'],
    [appointmentUrl('2300-01-02T09:00:00+07:00', 3), 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
    [appointmentUrl('2199-12-30T09:00:00+07:00', 30), 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
    [appointmentUrl('2026-02-13T09:00:00+07:00', 'three'), 400, 'VALIDATION_FAILED'],
    [appointmentUrl('2026-02-13T09:00:00+07:00', 3, 'weeks'), 400, 'VALIDATION_FAILED'],
    ['/api/v1/calendar/appointment?unit=days', 400, 'VALIDATION_FAILED'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await api.request('GET', url, null);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });
});

describe(`GET /api/v1/calendar/years/{year} (${testBackend()})`, () => {
  it('computes any year’s defaults: 2026 has 13 exception days and 250 working days', async () => {
    const res = await api.request('GET', '/api/v1/calendar/years/2026', null);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ provinceCode: '79', year: 2026, source: 'default', workingDayCount: 250 });
    expect(body.days).toHaveLength(13);
    expect(body.days[0]).toEqual({ date: '2026-01-01', weekday: 4, kind: 'holiday', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" });
    const far = await api.request('GET', '/api/v1/calendar/years/2150', null);
    expect(far.json()).toMatchObject({ year: 2150, source: 'default' });
  });

  it.each([
    ['1899', 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
    ['2200', 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
    ['twenty', 400, 'VALIDATION_FAILED'],
  ])('year %s → %i %s', async (year, status, code) => {
    const res = await api.request('GET', `/api/v1/calendar/years/${year}`, null);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });
});

describe(`editing a year: bad input changes nothing (${testBackend()})`, () => {
  const holiday = { kind: 'holiday', nameVi: 'Nghỉ lễ', nameEn: 'Holiday' };
  it.each([
    ['2026', '2026-02-30', holiday, 400, 'CALENDAR_DATE_INVALID'],
    ['2026', '26-02-2026', holiday, 400, 'CALENDAR_DATE_INVALID'],
    ['2026', '2027-01-05', holiday, 400, 'CALENDAR_DATE_NOT_IN_YEAR'],
    ['2300', '2300-01-05', holiday, 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
    ['2026', '2026-03-02', { ...holiday, kind: 'makeup_workday' }, 422, 'CALENDAR_MAKEUP_DAY_NOT_WEEKEND'],
    ['2026', '2026-03-07', { ...holiday, kind: 'day_off' }, 422, 'CALENDAR_DAY_OFF_ON_WEEKEND'],
    ['2026', '2026-03-02', { ...holiday, kind: 'vacation' }, 400, 'VALIDATION_FAILED'],
    ['2026', '2026-03-02', { ...holiday, nameVi: '  ' }, 400, 'VALIDATION_FAILED'],
  ])('PUT /years/%s/days/%s %j → %i %s', async (year, date, payload, status, code) => {
    const res = await api.request('PUT', `/api/v1/calendar/years/${year}/days/${date}`, admin, { payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect((await api.request('GET', '/api/v1/calendar/years/2026', null)).json().source).toBe('default');
    expect(await calendarAudits()).toEqual([]);
  });

  it('DELETE of a date without an exception → 404 CALENDAR_DAY_NOT_FOUND, and the year stays on its defaults', async () => {
    const res = await api.request('DELETE', '/api/v1/calendar/years/2026/days/2026-03-02', admin);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CALENDAR_DAY_NOT_FOUND');
    expect((await api.request('GET', '/api/v1/calendar/years/2026', null)).json().source).toBe('default');
    expect(await calendarAudits()).toEqual([]);
  });

  it.each([
    [[{ start: '17:00', end: '07:30' }]],
    [[{ start: '7:30', end: '11:30' }]],
    [
      [
        { start: '07:30', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    ],
    [[]],
  ])('PUT /settings %j → 400 CALENDAR_WORKING_HOURS_INVALID', async (workingPeriods) => {
    const res = await api.request('PUT', '/api/v1/calendar/settings', admin, { payload: { workingPeriods } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CALENDAR_WORKING_HOURS_INVALID');
    expect((await api.request('GET', '/api/v1/calendar/settings', null)).json().source).toBe('default');
  });
});

/**
 * Appointments before and after an administrator enters a year's announced swaps through the API.
 * The 2025 swaps follow that year's schedule as reported in the press (Tết: Monday 27/1 off, Saturday
 * 8/2 worked; 30/4: Friday 2/5 off, Saturday 26/4 worked; not checked here against the official
 * dispatch). The 2026 and 2027 swaps and the 2026 move of the day next to 2/9 are illustrative.
 */
const scenarios: [string, string, number, string, string][] = [
  ['Tết 2025, Friday before', '2025-01-24T10:00:00', 1, '2025-01-27T10:00:00', '2025-02-03T10:00:00'],
  ['Tết 2025, make-up Saturday 8/2', '2025-02-07T10:00:00', 1, '2025-02-10T10:00:00', '2025-02-08T10:00:00'],
  ['30/4 2025, make-up Saturday 26/4', '2025-04-25T10:00:00', 1, '2025-04-28T10:00:00', '2025-04-26T10:00:00'],
  ['30/4 2025, swapped Friday 2/5', '2025-04-29T10:00:00', 1, '2025-05-02T10:00:00', '2025-05-05T10:00:00'],
  ['Tết 2026, swapped Monday 23/2', '2026-02-13T09:00:00', 3, '2026-02-25T09:00:00', '2026-02-26T09:00:00'],
  ['Tết 2026, make-up Saturday 7/3', '2026-03-06T09:00:00', 1, '2026-03-09T09:00:00', '2026-03-07T09:00:00'],
  ['Tết 2027, swapped mùng 6 (11/2)', '2027-02-04T14:00:00', 2, '2027-02-12T14:00:00', '2027-02-15T14:00:00'],
  ['Tết 2027, make-up Saturday 20/2', '2027-02-19T10:00:00', 1, '2027-02-22T10:00:00', '2027-02-20T10:00:00'],
  ['30/4–1/5 2026 (Thursday–Friday)', '2026-04-29T10:00:00', 1, '2026-05-04T10:00:00', '2026-05-04T10:00:00'],
  ['2/9 2026, 1/9 given back', '2026-08-31T09:00:00', 1, '2026-09-03T09:00:00', '2026-09-01T09:00:00'],
  ['2/9 2026, 3/9 taken instead', '2026-09-01T09:00:00', 1, '2026-09-04T07:30:00', '2026-09-04T09:00:00'],
];

describe(`appointments with days set by an administrator (${testBackend()})`, () => {
  it.each(scenarios)('before: %s — %s + %d working days → %s', async (_name, from, amount, expected) => {
    expect(await appointmentAt(from, amount)).toBe(expected);
  });

  it('the administrator enters the announcements, each audited with the actor', async () => {
    await setDay('2025-01-27', 'day_off', 'Nghỉ hoán đổi Tết Ất Tỵ', 'Swapped day off (Lunar New Year)');
    await setDay('2025-02-08', 'makeup_workday', 'Làm bù cho ngày 27/1', 'Make-up for 27 January');
    await setDay('2025-05-02', 'day_off', 'Nghỉ hoán đổi dịp 30/4–1/5', 'Swapped day off (30 April – 1 May)');
    await setDay('2025-04-26', 'makeup_workday', 'Làm bù cho ngày 2/5', 'Make-up for 2 May');
    await setDay('2026-02-23', 'day_off', 'Nghỉ hoán đổi Tết Bính Ngọ', 'Swapped day off (Lunar New Year)');
    await setDay('2026-03-07', 'makeup_workday', 'Làm bù cho ngày 23/2', 'Make-up for 23 February');
    await setDay('2027-02-11', 'day_off', 'Nghỉ hoán đổi Tết Đinh Mùi', 'Swapped day off (Lunar New Year)');
    await setDay('2027-02-20', 'makeup_workday', 'Làm bù cho ngày 11/2', 'Make-up for 11 February');
    const removed = await api.request('DELETE', '/api/v1/calendar/years/2026/days/2026-09-01', admin);
    expect(removed.statusCode).toBe(200);
    await setDay('2026-09-03', 'holiday', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)');

    const [officer] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'quantri.hethong'));
    const audits = await calendarAudits();
    expect(audits.map((a) => `${a.action} ${a.subjectId}`)).toEqual([
      'calendar.year.administer 79:2025',
      'calendar.day.set 79:2025-01-27',
      'calendar.day.set 79:2025-02-08',
      'calendar.day.set 79:2025-05-02',
      'calendar.day.set 79:2025-04-26',
      'calendar.year.administer 79:2026',
      'calendar.day.set 79:2026-02-23',
      'calendar.day.set 79:2026-03-07',
      'calendar.year.administer 79:2027',
      'calendar.day.set 79:2027-02-11',
      'calendar.day.set 79:2027-02-20',
      'calendar.day.remove 79:2026-09-01',
      'calendar.day.set 79:2026-09-03',
    ]);
    expect(audits.every((a) => a.actorKind === 'officer' && a.actorId === officer?.id)).toBe(true);
    expect(audits.find((a) => a.subjectId === '79:2026-09-01')?.details).toEqual({
      before: { kind: 'holiday', nameVi: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' },
    });
  });

  it.each(scenarios)('after: %s — %s + %d working days → was %s, now %s', async (_name, from, amount, _before, expected) => {
    expect(await appointmentAt(from, amount)).toBe(expected);
  });

  it('an administered year keeps its defaults and shows the additions; other years stay computed', async () => {
    const year = (await api.request('GET', '/api/v1/calendar/years/2026', null)).json();
    expect(year.source).toBe('administered');
    const kinds = Object.fromEntries(year.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(kinds).toMatchObject({
      '2026-02-17': 'holiday',
      '2026-02-23': 'day_off',
      '2026-03-07': 'makeup_workday',
      '2026-09-03': 'holiday',
    });
    expect(kinds['2026-09-01']).toBeUndefined();
    // 23/2 off and Saturday 7/3 worked; 1/9 given back and 3/9 taken: still 250 working days.
    expect(year.workingDayCount).toBe(250);
    expect((await api.request('GET', '/api/v1/calendar/years/2028', null)).json().source).toBe('default');
  });

  it('replacing a date’s entry is audited with what it was before', async () => {
    await setDay('2026-03-07', 'holiday', 'Ngày lễ địa phương', 'Local holiday');
    const [last] = (await calendarAudits()).slice(-1);
    expect(last?.details).toEqual({
      before: { kind: 'makeup_workday', nameVi: 'Làm bù cho ngày 23/2', nameEn: 'Make-up for 23 February' },
      after: { kind: 'holiday', nameVi: 'Ngày lễ địa phương', nameEn: 'Local holiday' },
    });
    expect(await appointmentAt('2026-03-06T09:00:00', 1)).toBe('2026-03-09T09:00:00');
  });
});

describe(`office hours set by the system administrator (${testBackend()})`, () => {
  it('defaults to 07:30–11:30 and 13:00–17:00 Vietnam time', async () => {
    const res = await api.request('GET', '/api/v1/calendar/settings', null);
    expect(res.json()).toEqual({
      provinceCode: '79',
      source: 'default',
      workingPeriods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      weekendDays: [6, 0],
      workingDayMinutes: 480,
      utcOffset: '+07:00',
    });
  });

  it('new hours move appointments and are audited', async () => {
    expect(await appointmentAt('2026-03-02T17:10:00', 1, 'hours')).toBe('2026-03-03T08:30:00');
    const res = await api.request('PUT', '/api/v1/calendar/settings', admin, {
      payload: {
        workingPeriods: [
          { start: '07:00', end: '11:00' },
          { start: '13:30', end: '17:30' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ source: 'administered', workingDayMinutes: 480 });
    expect(await appointmentAt('2026-03-02T17:10:00', 1, 'hours')).toBe('2026-03-03T07:40:00');
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.settings.update'), eq(auditLog.subjectId, '79')));
    expect(audit?.details).toEqual({
      before: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      after: [
        { start: '07:00', end: '11:00' },
        { start: '13:30', end: '17:30' },
      ],
    });
  });
});
