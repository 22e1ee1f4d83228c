import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { procedureCatalogue } from '../../procedures/catalogue-data.ts';
import { civilStatusFeeExemptions, fee, type Fee } from '../../procedures/domain/fee.ts';
import { procedureContent } from '../../procedures/domain/procedure.ts';
import { computeFeeObligation, feeConditionHolds, readFormValue, vietnamDateOf } from './fee-obligation.ts';

const filedAt = new Date('2026-03-02T03:00:00Z'); // 10:00 on 2 March 2026 in Vietnam

/** Đăng ký khai sinh: free within 60 days of the birth (Law on Civil Status art. 15, 11), else an HĐND fee. */
const birthRegistration: Fee[] = [
  {
    name: 'Lệ phí đăng ký khai sinh đúng hạn',
    amountVnd: 0,
    appliesWhen: { field: 'child.birthDate', notOlderThanDays: 60 },
  },
  {
    name: 'Lệ phí đăng ký khai sinh quá hạn',
    rule: 'Theo nghị quyết của HĐND Thành phố',
    appliesWhen: { not: { field: 'child.birthDate', notOlderThanDays: 60 } },
    exemptions: civilStatusFeeExemptions,
  },
];

/** Cấp bản sao trích lục hộ tịch: 8.000 đồng per copy, at most 20 copies counted. */
const extractCopies: Fee[] = [{ name: 'Phí cấp bản sao trích lục', amountVnd: 8000, perUnit: { field: 'copies', max: 20 } }];

/** By option: the applicant chooses the service, which selects the line. */
const byOption: Fee[] = [
  { name: 'Cấp thông thường', amountVnd: 50_000, appliesWhen: { field: 'service', equals: 'normal' } },
  { name: 'Cấp nhanh', amountVnd: 100_000, appliesWhen: { field: 'service', in: ['express', 'same_day'] } },
  { name: 'Gửi kết quả qua bưu chính', amountVnd: 25_000, appliesWhen: { field: 'byPost', checked: true } },
];

/** A hypothetical rule: children under 6 pay nothing (tests the age rule, not a real fee). */
const underSix: Fee[] = [
  {
    name: 'Phí thử nghiệm theo độ tuổi',
    amountVnd: 30_000,
    exemptions: [{ when: { field: 'person.birthDate', ageUnderYears: 6 }, reason: 'Trẻ em dưới 6 tuổi', legalBasis: 'Ví dụ kiểm thử' }],
  },
];

