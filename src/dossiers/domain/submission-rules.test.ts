import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fixedFeeTotal, isValidIdempotencyKey, resolveHandlingAgency } from './submission-rules.ts';

describe('fixedFeeTotal', () => {
  it('adds fixed amounts and leaves fees given by a rule for later', () => {
    expect(
      fixedFeeTotal([
        { name: 'Lệ phí', amountVnd: 0, rule: 'Miễn' },
        { name: 'Phí chứng thực', amountVnd: 2000 },
        { name: 'Lệ phí quá hạn', rule: 'Theo nghị quyết HĐND' },
        { name: 'Phí bản sao', amountVnd: 8000 },
      ]),
    ).toBe(10_000);
    expect(fixedFeeTotal([])).toBe(0);
  });
});

describe('resolveHandlingAgency', () => {
  const commune = { level: 'commune', agencyKind: 'UBND' } as const;
  it.each([
    [
      'a department procedure',
      { level: 'province', agencyKind: 'STP' },
      { level: 'commune', unitCode: '26572' },
      null,
      { agencyCode: '79-STP', unitCode: '79' },
    ],
    [
      'a commune procedure at a commune centre',
      commune,
      { level: 'commune', unitCode: '26572' },
      null,
      { agencyCode: '26572-UBND', unitCode: '26572' },
    ],
    [
      'a commune procedure at another commune’s centre, commune chosen',
      commune,
      { level: 'commune', unitCode: '26506' },
      '26572',
      { agencyCode: '26572-UBND', unitCode: '26572' },
    ],
    [
      'a commune procedure at the city centre, commune chosen',
      { level: 'commune', agencyKind: 'CA' },
      { level: 'province', unitCode: '79' },
      '26572',
      { agencyCode: '26572-CA', unitCode: '26572' },
    ],
  ] as const)('%s', (_name, procedure, receiving, chosen, expected) => {
    expect(resolveHandlingAgency({ provinceCode: '79', procedure, receiving, chosenCommuneCode: chosen })).toEqual({
      ok: true,
      ...expected,
    });
  });
  it('needs a commune for a commune procedure received at the city centre', () => {
    expect(
      resolveHandlingAgency({
        provinceCode: '79',
        procedure: commune,
        receiving: { level: 'province', unitCode: '79' },
        chosenCommuneCode: null,
      }),
    ).toEqual({ ok: false });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('gives the same text whatever the key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(
          JSON.stringify(value, (_k, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        );
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('isValidIdempotencyKey', () => {
  it.each([
    ['3f1c2a5e-8b7d-4e6f-9a0b-1c2d3e4f5a6b', true],
    ['abcdefgh', true],
    ['short', false],
    ['has space inside', false],
    ['x'.repeat(101), false],
    ['khóa-tiếng-việt', false],
  ])('%j → %s', (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });
});
