import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { procedureCatalogue } from './catalogue-data.ts';
import { procedureContent } from './domain/procedure.ts';
import { procedures, procedureVersions } from './schema.ts';
import { versionRow } from './versions.ts';

/**
 * Loads the reference procedure catalogue for a province into an empty catalogue (also outside demo
 * mode). Each entry is validated against the content schema first, so bad data fails at start-up.
 */
export async function loadProcedureCatalogueIfEmpty(db: Db, provinceCode: string): Promise<boolean> {
  const existing = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.provinceCode, provinceCode)).limit(1);
  if (existing.length > 0) return false;
  const entries = procedureCatalogue.map(({ code, ...content }) => ({ code, content: procedureContent.parse(content) }));
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(procedures)
      .values(entries.map((e) => ({ code: e.code, provinceCode })))
      .returning({ id: procedures.id, code: procedures.code });
    const idByCode = new Map(inserted.map((r) => [r.code, r.id]));
    await tx.insert(procedureVersions).values(entries.map((e) => versionRow(idByCode.get(e.code) as string, e.code, 1, e.content, null)));
  });
  return true;
}
