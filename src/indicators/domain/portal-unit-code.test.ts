import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProvinceDepartmentCode, mappingTargetOf, parsePortalDepartmentCode } from './portal-unit-code.ts';

describe('parsePortalDepartmentCode', () => {
  it.each([
    ['H44', { code: 'H44', provinceCode: 'H44', isProvince: true }],
    ['H44.03', { code: 'H44.03', provinceCode: 'H44', isProvince: false }],
    ['H44.100', { code: 'H44.100', provinceCode: 'H44', isProvince: false }],
    ['G01.12.3', { code: 'G01.12.3', provinceCode: 'G01', isProvince: false }],
  ])('reads %s', (text, expected) => {
    expect(parsePortalDepartmentCode(text)).toEqual(expected);
  });

  it.each(['', 'h44.03', 'H4.03', 'H444.03', 'H44.', 'H44..03', 'H44.03.', 'H44.12345', 'H44.1.2.3.4', ' H44.03', 'H44.0a', '79'])(
    'refuses %j',
    (text) => {
      expect(parsePortalDepartmentCode(text)).toBeNull();
    },
  );

  it('a code read back is the text given, and its province row is a prefix of it', () => {
    const arbitraryCode = fc
      .tuple(fc.constantFrom(...'ABGHKZ'), fc.integer({ min: 0, max: 99 }), fc.array(fc.integer({ min: 0, max: 9999 }), { maxLength: 3 }))
      .map(([letter, province, parts]) => `${letter}${String(province).padStart(2, '0')}${parts.map((p) => `.${p}`).join('')}`);
    fc.assert(
      fc.property(arbitraryCode, (text) => {
        const parsed = parsePortalDepartmentCode(text);
        expect(parsed?.code).toBe(text);
        expect(text.startsWith(parsed?.provinceCode ?? '?')).toBe(true);
        expect(parsed?.isProvince).toBe(!text.includes('.'));
        expect(isProvinceDepartmentCode(text)).toBe(!text.includes('.'));
      }),
    );
  });
});

describe('mappingTargetOf', () => {
  it.each([
    ['26572', { kind: 'unit', code: '26572' }],
    ['26572-UBND', { kind: 'agency', code: '26572-UBND' }],
    ['79-STP', { kind: 'agency', code: '79-STP' }],
    ['79-SGDĐT', { kind: 'agency', code: '79-SGDĐT' }],
    ['79-SNgV', { kind: 'agency', code: '79-SNgV' }],
  ])('reads %s', (text, expected) => {
    expect(mappingTargetOf(text)).toEqual(expected);
  });

  it.each(['', '79', '2657', '265720', 'UBND', '79-', '-STP', '79 STP', '79-STP;DROP', 'H44.03'])('refuses %j', (text) => {
    expect(mappingTargetOf(text)).toBeNull();
  });
});
