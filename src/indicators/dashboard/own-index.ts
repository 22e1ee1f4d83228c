import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agencies } from '../../units/schema.ts';
import type { PortalMappingTarget } from '../domain/portal-unit-code.ts';
import { currentUnitsMapping, mappingFor, procedureStatsInto, zeroCounts } from './aggregate.ts';
import { applicableProcedures } from './overview.ts';
import { periodWindow } from './period-window.ts';
import { agencyStatsOf, agencyTarget } from './ranking.ts';
import { readMappedCounts, readProcedurePresence } from './read-rollups.ts';
import { loadCatalogue, scoreIndex, type IndexView } from './scoring.ts';
import { loadUnitTree } from './unit-tree.ts';

/** The key of a target in readOwnIndexes' answer. */
export const ownIndexKey = (target: PortalMappingTarget) => `${target.kind}|${target.code}`;

/**
 * The platform's own index for a period of each of some current communes and agencies, from the
 * rollups only — scored exactly as the ranking scores them (today's units; an agency's procedures are
 * its unit's of its kind). Read in one batch for all communes and one for all agencies, whatever
 * their number. Targets no longer in the tree or the agencies table are left out.
 */
export async function readOwnIndexes(
  db: Db,
  input: { provinceCode: string; period: string; today: string; targets: readonly PortalMappingTarget[] },
): Promise<Map<string, IndexView>> {
  const answer = new Map<string, IndexView>();
  if (input.targets.length === 0) return answer;
  const tree = await loadUnitTree(db, input.provinceCode);
  const window = periodWindow(input.period, input.today);
  const provinces = tree.rollupProvinceCodes;
  const communes = input.targets
    .filter((t) => t.kind === 'unit')
    .map((t) => tree.currentByCode.get(t.code))
    .filter((u) => u?.level === 'commune');
  const agencyCodes = input.targets.filter((t) => t.kind === 'agency').map((t) => t.code);
  const catalogue = await loadCatalogue(db, input.provinceCode);

  if (communes.length > 0) {
    const keys = new Set(communes.map((u) => String(u?.id)));
    const mapping = mappingFor(tree, 'communes', 'current').filter((m) => keys.has(m.key));
    const [counted, presence] = await Promise.all([
      readMappedCounts(db, provinces, window, mapping, 'target'),
      readProcedurePresence(db, provinces, window, mapping),
    ]);
    const byKey = new Map(counted.map((r) => [r.key, r.counts]));
    const communeProcedures = applicableProcedures(catalogue, 'commune');
    const statsOf = procedureStatsInto(presence, () => communeProcedures);
    for (const unit of communes) {
      if (!unit) continue;
      const key = String(unit.id);
      answer.set(
        ownIndexKey({ kind: 'unit', code: unit.code }),
        scoreIndex(byKey.get(key) ?? zeroCounts(), statsOf(key), window.period).view,
      );
    }
  }

  if (agencyCodes.length > 0) {
    const known = await db
      .select({ code: agencies.code, name: agencies.name, nameEn: agencies.nameEn })
      .from(agencies)
      .where(and(eq(agencies.provinceCode, input.provinceCode), inArray(agencies.code, agencyCodes)));
    const targets = known.map((a) => agencyTarget(a.code, a, tree));
    const unitIds = new Set(targets.map((t) => t.unitId));
    const unitKeyed = [...tree.byId.values()]
      .filter((u) => u.isCurrent && unitIds.has(u.id))
      .map((u) => ({ unitId: u.id, key: String(u.id), weight: 1, isEstimate: false }));
    const [counted, presence] = await Promise.all([
      readMappedCounts(db, provinces, window, currentUnitsMapping(tree), 'agency'),
      readProcedurePresence(db, provinces, window, unitKeyed),
    ]);
    const byAgency = new Map(counted.map((r) => [r.agencyCode ?? '', r.counts]));
    const statsOf = agencyStatsOf(targets, presence, catalogue);
    for (const t of targets)
      answer.set(
        ownIndexKey({ kind: 'agency', code: t.code }),
        scoreIndex(byAgency.get(t.code) ?? zeroCounts(), statsOf(t.key), window.period).view,
      );
  }
  return answer;
}
