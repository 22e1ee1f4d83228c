import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaSets, portalFormulaSet2025, type MetricDefinition } from './formula-sets.ts';
import { parsePeriod } from './period.ts';
import { aggregateCounts, satisfiedDossiers, scoreForPeriod, scoreMetric, scoreUnit, type UnitCounts } from './score.ts';

const allMetrics = portalFormulaSet2025.groups.flatMap((g) => g.metrics);
const scoredMetrics = allMetrics.filter((m) => m.formula.kind === 'rate');

/** A formula definition to test against any of the table's or an arbitrary one. */
const anyDefinition: fc.Arbitrary<MetricDefinition> = fc.oneof(
  fc.constantFrom(...allMetrics),
  fc.record({
    code: fc.constant('ARBITRARY'),
    label: fc.constant({ vi: 'x', en: 'x' }),
    maxScore: fc.integer({ min: 0, max: 4000 }).map((n) => n / 100),
    countedIn: fc.constant('dossiers' as const),
    formula: fc.record({
      kind: fc.constant('rate' as const),
      fullAt: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
      whenEmpty: fc.constantFrom('notApplicable' as const, 'full' as const, 'zero' as const),
    }),
  }),
);

const countsPair = fc.nat(5_000_000).chain((denominator) => fc.tuple(fc.nat(denominator), fc.nat(denominator), fc.constant(denominator)));

describe('scoreMetric properties', () => {
  it('keeps every score within 0 and the indicator maximum, with at most two decimals', () => {
    fc.assert(
      fc.property(anyDefinition, countsPair, (definition, [numerator, , denominator]) => {
        const { score } = scoreMetric(definition, { numerator, denominator });
        if (score === null) return;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(definition.maxScore);
        expect(Math.round(score * 100) / 100).toBe(score);
      }),
    );
  });

  it('never decreases when the numerator grows', () => {
    fc.assert(
      fc.property(anyDefinition, countsPair, (definition, [a, b, denominator]) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lower = scoreMetric(definition, { numerator: low, denominator }).score ?? 0;
        const higher = scoreMetric(definition, { numerator: high, denominator }).score ?? 0;
        expect(lower).toBeLessThanOrEqual(higher);
      }),
    );
  });

  it('agrees with the plain formula min(max, max × rate ÷ fullAt) to half a hundredth', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scoredMetrics), countsPair, (definition, [numerator, , denominator]) => {
        fc.pre(denominator > 0 && definition.formula.kind === 'rate');
        if (definition.formula.kind !== 'rate') return;
        const plain = Math.min(definition.maxScore, (definition.maxScore * numerator) / denominator / definition.formula.fullAt);
        expect(Math.abs((scoreMetric(definition, { numerator, denominator }).score ?? NaN) - plain)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });

  it('never scores information-only metrics', () => {
    const classification = allMetrics.find((m) => m.code === 'PETITION_CLASSIFICATION_TTHC');
    expect(classification && scoreMetric(classification, { numerator: 179, denominator: 247 })).toMatchObject({
      score: null,
      applicable: false,
      ratio: 72.47,
    });
  });
});

// Portal sample H44.100 (a commune), month of 2026.
const commune: UnitCounts = {
  PUBLISH_ON_TIME: { numerator: 0, denominator: 0 },
  PUBLIC_UPDATE_ON_TIME: { numerator: 0, denominator: 0 },
  PUBLIC_CONTENT_FULL: { numerator: 87, denominator: 89 },
  DOSSIER_SYNC: { numerator: 2247, denominator: 2247 },
  DOSSIER_ON_TIME: { numerator: 2348, denominator: 2971 },
  ONLINE_PAYMENT_DOSSIER: { numerator: 1516, denominator: 1707 },
  ONLINE_PAYMENT_FORMALITY: { numerator: 12, denominator: 35 },
  FEE_FORMALITY_WITH_DOSSIER: { numerator: 7, denominator: 35 },
  ORIGINAL_RESULT_AVAILABLE: { numerator: 2474, denominator: 2972 },
  SO_HOA_GIAY_TO_GIAI_QUYET: { numerator: 482, denominator: 2972 },
  REUSED_DIGITIZED_DATA: { numerator: 35, denominator: 2972 },
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: { numerator: 0, denominator: 2972 },
  CITIZEN_DATA_CONNECTED_DOSSIER: { numerator: 1138, denominator: 2972 },
  CITIZEN_DATA_CONNECTED_FORMALITY: { numerator: 46, denominator: 385 },
  ELECTRONIC_CERTIFIED_COPY: { numerator: null, denominator: null, ratio: 100 },
  PETITION_CLASSIFICATION_TTHC: { numerator: 3, denominator: 3 },
  DOSSIER_RECEIVING_SATISFACTION: { numerator: 2345, denominator: 2972 },
  PETITION_PROCESSING_ON_TIME: { numerator: 3, denominator: 3 },
  PETITION_HANDLING_SATISFACTION: { numerator: 3, denominator: 3 },
  PETITION_CLASSIFICATION_STAFF: { numerator: 0, denominator: 3 },
};

