import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
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
  readonly #q: Queryable;
  readonly #maxAgeMs: number;
  #loaded: { at: number; byCode: Map<string, CurrentCommune> } | null = null;
  #loading: Promise<Map<string, CurrentCommune>> | null = null;

  constructor(q: Queryable, maxAgeMs = 10 * 60_000) {
    this.#q = q;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The current communes by code (loaded once, then refreshed when older than maxAgeMs). */
  async byCode(): Promise<ReadonlyMap<string, CurrentCommune>> {
    if (this.#loaded && Date.now() - this.#loaded.at < this.#maxAgeMs) return this.#loaded.byCode;
    this.#loading ??= this.#load().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #load(): Promise<Map<string, CurrentCommune>> {
    const rows = await this.#q
      .select({ code: adminUnits.code, fullName: adminUnits.fullName, provinceCode: adminUnits.provinceCode })
      .from(adminUnits)
      .where(and(eq(adminUnits.level, 'commune'), isNull(adminUnits.validTo)));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    this.#loaded = { at: Date.now(), byCode };
    return byCode;
  }
}
