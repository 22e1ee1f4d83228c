import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './search-text.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Phường Vũng Tàu', 'phuong vung tau'],
    ['Đặc khu Côn Đảo', 'dac khu con dao'],
    ['Xã Hoà Long', 'xa hoa long'],
    ['Xã Hòa Long', 'xa hoa long'],
    ['Tỉnh Bà Rịa - Vũng Tàu', 'tinh ba ria vung tau'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });
});
