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
