import { describe, expect, it } from 'vitest';
import { maskCccd, parseCccd } from './cccd.ts';

describe('parseCccd', () => {
  it.each([
    ['079090001234', null, { birthProvinceCode: '079', sex: 'male', birthYear: 1990 }],
    ['077195007531', '1995-02-01', { birthProvinceCode: '077', sex: 'female', birthYear: 1995 }],
    ['079203009876', '2003-11-20', { birthProvinceCode: '079', sex: 'male', birthYear: 2003 }],
    ['001301000001', null, { birthProvinceCode: '001', sex: 'female', birthYear: 2001 }],
  ])('reads %s', (id, birthDate, parts) => {
    expect(parseCccd(id, birthDate)).toEqual({ isValid: true, parts });
  });

  it.each([
    ['07909000123', 'format'],
    ['0790900012345', 'format'],
    ['07909000123a', 'format'],
    [' 079090001234', 'format'],
    ['003090001234', 'province'],
    ['099090001234', 'province'],
  ])('rejects %s (%s)', (id, reason) => {
    expect(parseCccd(id)).toEqual({ isValid: false, reason });
  });

  it('rejects a number whose birth year contradicts the birth date', () => {
    expect(parseCccd('079090001234', '1991-01-01')).toEqual({ isValid: false, reason: 'birth_year' });
  });
});

describe('maskCccd', () => {
  it('keeps the province and the last four digits', () => {
    expect(maskCccd('079090001234')).toBe('079*****1234');
  });
});
