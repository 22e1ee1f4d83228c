import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossiers } from '../../demo/generator/generate.ts';
import type { Database } from '../../platform/db/client.ts';
import { insertDossier } from '../../../test/support/indicator-fixtures.ts';
import { createTestDatabase, testBackend } from '../../../test/support/test-app.ts';
import { applyEventsToRollups, rebuildRollups } from '../rollups/maintain.ts';
import { computeOverview, readOverview } from './overview.ts';
import { computeRanking, readRanking } from './ranking.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await generateDossiers(database.db, {
    dossiers: 300,
    seed: 'cache',
    provinceCode: '79',
    from: '2025-08-01',
    to: '2025-11-30',
    now: new Date('2025-11-30T16:00:00Z'),
  });
  await rebuildRollups(database.db);
}, 120_000);
afterAll(async () => database.close());

const today = '2026-01-05';
const october = { provinceCode: '79', period: '2025-10', level: 'commune' as const, indicator: 'INDEX', view: 'current' as const, today };
const cachedAt = async () =>
  (
    await database.db.execute<{ at: string }>(
      sql`SELECT computed_at::text AS at FROM indicator_dashboard_cache WHERE key LIKE ${'%ranking|79|2025-10|current|commune|INDEX'}`,
    )
  ).rows[0]?.at ?? null;
const receivedIn = (r: Awaited<ReturnType<typeof readRanking>>, code: string) => r.rows.find((x) => x.code === code)?.headline.received;
const at = (d: string) => new Date(`${d}T09:00:00+07:00`);

describe(`dashboard answers kept while their period's rollups are unchanged (${testBackend()})`, () => {
  it('serves a past month again after changes elsewhere, and recomputes it after a change within it', async () => {
    const { db } = database;
    const first = await readRanking(db, october);
    expect(first).toEqual(await computeRanking(db, october));
    const stamp = await cachedAt();
    expect(stamp).not.toBeNull();

    // A dossier received in December: October's figures cannot change, the kept answer is served.
    await insertDossier(db, { submitterKind: 'applicant', submittedAt: at('2025-12-02'), receivedAt: at('2025-12-03') });
    expect((await applyEventsToRollups(db)).events).toBeGreaterThan(0);
    expect(await readRanking(db, october)).toEqual(first);
    expect(await cachedAt()).toBe(stamp);

    // One received in October in Phường Tam Long: recomputed, one more dossier there.
    await insertDossier(db, { submitterKind: 'applicant', submittedAt: at('2025-10-20'), receivedAt: at('2025-10-20') });
    await applyEventsToRollups(db);
    const after = await readRanking(db, october);
    expect(receivedIn(after, '26572')).toBe((receivedIn(first, '26572') ?? 0) + 1);
    expect(after).toEqual(await computeRanking(db, october));
    expect(await cachedAt()).not.toBe(stamp);

    // The overview too; a rebuild voids everything kept.
    const overview = { provinceCode: '79', unitCode: '79', period: '2025-10', view: 'current' as const, today };
    expect(await readOverview(db, overview)).toEqual(await computeOverview(db, overview));
    await rebuildRollups(db);
    expect(await cachedAt()).toBeNull();
    expect(await readRanking(db, october)).toEqual(after);
  });
});
