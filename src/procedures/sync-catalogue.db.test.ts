import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { officers } from '../identity/schema.ts';
import { procedureCatalogue, type CatalogueEntry } from './catalogue-data.ts';
import { publishProcedureVersion } from './publish-version.ts';
import { procedures, procedureVersions } from './schema.ts';
import { referenceChangeNote, returnToReference, syncReferenceCatalogue } from './sync-catalogue.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => ctx.close());

const sync = (entries: readonly CatalogueEntry[] = procedureCatalogue) =>
  syncReferenceCatalogue(ctx.database.db, ctx.config.provinceCode, entries);

/** The reference catalogue of a later release in which one procedure says something else. */
function releaseWith(code: string, change: Partial<CatalogueEntry>): CatalogueEntry[] {
  return procedureCatalogue.map((entry) => (entry.code === code ? { ...entry, ...change } : entry));
}

async function versionsOf(code: string) {
  const rows = await ctx.database.db
    .select({
      version: procedureVersions.version,
      isCurrent: procedureVersions.isCurrent,
      timeAmount: procedureVersions.timeAmount,
      changeNote: procedureVersions.changeNote,
      by: procedureVersions.publishedByOfficerId,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.provinceCode, ctx.config.provinceCode), eq(procedures.code, code)));
  return rows.sort((a, b) => a.version - b.version);
}

describe(`the reference catalogue of a new release reaches a running province (${testBackend()})`, () => {
  it('changes nothing when the release has nothing new', async () => {
    expect(await sync()).toEqual({ added: [], updated: [], keptLocal: [] });
    expect(await versionsOf('1.001193')).toHaveLength(1);
  });

  it('publishes a changed procedure as a new version, once, and audits it as the system', async () => {
    const release = releaseWith('2.000908', { timeAmount: 1, timeNote: 'Trong ngày' });
    expect(await sync(release)).toEqual({ added: [], updated: ['2.000908'], keptLocal: [] });
    expect(await versionsOf('2.000908')).toEqual([
      expect.objectContaining({ version: 1, isCurrent: false }),
      expect.objectContaining({ version: 2, isCurrent: true, timeAmount: 1, changeNote: referenceChangeNote, by: null }),
    ]);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'procedure.version.publish'));
    expect(audit).toEqual([
      expect.objectContaining({ actorKind: 'system', details: expect.objectContaining({ code: '2.000908', version: 2 }) }),
    ]);

    // The next start with the same release, and processes starting together, change nothing more.
    expect(await sync(release)).toEqual({ added: [], updated: [], keptLocal: [] });
    await Promise.all([sync(releaseWith('2.000908', { timeAmount: 2 })), sync(releaseWith('2.000908', { timeAmount: 2 }))]);
    expect((await versionsOf('2.000908')).map((v) => v.timeAmount)).toEqual([
      procedureCatalogue.find((e) => e.code === '2.000908')?.timeAmount,
      1,
      2,
    ]);
  });

  it('adds a procedure new in the release', async () => {
    const template = procedureCatalogue.find((e) => e.code === '2.000908') as CatalogueEntry;
    const release = [...procedureCatalogue, { ...template, code: '2.999990', name: 'Thủ tục mới của bản phát hành sau' }];
    expect(await sync(release)).toEqual({ added: ['2.999990'], updated: [], keptLocal: [] });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/procedures/2.999990' });
    expect(res.json()).toMatchObject({ name: 'Thủ tục mới của bản phát hành sau', version: 1 });
  });

  it("keeps the province's own version when its administrator published one, and reports the pending update", async () => {
    const [admin] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'quantri.hethong'));
    await publishProcedureVersion(ctx.database.db, {
      provinceCode: ctx.config.provinceCode,
      code: '2.000908',
      changes: { timeAmount: 3 },
      changeNote: 'Thời hạn của Thành phố',
      actor: { kind: 'officer', id: admin?.id ?? null },
    });
    const release = releaseWith('2.000908', { timeAmount: 5 });
    expect(await sync(release)).toEqual({ added: [], updated: [], keptLocal: ['2.000908'] });
    expect(await sync(release)).toEqual({ added: [], updated: [], keptLocal: ['2.000908'] });
    expect((await versionsOf('2.000908')).at(-1)).toMatchObject({ version: 2, isCurrent: true, timeAmount: 3 });

    // Once the administrator goes back to the reference, the release's change applies at the next start.
    await returnToReference(ctx.database.db, {
      provinceCode: ctx.config.provinceCode,
      code: '2.000908',
      basedOnVersion: 2,
      actor: { kind: 'officer', id: admin?.id ?? null },
    });
    expect(await sync(release)).toEqual({ added: [], updated: ['2.000908'], keptLocal: [] });
    expect((await versionsOf('2.000908')).at(-1)).toMatchObject({ version: 4, isCurrent: true, timeAmount: 5, by: null });
  });

  it('upgrades a data directory from before reference hashes: same content is only marked, other content is published', async () => {
    await ctx.database.db.update(procedures).set({ referenceHash: null });
    const release = releaseWith('2.000908', { timeAmount: 5 });
    expect(await sync(release)).toEqual({ added: [], updated: ['2.000908'], keptLocal: [] });
    expect(await versionsOf('1.001193')).toHaveLength(1);
    expect(await sync(release)).toEqual({ added: [], updated: [], keptLocal: [] });
  });

  it('refuses, before touching anything, a release whose entry does not validate', async () => {
    const release = releaseWith('2.000908', { timeAmount: -1 });
    await expect(sync(release)).rejects.toThrow();
    expect(await versionsOf('2.000908')).toHaveLength(1);
  });
});
