import { describe, expect, it } from 'vitest';
import { overrideFormulaSet, portalFormulaSet2025 } from './formula-sets.ts';
import * as indicators from './indicators.ts';
import type { IndicatorScorer } from './indicators.ts';
import type { MetricCounts } from './score.ts';

const counts = (numerator: number, denominator: number): MetricCounts => ({ numerator, denominator });
const empty = counts(0, 0);
const noData: MetricCounts = { numerator: null, denominator: null };
const ratioOnly = (ratio: number): MetricCounts => ({ numerator: null, denominator: null, ratio });

type Case = [name: string, scorer: IndicatorScorer, input: MetricCounts, score: number | null, why: string];

// Expected scores are the portal's own where a sample gives one (shared/data/national-portal).
const cases: Case[] = [
  ['scorePublishOnTime', indicators.scorePublishOnTime, empty, null, 'none due: not applicable'],
  ['scorePublishOnTime', indicators.scorePublishOnTime, counts(3, 4), 4.5, '6 × 75%'],
  ['scorePublicUpdateOnTime', indicators.scorePublicUpdateOnTime, empty, null, 'none due: not applicable'],
  ['scorePublicContentFull', indicators.scorePublicContentFull, counts(87, 89), 1.96, 'portal H44'],
  ['scorePublicContentFull', indicators.scorePublicContentFull, counts(201, 400), 1.01, '2 × 0.5025 = 1.005, a tie rounded up'],
  ['scoreDossierSync', indicators.scoreDossierSync, counts(138744, 138744), 6, 'portal H44'],
  ['scoreOnTime', indicators.scoreOnTime, counts(144625, 184513), 15.68, 'portal H44'],
  ['scoreOnTime', indicators.scoreOnTime, counts(2348, 2971), 15.81, 'portal H44.100'],
  ['scoreOnTime', indicators.scoreOnTime, counts(1, 160), 0.13, '20/160 = 0.125 rounds up'],
  ['scoreOnTime', indicators.scoreOnTime, empty, null, 'no dossiers received: not applicable'],
  ['scoreOnTime', indicators.scoreOnTime, noData, null, 'no data: not applicable'],
  ['scoreOnTime', indicators.scoreOnTime, counts(12, 10), 20, 'a numerator above its denominator is capped'],
  ['scoreOnlineProcedures', indicators.scoreOnlineProcedures, counts(1, 2), 2, 'provisional 4 × rate'],
  ['scoreOnlineProceduresWithDossiers', indicators.scoreOnlineProceduresWithDossiers, empty, null, 'not applicable'],
  ['scoreOnlineDossiers', indicators.scoreOnlineDossiers, counts(3, 3), 4, 'provisional maximum'],
  ['scoreOnlinePayment', indicators.scoreOnlinePayment, counts(7, 7), 6, 'portal H44.03: 6 × A'],
  ['scoreOnlinePayment', indicators.scoreOnlinePayment, empty, null, 'no financial obligation: not applicable'],
  ['scoreOnlinePaymentProcedures', indicators.scoreOnlinePaymentProcedures, counts(2, 3), 1.67, '2.5 × 2/3'],
  ['scoreOnlinePaymentProcedures', indicators.scoreOnlinePaymentProcedures, counts(4, 5), 2, '2.5 × 0.8 reaches the cap'],
  ['scoreOnlinePaymentProcedures', indicators.scoreOnlinePaymentProcedures, counts(5, 5), 2, 'min(2, 2.5)'],
  ['scoreFeeProceduresWithDossiers', indicators.scoreFeeProceduresWithDossiers, counts(7, 35), 0.5, '2.5 × 0.2'],
  ['scoreFeeProceduresWithDossiers', indicators.scoreFeeProceduresWithDossiers, counts(35, 35), 2.5, 'uncapped below 2.5'],
  [
    'scoreElectronicResult',
    indicators.scoreElectronicResult,
    counts(133609, 184503),
    4.34,
    'from counts, not the rounded ratio 72.42 (→ 4.35)',
  ],
  ['scoreDigitisedDossiers', indicators.scoreDigitisedDossiers, counts(312, 588), 2.12, 'portal H44.03'],
  ['scoreReuse', indicators.scoreReuse, counts(3158, 184503), 0.04, 'portal H44'],
  ['scoreReuse', indicators.scoreReuse, counts(40, 100), 1, '2 × 40/80'],
  ['scoreReuse', indicators.scoreReuse, counts(80, 100), 2, 'full at 80%'],
  ['scoreReuse', indicators.scoreReuse, counts(100, 100), 2, 'min(2, 2.5)'],
  ['scoreReuse', indicators.scoreReuse, empty, null, 'no dossiers: not applicable'],
  ['scorePersonalStorageSync', indicators.scorePersonalStorageSync, counts(0, 588), 0, 'portal H44.03'],
  ['scorePopulationDataDossiers', indicators.scorePopulationDataDossiers, counts(588, 588), 2, 'portal H44.03'],
  ['scorePopulationDataProcedures', indicators.scorePopulationDataProcedures, counts(297, 1301), 0.46, 'portal H44'],
  ['scoreElectronicCertifiedCopy', indicators.scoreElectronicCertifiedCopy, ratioOnly(100), 2, 'a ratio decided province-wide'],
  ['scoreElectronicCertifiedCopy', indicators.scoreElectronicCertifiedCopy, ratioOnly(22.83), 0.46, '2 × 22.83%'],
  ['scoreElectronicCertifiedCopy', indicators.scoreElectronicCertifiedCopy, noData, null, 'neither counts nor a ratio'],
  ['scoreComplaintsOnTime', indicators.scoreComplaintsOnTime, empty, 6, 'no complaints: full 6'],
  ['scoreComplaintsOnTime', indicators.scoreComplaintsOnTime, noData, 6, 'no complaint data: full 6'],
  ['scoreComplaintsOnTime', indicators.scoreComplaintsOnTime, counts(182, 247), 4.42, 'portal H44'],
  ['scoreComplaintsOnTime', indicators.scoreComplaintsOnTime, counts(0, 3), 0, 'none on time'],
  ['scoreComplaintSatisfaction', indicators.scoreComplaintSatisfaction, empty, 6, 'no complaints: full 6'],
  ['scoreComplaintSatisfaction', indicators.scoreComplaintSatisfaction, counts(137, 247), 3.33, 'portal H44'],
  ['scoreDossierSatisfaction', indicators.scoreDossierSatisfaction, empty, 0, 'no dossiers: 0'],
  ['scoreDossierSatisfaction', indicators.scoreDossierSatisfaction, counts(144315, 184503), 5.21, 'portal H44'],
  ['scoreDossierSatisfaction', indicators.scoreDossierSatisfaction, counts(45, 100), 3, '6 × 0.45 / 0.9'],
  ['scoreDossierSatisfaction', indicators.scoreDossierSatisfaction, counts(90, 100), 6, 'full at 90%'],
  ['scoreDossierSatisfaction', indicators.scoreDossierSatisfaction, counts(99, 100), 6, 'min(6, 6.6)'],
];

