import { rollupCounters } from '../domain/rollup-counters.ts';
import type { PeriodCounts } from '../domain/kpis.ts';
import type { ProcedureStats } from '../domain/index-from-rollups.ts';
import type { ProcedurePresence, UnitMapping } from './read-rollups.ts';
import type { UnitTree } from './unit-tree.ts';

/**
 * Rolls rollup rows (per unit as filed, in its era) up into the units a leader looks at:
 * - view `current`: figures of units dissolved in 2025 re-mapped onto today's units through
 *   admin_unit_links — a unit split across several successors is shared out equally, and every
 *   figure that took such a share is marked as an estimate (DOMAIN.md §1);
 * - view `historical`: units as they were, in the province as it was.
 */
export type View = 'current' | 'historical';

/** What a row's unit contributes to a target: the target's key and the share. */
export interface Share {
  key: string;
  weight: number;
  isEstimate: boolean;
}

export type TargetLevel = 'province' | 'communes';

/** Where a unit's rows go, for a level and a view. */
export function sharesOf(tree: UnitTree, unitId: number, level: TargetLevel, view: View): Share[] {
  const unit = tree.byId.get(unitId);
  if (!unit) return [];
  const provinceKey = String(tree.province.id);
  if (view === 'historical') {
    if (unit.provinceCode !== tree.provinceCode) return [];
    if (level === 'province') return [{ key: provinceKey, weight: 1, isEstimate: false }];
    return unit.level === 'commune' ? [{ key: String(unit.id), weight: 1, isEstimate: false }] : [];
  }
  if (unit.isCurrent) {
    if (level === 'province') return [{ key: provinceKey, weight: 1, isEstimate: false }];
    return unit.level === 'commune' ? [{ key: String(unit.id), weight: 1, isEstimate: false }] : [];
  }
  const successors = tree.successors.get(unitId) ?? [];
  if (level === 'province') {
    const weight = successors.reduce((sum, s) => sum + s.weight, 0);
    return weight > 0 ? [{ key: provinceKey, weight, isEstimate: weight < 1 - 1e-9 }] : [];
  }
  if (unit.level !== 'commune') return [];
  return successors.map((s) => ({ key: String(s.unitId), weight: s.weight, isEstimate: s.isEstimate }));
}

/** Period counts of zero. */
export function zeroCounts(): PeriodCounts {
  return { ...(Object.fromEntries(rollupCounters.map((c) => [c, 0])) as Omit<PeriodCounts, 'openOverdue'>), openOverdue: 0 };
}

/**
 * The mapping of every unit of the tree onto the targets of a level and view (optionally only one
 * target), for the rollup reads.
 */
export function mappingFor(tree: UnitTree, level: TargetLevel, view: View, onlyKey?: string): UnitMapping[] {
  const mapping: UnitMapping[] = [];
  for (const id of tree.byId.keys()) {
    for (const share of sharesOf(tree, id, level, view))
      if (onlyKey === undefined || share.key === onlyKey) mapping.push({ unitId: id, ...share });
  }
  return mapping;
}

/** Every current unit of the tree, once, under one key (for reads grouped by agency). */
export function currentUnitsMapping(tree: UnitTree, key = 'all'): UnitMapping[] {
  return [...tree.byId.values()].filter((u) => u.isCurrent).map((u) => ({ unitId: u.id, key, weight: 1, isEstimate: false }));
}

/** A procedure as the online-service and payment indicators see it. */
export interface CatalogueProcedure {
  code: string;
  level: 'province' | 'commune';
  agencyKind: string;
  isOnline: boolean;
  isFeeBearing: boolean;
}

/** Distinct procedure counts per target from the procedures each had dossiers for (presence counts, shares do not matter). */
export function procedureStatsInto(
  rows: readonly ProcedurePresence[],
  applicableOf: (key: string) => readonly CatalogueProcedure[],
): (key: string) => ProcedureStats {
  const seen = new Map<string, { online: Set<string>; withDossiers: Set<string>; paidOnline: Set<string> }>();
  for (const row of rows)
    seen.set(row.key, { online: new Set(row.online), withDossiers: new Set(row.withDossiers), paidOnline: new Set(row.paidOnline) });
  return (key) => {
    const applicable = applicableOf(key);
    const sets = seen.get(key);
    const online = applicable.filter((p) => p.isOnline);
    const fee = applicable.filter((p) => p.isFeeBearing);
    return {
      applicable: applicable.length,
      offeredOnline: online.length,
      onlineWithOnlineDossiers: online.filter((p) => sets?.online.has(p.code)).length,
      feeBearing: fee.length,
      feeBearingWithDossiers: fee.filter((p) => sets?.withDossiers.has(p.code)).length,
      feeBearingPaidOnline: fee.filter((p) => sets?.paidOnline.has(p.code)).length,
    };
  };
}
