import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { normaliseForSearch } from './domain/search-text.ts';
import type { ProcedureDetail, SearchProceduresQuery, SearchProceduresResponse } from './routes.schema.ts';
import { procedures, procedureVersions, type ProcedureVersionRow } from './schema.ts';

/** `79-STP` for a department; `{communeCode}-UBND` for a commune agency (one per commune). */
function agencyCodeFor(provinceCode: string, level: 'province' | 'commune', kind: string): string {
  return level === 'province' ? `${provinceCode}-${kind}` : `{communeCode}-${kind}`;
}

/** Conditions for `agency`: a full code fixes the level by its unit (2 digits province, 5 commune). */
function agencyCondition(agency: string): SQL | undefined {
  const m = /^(\d{2}|\d{5})-(.+)$/.exec(agency);
  if (!m) return eq(procedureVersions.agencyKind, agency);
  const level = (m[1] as string).length === 2 ? 'province' : 'commune';
  return and(eq(procedureVersions.agencyKind, m[2] as string), eq(procedureVersions.level, level));
}

/**
 * Searches the current versions of a province's procedures. Ranking: exact name, name prefix, text
 * contains the query, then pg_trgm word similarity; ties go to the name most similar to the query.
 */
export async function searchProcedures(
  q: Queryable,
  provinceCode: string,
  query: SearchProceduresQuery,
): Promise<SearchProceduresResponse> {
  const folded = query.q ? normaliseForSearch(query.q) : '';
  const v = procedureVersions;
  const where = and(
    eq(procedures.provinceCode, provinceCode),
    eq(v.isCurrent, true),
    query.level ? eq(v.level, query.level) : undefined,
    query.online ? eq(v.onlineLevel, query.online) : undefined,
    query.sector ? eq(v.sector, query.sector) : undefined,
    query.agency ? agencyCondition(query.agency) : undefined,
    // `<%`: word_similarity above pg_trgm.word_similarity_threshold (0.6), so typos still match.
    folded ? sql`(${folded} <% ${v.searchText} OR ${v.searchText} LIKE ${`%${folded}%`})` : undefined,
  );
  const rank = folded
    ? [
        sql`CASE WHEN ${v.nameFolded} = ${folded} THEN 0 WHEN ${v.nameFolded} LIKE ${`${folded}%`} THEN 1
            WHEN ${v.searchText} LIKE ${`%${folded}%`} THEN 2 ELSE 3 END`,
        sql`word_similarity(${folded}, ${v.searchText}) DESC`,
        sql`similarity(${v.nameFolded}, ${folded}) DESC`,
      ]
    : [asc(v.sector), asc(v.nameFolded)];

  const rows = await q
    .select({
      code: procedures.code,
      version: v.version,
      name: v.name,
      nameEn: v.nameEn,
      sector: v.sector,
      level: v.level,
      agencyKind: v.agencyKind,
      timeAmount: v.timeAmount,
      timeUnit: v.timeUnit,
      onlineLevel: v.onlineLevel,
    })
    .from(v)
    .innerJoin(procedures, eq(procedures.id, v.procedureId))
    .where(where)
    .orderBy(...rank, asc(procedures.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const facet = async (column: typeof v.level | typeof v.sector | typeof v.onlineLevel | typeof v.agencyKind) => {
    const counts = await q
      .select({ value: column, count: count() })
      .from(v)
      .innerJoin(procedures, eq(procedures.id, v.procedureId))
      .where(where)
      .groupBy(column)
      .orderBy(desc(count()), asc(column));
    return counts.map((r) => ({ value: String(r.value), count: Number(r.count) }));
  };
  const [level, sector, onlineLevel, agencyKind] = await Promise.all([
    facet(v.level),
    facet(v.sector),
    facet(v.onlineLevel),
    facet(v.agencyKind),
  ]);
  const total = level.reduce((sum, f) => sum + f.count, 0);

  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({ ...r, agencyCode: agencyCodeFor(provinceCode, r.level, r.agencyKind) })),
    facets: { level, sector, onlineLevel, agencyKind },
  };
}

function presentVersion(provinceCode: string, code: string, row: ProcedureVersionRow): Omit<ProcedureDetail, 'versions'> {
  return {
    code,
    version: row.version,
    versionId: row.id,
    isCurrent: row.isCurrent,
    name: row.name,
    nameEn: row.nameEn,
    sector: row.sector,
    level: row.level,
    agencyKind: row.agencyKind,
    agencyCode: agencyCodeFor(provinceCode, row.level, row.agencyKind),
    agencyNote: row.agencyNote,
    timeAmount: row.timeAmount,
    timeUnit: row.timeUnit,
    timeNote: row.timeNote,
    fees: row.fees,
    components: row.components,
    resultName: row.resultName,
    onlineLevel: row.onlineLevel,
    legalBasis: row.legalBasis,
    formDefinition: row.formDefinition as unknown as Record<string, unknown> | null,
    sources: row.sources,
    changeNote: row.changeNote,
    publishedAt: row.publishedAt.toISOString(),
    keywords: row.keywords,
  };
}

export type ProcedureLookup = { found: 'none' } | { found: 'procedure' } | { found: 'version'; detail: ProcedureDetail };

/** One procedure in full: the current version, or version `version`, with the list of all versions. */
export async function findProcedureDetail(
  q: Queryable,
  provinceCode: string,
  code: string,
  version: number | undefined,
): Promise<ProcedureLookup> {
  const [procedure] = await q
    .select()
    .from(procedures)
    .where(and(eq(procedures.provinceCode, provinceCode), eq(procedures.code, code)));
  if (!procedure) return { found: 'none' };
  const versions = await q
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedure.id))
    .orderBy(asc(procedureVersions.version));
  const row = versions.find((r) => (version === undefined ? r.isCurrent : r.version === version));
  if (!row) return { found: 'procedure' };
  return {
    found: 'version',
    detail: {
      ...presentVersion(provinceCode, code, row),
      versions: versions.map((r) => ({
        version: r.version,
        isCurrent: r.isCurrent,
        publishedAt: r.publishedAt.toISOString(),
        changeNote: r.changeNote,
        source: r.publishedByOfficerId === null ? ('reference' as const) : ('province' as const),
      })),
    },
  };
}