const cases: {
  name: string;
  fees: Fee[];
  data: Record<string, unknown>;
  total: number;
  lines: string[];
  exempt?: string[];
  undetermined?: boolean;
}[] = [
  { name: 'no fee lines', fees: [], data: {}, total: 0, lines: [] },
  {
    name: 'fixed amount',
    fees: [{ name: 'Phí chứng thực chữ ký', amountVnd: 10_000 }],
    data: {},
    total: 10_000,
    lines: ['Phí chứng thực chữ ký'],
  },
  {
    name: 'rule text only: due amount left to assess',
    fees: [{ name: 'Lệ phí cấp giấy phép xây dựng', rule: 'Theo nghị quyết của HĐND' }],
    data: {},
    total: 0,
    lines: ['Lệ phí cấp giấy phép xây dựng'],
    undetermined: true,
  },
  {
    name: 'birth registered on day 60: on time, free',
    fees: birthRegistration,
    data: { child: { birthDate: '2026-01-01' } },
    total: 0,
    lines: ['Lệ phí đăng ký khai sinh đúng hạn'],
  },
  {
    name: 'birth registered on day 61: late, HĐND fee to assess',
    fees: birthRegistration,
    data: { child: { birthDate: '2025-12-31' } },
    total: 0,
    lines: ['Lệ phí đăng ký khai sinh quá hạn'],
    undetermined: true,
  },
  {
    name: 'late birth registration of a poor household: exempt (Law on Civil Status art. 11)',
    fees: birthRegistration,
    data: { child: { birthDate: '2020-05-01' }, feeExemptionCategory: 'poor_household' },
    total: 0,
    lines: ['Lệ phí đăng ký khai sinh quá hạn'],
    exempt: ['Người thuộc hộ nghèo'],
  },
  {
    name: 'late birth registration of a person with disabilities: exempt',
    fees: birthRegistration,
    data: { child: { birthDate: '2020-05-01' }, feeExemptionCategory: 'disability' },
    total: 0,
    lines: ['Lệ phí đăng ký khai sinh quá hạn'],
    exempt: ['Người khuyết tật'],
  },
  {
    name: 'an unknown category exempts nobody',
    fees: birthRegistration,
    data: { child: { birthDate: '2020-05-01' }, feeExemptionCategory: 'near_poor_household' },
    total: 0,
    lines: ['Lệ phí đăng ký khai sinh quá hạn'],
    undetermined: true,
  },
  { name: 'per unit: 3 copies', fees: extractCopies, data: { copies: 3 }, total: 24_000, lines: ['Phí cấp bản sao trích lục'] },
  { name: 'per unit: missing quantity counts 1', fees: extractCopies, data: {}, total: 8000, lines: ['Phí cấp bản sao trích lục'] },
  {
    name: 'per unit: capped at the maximum',
    fees: extractCopies,
    data: { copies: 500 },
    total: 160_000,
    lines: ['Phí cấp bản sao trích lục'],
  },
  { name: 'per unit: a fraction counts 1', fees: extractCopies, data: { copies: 2.5 }, total: 8000, lines: ['Phí cấp bản sao trích lục'] },
  { name: 'by option: normal', fees: byOption, data: { service: 'normal' }, total: 50_000, lines: ['Cấp thông thường'] },
  {
    name: 'by option: express and by post',
    fees: byOption,
    data: { service: 'same_day', byPost: true },
    total: 125_000,
    lines: ['Cấp nhanh', 'Gửi kết quả qua bưu chính'],
  },
  { name: 'by option: nothing chosen, nothing due', fees: byOption, data: { byPost: false }, total: 0, lines: [] },
  {
    name: 'age: five years old is under six',
    fees: underSix,
    data: { person: { birthDate: '2020-03-03' } },
    total: 0,
    lines: ['Phí thử nghiệm theo độ tuổi'],
    exempt: ['Trẻ em dưới 6 tuổi'],
  },
  {
    name: 'age: six on the filing day is not under six',
    fees: underSix,
    data: { person: { birthDate: '2020-03-02' } },
    total: 30_000,
    lines: ['Phí thử nghiệm theo độ tuổi'],
  },
  {
    name: 'age: an impossible date exempts nobody',
    fees: underSix,
    data: { person: { birthDate: '2025-02-30' } },
    total: 30_000,
    lines: ['Phí thử nghiệm theo độ tuổi'],
  },
];

describe('computeFeeObligation', () => {
  it.each(cases)('$name', ({ fees, data, total, lines, exempt, undetermined }) => {
    const obligation = computeFeeObligation({ fees }, data, { filedAt });
    expect(obligation.totalVnd).toBe(total);
    expect(obligation.lines.map((l) => l.name)).toEqual(lines);
    expect(obligation.exemptions.map((e) => e.reason)).toEqual(exempt ?? []);
    expect(obligation.hasUndeterminedLines).toBe(undetermined ?? false);
  });

  it('records the waived amount and the legal basis of an exemption', () => {
    const fees: Fee[] = [{ name: 'Lệ phí đăng ký kết hôn', amountVnd: 30_000, exemptions: civilStatusFeeExemptions }];
    const obligation = computeFeeObligation({ fees }, { feeExemptionCategory: 'revolutionary_family' }, { filedAt });
    expect(obligation.exemptions).toEqual([
      {
        line: 'Lệ phí đăng ký kết hôn',
        reason: 'Người thuộc gia đình có công với cách mạng',
        legalBasis: 'Luật Hộ tịch 60/2014/QH13, điều 11 khoản 1 điểm a',
        waivedVnd: 30_000,
      },
    ]);
    expect(obligation.lines[0]).toMatchObject({ amountVnd: 30_000, dueVnd: 0 });
  });

  it('judges the filing date in Vietnam time, not UTC', () => {
    // 23:30 UTC on 1 March is already 2 March in Vietnam: a child born 1 January is then 60 days old.
    const lateEvening = new Date('2026-03-01T23:30:00Z');
    expect(vietnamDateOf(lateEvening)).toBe('2026-03-02');
    const obligation = computeFeeObligation({ fees: birthRegistration }, { child: { birthDate: '2026-01-01' } }, { filedAt: lateEvening });
    expect(obligation.lines.map((l) => l.name)).toEqual(['Lệ phí đăng ký khai sinh đúng hạn']);
  });

  it('reads nested values and nothing from arrays or missing groups', () => {
    expect(readFormValue({ a: { b: 1 } }, 'a.b')).toBe(1);
    expect(readFormValue({ a: [{ b: 1 }] }, 'a.b')).toBeUndefined();
    expect(readFormValue({}, 'a.b')).toBeUndefined();
    expect(readFormValue({ a: Object.create({ b: 1 }) as object }, 'a.b')).toBeUndefined();
    expect(feeConditionHolds({ not: { field: 'x', checked: true } }, {}, '2026-03-02')).toBe(true);
  });
});

