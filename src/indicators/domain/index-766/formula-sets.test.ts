import { describe, expect, it } from 'vitest';
import {
  describeFormula,
  findMetric,
  formulaSetFor,
  latestFormulaSet,
  overrideFormulaSet,
  portalFormulaSet2025,
  type FormulaSet,
} from './formula-sets.ts';
import { formatPeriod, parsePeriod, periodMonths, periodStart } from './period.ts';

describe('the portal formula set', () => {
  it('adds up to 100 points in six groups', () => {
    expect(portalFormulaSet2025.groups.map((g) => [g.group, g.maxScore])).toEqual([
      ['TRANSPARENCY', 18],
      ['PROGRESS', 20],
      ['ONLINE_SERVICE', 12],
      ['PAYMENT', 10],
      ['DIGITIZATION', 22],
      ['SATISFACTION', 18],
    ]);
    expect(portalFormulaSet2025.groups.reduce((total, g) => total + g.maxScore, 0)).toBe(100);
  });

  it("gives each group its indicators' maxima (payment's parts reach 10.5, capped at 10)", () => {
    for (const group of portalFormulaSet2025.groups) {
      const sum = group.metrics.reduce((total, m) => total + m.maxScore, 0);
      expect([group.group, sum]).toEqual([group.group, group.group === 'PAYMENT' ? 10.5 : group.maxScore]);
    }
  });

  it('has each metric code once', () => {
    const codes = portalFormulaSet2025.groups.flatMap((g) => g.metrics.map((m) => m.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('marks only the online-service group as unconfirmed, and says why', () => {
    const unconfirmed = portalFormulaSet2025.groups.filter((g) => !g.isConfirmed);
    expect(unconfirmed.map((g) => g.group)).toEqual(['ONLINE_SERVICE']);
    expect(unconfirmed[0]?.note?.vi).toMatch(/chưa công bố/);
  });

  it('describes formulas for definition pages', () => {
    const reuse = findMetric(portalFormulaSet2025, 'REUSED_DIGITIZED_DATA');
    const complaints = findMetric(portalFormulaSet2025, 'PETITION_PROCESSING_ON_TIME');
    expect(reuse && describeFormula(reuse.definition)).toBe('min(2, 2 × rate ÷ 0.8); not applicable when the denominator is empty');
    expect(complaints && describeFormula(complaints.definition)).toBe('6 × rate; 6 when the denominator is empty');
    expect(findMetric(portalFormulaSet2025, 'NO_SUCH_METRIC')).toBeNull();
  });
});

describe('formula set versions', () => {
  const later: FormulaSet = { ...portalFormulaSet2025, id: 'later', validFrom: '2027-01-01' };
  const sets = [portalFormulaSet2025, later];

  it.each([
    ['2024-12-31', null],
    ['2025-01-01', 'dvcqg-766-2025'],
    ['2026-12-31', 'dvcqg-766-2025'],
    ['2027-01-01', 'later'],
  ])('on %s uses %s', (date, id) => {
    expect(formulaSetFor(date, sets)?.id ?? null).toBe(id);
  });

  it('knows the latest set', () => {
    expect(latestFormulaSet(sets).id).toBe('later');
    expect(() => latestFormulaSet([])).toThrow(RangeError);
  });
});

describe('overrideFormulaSet', () => {
  const metrics = [
    {
      code: 'ONLINE_DOSSIER',
      label: { vi: 'Hồ sơ trực tuyến', en: 'Online dossiers' },
      maxScore: 12,
      countedIn: 'dossiers' as const,
      formula: { kind: 'rate' as const, fullAt: 0.8, whenEmpty: 'notApplicable' as const },
    },
  ];

  it('replaces one group and keeps the others as they were', () => {
    const set = overrideFormulaSet(portalFormulaSet2025, {
      id: 'hcm-2026',
      validFrom: '2026-01-01',
      groups: [{ group: 'ONLINE_SERVICE', metrics }],
    });
    expect(set).toMatchObject({ id: 'hcm-2026', validFrom: '2026-01-01' });
    const online = set.groups.find((g) => g.group === 'ONLINE_SERVICE');
    expect(online).toMatchObject({ metrics, isConfirmed: false, maxScore: 12 });
    expect(online?.note).toEqual(portalFormulaSet2025.groups[2]?.note);
    expect(set.groups.filter((g) => g.group !== 'ONLINE_SERVICE')).toEqual(
      portalFormulaSet2025.groups.filter((g) => g.group !== 'ONLINE_SERVICE'),
    );
  });

  it('drops the unconfirmed note once the formula is stated to be confirmed', () => {
    const set = overrideFormulaSet(portalFormulaSet2025, {
      id: 'published',
      groups: [{ group: 'ONLINE_SERVICE', metrics, isConfirmed: true }],
    });
    const online = set.groups.find((g) => g.group === 'ONLINE_SERVICE');
    expect(online?.isConfirmed).toBe(true);
    expect(online?.note).toBeUndefined();
  });
});

describe('periods', () => {
  it.each([
    ['2026-03', { kind: 'month', year: 2026, month: 3 }, ['2026-03'], '2026-03-01'],
    ['2026-Q2', { kind: 'quarter', year: 2026, quarter: 2 }, ['2026-04', '2026-05', '2026-06'], '2026-04-01'],
    ['2025', { kind: 'year', year: 2025 }, Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`), '2025-01-01'],
  ])('reads %s', (text, period, months, start) => {
    const parsed = parsePeriod(text);
    expect(parsed).toEqual(period);
    if (!parsed) return;
    expect(periodMonths(parsed)).toEqual(months);
    expect(periodStart(parsed)).toBe(start);
    expect(formatPeriod(parsed)).toBe(text);
  });

  it.each(['2026-13', '2026-Q5', '2026-3', '26-03', '2026-03-01', '', 'Q1-2026'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});
