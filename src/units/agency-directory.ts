import { eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { RefreshingCache } from './reference-cache.ts';
import { agencies, type AgencyRow } from './schema.ts';

/**
 * The agencies of the province held in memory (a few hundred rows: departments, People's Committees,
 * service centres), for checks and names on every submission. A change to the agencies table is seen
 * after at most `maxAgeMs`.
 */
export class AgencyDirectory {
  readonly #cache: RefreshingCache<Map<string, AgencyRow>>;

  constructor(q: Queryable, provinceCode: string, maxAgeMs = 5 * 60_000) {
    this.#cache = new RefreshingCache(async () => {
      const rows = await q.select().from(agencies).where(eq(agencies.provinceCode, provinceCode));
      return new Map(rows.map((r) => [r.code, r]));
    }, maxAgeMs);
  }

  /** The province's agencies by code. */
  byCode(): Promise<ReadonlyMap<string, AgencyRow>> {
    return this.#cache.get();
  }
}
