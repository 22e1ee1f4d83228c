import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossiers } from '../../demo/generator/generate.ts';
import { demoTotpSecret } from '../../identity/demo.ts';
import { totpCode } from '../../identity/domain/totp.ts';
import { ApiSessions } from '../../../test/support/api-sessions.ts';
import { insertDossier } from '../../../test/support/indicator-fixtures.ts';
import { createTestContext, testBackend, type TestContext } from '../../../test/support/test-app.ts';
import { applyEventsToRollups, rebuildRollups } from '../rollups/maintain.ts';
import { loadConfig } from '../../config.ts';
import { importPortalEvaluation } from '../import-portal-evaluation.ts';
import type { ReconciliationLine } from './reconciliation.ts';

// The app's clock: early January 2026, so December 2025 is a complete month.
const now = new Date('2026-01-05T03:00:00Z');
let ctx: TestContext;
let api: ApiSessions;
const sessions: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext({ now: () => now });
  const { db } = ctx.database;
  await generateDossiers(db, {
    dossiers: 900,
    seed: 'dashboard',
    provinceCode: '79',
    from: '2025-04-01',
    to: '2025-11-30',
    now: new Date('2025-11-30T16:00:00Z'),
  });
  await rebuildRollups(db);
  // December 2025 in Phường Tam Long: one dossier from the applicant's own session, one keyed in by an
  // officer at the counter's computer (online, assisted), one received on paper at the counter.
  const at = (d: string) => new Date(`2025-12-${d}T09:00:00+07:00`);
  await insertDossier(db, {
    submitterKind: 'applicant',
    submittedAt: at('02'),
    receivedAt: at('03'),
    appointmentAt: at('10'),
    endedAt: at('08'),
  });
  await insertDossier(db, {
    submitterKind: 'assisted',
    submittedAt: at('04'),
    receivedAt: at('04'),
    appointmentAt: at('11'),
    endedAt: at('09'),
  });
  await insertDossier(db, {
    submitterKind: 'counter',
    submittedAt: at('05'),
    receivedAt: at('05'),
    appointmentAt: at('12'),
    endedAt: at('19'),
  });
  await applyEventsToRollups(db);
  // The portal's published evaluation (the shipped samples) filed as this city's December, and as Hà Nội's.
  const samples = loadConfig().nationalPortalDataDir;
  await importPortalEvaluation(db, samples, { provinceCode: '79', period: '2025-12' });
  await importPortalEvaluation(db, samples, { provinceCode: '01', period: '2025-12' });

  api = await ApiSessions.open(ctx);
  for (const username of ['quantri.tamlong', 'chuyenvien.tamlong', 'tiepnhan.stp', 'quantri.hethong'])
    sessions[username] = await api.officer(username);
  const res = await api.request('POST', '/api/v1/auth/officer/login', null, {
    payload: { username: 'lanhdao.thanhpho', password: 'Demo@2026', totp: totpCode(demoTotpSecret, now) },
  });
  sessions['lanhdao.thanhpho'] = res.cookies.find((c) => c.name === 'tinhso_session')?.value ?? '';
  sessions['citizen'] = await api.citizen(now);
}, 180_000);
afterAll(async () => ctx.close());

const get = (url: string, who: string | null) => api.request('GET', url, who === null ? null : (sessions[who] ?? null), { csrf: false });

