import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVndInWords } from './amount-in-words.ts';

describe('readVndInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1000, 'Một nghìn đồng'],
    [2000, 'Hai nghìn đồng'],
    [8000, 'Tám nghìn đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [24_000, 'Hai mươi tư nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [400_000, 'Bốn trăm nghìn đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [1_000_001, 'Một triệu không trăm linh một đồng'],
    [2_500_000_000, 'Hai tỷ năm trăm triệu đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(readVndInWords(amount)).toBe(words);
  });

  it('refuses amounts that are not whole đồng', () => {
    expect(() => readVndInWords(-1)).toThrow(RangeError);
    expect(() => readVndInWords(1.5)).toThrow(RangeError);
  });

  it('always reads as one capitalised phrase ending in "đồng", without doubled spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = readVndInWords(n);
        expect(words).toMatch(/^[A-ZÀ-ỸĐ][^ ]*( [^ ]+)* đồng$|^Không đồng$/u);
        expect(words).not.toContain('  ');
        expect(words.charAt(0)).toBe(words.charAt(0).toUpperCase());
      }),
    );
  });

  it('different amounts read differently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (a, b) => {
        fc.pre(a !== b);
        expect(readVndInWords(a)).not.toBe(readVndInWords(b));
      }),
    );
  });
});
