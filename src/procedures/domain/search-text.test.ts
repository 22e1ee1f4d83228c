import { describe, expect, it } from 'vitest';
import { normaliseForSearch } from './search-text.ts';

describe('normaliseForSearch', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ki khai sinh'],
    ['đăng kí khai sinh', 'dang ki khai sinh'],
    ['Lý lịch tư pháp', 'li lich tu phap'],
    ['  CHỨNG THỰC   bản sao ', 'chung thuc ban sao'],
  ])('%s → %s', (input, expected) => expect(normaliseForSearch(input)).toBe(expected));
});
