import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import type { Db } from '../platform/db/client.ts';
import { attachments, dossierComponents, dossierEvents, dossiers, dossierStatusCountDeltas } from './schema.ts';
import { foldStatusCountDeltas, installStatusCounts, provinceStatusCounts, rebuildStatusCounts } from './status-counts.ts';

let ctx: TestContext;
let db: Db;

beforeAll(async () => {
  ctx = await createTestContext();
  db = ctx.database.db;
});
afterAll(async () => ctx.close());

/** The truth: a count of the dossiers themselves. */
async function counted(provinceCode = '79'): Promise<Map<number, number>> {
  const result = await db.execute<{ status: number; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM dossiers WHERE province_code = ${provinceCode} GROUP BY status`,
  );
  return new Map(result.rows.map((r) => [Number(r.status), Number(r.n)]));
}

async function pendingDeltas(): Promise<number> {
  return (await db.select({ id: dossierStatusCountDeltas.id }).from(dossierStatusCountDeltas)).length;
}

describe(`dossier counts per province and status (${testBackend()})`, () => {
  it('follow inserts, status changes and deletions, before and after the deltas are folded', async () => {
    expect(await provinceStatusCounts(db, '79')).toEqual(await counted());
    const a = await createDossier(db, { status: 1 });
    const b = await createDossier(db, { status: 2 });
    await createDossier(db, { status: 4 });
    await db.update(dossiers).set({ status: 4 }).where(eq(dossiers.id, a.id));
    // Writing the same status again is no change.
    await db.update(dossiers).set({ status: 2, updatedAt: new Date() }).where(eq(dossiers.id, b.id));
    await db.delete(dossierComponents).where(eq(dossierComponents.dossierId, b.id));
    await db.delete(attachments).where(eq(attachments.dossierId, b.id));
    await db.delete(dossierEvents).where(eq(dossierEvents.dossierId, b.id));
    await db.delete(dossiers).where(eq(dossiers.id, b.id));
    expect(await pendingDeltas()).toBeGreaterThan(0);
    expect(await provinceStatusCounts(db, '79')).toEqual(await counted());

    const { folded } = await foldStatusCountDeltas(db);
    expect(folded).toBeGreaterThan(0);
    expect(await pendingDeltas()).toBe(0);
    expect(await provinceStatusCounts(db, '79')).toEqual(await counted());
    expect((await foldStatusCountDeltas(db)).folded).toBe(0);
  });

  it('stay exact while status changes and folds run at the same time', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => createDossier(db, { status: i % 2 === 0 ? 1 : 2 })));
    await Promise.all([
      ...made.map((d, i) =>
        db
          .update(dossiers)
          .set({ status: ([4, 5, 6, 9] as const)[i % 4] })
          .where(eq(dossiers.id, d.id)),
      ),
      foldStatusCountDeltas(db),
      foldStatusCountDeltas(db),
    ]);
    await foldStatusCountDeltas(db);
    expect(await provinceStatusCounts(db, '79')).toEqual(await counted());
  });

  it('a rolled-back change leaves no delta behind', async () => {
    const before = await provinceStatusCounts(db, '79');
    await expect(
      db.transaction(async (tx) => {
        await createDossier(tx, { status: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await provinceStatusCounts(db, '79')).toEqual(before);
  });

  it('are rebuilt from the dossiers after a load that bypassed the trigger, and installing again changes nothing', async () => {
    // As a bulk load with triggers off would leave them: counts that no longer match.
    await db.execute(sql`UPDATE dossier_status_counts SET n = n + 1000`);
    expect(await provinceStatusCounts(db, '79')).not.toEqual(await counted());
    await rebuildStatusCounts(db);
    expect(await pendingDeltas()).toBe(0);
    expect(await provinceStatusCounts(db, '79')).toEqual(await counted());
    await installStatusCounts(db);
    await createDossier(db, { status: 9 });
    expect(await provinceStatusCounts(db, '79')).toEqual(await counted());
  });

  it('a province with no dossiers has no counts', async () => {
    expect(await provinceStatusCounts(db, '01')).toEqual(new Map());
  });
});
