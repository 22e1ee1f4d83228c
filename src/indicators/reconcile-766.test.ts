import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { appErrorOf } from '../../test/support/app-error.ts';
import { largestDelta, reconcile766 } from './reconcile-766.ts';

const samplesDir = loadConfig().nationalPortalDataDir;

describe('reconcile766 on the shipped portal samples', () => {
  it('recomputes every published score within 0.015', async () => {
    const { units } = await reconcile766(samplesDir);
    // Per unit: 2 transparency + 1 progress + 7 digitisation + 3 satisfaction scores, 5 group totals.
    const compared = units.filter((row) => row.published !== null);
    expect(compared.length).toBe(3 * 18);
    for (const row of compared) {
      const gap = row.recomputed === null || row.published === null ? Infinity : Math.abs(row.recomputed - row.published);
      expect({ ...row, isWithin: gap <= 0.015 }).toMatchObject({ isWithin: true });
    }
    expect(largestDelta({ units })).toBeLessThanOrEqual(0.015);
  });

  it('reconciles each group total of the three units as metric TOTAL', async () => {
    const { units } = await reconcile766(samplesDir);
    const totals = units.filter((row) => row.metric === 'TOTAL');
    expect(totals.map((row) => `${row.departmentCode} ${row.group} ${row.published}`)).toEqual([
      'H44 TRANSPARENCY 7.96',
      'H44 PROGRESS 15.68',
      'H44 PAYMENT 6.25',
      'H44 DIGITIZATION 8.24',
      'H44 SATISFACTION 12.96',
      'H44.03 TRANSPARENCY 7.96',
      'H44.03 PROGRESS 16.53',
      'H44.03 PAYMENT 7.67',
      'H44.03 DIGITIZATION 10.53',
      'H44.03 SATISFACTION 17.51',
      'H44.100 TRANSPARENCY 7.96',
      'H44.100 PROGRESS 15.81',
      'H44.100 PAYMENT 6.69',
      'H44.100 DIGITIZATION 8.68',
      'H44.100 SATISFACTION 17.26',
    ]);
    expect(totals.every((row) => row.recomputed !== null && row.delta !== null && row.basis === 'sum')).toBe(true);
  });

  it('agrees with the portal on what is not applicable, and marks ratio-only metrics', async () => {
    const { units } = await reconcile766(samplesDir);
    const notApplicable = units.filter((row) => row.published === null && row.group !== 'PAYMENT');
    expect(new Set(notApplicable.map((row) => row.metric))).toEqual(
      new Set(['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PETITION_CLASSIFICATION_TTHC', 'PETITION_CLASSIFICATION_STAFF']),
    );
    expect(notApplicable.every((row) => row.recomputed === null)).toBe(true);
    expect(units.filter((row) => row.basis === 'ratio').map((row) => [row.metric, row.recomputed])).toEqual([
      ['ELECTRONIC_CERTIFIED_COPY', 2],
      ['ELECTRONIC_CERTIFIED_COPY', 2],
      ['ELECTRONIC_CERTIFIED_COPY', 2],
    ]);
  });

  it("shows the payment group's components, which the portal does not publish, adding up to its total", async () => {
    const { units } = await reconcile766(samplesDir);
    const payment = units.filter((row) => row.departmentCode === 'H44.100' && row.group === 'PAYMENT');
    expect(payment.map((row) => [row.metric, row.published, row.recomputed])).toEqual([
      ['ONLINE_PAYMENT_DOSSIER', null, 5.33],
      ['ONLINE_PAYMENT_FORMALITY', null, 0.86],
      ['FEE_FORMALITY_WITH_DOSSIER', null, 0.5],
      ['TOTAL', 6.69, 6.69],
    ]);
  });
});

describe('reconcile766 on altered files', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  /** A copy of the samples with one file rewritten. */
  function samplesWith(file: string, edit: (text: string) => string): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
    cpSync(samplesDir, dir, { recursive: true });
    const target = path.join(dir, file);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
    return dir;
  }

  it('shows a difference when a published score is not what its counts give', async () => {
    const altered = samplesWith('progress.json', (text) => text.replace('"score": 16.53', '"score": 16.9'));
    const row = (await reconcile766(altered)).units.find((r) => r.departmentCode === 'H44.03' && r.metric === 'DOSSIER_ON_TIME');
    expect(row).toMatchObject({ published: 16.9, recomputed: 16.53, delta: -0.37 });
  });

  it('names the missing files', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portal-'));
    cpSync(path.join(samplesDir, 'progress.json'), path.join(dir, 'progress.json'));
    const error = await appErrorOf(reconcile766(dir));
    expect(error.code).toBe('PORTAL_FILE_MISSING');
    expect(error.details).toMatchObject({ missing: ['transparency.json', 'payment.json', 'digitized.json', 'satisfaction.json'] });
  });

  it.each([
    ['satisfaction.json', (t: string) => t.slice(0, 100), 'not JSON', ''],
    [
      'progress.json',
      (t: string) => t.replace('"totalOnTime": 486', '"totalOnTime": -486'),
      'not the portal shape',
      'data.children.0.totalOnTime',
    ],
    ['payment.json', (t: string) => t.replace('"totalFeeFormality": 35,', ''), 'not the portal shape', 'data.children.1.totalFeeFormality'],
    ['digitized.json', (t: string) => t.replace('"code": "OK"', '"code": "ERROR"'), 'not the portal shape', 'code'],
    [
      'transparency.json',
      (t: string) => t.replace('"numerator": 87', '"numerator": "87"'),
      'not the portal shape',
      'data.overview.metrics.2.numerator',
    ],
    ['progress.json', (t: string) => t.replace('"totalScore": 15.68', '"totalScores": 15.68'), 'not the portal shape', 'data.parent'],
    ['digitized.json', (t: string) => t.replaceAll('"departmentCode": "H44.100"', '"departmentCode": "H44.03"'), 'duplicate metrics', ''],
  ])('rejects a malformed %s with PORTAL_FILE_INVALID', async (file, edit, reason, issuePath) => {
    const error = await appErrorOf(reconcile766(samplesWith(file, edit)));
    expect(error.code).toBe('PORTAL_FILE_INVALID');
    expect(error.status).toBe(422);
    expect(error.details).toMatchObject({ file, reason });
    if (issuePath) expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(issuePath);
  });
});
