import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Queryable } from '../platform/db/client.ts';
import { agencies } from './schema.ts';
import { foldVietnamese } from './domain/search-text.ts';
import type { agencySchema, listAgenciesQuery } from './routes.schema.ts';

export type Agency = z.infer<typeof agencySchema>;

const columns = {
  code: agencies.code,
  name: agencies.name,
  nameEn: agencies.nameEn,
  kind: agencies.kind,
  level: agencies.level,
  unitCode: agencies.unitCode,
  provinceCode: agencies.provinceCode,
  parentAgencyCode: agencies.parentAgencyCode,
  receivesDossiers: agencies.receivesDossiers,
  address: agencies.address,
};

/** Agencies filtered by unit, province, kind, whether they receive dossiers, and name. */
export async function listAgencies(q: Queryable, filter: z.infer<typeof listAgenciesQuery>): Promise<Agency[]> {
  const conditions = [
    filter.unit ? eq(agencies.unitCode, filter.unit) : undefined,
    filter.province ? eq(agencies.provinceCode, filter.province) : undefined,
    filter.kind ? eq(agencies.kind, filter.kind) : undefined,
    filter.receivesDossiers ? eq(agencies.receivesDossiers, filter.receivesDossiers === 'true') : undefined,
    filter.q ? sql`lower(unaccent(${agencies.name})) LIKE ${`%${foldVietnamese(filter.q)}%`}` : undefined,
  ];
  return q
    .select(columns)
    .from(agencies)
    .where(and(...conditions))
    .orderBy(asc(agencies.level), asc(agencies.code))
    .limit(filter.limit);
}

/** One agency by code. */
export async function findAgency(q: Queryable, code: string): Promise<Agency | undefined> {
  const [row] = await q.select(columns).from(agencies).where(eq(agencies.code, code));
  return row;
}
