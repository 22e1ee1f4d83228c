import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cccdProvinceCodes, isValidCccd, isValidTaxCode, isValidVietnamesePhone, taxCodeCheckDigit } from './identifiers.ts';

const provinceCodes = Object.keys(cccdProvinceCodes);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A valid 10-digit tax code: nine random digits and their check digit, skipping prefixes with none. */
const validTaxCode = digits(9)
  .filter((nine) => taxCodeCheckDigit(nine) !== null)
  .map((nine) => `${nine}${taxCodeCheckDigit(nine)}`);

describe('citizen ID (CCCD)', () => {
  it('knows the 63 pre-2025 provinces, from 001 Hà Nội to 096 Cà Mau', () => {
    expect(provinceCodes).toHaveLength(63);
    expect(cccdProvinceCodes['001']).toBe('Hà Nội');
    expect(cccdProvinceCodes['079']).toBe('Thành phố Hồ Chí Minh');
    expect(cccdProvinceCodes['077']).toBe('Bà Rịa – Vũng Tàu');
    expect(cccdProvinceCodes['096']).toBe('Cà Mau');
  });

  it.each([
    ['079203001234', true],
    ['001099000001', true],
    ['096912345678', true],
    ['003203001234', false], // 03 was never a province code
    ['079 20300123', false],
    ['07920300123', false],
    ['0792030012345', false],
    ['100203001234', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidCccd(value)).toBe(expected);
  });

  it('accepts every 12-digit number with a valid province prefix and any century/sex digit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...provinceCodes), digits(9), (prefix, rest) => {
        expect(isValidCccd(prefix + rest)).toBe(true);
      }),
    );
  });

  it('rejects every prefix that is not a province code', () => {
    fc.assert(
      fc.property(
        digits(3).filter((p) => !provinceCodes.includes(p)),
        digits(9),
        (prefix, rest) => {
          expect(isValidCccd(prefix + rest)).toBe(false);
        },
      ),
    );
  });
});

describe('tax code (mã số thuế)', () => {
  it.each([
    ['0300588569', true], // Vinamilk
    ['0101248141', true], // FPT
    ['0300588568', false],
    ['0300588569-001', true],
    ['0300588569001', true],
    ['0300588569-000', false],
    ['0300588569-01', false],
    ['030058856', false],
    ['03005885691', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidTaxCode(value)).toBe(expected);
  });

  it('accepts every generated valid code, alone and with a branch suffix', () => {
    fc.assert(
      fc.property(validTaxCode, fc.integer({ min: 1, max: 999 }), (code, branch) => {
        expect(isValidTaxCode(code)).toBe(true);
        expect(isValidTaxCode(`${code}-${String(branch).padStart(3, '0')}`)).toBe(true);
      }),
    );
  });

  it('rejects any change of the check digit', () => {
    fc.assert(
      fc.property(validTaxCode, fc.integer({ min: 1, max: 9 }), (code, delta) => {
        const changed = (Number(code[9]) + delta) % 10;
        expect(isValidTaxCode(code.slice(0, 9) + changed)).toBe(false);
      }),
    );
  });

  it('rejects any single-digit change among the first nine digits that the checksum catches', () => {
    // Weights 31…3 are all non-zero mod 11, so changing one digit always changes the checksum.
    fc.assert(
      fc.property(validTaxCode, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (code, pos, delta) => {
        const d = (Number(code[pos]) + delta) % 10;
        const changed = code.slice(0, pos) + d + code.slice(pos + 1);
        expect(isValidTaxCode(changed)).toBe(false);
      }),
    );
  });
});

describe('phone numbers', () => {
  it.each([
    ['0912345678', true],
    ['+84 912 345 678', true],
    ['84912345678', true],
    ['0388.123.456', true],
    ['02838234567', true], // HCMC landline
    ['0112345678', false],
    ['091234567', false],
    ['abc', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidVietnamesePhone(value)).toBe(expected);
  });
});
