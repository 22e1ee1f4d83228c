import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import { attachments } from './schema.ts';

/**
 * The submission's reads, built once and prepared by name: on every submission the query builder
 * cost more CPU than the database spent answering (npm run bench).
 */
export function prepareSubmitQueries(db: Db) {
  return {
    /** The current version of a procedure of the province, with its national code. */
    currentVersion: db
      // Only what a submission uses: not the search text, keywords, sources or legal basis.
      .select({
        version: {
          id: procedureVersions.id,
          version: procedureVersions.version,
          name: procedureVersions.name,
          nameEn: procedureVersions.nameEn,
          level: procedureVersions.level,
          agencyKind: procedureVersions.agencyKind,
          timeAmount: procedureVersions.timeAmount,
          timeUnit: procedureVersions.timeUnit,
          fees: procedureVersions.fees,
          components: procedureVersions.components,
          formDefinition: procedureVersions.formDefinition,
        },
        procedureCode: procedures.code,
      })
      .from(procedureVersions)
      .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
      .where(
        and(
          eq(procedures.provinceCode, sql.placeholder('provinceCode')),
          eq(procedures.code, sql.placeholder('code')),
          eq(procedureVersions.isCurrent, true),
        ),
      )
      .prepare('dossiers.current_version'),
    /** Attachments by id (primary key only; the caller checks ownership). */
    attachmentsById: db
      .select()
      .from(attachments)
      .where(sql`${attachments.id} = ANY(${sql.placeholder('ids')}::uuid[])`)
      .prepare('dossiers.attachments_by_id'),
  };
}

export type SubmitQueries = ReturnType<typeof prepareSubmitQueries>;

type CurrentVersionRow = Awaited<ReturnType<SubmitQueries['currentVersion']['execute']>>[number];

/**
 * The current version of each procedure, kept in memory: every submission needs it, and reading it
 * (with its form definition) cost a round trip and a fifth of the database's time per submission
 * (npm run bench). A version's content never changes once published; only which version is current
 * does. The submission's write checks that the version it used is still current and writes nothing
 * otherwise (then the caller reads afresh), so a stale entry can delay a submission, never misfile it.
 */
export class CurrentVersions {
  readonly #queries: SubmitQueries;
  readonly #provinceCode: string;
  readonly #entries = new Map<string, { row: CurrentVersionRow | null; at: number }>();
  readonly #maxAgeMs: number;

  constructor(queries: SubmitQueries, provinceCode: string, maxAgeMs = 60_000) {
    this.#queries = queries;
    this.#provinceCode = provinceCode;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The current version of a procedure, or undefined when it has none; `fresh` skips the memory. */
  async get(code: string, fresh = false): Promise<CurrentVersionRow | undefined> {
    const kept = this.#entries.get(code);
    if (!fresh && kept && Date.now() - kept.at < this.#maxAgeMs) return kept.row ?? undefined;
    const [row] = await this.#queries.currentVersion.execute({ provinceCode: this.#provinceCode, code });
    // Unknown codes are not kept: anyone may send any code.
    if (row) this.#entries.set(code, { row, at: Date.now() });
    else this.#entries.delete(code);
    return row;
  }
}
