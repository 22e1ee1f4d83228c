import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { procedureContent, type ProcedureContent, type ProcedureContentInput } from './domain/procedure.ts';
import { procedures, procedureVersions, type ProcedureVersionRow } from './schema.ts';
import { versionRow } from './versions.ts';

export interface PublishVersionInput {
  provinceCode: string;
  code: string;
  /** Only what changes; everything else is carried over from the current version. */
  changes: Partial<ProcedureContentInput>;
  changeNote: string;
}

function contentOf(row: ProcedureVersionRow): ProcedureContent {
  return {
    name: row.name,
    nameEn: row.nameEn,
    sector: row.sector,
    level: row.level,
    agencyKind: row.agencyKind,
    ...(row.agencyNote ? { agencyNote: row.agencyNote } : {}),
    timeAmount: row.timeAmount,
    timeUnit: row.timeUnit,
    ...(row.timeNote ? { timeNote: row.timeNote } : {}),
    fees: row.fees,
    components: row.components,
    resultName: row.resultName,
    onlineLevel: row.onlineLevel,
    legalBasis: row.legalBasis,
    formDefinition: row.formDefinition,
    keywords: row.keywords,
    sources: row.sources,
  };
}

/**
 * Publishes a new version of a procedure: the current content with `changes` applied becomes version
 * n+1 and the current one; earlier versions stay as they were, because dossiers reference them.
 */
export async function publishProcedureVersion(db: Db, input: PublishVersionInput): Promise<{ versionId: string; version: number }> {
  return db.transaction(async (tx) => {
    const [procedure] = await tx
      .select()
      .from(procedures)
      .where(and(eq(procedures.provinceCode, input.provinceCode), eq(procedures.code, input.code)))
      .for('update');
    if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { code: input.code });
    const [current] = await tx
      .select()
      .from(procedureVersions)
      .where(and(eq(procedureVersions.procedureId, procedure.id), eq(procedureVersions.isCurrent, true)));
    if (!current) throw new AppError('PROCEDURE_VERSION_NOT_FOUND', { code: input.code });
    const parsed = procedureContent.safeParse({ ...contentOf(current), ...input.changes });
    if (!parsed.success) {
      throw new AppError('PROCEDURE_CONTENT_INVALID', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${procedureVersions.version}), 0)::int + 1` })
      .from(procedureVersions)
      .where(eq(procedureVersions.procedureId, procedure.id));
    await tx.update(procedureVersions).set({ isCurrent: false }).where(eq(procedureVersions.id, current.id));
    const [inserted] = await tx
      .insert(procedureVersions)
      .values(versionRow(procedure.id, procedure.code, next, parsed.data, input.changeNote))
      .returning({ id: procedureVersions.id, version: procedureVersions.version });
    return { versionId: (inserted as { id: string }).id, version: (inserted as { version: number }).version };
  });
}
