import { and, eq, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { canonicalJson } from '../platform/canonical-json.ts';
import type { Db, Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { procedureContent, type ProcedureContent, type ProcedureContentInput } from './domain/procedure.ts';
import { procedures, procedureVersions, type ProcedureRow, type ProcedureVersionRow } from './schema.ts';
import { versionRow } from './versions.ts';

export interface PublishVersionInput {
  provinceCode: string;
  code: string;
  /** Only what changes; everything else is carried over from the current version. */
  changes: Partial<ProcedureContentInput>;
  changeNote: string;
  /** The version the editor started from: if another one was published since, nothing is published. */
  basedOnVersion?: number;
  /** Who publishes (audited): an officer of the province, or the system applying the reference catalogue. */
  actor?: Actor;
}

/** The content a stored version says, in the shape `procedureContent` parses. */
export function contentOf(row: ProcedureVersionRow): ProcedureContentInput {
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

/** The content, checked within and across its fields; 400 PROCEDURE_CONTENT_INVALID with the issues otherwise. */
function validContent(input: ProcedureContentInput): ProcedureContent {
  const parsed = procedureContent.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('PROCEDURE_CONTENT_INVALID', {
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/** Whether two contents say the same thing, whatever the key order or omitted defaults. */
export function sameContent(a: ProcedureContentInput, b: ProcedureContent): boolean {
  const parsed = procedureContent.safeParse(a);
  return parsed.success && canonicalJson(parsed.data) === canonicalJson(b);
}

/**
 * Writes version n+1 as the current one inside `tx`; earlier versions stay as they were, because
 * dossiers reference them. The caller holds the procedure row locked.
 */
export async function insertNextVersion(
  tx: Queryable,
  procedure: ProcedureRow,
  current: ProcedureVersionRow,
  content: ProcedureContent,
  changeNote: string,
  actor: Actor | undefined,
  /** Whose version it is: the officer who publishes by default; null marks the reference catalogue's content. */
  publishedByOfficerId: string | null = actor?.kind === 'officer' ? actor.id : null,
): Promise<{ versionId: string; version: number }> {
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${procedureVersions.version}), 0)::int + 1` })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedure.id));
  await tx.update(procedureVersions).set({ isCurrent: false }).where(eq(procedureVersions.id, current.id));
  const [inserted] = await tx
    .insert(procedureVersions)
    .values({
      ...versionRow(procedure.id, procedure.code, next, content, changeNote),
      publishedByOfficerId,
    })
    .returning({ id: procedureVersions.id, version: procedureVersions.version });
  const published = inserted as { id: string; version: number };
  if (actor) {
    await recordAudit(tx, actor, {
      action: 'procedure.version.publish',
      subjectType: 'procedure',
      subjectId: procedure.id,
      details: { code: procedure.code, version: published.version, previousVersion: current.version, changeNote },
    });
  }
  return { versionId: published.id, version: published.version };
}

/**
 * The procedure row (locked for the transaction) and its current version, for a change based on
 * `basedOnVersion`: 404 for a code the province lacks, 409 when another version was published since.
 */
export async function lockedForChange(
  tx: Queryable,
  input: { provinceCode: string; code: string; basedOnVersion?: number | undefined },
): Promise<{ procedure: ProcedureRow; current: ProcedureVersionRow }> {
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
  if (input.basedOnVersion !== undefined && input.basedOnVersion !== current.version) {
    throw new AppError('PROCEDURE_VERSION_CONFLICT', {
      code: input.code,
      basedOnVersion: input.basedOnVersion,
      currentVersion: current.version,
    });
  }
  return { procedure, current };
}

/**
 * Publishes a new version of a procedure: the current content with `changes` applied becomes version
 * n+1 and the current one. Refuses content that does not validate, a version that changes nothing,
 * and (with `basedOnVersion`) an edit of a version that is no longer the current one.
 */
export async function publishProcedureVersion(db: Db, input: PublishVersionInput): Promise<{ versionId: string; version: number }> {
  return db.transaction(async (tx) => {
    const { procedure, current } = await lockedForChange(tx, input);
    const content = validContent({ ...contentOf(current), ...input.changes });
    if (sameContent(contentOf(current), content)) throw new AppError('PROCEDURE_UNCHANGED', { code: input.code, version: current.version });
    return insertNextVersion(tx, procedure, current, content, input.changeNote, input.actor);
  });
}

export interface CreateProcedureInput {
  provinceCode: string;
  code: string;
  content: ProcedureContentInput;
  /** The province's administrator adding it (audited). */
  actor: Actor;
}

/**
 * Adds a procedure the reference catalogue does not have (a procedure specific to the province, or
 * one published nationally after this release) as version 1, published by the province's
 * administrator. Refuses a code the province already has and content that does not validate.
 */
export async function createProcedure(db: Db, input: CreateProcedureInput): Promise<{ versionId: string; version: number }> {
  const content = validContent(input.content);
  return db.transaction(async (tx) => {
    const [procedure] = await tx
      .insert(procedures)
      .values({ code: input.code, provinceCode: input.provinceCode })
      .onConflictDoNothing()
      .returning();
    if (!procedure) throw new AppError('PROCEDURE_EXISTS', { code: input.code });
    const [inserted] = await tx
      .insert(procedureVersions)
      .values({
        ...versionRow(procedure.id, procedure.code, 1, content, null),
        publishedByOfficerId: input.actor.kind === 'officer' ? input.actor.id : null,
      })
      .returning({ id: procedureVersions.id });
    await recordAudit(tx, input.actor, {
      action: 'procedure.create',
      subjectType: 'procedure',
      subjectId: procedure.id,
      details: { code: procedure.code, name: content.name },
    });
    return { versionId: (inserted as { id: string }).id, version: 1 };
  });
}
