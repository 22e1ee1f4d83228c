import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  formatGatewayTime,
  hasValidSignature,
  parseGatewayTime,
  querydrRequestFields,
  signParams,
  signPipeFields,
  withQuery,
} from './protocol.ts';

const secret = 'SANDBOXSECRET0123456789ABCDEFGH';

const payRequest = {
  vnp_Version: '2.1.0',
  vnp_Command: 'pay',
  vnp_TmnCode: 'TINHSO01',
  vnp_Amount: '1000000',
  vnp_CurrCode: 'VND',
  vnp_TxnRef: 'P7K3M9Q2',
  vnp_OrderInfo: 'Thanh toan le phi ho so 79.260302.ABCDEF',
  vnp_OrderType: 'other',
  vnp_Locale: 'vn',
  vnp_ReturnUrl: 'http://localhost:3000/payments/return',
  vnp_IpAddr: '127.0.0.1',
  vnp_CreateDate: '20260302100000',
};

// Written out by hand: sorted by name, URL-encoded with spaces as "+".
const expectedCanonical =
  'vnp_Amount=1000000&vnp_Command=pay&vnp_CreateDate=20260302100000&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn' +
  '&vnp_OrderInfo=Thanh+toan+le+phi+ho+so+79.260302.ABCDEF&vnp_OrderType=other' +
  '&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fpayments%2Freturn&vnp_TmnCode=TINHSO01&vnp_TxnRef=P7K3M9Q2&vnp_Version=2.1.0';

// Computed outside the platform: printf '%s' "$canonical" | openssl dgst -sha512 -hmac "$secret"
const opensslDigest =
  '2f8c92a8ee38da049e0c1b0985323947b309aae652a48c88c05b501a89d8473fabed2911fa37624f6397c1c02a9e6ae905e08b9a53aa93c57b52bc89fb773d3d';

describe('signature vectors', () => {
  it('signs the pay request over the sorted, URL-encoded parameters', () => {
    expect(canonicalQuery(payRequest)).toBe(expectedCanonical);
    const independent = createHmac('sha512', secret).update(expectedCanonical).digest('hex');
    expect(independent).toBe(opensslDigest);
    expect(signParams(payRequest, secret).vnp_SecureHash).toBe(opensslDigest);
  });

  it('leaves the hash and its type out of what is signed, and keeps empty values as "key="', () => {
    const signed = signParams(payRequest, secret);
    expect(canonicalQuery({ ...signed, vnp_SecureHashType: 'HmacSHA512' })).toBe(expectedCanonical);
    expect(canonicalQuery({ vnp_B: '', vnp_A: 'x y' })).toBe('vnp_A=x+y&vnp_B=');
    expect(canonicalQuery({ vnp_A: '1', other: 'ignored' })).toBe('vnp_A=1');
  });

  it('signs a querydr request over its fields joined by "|" in the documented order', () => {
    const body = {
      vnp_RequestId: 'REQ1',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'TINHSO01',
      vnp_TxnRef: 'P7K3M9Q2',
      vnp_TransactionDate: '20260302100000',
      vnp_CreateDate: '20260302101500',
      vnp_IpAddr: '127.0.0.1',
      vnp_OrderInfo: 'Truy van giao dich P7K3M9Q2',
    };
    const data = 'REQ1|2.1.0|querydr|TINHSO01|P7K3M9Q2|20260302100000|20260302101500|127.0.0.1|Truy van giao dich P7K3M9Q2';
    expect(signPipeFields(body, querydrRequestFields, secret)).toBe(createHmac('sha512', secret).update(data).digest('hex'));
    expect(signPipeFields(body, querydrRequestFields, secret)).toBe(
      'e08dfbd4c468c59899870e9110262bf9a4395b938879f871e909a012bfeff0ec521a933a330bf16fac3a2496b474244db7b5fc4e7863d9485909d331845337c1',
    );
  });
});

describe('hasValidSignature', () => {
  const signed = signParams(payRequest, secret);

  it('accepts the signed parameters, in upper-case hex too', () => {
    expect(hasValidSignature(signed, secret)).toBe(true);
    expect(hasValidSignature({ ...signed, vnp_SecureHash: opensslDigest.toUpperCase() }, secret)).toBe(true);
  });

  it.each([
    ['another secret', { ...signed }, 'WRONG-SECRET'],
    ['an altered amount', { ...signed, vnp_Amount: '100' }, secret],
    ['an added parameter', { ...signed, vnp_BankCode: 'NCB' }, secret],
    ['no hash', { ...payRequest }, secret],
    ['a truncated hash', { ...signed, vnp_SecureHash: opensslDigest.slice(0, 64) }, secret],
    ['a non-hex hash', { ...signed, vnp_SecureHash: 'z'.repeat(128) }, secret],
  ])('rejects %s', (_label, params, key) => {
    expect(hasValidSignature(params, key)).toBe(false);
  });

  it('any change to any signed value breaks the signature', () => {
    const keys = Object.keys(payRequest) as (keyof typeof payRequest)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 30 }), (key, suffix) => {
        const tampered = { ...signed, [key]: `${signed[key]}${suffix}` };
        expect(hasValidSignature(tampered, secret)).toBe(false);
      }),
    );
  });

  it('the URL query round-trips through URLSearchParams with the signature intact', () => {
    const url = new URL(withQuery('https://gateway.example/pay', signed));
    expect(hasValidSignature(Object.fromEntries(url.searchParams), secret)).toBe(true);
  });
});

describe('gateway time (yyyyMMddHHmmss, UTC+7)', () => {
  it('writes and reads Vietnam time', () => {
    expect(formatGatewayTime(new Date('2026-03-02T03:00:00Z'))).toBe('20260302100000');
    expect(formatGatewayTime(new Date('2026-03-01T17:30:05Z'))).toBe('20260302003005');
    expect(parseGatewayTime('20260302100000')?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
  });

  it.each(['', '2026030210000', '20260230100000', '20261302100000', 'abcdefghijklmn', undefined])('refuses %s', (text) => {
    expect(parseGatewayTime(text)).toBeNull();
  });

  it('round-trips any second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (seconds) => {
        const at = new Date(seconds * 1000);
        expect(parseGatewayTime(formatGatewayTime(at))?.getTime()).toBe(at.getTime());
      }),
    );
  });
});
