import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { procedures, procedureVersions } from '../procedures/schema.ts';
import { presentAttachment, usableAttachments, type AttachmentView } from './attachments.ts';
import type { DossierDeps } from './deps.ts';
import type { SaveDraftBody } from './drafts.schema.ts';
import { dossierDrafts, type attachments } from './schema.ts';

export interface DraftView {
  procedureCode: string;
  procedureVersion: number;
  receivingAgencyCode: string | null;
  formData: Record<string, unknown>;
  /** componentCode → the attachments still usable (a file claimed by a dossier since then drops out). */
  attachments: Record<string, AttachmentView[]>;
  updatedAt: string;
}

// A draft holds answers being typed, not files: 256 KB of JSON is far more than any form needs.
const maxFormDataBytes = 256 * 1024;

async function present(q: Queryable, draft: typeof dossierDrafts.$inferSelect, version: number): Promise<DraftView> {
  const ids = Object.values(draft.attachmentIds).flat();
  const usable = new Map((await usableAttachments(q, draft.citizenId, ids)).map((a) => [a.id, a]));
  const files: Record<string, AttachmentView[]> = {};
  for (const [code, list] of Object.entries(draft.attachmentIds)) {
    const rows = list.map((id) => usable.get(id)).filter((a): a is typeof attachments.$inferSelect => a !== undefined);
    if (rows.length > 0) files[code] = rows.map(presentAttachment);
  }
  return {
    procedureCode: draft.procedureCode,
    procedureVersion: version,
    receivingAgencyCode: draft.receivingAgencyCode,
    formData: draft.formData,
    attachments: files,
    updatedAt: draft.updatedAt.toISOString(),
  };
}

/** The citizen's draft for a procedure, or DRAFT_NOT_FOUND. */
export async function readDraft(deps: Pick<DossierDeps, 'db'>, citizenId: string, procedureCode: string): Promise<DraftView> {
  const [found] = await deps.db
    .select({ draft: dossierDrafts, version: procedureVersions.version })
    .from(dossierDrafts)
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossierDrafts.procedureVersionId))
    .where(and(eq(dossierDrafts.citizenId, citizenId), eq(dossierDrafts.procedureCode, procedureCode)));
  if (!found) throw new AppError('DRAFT_NOT_FOUND', { procedureCode });
  return present(deps.db, found.draft, found.version);
}

/**
 * Saves (creates or replaces) the citizen's draft so it can be resumed on another device. Answers may
 * be incomplete; the version must exist, a chosen agency must receive dossiers in the province, and
 * every attachment must be the citizen's own and unused.
 */
export async function saveDraft(
  deps: Pick<DossierDeps, 'db' | 'provinceCode' | 'agencies' | 'now'>,
  citizenId: string,
  procedureCode: string,
  body: SaveDraftBody,
): Promise<DraftView> {
  const { db } = deps;
  const [version] = await db
    .select({ id: procedureVersions.id, version: procedureVersions.version })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.provinceCode, deps.provinceCode), eq(procedures.code, procedureCode), eq(procedureVersions.version, body.procedureVersion)));
  if (!version) throw new AppError('PROCEDURE_VERSION_NOT_FOUND', { code: procedureCode, version: body.procedureVersion });
  if (Buffer.byteLength(JSON.stringify(body.formData)) > maxFormDataBytes) throw new AppError('BODY_TOO_LARGE', { maxFormDataBytes });
  const agencyCode = body.receivingAgencyCode ?? null;
  if (agencyCode) {
    const agency = (await deps.agencies.byCode()).get(agencyCode);
    if (!agency || !agency.receivesDossiers || agency.provinceCode !== deps.provinceCode)
      throw new AppError('AGENCY_NOT_RECEIVING', { receivingAgencyCode: agencyCode });
  }
  const attachmentIds = body.attachmentIds ?? {};
  const wanted = [...new Set(Object.values(attachmentIds).flat())];
  const usable = new Set((await usableAttachments(db, citizenId, wanted)).map((a) => a.id));
  const missing = wanted.filter((id) => !usable.has(id));
  if (missing.length > 0) throw new AppError('ATTACHMENT_NOT_FOUND', { attachmentIds: missing });
  const values = {
    procedureVersionId: version.id,
    receivingAgencyCode: agencyCode,
    formData: body.formData,
    attachmentIds,
    updatedAt: deps.now(),
  };
  const [saved] = await db
    .insert(dossierDrafts)
    .values({ citizenId, procedureCode, ...values })
    .onConflictDoUpdate({ target: [dossierDrafts.citizenId, dossierDrafts.procedureCode], set: values })
    .returning();
  if (!saved) throw new Error('draft not saved');
  return present(db, saved, version.version);
}

/** Discards the citizen's draft (nothing to do when there is none). */
export async function deleteDraft(deps: Pick<DossierDeps, 'db'>, citizenId: string, procedureCode: string): Promise<void> {
  await deps.db.delete(dossierDrafts).where(and(eq(dossierDrafts.citizenId, citizenId), eq(dossierDrafts.procedureCode, procedureCode)));
}
