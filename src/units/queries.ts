import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { adminUnitLinks, adminUnits, type AdminUnitRow } from './schema.ts';
import { foldVietnamese } from './domain/search-text.ts';

/** An administrative unit as the API presents it. */
export interface Unit {
  code: string;
  level: 'province' | 'district' | 'commune';
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  unitType: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
  isParentInferred: boolean;
}

function present(row: AdminUnitRow): Unit {
  return {
    code: row.code,
    level: row.level,
    name: row.name,
    fullName: row.fullName,
    nameEn: row.nameEn,
    fullNameEn: row.fullNameEn,
    unitType: row.unitType,
    parentCode: row.parentCode,
    provinceCode: row.provinceCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    isParentInferred: row.isParentInferred,
  };
}

/** SQL condition: the unit exists on the given day (ISO date). */
function validAt(day: string): SQL {
  return and(
    or(isNull(adminUnits.validFrom), lte(adminUnits.validFrom, day)),
    or(isNull(adminUnits.validTo), gte(adminUnits.validTo, day)),
  ) as SQL;
}

/** The units whose parent is `parentCode` on day `at`, ordered by code. */
export async function listChildUnits(q: Queryable, parentCode: string, at: string): Promise<Unit[]> {
  const rows = await q
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.parentCode, parentCode), validAt(at)))
    .orderBy(asc(adminUnits.code));
  return rows.map(present);
}

/** The provinces that exist on day `at`. */
export async function listProvinces(q: Queryable, at: string): Promise<Unit[]> {
  const rows = await q
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), validAt(at)))
    .orderBy(asc(adminUnits.code));
  return rows.map(present);
}

/**
 * Accent-insensitive name search across both eras. Exact name matches first, then names that start
 * with the query, then word matches, then trigram similarity; current units before old ones.
 */
export async function searchUnits(q: Queryable, text: string, options: { at?: string | undefined; limit: number }): Promise<Unit[]> {
  const folded = foldVietnamese(text);
  if (!folded) return [];
  const contains = sql`${adminUnits.searchText} LIKE ${`%${folded}%`}`;
  const rank = sql<number>`(CASE
      WHEN ${adminUnits.searchText} LIKE ${`%${folded}`} OR ${adminUnits.searchText} LIKE ${`%${folded} |%`} THEN 0
      WHEN ${adminUnits.searchText} LIKE ${`%${folded}%`} THEN 1
      ELSE 2 END)`;
  const conditions = [or(contains, sql`similarity(${adminUnits.searchText}, ${folded}) > 0.35`)];
  if (options.at) conditions.push(validAt(options.at));
  const rows = await q
    .select()
    .from(adminUnits)
    .where(and(...conditions))
    .orderBy(
      rank,
      sql`${adminUnits.validTo} IS NOT NULL`,
      sql`${adminUnits.level} <> 'province'`,
      sql`similarity(${adminUnits.searchText}, ${folded}) DESC`,
      asc(adminUnits.code),
    )
    .limit(options.limit);
  return rows.map(present);
}

/** The unit with this code on day `at`; without a date, the current one or else the latest. */
export async function findUnit(q: Queryable, code: string, at: string | undefined): Promise<AdminUnitRow | undefined> {
  const rows = await q
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.code, code), at ? validAt(at) : undefined))
    .orderBy(sql`${adminUnits.validTo} IS NULL DESC`, sql`${adminUnits.validTo} DESC`, sql`${adminUnits.level} = 'province' DESC`);
  return rows[0];
}

export interface UnitLink {
  kind: 'full' | 'partial';
  effectiveOn: string;
  unit: Unit;
}

export interface UnitHistory {
  predecessors: UnitLink[];
  successors: UnitLink[];
  /** Other units that carried the same code in another era. */
  sameCodeInOtherEras: Unit[];
}

/** Predecessors (units it absorbed), successors (units that absorbed it) and namesakes by code. */
export async function unitHistory(q: Queryable, unit: AdminUnitRow): Promise<UnitHistory> {
  const preds = await q
    .select({ kind: adminUnitLinks.kind, effectiveOn: adminUnitLinks.effectiveOn, unit: adminUnits })
    .from(adminUnitLinks)
    .innerJoin(adminUnits, eq(adminUnits.id, adminUnitLinks.predecessorId))
    .where(eq(adminUnitLinks.successorId, unit.id))
    .orderBy(asc(adminUnits.code));
  const succs = await q
    .select({ kind: adminUnitLinks.kind, effectiveOn: adminUnitLinks.effectiveOn, unit: adminUnits })
    .from(adminUnitLinks)
    .innerJoin(adminUnits, eq(adminUnits.id, adminUnitLinks.successorId))
    .where(eq(adminUnitLinks.predecessorId, unit.id))
    .orderBy(asc(adminUnits.code));
  const namesakes = await q
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.code, unit.code), sql`${adminUnits.id} <> ${unit.id}`));
  return {
    predecessors: preds.map((p) => ({ kind: p.kind, effectiveOn: p.effectiveOn, unit: present(p.unit) })),
    successors: succs.map((s) => ({ kind: s.kind, effectiveOn: s.effectiveOn, unit: present(s.unit) })),
    sameCodeInOtherEras: namesakes.map(present),
  };
}

/** The unit itself, its parent in its own era, and its history. */
export async function describeUnit(
  q: Queryable,
  code: string,
  at: string | undefined,
): Promise<(Unit & { parent: Unit | null; history: UnitHistory }) | null> {
  const row = await findUnit(q, code, at);
  if (!row) return null;
  let parent: Unit | null = null;
  if (row.parentCode) {
    const [p] = await q
      .select()
      .from(adminUnits)
      .where(
        and(
          eq(adminUnits.code, row.parentCode),
          inArray(adminUnits.level, ['province', 'district']),
          row.validTo ? eq(adminUnits.validTo, row.validTo) : isNull(adminUnits.validTo),
        ),
      );
    parent = p ? present(p) : null;
  }
  return { ...present(row), parent, history: await unitHistory(q, row) };
}

export { present as presentUnit };
