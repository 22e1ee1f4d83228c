import { describe, expect, it } from 'vitest';
import { assignOldProvinces } from './old-provinces.ts';

describe('assignOldProvinces', () => {
  it('places communes by walking codes in province order', () => {
    // New 79 absorbed 74, 77, 79; new 75 absorbed 70 and 75 (lying between 74 and 77 in code order).
    const hcmc = ['74', '77', '79'];
    const dongNai = ['70', '75'];
    const result = assignOldProvinces([
      { code: '25747', candidates: hcmc },
      { code: '25000', candidates: dongNai },
      { code: '26000', candidates: dongNai },
      { code: '26572', candidates: hcmc },
      { code: '26734', candidates: hcmc },
      { code: '27000', candidates: hcmc },
    ]);
    expect(result.map((r) => `${r.code}:${r.provinceCode}`)).toEqual([
      '25000:70',
      '25747:74',
      '26000:75',
      '26572:77',
      '26734:79',
      '27000:79',
    ]);
  });

  it('uses the known first code of Thành phố Hồ Chí Minh to split it from Bà Rịa–Vũng Tàu, without marking a guess', () => {
    const hcmc = ['74', '77', '79'];
    const result = assignOldProvinces([
      { code: '25747', candidates: hcmc },
      { code: '26000', candidates: ['70', '75'] },
      { code: '26731', candidates: hcmc },
      { code: '26734', candidates: hcmc },
    ]);
    expect(result.slice(2)).toEqual([
      { code: '26731', provinceCode: '77', isInferred: false },
      { code: '26734', provinceCode: '79', isInferred: false },
    ]);
  });

  it('marks communes as inferred where two merged provinces are adjacent and no boundary is known', () => {
    // Cần Thơ (92), Hậu Giang (93), Sóc Trăng (94) became the new Cần Thơ: boundaries unknown.
    const canTho = ['92', '93', '94'];
    const result = assignOldProvinces([
      { code: '31117', candidates: canTho },
      { code: '31500', candidates: canTho },
    ]);
    expect(result.every((r) => r.isInferred)).toBe(true);
  });
});
