import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { adminUnitLinks, adminUnits } from '../../units/schema.ts';

/** A unit as the dashboard names it. */
export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  fullName: string;
  fullNameEn: string | null;
  level: 'province' | 'commune';
  provinceCode: string;
  isCurrent: boolean;
}

/** Where an old unit's figures go in the current units: a share of them, estimated when the unit was split. */
export interface Successor {
  unitId: number;
  weight: number;
  isEstimate: boolean;
}

/**
 * A province's units for the dashboard: the current province and communes, and every older unit whose
 * area is now in the province, with how its figures re-map onto the current units (admin_unit_links;
 * a unit split across several successors is shared equally among them and marked as an estimate).
 */
export interface UnitTree {
  provinceCode: string;
  province: TreeUnit;
  communes: readonly TreeUnit[];
  byId: ReadonlyMap<number, TreeUnit>;
  /** Current units by code. */
  currentByCode: ReadonlyMap<string, TreeUnit>;
  /** Old units by code (several provinces before 2025 may share no codes, but keep the province too). */
  old: readonly TreeUnit[];
  /** The province as it was before the 2025 reorganisation, when it existed under the same code. */
  oldProvince: TreeUnit | null;
  /** Old unit id → where its figures go now. */
  successors: ReadonlyMap<number, readonly Successor[]>;
  /** Province codes whose rollup rows can belong here (the province and the old provinces merged into it). */
  rollupProvinceCodes: readonly string[];
}

const trees = new WeakMap<Db, Map<string, Promise<UnitTree>>>();

/** The province's unit tree, loaded once per database handle (units change by resolution, not by the minute). */
export function loadUnitTree(db: Db, provinceCode: string): Promise<UnitTree> {
  let perDb = trees.get(db);
  if (!perDb) {
    perDb = new Map();
    trees.set(db, perDb);
  }
  let tree = perDb.get(provinceCode);
  if (!tree) {
    tree = readUnitTree(db, provinceCode);
    perDb.set(provinceCode, tree);
    tree.catch(() => perDb.delete(provinceCode));
  }
  return tree;
}

const toTreeUnit = (row: typeof adminUnits.$inferSelect): TreeUnit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  fullName: row.fullName,
  fullNameEn: row.fullNameEn,
  level: row.level === 'province' ? 'province' : 'commune',
  provinceCode: row.provinceCode,
  isCurrent: row.validTo === null,
});

async function readUnitTree(db: Db, provinceCode: string): Promise<UnitTree> {
  const current = await db
    .select()
    .from(adminUnits)
    .where(
      and(
        isNull(adminUnits.validTo),
        or(
          and(eq(adminUnits.level, 'province'), eq(adminUnits.code, provinceCode)),
          and(eq(adminUnits.level, 'commune'), eq(adminUnits.parentCode, provinceCode)),
        ),
      ),
    );
  const province = current.find((u) => u.level === 'province');
  if (!province) throw new AppError('UNIT_NOT_FOUND', { unitCode: provinceCode });
  const currentIds = current.map((u) => u.id);

  // Every link of an old unit that has at least one successor here, with all its successors (to share it out).
  const successor = alias(adminUnits, 'successor');
  const linked = await db
    .select({ predecessorId: adminUnitLinks.predecessorId, successorId: adminUnitLinks.successorId, kind: adminUnitLinks.kind })
    .from(adminUnitLinks)
    .innerJoin(successor, eq(successor.id, adminUnitLinks.successorId))
    .where(
      inArray(
        adminUnitLinks.predecessorId,
        db.select({ id: adminUnitLinks.predecessorId }).from(adminUnitLinks).where(inArray(adminUnitLinks.successorId, currentIds)),
      ),
    );
  const oldIds = [...new Set(linked.map((l) => l.predecessorId))];
  const oldRows = oldIds.length
    ? await db
        .select()
        .from(adminUnits)
        .where(and(inArray(adminUnits.id, oldIds), isNotNull(adminUnits.validTo)))
    : [];

  const byPredecessor = new Map<number, typeof linked>();
  for (const l of linked) byPredecessor.set(l.predecessorId, [...(byPredecessor.get(l.predecessorId) ?? []), l]);
  const here = new Set(currentIds);
  const successors = new Map<number, Successor[]>();
  for (const [oldId, links] of byPredecessor) {
    const isSplit = links.length > 1 || links.some((l) => l.kind === 'partial');
    successors.set(
      oldId,
      links.filter((l) => here.has(l.successorId)).map((l) => ({ unitId: l.successorId, weight: 1 / links.length, isEstimate: isSplit })),
    );
  }
  const all = [...current, ...oldRows].map(toTreeUnit);
  const old = oldRows.map(toTreeUnit);
  const communes = all.filter((u) => u.isCurrent && u.level === 'commune').sort((a, b) => a.code.localeCompare(b.code));
  return {
    provinceCode,
    province: toTreeUnit(province),
    communes,
    byId: new Map(all.map((u) => [u.id, u])),
    currentByCode: new Map(all.filter((u) => u.isCurrent).map((u) => [u.code, u])),
    old,
    oldProvince: old.find((u) => u.level === 'province' && u.code === provinceCode) ?? null,
    successors,
    rollupProvinceCodes: [...new Set([provinceCode, ...old.map((u) => u.provinceCode)])].sort(),
  };
}