describe('one scoring function per indicator', () => {
  it.each(cases)('%s(%o) = %s (%s)', (_name, scorer, input, score) => {
    const result = scorer(input);
    expect(result.score).toBe(score);
    expect(result.applicable).toBe(score !== null);
  });

  it('covers every scored indicator of the portal formula set', () => {
    const scored = portalFormulaSet2025.groups.flatMap((g) => g.metrics.filter((m) => m.formula.kind === 'rate').map((m) => m.code));
    const covered = new Set(Object.values(indicators).map((scorer) => (scorer as IndicatorScorer)(empty).code));
    expect([...covered].sort()).toEqual([...scored].sort());
  });

  it('says when a score came from a ratio decided elsewhere', () => {
    expect(indicators.scoreElectronicCertifiedCopy(ratioOnly(100))).toMatchObject({ basis: 'ratio', ratio: 100, numerator: null });
    expect(indicators.scoreReuse(counts(35, 2972))).toMatchObject({ basis: 'counts', ratio: 1.18, score: 0.03 });
  });

  it('scores with the formula of the set it is given', () => {
    const set = overrideFormulaSet(portalFormulaSet2025, {
      id: 'test-online',
      groups: [
        {
          group: 'ONLINE_SERVICE',
          metrics: [
            {
              code: 'ONLINE_DOSSIER',
              label: { vi: 'x', en: 'x' },
              maxScore: 12,
              countedIn: 'dossiers',
              formula: { kind: 'rate', fullAt: 0.5, whenEmpty: 'zero' },
            },
          ],
        },
      ],
    });
    expect(indicators.scoreOnlineDossiers(counts(1, 4), set).score).toBe(6);
    expect(indicators.scoreOnlineDossiers(empty, set).score).toBe(0);
    expect(() => indicators.scoreOnlineProcedures(counts(1, 4), set)).toThrow(/no indicator ONLINE_FORMALITY_PROVIDED/);
  });
});
