import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend } from '../../test/support/test-app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { appErrorOf } from '../../test/support/app-error.ts';
import { importPortalEvaluation, listPortalEvaluation, reconcileStoredEvaluation } from './import-portal-evaluation.ts';
import { reconcile766 } from './reconcile-766.ts';
import { portalEvaluations } from './schema.ts';

const samplesDir = loadConfig().nationalPortalDataDir;
const scope = { provinceCode: '79', period: '2026-03' };

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const rowsOf = (period: string) =>
  database.db
    .select()
    .from(portalEvaluations)
    .where(and(eq(portalEvaluations.provinceCode, '79'), eq(portalEvaluations.period, period)));

describe(`importPortalEvaluation (${testBackend()})`, () => {
  it('keeps every published metric and group total of the three units with its counts, score and raw JSON', async () => {
    expect(await importPortalEvaluation(database.db, samplesDir, scope)).toEqual({ rows: 75, units: 3 });
    const rows = await rowsOf('2026-03');
    expect(rows).toHaveLength(75);
    expect(rows.find((r) => r.departmentCode === 'H44' && r.metric === 'ORIGINAL_RESULT_AVAILABLE')).toMatchObject({
      group: 'DIGITIZATION',
      numerator: 133609,
      denominator: 184503,
      ratio: 72.42,
      publishedScore: 4.34,
      maxScore: 6,
      basis: 'counts',
      raw: { code: 'ORIGINAL_RESULT_AVAILABLE', numerator: 133609, denominator: 184503, ratio: 72.42, score: 4.34, maxScore: 6 },
    });
    expect(rows.find((r) => r.departmentCode === 'H44.100' && r.group === 'PAYMENT' && r.metric === 'TOTAL')).toMatchObject({
      publishedScore: 6.69,
      maxScore: 10,
      basis: 'sum',
      raw: expect.objectContaining({ totalFeeFormality: 35, level: 'COMMUNE' }),
    });
    expect(rows.find((r) => r.departmentCode === 'H44' && r.metric === 'DOSSIER_SYNC')?.raw).toMatchObject({
      dataQualityStatus: 'TEMP_NATIONAL_REPORT_DENOMINATOR',
    });
  });

  it('says where the score rests on a ratio decided elsewhere (numerator null)', async () => {
    const ratioRows = (await rowsOf('2026-03')).filter((r) => r.basis === 'ratio');
    expect(ratioRows.map((r) => [r.departmentCode, r.metric, r.numerator, r.denominator, r.ratio, r.publishedScore])).toEqual(
      expect.arrayContaining([
        ['H44', 'ELECTRONIC_CERTIFIED_COPY', null, null, 100, 2],
        ['H44.03', 'ELECTRONIC_CERTIFIED_COPY', null, null, 100, 2],
        ['H44.100', 'ELECTRONIC_CERTIFIED_COPY', null, null, 100, 2],
      ]),
    );
    expect(ratioRows).toHaveLength(3);
  });

  it('reconciles the stored evaluation exactly as the files', async () => {
    expect(await reconcileStoredEvaluation(database.db, scope)).toEqual(await reconcile766(samplesDir));
  });

  it('replaces an earlier import of the same period and leaves other periods alone', async () => {
    await importPortalEvaluation(database.db, samplesDir, { provinceCode: '79', period: '2026-Q1' });
    const before = await rowsOf('2026-03');
    await importPortalEvaluation(database.db, samplesDir, scope);
    const after = await rowsOf('2026-03');
    expect(after).toHaveLength(75);
    expect(after.every((r) => r.importedAt.getTime() >= Math.max(...before.map((b) => b.importedAt.getTime())))).toBe(true);
    const beforeIds = new Set(before.map((b) => b.id));
    expect(after.some((r) => beforeIds.has(r.id))).toBe(false);
    expect(await rowsOf('2026-Q1')).toHaveLength(75);
  });

  it('writes nothing when a file is malformed, and keeps the previous import', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
    try {
      cpSync(samplesDir, dir, { recursive: true });
      const file = path.join(dir, 'satisfaction.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"denominator": 247', '"denominator": 24.7'));
      const error = await appErrorOf(importPortalEvaluation(database.db, dir, scope));
      expect(error.code).toBe('PORTAL_FILE_INVALID');
      expect(error.details).toMatchObject({ file: 'satisfaction.json' });
      expect(await rowsOf('2026-03')).toHaveLength(75);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ provinceCode: '7', period: '2026-03' }, 'provinceCode'],
    [{ provinceCode: '79', period: '2026-13' }, 'period'],
    [{ provinceCode: '79', period: 'March 2026' }, 'period'],
  ])('refuses the scope %o (%s)', async (badScope, field) => {
    const error = await appErrorOf(importPortalEvaluation(database.db, samplesDir, badScope));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ path: field })]);
  });

  it('lists a stored period, and nothing for a period never imported', async () => {
    expect(await listPortalEvaluation(database.db, { provinceCode: '79', period: '2026-Q1' })).toHaveLength(75);
    expect(await listPortalEvaluation(database.db, { provinceCode: '79', period: '2025-Q1' })).toEqual([]);
  });
});
