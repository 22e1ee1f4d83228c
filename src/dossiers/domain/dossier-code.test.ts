import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crockfordAlphabet, formatDossierCode, normaliseDossierCode, parseDossierCodeFormat } from './dossier-code.ts';

function format(text: string) {
  const parsed = parseDossierCodeFormat(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.format;
}

const at = new Date('2026-11-20T18:30:00Z'); // 01:30 on 21 November 2026 in Vietnam

describe('parseDossierCodeFormat', () => {
  it.each([
    ['{province}.{yymmdd}.{random6}', '79.261121.'],
    ['{unit}-{yyyymmdd}-{random8}', '26572-20261121-'],
    ['HS{province}{yy}{mm}{dd}{random}', 'HS79261121'],
  ])('accepts %s', (text, prefix) => {
    const code = formatDossierCode(format(text), { provinceCode: '79', unitCode: '26572', at, randomBytes: new Uint8Array(16) });
    expect(code.startsWith(prefix)).toBe(true);
  });

  it.each([
    ['{province}.{yymmdd}', /random/],
    ['{province}.{random4}', /5–16/],
    ['{province}.{random17}', /5–16/],
    ['{random6}{random6}', /more than one/],
    ['{province}/{random6}', /unexpected character/],
    ['{province}.{seq}.{random6}', /unknown placeholder/],
    ['{province2}.{random6}', /unknown placeholder/],
    ['hs.{random6}', /unexpected character/],
  ])('refuses %s', (text, reason) => {
    const parsed = parseDossierCodeFormat(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('formatDossierCode', () => {
  it('uses the Vietnam date, not the UTC one', () => {
    const code = formatDossierCode(format('{province}.{yymmdd}.{random6}'), {
      provinceCode: '79',
      unitCode: '26572',
      at,
      randomBytes: new Uint8Array([0, 1, 2, 30, 31, 32]),
    });
    expect(code).toBe('79.261121.012YZ0');
  });

  it('draws the random part from Crockford base32 only, whatever the bytes', () => {
    const f = format('{province}.{yymmdd}.{random8}');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = formatDossierCode(f, { provinceCode: '79', unitCode: '79', at, randomBytes: bytes });
        const random = code.split('.')[2] ?? '';
        expect(random).toHaveLength(8);
        for (const ch of random) expect(crockfordAlphabet).toContain(ch);
        expect(random).not.toMatch(/[ILOU]/);
        expect(normaliseDossierCode(code.toLowerCase())).toBe(code);
      }),
    );
  });

  it('spreads codes evenly: every symbol appears for uniform bytes', () => {
    const f = format('{random5}');
    const seen = new Set<string>();
    for (let b = 0; b < 256; b++)
      seen.add(formatDossierCode(f, { provinceCode: '79', unitCode: '79', at, randomBytes: new Uint8Array(5).fill(b) })[0] ?? '');
    expect(seen.size).toBe(32);
  });
});

describe('normaliseDossierCode', () => {
  it.each([
    [' 79.261121.abc123 ', '79.261121.ABC123'],
    ['79.261121.ABC123', '79.261121.ABC123'],
    ['79/261121', null],
    ['x', null],
    ["79.261121.ABC123' OR 1=1", null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDossierCode(input)).toBe(expected);
  });
});
