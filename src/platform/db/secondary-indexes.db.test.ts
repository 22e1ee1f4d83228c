import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend } from '../../../test/support/test-app.ts';
import type { Database } from './client.ts';
import { indexDefinitions, secondaryIndexes, tableKeys, withoutSecondaryIndexes } from './secondary-indexes.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => database.close());

const tables = ['dossiers', 'dossier_events'];

describe(`secondary indexes around a bulk load (${testBackend()})`, () => {
  it('lists only indexes behind no constraint, drops them for the work and builds them again exactly', async () => {
    const { db } = database;
    const before = await secondaryIndexes(db, tables);
    const names = before.map((i) => i.name);
    expect(names).toContain('dossiers_code_key');
    expect(names).toContain('dossier_events_dossier_idx');
    expect(names).not.toContain('dossiers_pkey');
    expect(before.every((i) => i.definition.startsWith('CREATE'))).toBe(true);
    const rebuilt: string[] = [];
    const during = await withoutSecondaryIndexes(db, tables, async () => secondaryIndexes(db, tables), {
      onRecreate: (index) => rebuilt.push(index.name),
    });
    expect(during).toEqual([]);
    expect(rebuilt).toEqual(names);
    expect(await secondaryIndexes(db, tables)).toEqual(before);
  });

  it('with keys, drops primary keys too and adds them again under the same names', async () => {
    const { db } = database;
    const rollups = ['indicator_rollup_daily', 'indicator_rollup_monthly'];
    const before = await indexDefinitions(db, rollups);
    const keys = await tableKeys(db, rollups);
    expect(keys.map((k) => k.definition)).toContainEqual(
      expect.stringContaining('PRIMARY KEY (province_code, unit_id, agency_code, procedure_code, day)'),
    );
    const during = await withoutSecondaryIndexes(db, rollups, async () => indexDefinitions(db, rollups), { keys: true });
    expect(during).toEqual([]);
    expect(await indexDefinitions(db, rollups)).toEqual(before);
    expect(await tableKeys(db, rollups)).toEqual(keys);
  });

  it('builds them again when the work fails, and refuses a table name that is not plain', async () => {
    const { db } = database;
    const before = await secondaryIndexes(db, tables);
    await expect(
      withoutSecondaryIndexes(db, tables, async () => {
        await db.execute(sql`SELECT 1`);
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    expect(await secondaryIndexes(db, tables)).toEqual(before);
    await expect(secondaryIndexes(db, ["dossiers'); DROP TABLE dossiers; --"])).rejects.toThrow(RangeError);
  });
});
