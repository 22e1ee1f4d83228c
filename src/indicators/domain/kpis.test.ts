import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCounts, addCounts, counterColumn, rollupCounters } from './rollup-counters.ts';
import { computeKpi, computeKpis, findKpi, judgedDossiers, kpiDefinitions, lateDossiers, type PeriodCounts } from './kpis.ts';

const counts = (partial: Partial<PeriodCounts>): PeriodCounts => ({ ...emptyCounts(), openOverdue: 0, ...partial });
const value = (code: string, c: PeriodCounts) => {
  const definition = findKpi(code);
  if (!definition) throw new Error(code);
  return computeKpi(definition, c);
};

describe('KPI definitions', () => {
  it('an assisted dossier counts as online but not as genuine online', () => {
    // One dossier from the applicant's own session, one keyed in by an officer, one at the counter.
    const c = counts({ received: 3, receivedOnline: 2, receivedCounter: 1, byApplicant: 1, byAssisted: 1, byCounter: 1 });
    expect(value('ONLINE_RATE', c)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(value('GENUINE_ONLINE_RATE', c)).toMatchObject({ numerator: 1, denominator: 3 });
    expect(value('ASSISTED_SHARE', c)).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it.each([
    ['ONLINE_RATE', counts({})],
    ['GENUINE_ONLINE_RATE', counts({})],
    ['ASSISTED_SHARE', counts({ received: 5, receivedCounter: 5 })],
    ['ON_TIME_RATE', counts({ received: 4 })],
    ['AVERAGE_PROCESSING_DAYS', counts({ completed: 2 })],
    ['DIGITISATION_RATE', counts({ completed: 3, results: 0 })],
    ['REUSE_RATE', counts({ received: 3 })],
    ['ONLINE_PAYMENT_RATE', counts({ received: 3, paidOnline: 0 })],
    ['SATISFACTION_RATE', counts({ completed: 10 })],
    ['COMPLAINTS_ON_TIME_RATE', counts({ complaints: 2 })],
  ])('%s is null, not 0 or 100, when its denominator is empty', (code, c) => {
    expect(value(code, c).value).toBeNull();
  });

  it('on time follows the national rule: open dossiers past their appointment count against the period', () => {
    const c = counts({ completed: 8, completedOnTime: 6, completedLate: 2, openOverdue: 2 });
    expect(judgedDossiers(c)).toBe(10);
    expect(lateDossiers(c)).toBe(4);
    expect(value('ON_TIME_RATE', c).value).toBe(60);
  });

  it('average processing time is in days over the dossiers with a receipt time', () => {
    expect(value('AVERAGE_PROCESSING_DAYS', counts({ completedTimed: 2, processingMinutes: 3 * 1440 })).value).toBe(1.5);
  });

  it('every rate stays within 0–100 when numerators are parts of their denominators', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), ([a = 0, b = 0, c = 0, d = 0]) => {
        const received = a + b + c + d;
        const k = computeKpis(
          counts({
            received,
            receivedOnline: a + b,
            byApplicant: a,
            byAssisted: b,
            completed: c + d,
            completedOnTime: c,
            completedLate: d,
          }),
        );
        for (const kpi of k) if (kpi.value !== null && findKpi(kpi.code)?.unit === 'percent') expect(kpi.value).toBeGreaterThanOrEqual(0);
        for (const kpi of k) if (kpi.value !== null && findKpi(kpi.code)?.unit === 'percent') expect(kpi.value).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('has a Vietnamese and an English name and definition for every KPI', () => {
    for (const d of kpiDefinitions) {
      expect(d.label.vi.length).toBeGreaterThan(3);
      expect(d.label.en.length).toBeGreaterThan(3);
      expect(d.definition.vi.length).toBeGreaterThan(40);
      expect(d.definition.en.length).toBeGreaterThan(40);
    }
  });
});

describe('rollup counters', () => {
  it('add up field by field and name their columns in snake case', () => {
    const total = addCounts({ received: 2, byAssisted: 1 }, { received: 3 });
    expect(total.received).toBe(5);
    expect(total.byAssisted).toBe(1);
    expect(counterColumn('completedOnTime')).toBe('completed_on_time');
    expect(new Set(rollupCounters.map(counterColumn)).size).toBe(rollupCounters.length);
  });
});
