import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/client.ts';

/**
 * Exact dossier counts per province and status without recounting the province's open dossiers on
 * every request (at 10 M dossiers a province-wide inbox counted ~88 k rows each time) and without a
 * hot counter row on the submission path:
 * - a trigger on `dossiers` appends (province, status, ±1) to `dossier_status_count_deltas` in the
 *   transaction that inserts, deletes or changes the status of a dossier (insert-only: no row to wait on);
 * - `foldStatusCountDeltas` (a job every few seconds) moves the deltas into `dossier_status_counts`;
 * - `provinceStatusCounts` sums the two tables in one statement, so it sees every committed change
 *   exactly once, folded or not.
 * Bulk loads that switch triggers off (the generator) call `rebuildStatusCounts` afterwards.
 */

const triggerFunction = `
CREATE OR REPLACE FUNCTION dossier_status_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dossier_status_count_deltas (province_code, status, delta) VALUES (OLD.province_code, OLD.status, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO dossier_status_count_deltas (province_code, status, delta) VALUES (NEW.province_code, NEW.status, 1);
  END IF;
  RETURN NULL;
END $$`;

const triggers = [
  `CREATE OR REPLACE TRIGGER dossiers_status_count_rows AFTER INSERT OR DELETE ON dossiers
   FOR EACH ROW EXECUTE FUNCTION dossier_status_count_delta()`,
  `CREATE OR REPLACE TRIGGER dossiers_status_count_changes AFTER UPDATE OF status, province_code ON dossiers
   FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.province_code IS DISTINCT FROM NEW.province_code)
   EXECUTE FUNCTION dossier_status_count_delta()`,
];

/**
 * Installs the trigger (idempotent; after the migrations). The first time, in the same transaction
 * and with writers held off, it counts the dossiers already there.
 */
export async function installStatusCounts(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE dossiers IN SHARE ROW EXCLUSIVE MODE`);
    const present = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_trigger WHERE tgname IN ('dossiers_status_count_rows', 'dossiers_status_count_changes')`,
    );
    await tx.execute(sql.raw(triggerFunction));
    for (const statement of triggers) await tx.execute(sql.raw(statement));
    if ((present.rows[0]?.n ?? 0) < triggers.length) await recount(tx);
  });
}

async function recount(q: Queryable): Promise<void> {
  await q.execute(sql`DELETE FROM dossier_status_count_deltas`);
  await q.execute(sql`DELETE FROM dossier_status_counts`);
  await q.execute(sql`
    INSERT INTO dossier_status_counts (province_code, status, n)
    SELECT province_code, status, count(*) FROM dossiers GROUP BY province_code, status`);
}

/** Counts every dossier again (after a load with triggers off); writers wait meanwhile. */
export async function rebuildStatusCounts(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE dossiers IN SHARE ROW EXCLUSIVE MODE`);
    await recount(tx);
  });
}

/** Moves the deltas written so far into the counts, in one statement (safe to run concurrently). */
export async function foldStatusCountDeltas(db: Db): Promise<{ folded: number }> {
  const result = await db.execute<{ folded: number }>(sql`
    WITH moved AS (
      DELETE FROM dossier_status_count_deltas RETURNING province_code, status, delta
    ), sums AS (
      SELECT province_code, status, sum(delta)::bigint AS n, count(*) AS rows FROM moved GROUP BY province_code, status
    ), upserted AS (
      INSERT INTO dossier_status_counts (province_code, status, n)
      SELECT province_code, status, n FROM sums
      ON CONFLICT (province_code, status) DO UPDATE SET n = dossier_status_counts.n + excluded.n
    )
    SELECT coalesce(sum(rows), 0)::int AS folded FROM sums`);
  return { folded: result.rows[0]?.folded ?? 0 };
}

/** Dossiers of a province per status, exact as of this statement. */
export async function provinceStatusCounts(q: Queryable, provinceCode: string): Promise<Map<number, number>> {
  const result = await q.execute<{ status: number; n: number }>(sql`
    SELECT status, sum(n)::bigint AS n FROM (
      SELECT status, n FROM dossier_status_counts WHERE province_code = ${provinceCode}
      UNION ALL
      SELECT status, delta FROM dossier_status_count_deltas WHERE province_code = ${provinceCode}
    ) AS both_tables
    GROUP BY status
    HAVING sum(n) <> 0`);
  return new Map(result.rows.map((r) => [Number(r.status), Number(r.n)]));
}
