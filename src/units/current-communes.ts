import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { RefreshingCache } from './reference-cache.ts';
import { adminUnits } from './schema.ts';

export interface CurrentCommune {
  code: string;
  fullName: string;
  provinceCode: string;
}

/**
 * The communes that exist today (3,321 since 2025-07-01), held in memory: form validation asks about
 * every address field synchronously. Reloaded after `maxAgeMs`, so a reorganisation loaded into the
 * units table is seen without a restart.
 */
export class CurrentCommunes {
  readonly #cache: RefreshingCache<Map<string, CurrentCommune>>;

  constructor(q: Queryable, maxAgeMs = 10 * 60_000) {
    this.#cache = new RefreshingCache(async () => {
      const rows = await q
        .select({ code: adminUnits.code, fullName: adminUnits.fullName, provinceCode: adminUnits.provinceCode })
        .from(adminUnits)
        .where(and(eq(adminUnits.level, 'commune'), isNull(adminUnits.validTo)));
      return new Map(rows.map((r) => [r.code, r]));
    }, maxAgeMs);
  }

  /** The current communes by code. */
  byCode(): Promise<ReadonlyMap<string, CurrentCommune>> {
    return this.#cache.get();
  }
}
