import { describe, expect, it } from 'vitest';
import { portalFormulaSet2025 } from './index-766/formula-sets.ts';
import { scoreUnit } from './index-766/score.ts';
import { indexCountsFromRollups, measuredMaxScore, type ProcedureStats } from './index-from-rollups.ts';
import { emptyCounts } from './rollup-counters.ts';
import type { PeriodCounts } from './kpis.ts';

const counts = (partial: Partial<PeriodCounts>): PeriodCounts => ({ ...emptyCounts(), openOverdue: 0, ...partial });
const procedures: ProcedureStats = {
  applicable: 40,
  offeredOnline: 40,
  onlineWithOnlineDossiers: 30,
  feeBearing: 10,
  feeBearingWithDossiers: 8,
  feeBearingPaidOnline: 4,
};

describe('the 766 index from rollups', () => {
  it('scores progress over the dossiers the national rule judges (ended + open past their appointment)', () => {
    const unit = indexCountsFromRollups(counts({ completed: 90, completedOnTime: 72, openOverdue: 10 }), procedures);
    expect(unit['DOSSIER_ON_TIME']).toEqual({ numerator: 72, denominator: 100 });
    const score = scoreUnit(unit, portalFormulaSet2025);
    expect(score.groups.find((g) => g.group === 'PROGRESS')?.total).toBe(14.4);
  });

  it('dossier satisfaction is 1 − (late rate + complaint-or-dislike rate), full marks from 90 %', () => {
    const unit = indexCountsFromRollups(counts({ completed: 100, completedOnTime: 95, withComplaintOrDislike: 3 }), procedures);
    expect(unit['DOSSIER_RECEIVING_SATISFACTION']).toEqual({ numerator: 92, denominator: 100 });
    const satisfaction = scoreUnit(unit, portalFormulaSet2025).groups.find((g) => g.group === 'SATISFACTION');
    // No complaints: both complaint indicators score full marks (6 + 6), dossier satisfaction is capped at 6.
    expect(satisfaction?.metrics.map((m) => m.score)).toEqual([null, 6, 6, 6, null]);
  });

  it('scores nothing for dossier satisfaction without dossiers, and leaves unmeasured indicators out of the measured maximum', () => {
    const score = scoreUnit(indexCountsFromRollups(counts({}), procedures), portalFormulaSet2025);
    const satisfaction = score.groups.find((g) => g.group === 'SATISFACTION');
    expect(satisfaction?.metrics.find((m) => m.code === 'DOSSIER_RECEIVING_SATISFACTION')?.score).toBe(0);
    expect(score.groups.find((g) => g.group === 'TRANSPARENCY')?.total).toBe(0);
    // Without dossiers only the procedure indicators (4 + 4 online, 2 + 2.5 payment) and the satisfaction
    // group (empty rules: full or zero) are scored: 30.5 of 100 could be measured.
    expect(measuredMaxScore(score)).toBe(30.5);
  });

  it('online payment: 6·A + min(2, 2.5·B) + 2.5·C, capped at 10', () => {
    const unit = indexCountsFromRollups(counts({ withObligation: 10, paidOnline: 10 }), {
      ...procedures,
      feeBearing: 4,
      feeBearingWithDossiers: 4,
      feeBearingPaidOnline: 4,
    });
    expect(scoreUnit(unit, portalFormulaSet2025).groups.find((g) => g.group === 'PAYMENT')?.total).toBe(10);
  });
});
