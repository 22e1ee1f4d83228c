import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../platform/db/client.ts';
import { adminUnitLinks, adminUnits } from './schema.ts';
import { foldVietnamese } from './domain/search-text.ts';
import { assignOldProvinces } from './domain/old-provinces.ts';

/** Resolution 202/2025/QH15: the two-tier local government took effect on 1 July 2025. */
export const reorganisation2025 = { lastOldDay: '2025-06-30', firstNewDay: '2025-07-01' } as const;

const ward2026 = z.object({
  Code: z.string().regex(/^\d{5}$/),
  Name: z.string(),
  NameEn: z.string(),
  FullName: z.string(),
  FullNameEn: z.string(),
  ProvinceCode: z.string().regex(/^\d{2}$/),
});
const province2026 = z.object({
  Code: z.string().regex(/^\d{2}$/),
  Name: z.string(),
  NameEn: z.string(),
  FullName: z.string(),
  FullNameEn: z.string(),
  Wards: z.array(ward2026),
});
const mergeEntry = z.object({ old_id: z.string(), name: z.string(), type: z.enum(['full', 'partial']) });
const mergesFile = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      merges: z.array(mergeEntry),
      level2s: z.array(z.object({ level2_id: z.string(), name: z.string(), merges: z.array(mergeEntry) })),
    }),
  ),
});

type NewUnit = typeof adminUnits.$inferInsert;

// "Phường Tam Long" → type "phường", short name "Tam Long".
const unitTypePrefixes = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Xã', 'Tỉnh', 'Quận', 'Huyện'];

/** Splits a full Vietnamese unit name into its type word and its short name. */
export function splitUnitName(fullName: string): { unitType: string; name: string } {
  for (const prefix of unitTypePrefixes) {
    if (fullName.startsWith(`${prefix} `)) return { unitType: prefix.toLowerCase(), name: fullName.slice(prefix.length + 1) };
  }
  return { unitType: 'khác', name: fullName };
}

function searchText(...names: (string | null | undefined)[]): string {
  return [...new Set(names.filter((n): n is string => !!n).map(foldVietnamese))].join(' | ');
}

export interface UnitsSource {
  provinces: z.infer<typeof province2026>[];
  merges: z.infer<typeof mergesFile>['data'];
}

/** Reads units-2026.json and units-2025-merges.json from the shared data folder. */
export async function readUnitsSource(dir: string): Promise<UnitsSource> {
  const [units, merges] = await Promise.all([
    readFile(path.join(dir, 'units-2026.json'), 'utf8'),
    readFile(path.join(dir, 'units-2025-merges.json'), 'utf8'),
  ]);
  return { provinces: z.array(province2026).parse(JSON.parse(units)), merges: mergesFile.parse(JSON.parse(merges)).data };
}

