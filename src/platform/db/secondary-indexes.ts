import { sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';

/** An index that backs no constraint (not a primary key, unique or exclusion constraint), as the catalogue defines it. */
export interface SecondaryIndex {
  table: string;
  name: string;
  /** `CREATE [UNIQUE] INDEX …` exactly as PostgreSQL prints it (pg_get_indexdef). */
  definition: string;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

function checkedTables(tables: readonly string[]): string {
  for (const t of tables) if (!identifier.test(t)) throw new RangeError(`not a plain table name: ${t}`);
  return tables.map((t) => `'${t}'`).join(', ');
}

/**
 * The secondary indexes of the given tables (in the current schema), in a stable order: what a bulk
 * load may drop and recreate. Indexes behind constraints stay, since foreign keys and `ON CONFLICT`
 * rely on them.
 */
export async function secondaryIndexes(q: Queryable, tables: readonly string[]): Promise<SecondaryIndex[]> {
  if (tables.length === 0) return [];
  const result = await q.execute<{ table: string; name: string; definition: string }>(
    sql.raw(`SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace
        AND t.relname IN (${checkedTables(tables)})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`),
  );
  return result.rows.map((r) => ({ table: r.table, name: r.name, definition: r.definition }));
}

/** A primary key or unique constraint, with the statement that adds it again. */
export interface TableKey {
  table: string;
  name: string;
  /** `ALTER TABLE … ADD CONSTRAINT … PRIMARY KEY (…)` built from pg_get_constraintdef. */
  definition: string;
}

/** The primary keys and unique constraints of the given tables, in a stable order. */
export async function tableKeys(q: Queryable, tables: readonly string[]): Promise<TableKey[]> {
  if (tables.length === 0) return [];
  const result = await q.execute<{ table: string; name: string; definition: string }>(
    sql.raw(`SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relnamespace = current_schema()::regnamespace
        AND t.relname IN (${checkedTables(tables)})
        AND c.contype IN ('p', 'u')
      ORDER BY t.relname, c.conname`),
  );
  return result.rows.map((r) => ({
    table: r.table,
    name: r.name,
    definition: `ALTER TABLE "${r.table}" ADD CONSTRAINT "${r.name}" ${r.definition}`,
  }));
}

/** Every index of the given tables as PostgreSQL prints it (constraints' included), to compare before and after. */
export async function indexDefinitions(q: Queryable, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const result = await q.execute<{ definition: string }>(
    sql.raw(`SELECT pg_get_indexdef(x.indexrelid) AS definition
      FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN (${checkedTables(tables)})
      ORDER BY 1`),
  );
  return result.rows.map((r) => r.definition);
}

export interface WithoutIndexesOptions {
  /**
   * Drop the tables' primary keys and unique constraints too (only for tables no foreign key refers
   * to and whose rows are known to be unique, e.g. filled by a GROUP BY on the key): adding a key
   * after the load checks uniqueness once, on sorted data.
   */
  keys?: boolean;
  /** Hears about each index or key as it is built again. */
  onRecreate?: (index: { table: string; name: string }, ms: number) => void;
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped, then recreates each from its own
 * definition (also when the load fails): building an index once from sorted data costs far less than
 * keeping it up to date row by row.
 */
export async function withoutSecondaryIndexes<T>(
  q: Queryable,
  tables: readonly string[],
  work: () => Promise<T>,
  options: WithoutIndexesOptions = {},
): Promise<T> {
  const keys = options.keys ? await tableKeys(q, tables) : [];
  const indexes = await secondaryIndexes(q, tables);
  for (const index of indexes) await q.execute(sql.raw(`DROP INDEX "${index.name}"`));
  for (const key of keys) await q.execute(sql.raw(`ALTER TABLE "${key.table}" DROP CONSTRAINT "${key.name}"`));
  const recreate = async () => {
    for (const index of [...keys, ...indexes]) {
      const started = Date.now();
      await q.execute(sql.raw(index.definition));
      options.onRecreate?.(index, Date.now() - started);
    }
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // Put them back if the connection still can (in a failed transaction the rollback restores them).
    await recreate().catch(() => undefined);
    throw error;
  }
  await recreate();
  return result;
}
