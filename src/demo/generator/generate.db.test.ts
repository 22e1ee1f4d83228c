import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client.ts';
import { createTestDatabase, testBackend } from '../../../test/support/test-app.ts';
import { secondaryIndexes } from '../../platform/db/secondary-indexes.ts';
import { provinceStatusCounts } from '../../dossiers/status-counts.ts';
import { generateDossiers, generatedTables } from './generate.ts';

const opened: Database[] = [];
afterAll(async () => Promise.all(opened.map((d) => d.close())));

const options = {
  dossiers: 400,
  seed: 'same',
  provinceCode: '79',
  from: '2025-01-01',
  to: '2025-12-31',
  now: new Date('2025-12-31T12:00:00Z'),
  batchSize: 150,
};

async function fingerprint(database: Database): Promise<string> {
  const r = await database.db.execute<{ d: string; e: string; c: string }>(sql`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', id, code, unit_code, procedure_code, status, channel, submitter_kind, submitted_at, appointment_at, processing_ended_at), ',' ORDER BY code)) FROM dossiers) AS d,
      (SELECT md5(string_agg(concat_ws('|', dossier_id, at, action, to_status, details::text), ',' ORDER BY dossier_id, at, action)) FROM dossier_events) AS e,
      (SELECT md5(string_agg(concat_ws('|', id, dossier_id, source), ',' ORDER BY id)) FROM dossier_components) AS c`);
  return JSON.stringify(r.rows[0]);
}

describe(`dossier generator (${testBackend()})`, () => {
  it('generates the same province for the same seed, and refuses to generate a seed twice', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    opened.push(a, b);
    const indexes = await secondaryIndexes(b.db, generatedTables);
    const first = await generateDossiers(a.db, options);
    // The same load with the indexes dropped and built again afterwards: same rows, same indexes.
    const second = await generateDossiers(b.db, { ...options, batchSize: 97, rebuildIndexes: true });
    expect(first).toMatchObject({ dossiers: 400, indexesRebuilt: 0 });
    expect(second.indexesRebuilt).toBe(indexes.length);
    expect(indexes.length).toBeGreaterThan(15);
    expect(await secondaryIndexes(b.db, generatedTables)).toEqual(indexes);
    expect(first.events).toBeGreaterThan(400 * 4);
    expect(await fingerprint(a)).toBe(await fingerprint(b));
    // Batches skip triggers where the role may: the counts behind the province-wide inbox are counted again.
    const truth = await a.db.execute<{ status: number; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM dossiers WHERE province_code = '79' GROUP BY status`,
    );
    expect(await provinceStatusCounts(a.db, '79')).toEqual(new Map(truth.rows.map((r) => [Number(r.status), Number(r.n)])));
    await expect(generateDossiers(a.db, options)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('mixes channels, assisted submissions, late dossiers, votes, reuse and old units before July 2025', async () => {
    const database = opened[0];
    if (!database) throw new Error('no database');
    const r = await database.db.execute<Record<string, number>>(sql`
      SELECT
        count(*) FILTER (WHERE channel = 2)::int AS online,
        count(*) FILTER (WHERE submitter_kind = 'assisted')::int AS assisted,
        count(*) FILTER (WHERE channel = 1)::int AS counter,
        count(*) FILTER (WHERE processing_ended_at > appointment_at)::int AS late,
        count(*) FILTER (WHERE province_code <> '79')::int AS old_provinces,
        (SELECT count(*) FROM satisfaction_votes)::int AS votes,
        (SELECT count(*) FROM dossier_components WHERE source = 'store')::int AS reused,
        count(*) FILTER (WHERE submitted_at < '2025-07-01' AND unit_code IN (SELECT code FROM admin_units WHERE valid_to IS NULL AND level = 'commune' AND province_code = '79' AND code NOT IN (SELECT code FROM admin_units WHERE valid_to IS NOT NULL)))::int AS new_units_too_early
      FROM dossiers`);
    const m = r.rows[0] ?? {};
    expect(m['online']).toBeGreaterThan(400 * 0.4);
    expect(m['assisted']).toBeGreaterThan(10);
    expect(m['counter']).toBeGreaterThan(40);
    expect(m['late']).toBeGreaterThan(10);
    expect(m['old_provinces']).toBeGreaterThan(10);
    expect(m['votes']).toBeGreaterThan(10);
    expect(m['reused']).toBeGreaterThan(10);
    expect(m['new_units_too_early']).toBe(0);
  });
});