describe(`leaders' dashboard (${testBackend()})`, () => {
  it('an assisted dossier counts as online but not as genuine online', async () => {
    const res = await get('/api/v1/dashboard/overview?period=2025-12&unit=26572', 'lanhdao.thanhpho');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const kpi = (code: string) => body.kpis.find((k: { code: string }) => k.code === code);
    expect(kpi('ONLINE_RATE')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(kpi('ONLINE_RATE').value).toBeCloseTo(66.67, 2);
    expect(kpi('GENUINE_ONLINE_RATE')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(kpi('ASSISTED_SHARE')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // The counter dossier ended after its appointment: 2 of 3 on time, and it is the late one in the list.
    expect(kpi('ON_TIME_RATE')).toMatchObject({ numerator: 2, denominator: 3 });
    const online = (await get('/api/v1/dashboard/drilldown?period=2025-12&unit=26572&kind=online', 'lanhdao.thanhpho')).json();
    const genuine = (await get('/api/v1/dashboard/drilldown?period=2025-12&unit=26572&kind=genuine', 'lanhdao.thanhpho')).json();
    expect(online.total).toBe(2);
    expect(genuine.total).toBe(1);
    expect(genuine.rows[0].submitterKind).toBe('applicant');
    expect(online.rows.map((r: { submitterKind: string }) => r.submitterKind).sort()).toEqual(['applicant', 'assisted']);
    const late = (await get('/api/v1/dashboard/drilldown?period=2025-12&unit=26572&kind=late', 'lanhdao.thanhpho')).json();
    expect(late.rows.map((r: { submitterKind: string }) => r.submitterKind)).toEqual(['counter']);
  });

  it('the province overview scores the index by group, marks the online-service group unconfirmed and gives a 12-month trend', async () => {
    const body = (await get('/api/v1/dashboard/overview?period=2025-Q3&unit=79', 'lanhdao.thanhpho')).json();
    expect(body.unit).toMatchObject({ code: '79', level: 'province' });
    expect(body.index.groups.map((g: { group: string }) => g.group)).toEqual([
      'TRANSPARENCY',
      'PROGRESS',
      'ONLINE_SERVICE',
      'PAYMENT',
      'DIGITIZATION',
      'SATISFACTION',
    ]);
    expect(body.index.groups.find((g: { group: string }) => g.group === 'ONLINE_SERVICE').isConfirmed).toBe(false);
    expect(body.index.total).toBeGreaterThan(0);
    expect(body.index.total).toBeLessThanOrEqual(body.index.measuredMaxScore);
    expect(body.trend).toHaveLength(12);
    expect(body.trend.at(-1).month).toBe('2025-09');
    expect(body.headline.received).toBe(body.trend.slice(-3).reduce((s: number, p: { received: number }) => s + p.received, 0));
  });

  it('ranks all 168 communes; their figures add up to the province, before and after the 2025 reorganisation', async () => {
    for (const period of ['2025-05', '2025-09']) {
      const body = (
        await get(`/api/v1/dashboard/ranking?period=${period}&level=commune&indicator=ON_TIME_RATE`, 'lanhdao.thanhpho')
      ).json();
      expect(body.rows).toHaveLength(168);
      const received = body.rows.reduce(
        (s: number, r: { denominator: number | null; headline: { received: number } }) => s + r.headline.received,
        0,
      );
      expect(Math.abs(received - body.total.headline.received)).toBeLessThanOrEqual(body.rows.length / 2);
      const ranked = body.rows.filter((r: { rank: number | null }) => r.rank !== null);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i].value).toBeLessThanOrEqual(ranked[i - 1].value);
    }
    // Before July 2025 the figures of split communes are shared out, and say so.
    const may = (await get('/api/v1/dashboard/ranking?period=2025-05&level=commune&indicator=INDEX', 'lanhdao.thanhpho')).json();
    expect(may.rows.some((r: { isEstimate: boolean }) => r.isEstimate)).toBe(true);
    // As it was: the old communes of the old city only, fewer dossiers than today's city (which took in two provinces).
    const asItWas = (
      await get('/api/v1/dashboard/ranking?period=2025-05&level=commune&indicator=INDEX&view=historical', 'lanhdao.thanhpho')
    ).json();
    expect(asItWas.rows.length).toBeGreaterThan(168);
    expect(asItWas.total.headline.received).toBeLessThan(may.total.headline.received);
    expect(asItWas.rows.every((r: { isEstimate: boolean }) => !r.isEstimate)).toBe(true);
  });

  it('ranks agencies, and rejects an unknown indicator, a bad period and an unknown unit with their codes', async () => {
    const agencies = (
      await get('/api/v1/dashboard/ranking?period=2025-09&level=agency&indicator=GENUINE_ONLINE_RATE', 'lanhdao.thanhpho')
    ).json();
    expect(agencies.rows.find((r: { code: string }) => r.code === '79-STP')).toBeTruthy();
    expect(agencies.rows.find((r: { code: string }) => r.code === '26572-UBND')).toBeTruthy();
    const bad = await get('/api/v1/dashboard/ranking?period=2025-09&indicator=NOPE', 'lanhdao.thanhpho');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const period = await get('/api/v1/dashboard/overview?period=2025-13&unit=79', 'lanhdao.thanhpho');
    expect([period.statusCode, period.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const unit = await get('/api/v1/dashboard/overview?period=2025-09&unit=99999', 'lanhdao.thanhpho');
    expect([unit.statusCode, unit.json().code]).toEqual([404, 'UNIT_NOT_FOUND']);
  });

  it('exports the ranking and the late dossiers as XLSX laid out for printing, with the same rows as the JSON', async () => {
    const json = (await get('/api/v1/dashboard/drilldown?period=2025-Q3&unit=79&kind=late&pageSize=200', 'lanhdao.thanhpho')).json();
    expect(json.total).toBeGreaterThan(0);
    const file = await get('/api/v1/dashboard/drilldown?period=2025-Q3&unit=79&kind=late&format=xlsx', 'lanhdao.thanhpho');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts[0]).toBe('UBND THÀNH PHỐ HỒ CHÍ MINH');
    expect(texts).toContain('DANH SÁCH HỒ SƠ TRỄ HẠN');
    expect(texts.some((t) => t.startsWith('Kỳ báo cáo: Quý 3/2025'))).toBe(true);
    const header = texts.indexOf('STT');
    const codes: string[] = [];
    for (let n = header + 2; n <= header + 1 + json.total; n++) codes.push(String(sheet.getRow(n).getCell(2).value));
    const allJson = (await get(`/api/v1/dashboard/drilldown?period=2025-Q3&unit=79&kind=late&pageSize=200`, 'lanhdao.thanhpho')).json();
    expect(codes.slice(0, allJson.rows.length)).toEqual(allJson.rows.map((r: { code: string }) => r.code));
    expect(String(sheet.getRow(header + 2 + json.total).getCell(2).value)).toBe(`Tổng số: ${json.total} hồ sơ`);

    const ranking = await get('/api/v1/dashboard/ranking?period=2025-Q3&indicator=INDEX&format=xlsx', 'lanhdao.thanhpho');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ranking.rawPayload as unknown as ArrayBuffer);
    let dataRows = 0;
    book.worksheets[0]?.eachRow((row) => {
      if (/^\d{5}$/.test(String(row.getCell(2).value ?? ''))) dataRows++;
    });
    expect(dataRows).toBe(168);
    const csv = await get('/api/v1/dashboard/ranking?period=2025-Q3&indicator=INDEX&format=csv', 'lanhdao.thanhpho');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(1 + 168 + 1);
  });

  it('publishes the definitions and the commune boundaries keyed by commune code', async () => {
    const definitions = await get('/api/v1/dashboard/definitions', null);
    expect(definitions.statusCode).toBe(200);
    expect(definitions.json().kpis.find((k: { code: string }) => k.code === 'GENUINE_ONLINE_RATE').definition.vi).toContain(
      'phiên đăng nhập',
    );
    const map = await get('/api/v1/dashboard/map?province=79', null);
    expect(map.statusCode).toBe(200);
    const features = map.json().features as { properties: { code: string } }[];
    expect(features).toHaveLength(168);
    expect(features.map((f) => f.properties.code)).toContain('26572');
  });
});

describe(`reconciliation and the national view (${testBackend()})`, () => {
  it('shows published, recomputed and own scores side by side, with the differences marked', async () => {
    const res = await get('/api/v1/dashboard/reconciliation', 'lanhdao.thanhpho');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ provinceCode: '79', period: '2025-12', periods: ['2025-12'], tolerance: 0.015 });
    expect(body.lines).toHaveLength(75);
    type Line = ReconciliationLine;
    const lines = body.lines as Line[];
    // The engine reproduces every published score; none is marked.
    expect(lines.every((l) => !l.isRecomputedDifferent && Math.abs(l.delta ?? 0) <= 0.015)).toBe(true);
    // The platform's own on-time score for the city's December sits beside the portal's, marked when it differs.
    const onTime = lines.find((l) => l.departmentCode === 'H44' && l.metric === 'DOSSIER_ON_TIME') as Line;
    const overview = (await get('/api/v1/dashboard/overview?period=2025-12&unit=79', 'lanhdao.thanhpho')).json();
    const ownOnTime = overview.index.groups
      .find((g: { group: string }) => g.group === 'PROGRESS')
      .metrics.find((m: { code: string }) => m.code === 'DOSSIER_ON_TIME').score;
    expect(onTime.own).toBe(ownOnTime);
    expect(onTime.ownDelta).toBeCloseTo((ownOnTime as number) - (onTime.published as number), 2);
    expect(onTime.isOwnDifferent).toBe(Math.abs(onTime.ownDelta ?? 0) > 0.015);
    // No portal code is mapped onto our units yet: the commune and agency rows have no own figure.
    expect(lines.filter((l) => l.departmentCode.includes('.')).every((l) => l.own === null && l.mappedTo === null)).toBe(true);
    // Indicators the platform cannot measure have no own figure either.
    expect(lines.find((l) => l.departmentCode === 'H44' && l.metric === 'PUBLISH_ON_TIME')?.own ?? null).toBeNull();

    const xlsx = await get('/api/v1/dashboard/reconciliation?period=2025-12&format=xlsx', 'lanhdao.thanhpho');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells = (sheet?.getSheetValues() ?? []).flat().map(String);
    expect(cells.some((c) => c.includes('DOSSIER_ON_TIME'))).toBe(true);
    const csv = await get('/api/v1/dashboard/reconciliation?period=2025-12&format=csv', 'lanhdao.thanhpho');
    expect(csv.body).toContain('H44.');
  });

  it('shows the platform’s own figure for the portal codes an administrator mapped, and says "not mapped" for the others', async () => {
    type Line = ReconciliationLine;
    // H44.100 is a commune on the portal (level COMMUNE), H44.03 an agency: mapped here onto Phường Tam Long and its
    // People's Committee, which handled December's three dossiers.
    const map = (code: string, target: string) =>
      api.request('PUT', `/api/v1/indicators/portal-unit-mappings/${code}`, sessions['quantri.hethong'] ?? null, { payload: { target } });
    expect((await map('H44.100', '26572')).statusCode).toBe(200);
    expect((await map('H44.03', '26572-UBND')).statusCode).toBe(200);
    const lines = (await get('/api/v1/dashboard/reconciliation?period=2025-12', 'lanhdao.thanhpho')).json().lines as Line[];
    const line = (code: string, metric: string, group?: string) =>
      lines.find((l) => l.departmentCode === code && l.metric === metric && (group === undefined || l.group === group)) as Line;

    expect(line('H44', 'TOTAL', 'PROGRESS').mappedTo).toMatchObject({ kind: 'province', code: '79' });
    expect(lines.filter((l) => l.departmentCode === 'H44.100').every((l) => l.mappedTo?.name === 'Phường Tam Long')).toBe(true);
    expect(lines.filter((l) => l.departmentCode === 'H44.03').every((l) => l.mappedTo?.code === '26572-UBND')).toBe(true);

    // The commune's own figures are its overview's.
    const overview = (await get('/api/v1/dashboard/overview?period=2025-12&unit=26572', 'lanhdao.thanhpho')).json();
    const progress = overview.index.groups.find((g: { group: string }) => g.group === 'PROGRESS');
    const ownOnTime = progress.metrics.find((m: { code: string }) => m.code === 'DOSSIER_ON_TIME').score as number;
    expect(ownOnTime).toBeCloseTo((20 * 2) / 3, 2); // two of the three December dossiers ended on time
    expect(line('H44.100', 'DOSSIER_ON_TIME').own).toBe(ownOnTime);
    expect(line('H44.100', 'DOSSIER_ON_TIME').ownDelta).toBeCloseTo(
      ownOnTime - (line('H44.100', 'DOSSIER_ON_TIME').published as number),
      2,
    );
    expect(line('H44.100', 'TOTAL', 'PROGRESS').own).toBe(progress.total);
    // The agency's are its row of the agency ranking.
    for (const indicator of ['DOSSIER_ON_TIME', 'PROGRESS']) {
      const ranking = (
        await get(`/api/v1/dashboard/ranking?period=2025-12&level=agency&indicator=${indicator}`, 'lanhdao.thanhpho')
      ).json();
      const row = ranking.rows.find((r: { code: string }) => r.code === '26572-UBND');
      expect(line('H44.03', indicator === 'PROGRESS' ? 'TOTAL' : indicator, 'PROGRESS').own).toBe(row.value);
    }
    // Indicators the platform cannot measure still have no own figure.
    expect(line('H44.100', 'PUBLISH_ON_TIME').own).toBeNull();

    // Unmapped again: no own figure, and the export says so.
    const removed = await api.request('DELETE', '/api/v1/indicators/portal-unit-mappings/H44.03', sessions['quantri.hethong'] ?? null);
    expect(removed.statusCode).toBe(204);
    const after = (await get('/api/v1/dashboard/reconciliation?period=2025-12', 'lanhdao.thanhpho')).json().lines as Line[];
    const agencyRows = after.filter((l) => l.departmentCode === 'H44.03');
    expect(agencyRows.every((l) => l.mappedTo === null && l.own === null && l.ownDelta === null)).toBe(true);
    const csv = (await get('/api/v1/dashboard/reconciliation?period=2025-12&format=csv', 'lanhdao.thanhpho')).body;
    expect(csv).toContain('26572 — Phường Tam Long');
    expect(csv).toContain('chưa ánh xạ');
  });

  it('colours the national map: this city from its rollups, another province from its imported evaluation', async () => {
    const res = await get('/api/v1/dashboard/national?period=2025-12&indicator=INDEX', 'lanhdao.thanhpho');
    expect(res.statusCode).toBe(200);
    const provinces = res.json().provinces as { provinceCode: string; value: number | null; source: string | null }[];
    const overview = (await get('/api/v1/dashboard/overview?period=2025-12&unit=79', 'lanhdao.thanhpho')).json();
    expect(provinces.find((p) => p.provinceCode === '79')).toEqual({ provinceCode: '79', value: overview.index.total, source: 'platform' });
    const recon = (await get('/api/v1/dashboard/reconciliation?period=2025-12', 'lanhdao.thanhpho')).json();
    const publishedTotal = (recon.lines as { departmentCode: string; metric: string; published: number | null }[])
      .filter((l) => l.departmentCode === 'H44' && l.metric === 'TOTAL')
      .reduce((sum, l) => sum + (l.published ?? 0), 0);
    expect(provinces.find((p) => p.provinceCode === '01')?.value).toBeCloseTo(publishedTotal, 2);
    expect(provinces.find((p) => p.provinceCode === '01')?.source).toBe('portal');
    // A KPI the portal does not publish: only this city has a figure.
    const kpi = (await get('/api/v1/dashboard/national?period=2025-12&indicator=GENUINE_ONLINE_RATE', 'lanhdao.thanhpho')).json();
    expect(kpi.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toEqual(['79']);
    const map = await get('/api/v1/dashboard/national-map', null);
    expect(map.statusCode).toBe(200);
    expect(map.json().features).toHaveLength(34);
    const bad = await get('/api/v1/dashboard/national?period=2025-12&indicator=NOT_A_CODE', 'lanhdao.thanhpho');
    expect(bad.statusCode).toBe(400);
  });

  it('gives each KPI its numerator, denominator and source for the definition pages', async () => {
    const body = (await get('/api/v1/dashboard/definitions', null)).json();
    const genuine = body.kpis.find((k: { code: string }) => k.code === 'GENUINE_ONLINE_RATE');
    expect(genuine.numerator.vi).toContain('chính người nộp');
    expect(genuine.source.en).toContain('Government Office');
    expect(body.index.reference.vi).toContain('766/QĐ-TTg');
    const online = body.index.groups.find((g: { group: string }) => g.group === 'ONLINE_SERVICE');
    expect(online.isConfirmed).toBe(false);
    expect(online.metrics[0].countedIn).toBe('procedures');
  });
});

