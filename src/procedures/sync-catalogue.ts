import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/audit/record.ts';
import { canonicalJson } from '../platform/canonical-json.ts';
import type { Db } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { procedureCatalogue, type CatalogueEntry } from './catalogue-data.ts';
import { procedureContent, type ProcedureContent } from './domain/procedure.ts';
import { contentOf, insertNextVersion, lockedForChange, sameContent } from './publish-version.ts';
import { procedures, procedureVersions } from './schema.ts';
import { versionRow } from './versions.ts';

/** What a start-up did to the province's catalogue. */
export interface CatalogueSync {
  /** Procedures new in the reference catalogue, now version 1. */
  added: string[];
  /** Procedures whose reference content changed: a new version was published from it. */
  updated: string[];
  /**
   * Procedures whose reference content changed while the province's own administrator had published
   * the current version: the province's version stays, and the reference update waits (logged).
   */
  keptLocal: string[];
}

/** The change note of a version the reference catalogue published. */
export const referenceChangeNote = 'Cập nhật theo danh mục thủ tục tham chiếu của phiên bản phần mềm mới';

const system: Actor = { kind: 'system', id: null };

const hashOf = (content: ProcedureContent) => createHash('sha256').update(canonicalJson(content)).digest('hex');

/**
 * Brings a province's catalogue up to the reference catalogue shipped with this release (also outside
 * demo mode): a procedure the province lacks is added; a procedure whose reference content changed
 * since it was last applied gets a new version with that content, unless the province's
 * administrator published the current version (their edit wins; see `keptLocal`). Dossiers keep the
 * versions they were filed under. Each entry is validated first, so bad data fails at start-up; an
 * advisory lock keeps processes starting together from applying the same change twice.
 */
export async function syncReferenceCatalogue(
  db: Db,
  provinceCode: string,
  entries: readonly CatalogueEntry[] = procedureCatalogue,
): Promise<CatalogueSync> {
  const reference = entries.map(({ code, ...content }) => {
    const parsed = procedureContent.parse(content);
    return { code, content: parsed, hash: hashOf(parsed) };
  });
  const result: CatalogueSync = { added: [], updated: [], keptLocal: [] };
  // Most starts change nothing: one read, no lock.
  const applied = await db
    .select({ code: procedures.code, referenceHash: procedures.referenceHash })
    .from(procedures)
    .where(eq(procedures.provinceCode, provinceCode));
  const appliedHash = new Map(applied.map((r) => [r.code, r.referenceHash]));
  if (reference.every((r) => appliedHash.get(r.code) === r.hash)) return result;

  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tinhso.procedure-catalogue.${provinceCode}`}))`);
    const rows = await tx.select().from(procedures).where(eq(procedures.provinceCode, provinceCode)).for('update');
    const byCode = new Map(rows.map((r) => [r.code, r]));

    const missing = reference.filter((r) => !byCode.has(r.code));
    if (missing.length > 0) {
      const inserted = await tx
        .insert(procedures)
        .values(missing.map((r) => ({ code: r.code, provinceCode, referenceHash: r.hash })))
        .returning({ id: procedures.id, code: procedures.code });
      const idByCode = new Map(inserted.map((r) => [r.code, r.id]));
      await tx.insert(procedureVersions).values(missing.map((r) => versionRow(idByCode.get(r.code) as string, r.code, 1, r.content, null)));
      result.added.push(...missing.map((r) => r.code));
    }

    for (const entry of reference) {
      const procedure = byCode.get(entry.code);
      if (!procedure || procedure.referenceHash === entry.hash) continue;
      const [current] = await tx
        .select()
        .from(procedureVersions)
        .where(and(eq(procedureVersions.procedureId, procedure.id), eq(procedureVersions.isCurrent, true)));
      if (!current) continue;
      if (!sameContent(contentOf(current), entry.content)) {
        if (current.publishedByOfficerId !== null) {
          result.keptLocal.push(entry.code);
          continue;
        }
        await insertNextVersion(tx, procedure, current, entry.content, referenceChangeNote, system);
        result.updated.push(entry.code);
      }
      await tx.update(procedures).set({ referenceHash: entry.hash }).where(eq(procedures.id, procedure.id));
    }
  });
  return result;
}

/** The reference catalogue's content for one procedure, checked, or null when this release has none. */
function referenceContentOf(code: string, entries: readonly CatalogueEntry[]): ProcedureContent | null {
  const entry = entries.find((e) => e.code === code);
  if (!entry) return null;
  const { code: _code, ...content } = entry;
  return procedureContent.parse(content);
}

/**
 * How a province's procedure stands against this release's reference catalogue: `none` (the
 * reference has no such procedure), `same` (the current version says what the reference says) or
 * `differs` (the province's own version, or one the next start will update), with the reference's content.
 */
export type ReferenceState = { state: 'none' } | { state: 'same' } | { state: 'differs'; reference: ProcedureContent };

export async function referenceStateOf(
  db: Db,
  input: { provinceCode: string; code: string },
  entries: readonly CatalogueEntry[] = procedureCatalogue,
): Promise<ReferenceState> {
  const [current] = await db
    .select({ version: procedureVersions })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.provinceCode, input.provinceCode), eq(procedures.code, input.code), eq(procedureVersions.isCurrent, true)));
  if (!current) throw new AppError('PROCEDURE_NOT_FOUND', { code: input.code });
  const reference = referenceContentOf(input.code, entries);
  if (!reference) return { state: 'none' };
  return sameContent(contentOf(current.version), reference) ? { state: 'same' } : { state: 'differs', reference };
}

/**
 * The province's administrator goes back to the reference catalogue for one procedure: its content
 * becomes version n+1, marked as the reference's (so later releases update it again at start-up),
 * audited as the administrator's act.
 */
export async function returnToReference(
  db: Db,
  input: { provinceCode: string; code: string; basedOnVersion: number; actor: Actor },
  entries: readonly CatalogueEntry[] = procedureCatalogue,
): Promise<{ versionId: string; version: number }> {
  const reference = referenceContentOf(input.code, entries);
  return db.transaction(async (tx) => {
    const { procedure, current } = await lockedForChange(tx, input);
    if (!reference) throw new AppError('PROCEDURE_NOT_IN_REFERENCE', { code: input.code });
    if (sameContent(contentOf(current), reference))
      throw new AppError('PROCEDURE_UNCHANGED', { code: input.code, version: current.version });
    const published = await insertNextVersion(tx, procedure, current, reference, referenceChangeNote, input.actor, null);
    await tx
      .update(procedures)
      .set({ referenceHash: hashOf(reference) })
      .where(eq(procedures.id, procedure.id));
    return published;
  });
}
