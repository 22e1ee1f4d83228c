import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};

describe(`units API (${testBackend()})`, () => {
  it('lists the 168 communes of Thành phố Hồ Chí Minh on 2026-11-21', async () => {
    const { status, body } = await get('/api/v1/units?parent=79&at=2026-11-21&limit=500');
    expect(status).toBe(200);
    expect(body.total).toBe(168);
    const names = body.items.map((u: { fullName: string }) => u.fullName);
    expect(names).toContain('Phường Tam Long');
    expect(names).toContain('Đặc khu Côn Đảo');
    expect(names).toContain('Phường Sài Gòn');
    expect(body.items.every((u: { parentCode: string; level: string }) => u.parentCode === '79' && u.level === 'commune')).toBe(true);
  });

  it('lists old Thành phố Hồ Chí Minh communes (before Bà Rịa–Vũng Tàu joined) at 2024-06-01', async () => {
    const { body } = await get('/api/v1/units?parent=79&at=2024-06-01&limit=500');
    const names = body.items.map((u: { fullName: string }) => u.fullName);
    expect(names).toContain('Phường Tân Định');
    expect(names).not.toContain('Xã Hoà Long');
    expect(body.items.every((u: { validTo: string }) => u.validTo === '2025-06-30')).toBe(true);
  });

  it('has 34 provinces now and 63 before the 2025 reorganisation', async () => {
    expect((await get('/api/v1/units?at=2026-11-21')).body.total).toBe(34);
    expect((await get('/api/v1/units?at=2024-06-01&limit=100')).body.total).toBe(63);
  });

  it('resolves 26572 to Xã Hoà Long (province 77) in 2024, linked to its successor', async () => {
    const { status, body } = await get('/api/v1/units/26572?at=2024-06-01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: '26572', fullName: 'Xã Hoà Long', parentCode: '77', validTo: '2025-06-30' });
    expect(body.parent).toMatchObject({ code: '77', fullName: 'Tỉnh Bà Rịa - Vũng Tàu' });
    expect(body.history.successors).toEqual([
      expect.objectContaining({
        kind: 'full',
        effectiveOn: '2025-07-01',
        unit: expect.objectContaining({ code: '26572', fullName: 'Phường Tam Long', parentCode: '79' }),
      }),
    ]);
  });

  it('resolves 26572 to Phường Tam Long (province 79) in 2026, with the three communes it absorbed', async () => {
    const { body } = await get('/api/v1/units/26572?at=2026-11-21');
    expect(body).toMatchObject({ fullName: 'Phường Tam Long', parentCode: '79', validFrom: '2025-07-01', validTo: null });
    expect(body.parent).toMatchObject({ code: '79', fullName: 'Thành phố Hồ Chí Minh' });
    const preds = body.history.predecessors.map(
      (p: { unit: { fullName: string; parentCode: string } }) => `${p.unit.fullName}/${p.unit.parentCode}`,
    );
    expect(preds.sort()).toEqual(['Phường Long Tâm/77', 'Xã Hoà Long/77', 'Xã Long Phước/77']);
    expect(body.history.sameCodeInOtherEras.map((u: { fullName: string }) => u.fullName)).toEqual(['Xã Hoà Long']);
  });

  it('defaults to the current unit when no date is given', async () => {
    expect((await get('/api/v1/units/26572')).body.fullName).toBe('Phường Tam Long');
  });

  it('links province 77 to Thành phố Hồ Chí Minh', async () => {
    const { body } = await get('/api/v1/units/77?at=2024-06-01');
    expect(body.fullName).toBe('Tỉnh Bà Rịa - Vũng Tàu');
    expect(body.history.successors.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['79']);
    const hcmc = (await get('/api/v1/units/79')).body;
    expect(hcmc.history.predecessors.map((p: { unit: { code: string } }) => p.unit.code).sort()).toEqual(['74', '77', '79']);
  });

  it('marks an old commune split across several new ones as partial', async () => {
    // Phường Ngọc Hà (Hà Nội, 00016) was split between Phường Ba Đình and Phường Ngọc Hà.
    const { body } = await get('/api/v1/units/00016?at=2024-06-01');
    const succ = body.history.successors.map((s: { kind: string; unit: { fullName: string } }) => `${s.kind}:${s.unit.fullName}`);
    expect(succ).toEqual(expect.arrayContaining(['partial:Phường Ba Đình', 'partial:Phường Ngọc Hà']));
  });

  it('searches names without accents across both eras, current units first', async () => {
    const { body } = await get('/api/v1/units?q=vung%20tau');
    const names = body.items.map((u: { fullName: string; validTo: string | null }) => `${u.fullName}${u.validTo ? ' (old)' : ''}`);
    expect(names[0]).toBe('Phường Vũng Tàu');
    expect(names).toContain('Tỉnh Bà Rịa - Vũng Tàu (old)');
  });

  it('finds "Côn Đảo" typed as "con dao" and with accents', async () => {
    for (const q of ['con dao', 'Côn Đảo', 'CON DAO']) {
      const { body } = await get(`/api/v1/units?q=${encodeURIComponent(q)}`);
      expect(body.items[0].fullName).toBe('Đặc khu Côn Đảo');
    }
  });

  it('restricts search to a date when asked', async () => {
    const { body } = await get('/api/v1/units?q=hoa%20long&at=2024-06-01');
    expect(body.items.map((u: { fullName: string }) => u.fullName)).toContain('Xã Hoà Long');
    expect(body.items.every((u: { validTo: string | null }) => u.validTo === '2025-06-30')).toBe(true);
  });

  it('answers 404 UNIT_NOT_FOUND for a code that did not exist at that date', async () => {
    const { status, body } = await get('/api/v1/units/99999');
    expect(status).toBe(404);
    expect(body.code).toBe('UNIT_NOT_FOUND');
    expect((await get('/api/v1/units/26572?at=1990-13-01')).status).toBe(400);
  });

  it('lists the agencies attached to a commune: its People’s Committee and service centre', async () => {
    const { body } = await get('/api/v1/agencies?unit=26572');
    expect(body.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['people_committee', 'service_centre']);
    const centres = (await get('/api/v1/agencies?province=79&receivesDossiers=true&limit=1000')).body;
    expect(centres.total).toBe(169);
    const dept = (await get('/api/v1/agencies/79-STP')).body;
    expect(dept).toMatchObject({ name: 'Sở Tư pháp', level: 'province', unitCode: '79' });
  });
});
