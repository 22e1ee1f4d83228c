import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { procedureCatalogue } from './catalogue-data.ts';
import { publishProcedureVersion } from './publish-version.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};
const search = (params: Record<string, string>) => get(`/api/v1/procedures?${new URLSearchParams(params)}`);

interface Facet {
  value: string;
  count: number;
}
interface Summary {
  code: string;
  level: string;
  sector: string;
  onlineLevel: string;
  agencyKind: string;
}

describe(`procedure catalogue API (${testBackend()})`, () => {
  it('loads the whole reference catalogue', async () => {
    const { body } = await search({ pageSize: '100' });
    expect(body.total).toBe(procedureCatalogue.length);
    expect(body.total).toBeGreaterThanOrEqual(40);
  });

  it.each(['dang ky khai sinh', 'đăng kí khai sinh', 'dang ki khai sin', 'Đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH'])(
    'finds 1.001193 first for "%s"',
    async (q) => {
      const { status, body } = await search({ q });
      expect(status).toBe(200);
      expect(body.items[0].code).toBe('1.001193');
      // Other birth procedures are found too, after the plain one.
      expect(body.items.map((i: Summary) => i.code)).toContain('1.000689');
    },
  );

  it('finds procedures by synonyms, typos and i/y variants', async () => {
    expect((await search({ q: 'chung thuc ban sao' })).body.items[0].code).toBe('2.000815');
    expect((await search({ q: 'xác nhận tình trạng hôn nhân' })).body.items[0].code).toBe('1.004873');
    expect((await search({ q: 'giay phep xay dung nha o' })).body.items[0].code).toBe('1.013225');
    expect((await search({ q: 'tam tru' })).body.items.map((i: Summary) => i.code)).toContain('1.004194');
    expect((await search({ q: 'xin phep ban thuoc la' })).body.items.map((i: Summary) => i.code)).toContain('2.000181');
  });

  it('returns nothing for text that matches no procedure', async () => {
    const { body } = await search({ q: 'qqqq zzzz wwww' });
    expect(body.total).toBe(0);
    expect(body.items).toEqual([]);
  });

  it('keeps facets consistent with the filtered items', async () => {
    const filters: Record<string, string>[] = [
      {},
      { level: 'commune' },
      { sector: 'Hộ tịch' },
      { online: 'full' },
      { agency: 'CA' },
      { q: 'dang ky', level: 'commune' },
    ];
    for (const params of filters) {
      const { body } = await search({ ...params, pageSize: '100' });
      const items: Summary[] = body.items;
      expect(items).toHaveLength(body.total);
      for (const [name, key] of [
        ['level', 'level'],
        ['sector', 'sector'],
        ['onlineLevel', 'onlineLevel'],
        ['agencyKind', 'agencyKind'],
      ] as const) {
        const facets: Facet[] = body.facets[name];
        expect(facets.reduce((s, f) => s + f.count, 0)).toBe(body.total);
        for (const f of facets) expect(items.filter((i) => i[key] === f.value)).toHaveLength(f.count);
      }
    }
  });

  it('filters by sector, online level and agency', async () => {
    const civil = (await search({ sector: 'Hộ tịch', pageSize: '100' })).body;
    expect(civil.total).toBeGreaterThanOrEqual(10);
    expect(civil.items.every((i: Summary) => i.sector === 'Hộ tịch')).toBe(true);

    const police = (await search({ agency: 'CA', pageSize: '100' })).body;
    expect(police.items.map((i: Summary) => i.code)).toEqual(expect.arrayContaining(['1.004222', '1.004194']));
    expect(police.items.every((i: Summary) => i.agencyKind === 'CA')).toBe(true);

    const commune = (await search({ agency: '26734-UBND', pageSize: '100' })).body;
    expect(commune.total).toBeGreaterThan(0);
    expect(commune.items.every((i: Summary) => i.agencyKind === 'UBND' && i.level === 'commune')).toBe(true);
    // No procedure of this catalogue is done by the People's Committee of the city itself.
    expect((await search({ agency: '79-UBND' })).body.total).toBe(0);

    const full = (await search({ online: 'full', q: 'khai sinh' })).body;
    expect(full.items.map((i: Summary) => i.code)).toContain('1.001193');
    expect(full.items.every((i: Summary) => i.onlineLevel === 'full')).toBe(true);
  });

  it('pages through results', async () => {
    const first = (await search({ pageSize: '10', page: '1' })).body;
    const second = (await search({ pageSize: '10', page: '2' })).body;
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(10);
    const codes = new Set([...first.items, ...second.items].map((i: Summary) => i.code));
    expect(codes.size).toBe(20);
  });

  it('returns 1.001193 in full: components, time in working days, fees, legal basis, form', async () => {
    const { status, body } = await get('/api/v1/procedures/1.001193');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      version: 1,
      isCurrent: true,
      level: 'commune',
      agencyCode: '{communeCode}-UBND',
    });
    expect(['working_days', 'days']).toContain(body.timeUnit);
    expect(body.components.map((c: { code: string }) => c.code)).toContain('GIAY_CHUNG_SINH');
    expect(body.legalBasis.map((l: { number: string }) => l.number)).toContain('60/2014/QH13');
    expect(body.fees.length).toBeGreaterThan(0);
    expect(body.formDefinition.fields.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(['hasForeignElement', 'father']),
    );
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, isCurrent: true })]);
  });

  it('publishes a new version and keeps the old one retrievable', async () => {
    const before = (await get('/api/v1/procedures/2.000884')).body;
    const published = await publishProcedureVersion(ctx.database.db, {
      provinceCode: ctx.config.provinceCode,
      code: '2.000884',
      changes: { timeAmount: 2, timeUnit: 'working_days', timeNote: 'Thử nghiệm' },
      changeNote: 'Điều chỉnh thời hạn',
    });
    expect(published.version).toBe(2);

    const current = (await get('/api/v1/procedures/2.000884')).body;
    expect(current).toMatchObject({ version: 2, isCurrent: true, timeAmount: 2, changeNote: 'Điều chỉnh thời hạn', name: before.name });
    expect(current.versionId).not.toBe(before.versionId);
    expect(current.versions.map((v: { version: number; isCurrent: boolean }) => `${v.version}:${v.isCurrent}`)).toEqual([
      '1:false',
      '2:true',
    ]);

    const old = (await get('/api/v1/procedures/2.000884?version=1')).body;
    expect(old).toMatchObject({ version: 1, isCurrent: false, timeAmount: before.timeAmount, versionId: before.versionId });

    // Search shows only the current version, once.
    const hits = (await search({ q: 'chung thuc chu ky', pageSize: '100' })).body.items.filter((i: Summary) => i.code === '2.000884');
    expect(hits).toEqual([expect.objectContaining({ version: 2 })]);

    const missing = await get('/api/v1/procedures/2.000884?version=3');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('PROCEDURE_VERSION_NOT_FOUND');
  });

  it('refuses a version whose content is invalid, keeping the current one', async () => {
    await expect(
      publishProcedureVersion(ctx.database.db, {
        provinceCode: ctx.config.provinceCode,
        code: '1.000894',
        changes: { timeAmount: -1 },
        changeNote: 'x',
      }),
    ).rejects.toMatchObject({ code: 'PROCEDURE_CONTENT_INVALID' });
    await expect(
      publishProcedureVersion(ctx.database.db, { provinceCode: ctx.config.provinceCode, code: '9.999999', changes: {}, changeNote: 'x' }),
    ).rejects.toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    expect((await get('/api/v1/procedures/1.000894')).body.version).toBe(1);
  });

  it.each([
    '/api/v1/procedures?foo=1',
    '/api/v1/procedures?level=district',
    '/api/v1/procedures?online=4',
    '/api/v1/procedures?pageSize=1000',
    '/api/v1/procedures?page=0',
    '/api/v1/procedures/1001193',
    '/api/v1/procedures/1.001193?version=0',
    '/api/v1/procedures/1.001193?lang=en',
  ])('answers 400 VALIDATION_FAILED for %s', async (url) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 PROCEDURE_NOT_FOUND for an unknown code', async () => {
    const { status, body } = await get('/api/v1/procedures/9.999999');
    expect(status).toBe(404);
    expect(body.code).toBe('PROCEDURE_NOT_FOUND');
    expect(body.messages.vi).toBe('Không tìm thấy thủ tục hành chính.');
  });
});