describe(`leaders' dashboard authorization (${testBackend()})`, () => {
  const cases: [who: string | null, url: string, status: number][] = [
    [null, '/api/v1/dashboard/overview?period=2025-09&unit=79', 401],
    ['citizen', '/api/v1/dashboard/overview?period=2025-09&unit=79', 403],
    ['chuyenvien.tamlong', '/api/v1/dashboard/overview?period=2025-09&unit=26572', 403],
    ['tiepnhan.stp', '/api/v1/dashboard/overview?period=2025-09&unit=79', 403],
    ['quantri.tamlong', '/api/v1/dashboard/overview?period=2025-09&unit=26572', 200],
    ['quantri.tamlong', '/api/v1/dashboard/overview?period=2025-09&unit=79', 403],
    ['quantri.tamlong', '/api/v1/dashboard/overview?period=2025-09&unit=25747', 403],
    ['lanhdao.thanhpho', '/api/v1/dashboard/overview?period=2025-09&unit=25747', 200],
    ['quantri.hethong', '/api/v1/dashboard/overview?period=2025-09&unit=79', 200],
    [null, '/api/v1/dashboard/ranking?period=2025-09', 401],
    ['citizen', '/api/v1/dashboard/ranking?period=2025-09', 403],
    ['quantri.tamlong', '/api/v1/dashboard/ranking?period=2025-09', 403],
    ['chuyenvien.tamlong', '/api/v1/dashboard/ranking?period=2025-09', 403],
    ['quantri.hethong', '/api/v1/dashboard/ranking?period=2025-09', 200],
    [null, '/api/v1/dashboard/drilldown?period=2025-09&unit=26572', 401],
    ['citizen', '/api/v1/dashboard/drilldown?period=2025-09&unit=26572', 403],
    ['chuyenvien.tamlong', '/api/v1/dashboard/drilldown?period=2025-09&unit=26572', 403],
    ['quantri.tamlong', '/api/v1/dashboard/drilldown?period=2025-09&unit=26572', 200],
    ['quantri.tamlong', '/api/v1/dashboard/drilldown?period=2025-09&unit=79', 403],
    ['quantri.tamlong', '/api/v1/dashboard/drilldown?period=2025-09&unit=26572&format=xlsx', 200],
    ['lanhdao.thanhpho', '/api/v1/dashboard/drilldown?period=2025-09&unit=79', 200],
    [null, '/api/v1/dashboard/reconciliation', 401],
    ['citizen', '/api/v1/dashboard/reconciliation', 403],
    ['quantri.tamlong', '/api/v1/dashboard/reconciliation', 403],
    ['chuyenvien.tamlong', '/api/v1/dashboard/reconciliation', 403],
    ['lanhdao.thanhpho', '/api/v1/dashboard/reconciliation', 200],
    ['quantri.hethong', '/api/v1/dashboard/reconciliation?format=csv', 200],
    [null, '/api/v1/dashboard/national?period=2025-12', 401],
    ['citizen', '/api/v1/dashboard/national?period=2025-12', 403],
    ['quantri.tamlong', '/api/v1/dashboard/national?period=2025-12', 403],
    ['lanhdao.thanhpho', '/api/v1/dashboard/national?period=2025-12', 200],
    [null, '/api/v1/dashboard/national-map', 200],
    [null, '/api/v1/dashboard/definitions', 200],
    [null, '/api/v1/dashboard/map?province=79', 200],
  ];
  it.each(cases)('%s GET %s → %i', async (who, url, status) => {
    const res = await get(url, who);
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.json().code).toBe('FORBIDDEN');
    if (status === 401) expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});