/** Builds the rows: current units from 2025-07-01, old units until 2025-06-30, and old → new links. */
export function buildUnitRows(source: UnitsSource): {
  units: NewUnit[];
  links: { oldKey: string; newKey: string; kind: 'full' | 'partial' }[];
} {
  const { firstNewDay, lastOldDay } = reorganisation2025;
  const units: NewUnit[] = [];
  for (const p of source.provinces) {
    units.push({
      code: p.Code,
      level: 'province',
      name: p.Name,
      fullName: p.FullName,
      nameEn: p.NameEn,
      fullNameEn: p.FullNameEn,
      unitType: splitUnitName(p.FullName).unitType,
      parentCode: null,
      provinceCode: p.Code,
      validFrom: firstNewDay,
      validTo: null,
      searchText: searchText(p.FullName, p.FullNameEn),
    });
    for (const w of p.Wards) {
      units.push({
        code: w.Code,
        level: 'commune',
        name: w.Name,
        fullName: w.FullName,
        nameEn: w.NameEn,
        fullNameEn: w.FullNameEn,
        unitType: splitUnitName(w.FullName).unitType,
        parentCode: p.Code,
        provinceCode: p.Code,
        validFrom: firstNewDay,
        validTo: null,
        searchText: searchText(w.FullName, w.FullNameEn),
      });
    }
  }

  // The merge file was built with machine help: two of its new-commune codes differ from the official
  // 2026 list (Xã Ba Chẽ 06970/06978, Xã Ia Mơ 23737/23938). Such a code is resolved by province + name.
  const currentCodes = new Set(units.map((u) => `${u.level}:${u.code}`));
  const byProvinceAndName = new Map(
    units.filter((u) => u.level === 'commune').map((u) => [`${u.provinceCode}:${foldVietnamese(u.fullName)}`, u.code]),
  );
  const resolveNewCommune = (provinceCode: string, code: string, fullName: string): string =>
    currentCodes.has(`commune:${code}`) ? code : (byProvinceAndName.get(`${provinceCode}:${foldVietnamese(fullName)}`) ?? code);

  const links: { oldKey: string; newKey: string; kind: 'full' | 'partial' }[] = [];
  const oldProvinces = new Map<string, string>();
  const oldCommunes = new Map<string, { name: string; candidates: Set<string> }>();
  for (const p of source.merges) {
    const absorbed = p.merges.map((m) => m.old_id);
    for (const m of p.merges) {
      oldProvinces.set(m.old_id, m.name);
      links.push({ oldKey: `province:${m.old_id}`, newKey: `province:${p.level1_id}`, kind: m.type });
    }
    for (const w of p.level2s) {
      for (const m of w.merges) {
        const entry = oldCommunes.get(m.old_id) ?? { name: m.name, candidates: new Set<string>() };
        absorbed.forEach((code) => entry.candidates.add(code));
        oldCommunes.set(m.old_id, entry);
        links.push({
          oldKey: `commune:${m.old_id}`,
          newKey: `commune:${resolveNewCommune(p.level1_id, w.level2_id, w.name)}`,
          kind: m.type,
        });
      }
    }
  }
  for (const [code, fullName] of oldProvinces) {
    const { unitType, name } = splitUnitName(fullName);
    units.push({
      code,
      level: 'province',
      name,
      fullName,
      unitType,
      parentCode: null,
      provinceCode: code,
      validFrom: null,
      validTo: lastOldDay,
      searchText: searchText(fullName),
    });
  }
  const assigned = assignOldProvinces([...oldCommunes].map(([code, c]) => ({ code, candidates: [...c.candidates] })));
  for (const a of assigned) {
    const fullName = oldCommunes.get(a.code)?.name ?? a.code;
    const { unitType, name } = splitUnitName(fullName);
    units.push({
      code: a.code,
      level: 'commune',
      name,
      fullName,
      unitType,
      parentCode: a.provinceCode,
      provinceCode: a.provinceCode,
      validFrom: null,
      validTo: lastOldDay,
      isParentInferred: a.isInferred,
      searchText: searchText(fullName),
    });
  }
  return { units, links };
}

const chunkSize = 1000;

async function insertInChunks<T>(items: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += chunkSize) await insert(items.slice(i, i + chunkSize));
}

/** Loads the units and links in one transaction. */
export async function loadUnits(db: Db, source: UnitsSource): Promise<{ units: number; links: number }> {
  const { units, links } = buildUnitRows(source);
  await db.transaction(async (tx: Tx) => {
    const ids = new Map<string, number>();
    await insertInChunks(units, async (chunk) => {
      const rows = await tx
        .insert(adminUnits)
        .values(chunk)
        .returning({ id: adminUnits.id, code: adminUnits.code, level: adminUnits.level, validTo: adminUnits.validTo });
      for (const r of rows) ids.set(`${r.validTo ? 'old' : 'new'}:${r.level}:${r.code}`, r.id);
    });
    const linkRows = links.map((l) => {
      const predecessorId = ids.get(`old:${l.oldKey}`);
      const successorId = ids.get(`new:${l.newKey}`);
      if (predecessorId === undefined || successorId === undefined)
        throw new Error(`Unit link refers to an unknown unit: ${l.oldKey} → ${l.newKey}`);
      return { predecessorId, successorId, kind: l.kind, effectiveOn: reorganisation2025.firstNewDay };
    });
    await insertInChunks(linkRows, (chunk) => tx.insert(adminUnitLinks).values(chunk).onConflictDoNothing());
  });
  return { units: units.length, links: links.length };
}

/** Loads the units from the shared data folder when the table is empty; answers whether it did. */
export async function loadUnitsIfEmpty(db: Db, dir: string): Promise<boolean> {
  const result = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${adminUnits}`);
  if ((result.rows[0]?.n ?? 0) > 0) return false;
  await loadUnits(db, await readUnitsSource(dir));
  return true;
}