describe('scoreUnit', () => {
  it("reproduces the portal's group totals for a commune", () => {
    const result = scoreUnit(commune, portalFormulaSet2025);
    const totals = Object.fromEntries(result.groups.map((g) => [g.group, g.total]));
    expect(totals).toEqual({
      TRANSPARENCY: 7.96,
      PROGRESS: 15.81,
      ONLINE_SERVICE: 0,
      PAYMENT: 6.69,
      DIGITIZATION: 8.68,
      SATISFACTION: 17.26,
    });
    expect(result.total).toBe(56.4);
    expect(result.maxScore).toBe(100);
    expect(result.groups.find((g) => g.group === 'ONLINE_SERVICE')).toMatchObject({ isConfirmed: false });
    expect(result.groups.filter((g) => !g.isConfirmed).map((g) => g.group)).toEqual(['ONLINE_SERVICE']);
  });

  it('sums rounded indicator scores, not the unrounded ones', () => {
    // 2 × 1/3 = 0.666… and 6 × 1/9 = 0.666…: rounded parts add up to 1.34, the raw sum to 1.33.
    const result = scoreUnit(
      { PUBLIC_CONTENT_FULL: { numerator: 1, denominator: 3 }, DOSSIER_SYNC: { numerator: 1, denominator: 9 } },
      portalFormulaSet2025,
    );
    const transparency = result.groups.find((g) => g.group === 'TRANSPARENCY');
    expect(transparency?.metrics.map((m) => m.score)).toEqual([null, null, 0.67, 0.67]);
    expect(transparency?.total).toBe(1.34);
  });

  it('gives full marks for complaints when there were none and 0 for satisfaction without dossiers', () => {
    const satisfaction = scoreUnit({}, portalFormulaSet2025).groups.find((g) => g.group === 'SATISFACTION');
    expect(satisfaction?.metrics.map((m) => [m.code, m.score])).toEqual([
      ['PETITION_CLASSIFICATION_TTHC', null],
      ['DOSSIER_RECEIVING_SATISFACTION', 0],
      ['PETITION_PROCESSING_ON_TIME', 6],
      ['PETITION_HANDLING_SATISFACTION', 6],
      ['PETITION_CLASSIFICATION_STAFF', null],
    ]);
    expect(satisfaction?.total).toBe(12);
  });

  it('caps the payment group at 10 although its parts reach 10.5', () => {
    const full = { numerator: 9, denominator: 9 };
    const payment = scoreUnit(
      { ONLINE_PAYMENT_DOSSIER: full, ONLINE_PAYMENT_FORMALITY: full, FEE_FORMALITY_WITH_DOSSIER: full },
      portalFormulaSet2025,
    ).groups.find((g) => g.group === 'PAYMENT');
    expect(payment?.metrics.map((m) => m.score)).toEqual([6, 2, 2.5]);
    expect(payment?.total).toBe(10);
  });

  it('keeps group totals within their maxima and the unit total the sum of group totals', () => {
    const unitCounts = fc.dictionary(
      fc.constantFrom(...allMetrics.map((m) => m.code)),
      countsPair.map(([numerator, , denominator]) => ({ numerator, denominator })),
    );
    fc.assert(
      fc.property(unitCounts, (counts) => {
        const result = scoreUnit(counts, portalFormulaSet2025);
        let sum = 0;
        for (const group of result.groups) {
          expect(group.total).toBeGreaterThanOrEqual(0);
          expect(group.total).toBeLessThanOrEqual(group.maxScore);
          const parts = group.metrics.reduce((total, m) => total + Math.round((m.score ?? 0) * 100), 0);
          expect(Math.round(group.total * 100)).toBe(Math.min(parts, group.maxScore * 100));
          sum += Math.round(group.total * 100);
        }
        expect(Math.round(result.total * 100)).toBe(sum);
        expect(result.total).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('aggregateCounts', () => {
  it('adds dossier and complaint counts and leaves distinct counts to the caller', () => {
    const parent = aggregateCounts(
      [
        { DOSSIER_ON_TIME: { numerator: 486, denominator: 588 }, CITIZEN_DATA_CONNECTED_FORMALITY: { numerator: 10, denominator: 42 } },
        {
          DOSSIER_ON_TIME: { numerator: 2348, denominator: 2971 },
          PETITION_PROCESSING_ON_TIME: { numerator: 3, denominator: 3 },
          ELECTRONIC_CERTIFIED_COPY: { numerator: null, denominator: null, ratio: 100 },
        },
      ],
      portalFormulaSet2025,
    );
    expect(parent).toEqual({
      DOSSIER_ON_TIME: { numerator: 2834, denominator: 3559 },
      PETITION_PROCESSING_ON_TIME: { numerator: 3, denominator: 3 },
    });
  });

  it('scores a quarter from its months as the sum of their counts, not the mean of their scores', () => {
    const months = [
      { DOSSIER_ON_TIME: { numerator: 10, denominator: 10 } },
      { DOSSIER_ON_TIME: { numerator: 0, denominator: 90 } },
      { DOSSIER_ON_TIME: { numerator: 0, denominator: 0 } },
    ];
    const quarter = parsePeriod('2026-Q1');
    const scored = quarter && scoreForPeriod(aggregateCounts(months, portalFormulaSet2025), quarter);
    expect(scored?.groups.find((g) => g.group === 'PROGRESS')?.total).toBe(2);
  });
});

describe('scoreForPeriod', () => {
  it('uses the formula set valid on the first day of the period, and none before the first set', () => {
    const month = parsePeriod('2026-03');
    const before = parsePeriod('2024');
    expect(month && scoreForPeriod(commune, month, formulaSets)?.formulaSetId).toBe('dvcqg-766-2025');
    expect(before && scoreForPeriod(commune, before, formulaSets)).toBeNull();
  });
});

describe('satisfiedDossiers', () => {
  it.each([
    [{ dossiers: 588, late: 102, withComplaintOrDislike: 0 }, 486],
    [{ dossiers: 100, late: 5, withComplaintOrDislike: 3 }, 92],
    [{ dossiers: 10, late: 8, withComplaintOrDislike: 5 }, 0],
    [{ dossiers: 0, late: 0, withComplaintOrDislike: 0 }, 0],
  ])('%o → %i', (input, expected) => {
    expect(satisfiedDossiers(input)).toBe(expected);
  });
});
