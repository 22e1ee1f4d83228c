import { describe, expect, it } from 'vitest';
import { matchesQuery } from './search-text.ts';

describe('accent-insensitive unit filter', () => {
  it('needs every word, in any field, in any order, accents optional', () => {
    expect(matchesQuery('tam long', ['Phường Tam Long', '26572'])).toBe(true);
    expect(matchesQuery('long tam', ['Phường Tam Long', '26572'])).toBe(true);
    expect(matchesQuery('hoa long', ['Xã Hoà Long'])).toBe(true);
    expect(matchesQuery('Hòa Long', ['Xã Hoà Long'])).toBe(true);
    expect(matchesQuery('dac khu', ['Đặc khu Côn Đảo'])).toBe(true);
    expect(matchesQuery('tam binh', ['Phường Tam Long', '26572'])).toBe(false);
    expect(matchesQuery('26572', ['Phường Tam Long', '26572'])).toBe(true);
    expect(matchesQuery('  ', ['anything'])).toBe(true);
  });
});