const amount = fc.integer({ min: 0, max: 5_000_000 });
const category = fc.constantFrom('poor_household', 'disability', 'revolutionary_family', 'none', undefined);
const arbitraryLine: fc.Arbitrary<Fee> = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }),
    amountVnd: amount,
    perUnit: fc.constant({ field: 'copies', max: 50 }),
    appliesWhen: fc.constantFrom({ field: 'service', equals: 'express' }, { field: 'byPost', checked: true }),
    exemptions: fc.constant(civilStatusFeeExemptions),
  },
  { requiredKeys: ['name'] },
);
const arbitraryData = fc.record({
  service: fc.constantFrom('express', 'normal'),
  byPost: fc.boolean(),
  copies: fc.integer({ min: 0, max: 80 }),
  feeExemptionCategory: category,
});

describe('computeFeeObligation properties', () => {
  it('every generated line is valid fee data', () => {
    fc.assert(fc.property(arbitraryLine, (line) => fee.safeParse(line).success));
  });

  it('the total is the sum of the determined amounts due, never negative', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 6 }), arbitraryData, (fees, data) => {
        const o = computeFeeObligation({ fees }, data, { filedAt });
        expect(o.totalVnd).toBe(o.lines.reduce((s, l) => s + (l.dueVnd ?? 0), 0));
        expect(o.totalVnd).toBeGreaterThanOrEqual(0);
        expect(o.lines.length).toBeLessThanOrEqual(fees.length);
      }),
    );
  });

  it('declaring an exemption category never raises what is due', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 6 }), arbitraryData, (fees, data) => {
        const without = computeFeeObligation({ fees }, { ...data, feeExemptionCategory: undefined }, { filedAt });
        const withCategory = computeFeeObligation({ fees }, { ...data, feeExemptionCategory: 'poor_household' }, { filedAt });
        expect(withCategory.totalVnd).toBeLessThanOrEqual(without.totalVnd);
        expect(withCategory.lines.every((l) => l.dueVnd === 0 || l.dueVnd === null || l.exemption === null)).toBe(true);
      }),
    );
  });

  it('an exempt line owes nothing and names its legal basis', () => {
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 6 }), arbitraryData, (fees, data) => {
        const o = computeFeeObligation({ fees }, data, { filedAt });
        for (const l of o.lines) if (l.exemption) expect(l.dueVnd).toBe(0);
        expect(o.exemptions.length).toBe(o.lines.filter((l) => l.exemption).length);
        for (const e of o.exemptions) expect(e.legalBasis).toMatch(/60\/2014\/QH13/);
      }),
    );
  });
});

describe('the catalogue’s birth registration (1.001193) as data', () => {
  const entry = procedureCatalogue.find((e) => e.code === '1.001193');
  if (!entry) throw new Error('1.001193 missing from the catalogue');
  const { code: _code, ...content } = entry;
  const version = procedureContent.parse(content);

  it('is free on time, leaves a late fee to the HĐND rate, and waives it for a poor household', () => {
    const onTime = computeFeeObligation(version, { child: { birthDate: '2026-02-10' } }, { filedAt });
    expect(onTime).toMatchObject({ totalVnd: 0, hasUndeterminedLines: false });
    const late = computeFeeObligation(version, { child: { birthDate: '2024-02-10' } }, { filedAt });
    expect(late).toMatchObject({ totalVnd: 0, hasUndeterminedLines: true });
    const poor = computeFeeObligation(version, { child: { birthDate: '2024-02-10' }, feeExemptionCategory: 'poor_household' }, { filedAt });
    expect(poor).toMatchObject({ totalVnd: 0, hasUndeterminedLines: false, exemptions: [{ reason: 'Người thuộc hộ nghèo' }] });
  });
});
