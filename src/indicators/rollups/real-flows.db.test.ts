import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInOfficer, signInSandboxCitizen, type ApiClient } from '../../../test/support/api-client.ts';
import { birthRegistrationAnswers, birthRegistrationBody, submitDossierAs, uploadPdf } from '../../../test/support/dossiers.ts';
import { clearRollups, snapshotRollups } from '../../../test/support/indicator-fixtures.ts';
import { createTestContext, testBackend, type TestContext } from '../../../test/support/test-app.ts';
import { dayOfMoment, isoDateOf } from '../../calendar/domain/local-time.ts';
import { readDrilldown } from '../dashboard/drilldown.ts';
import { readOverview } from '../dashboard/overview.ts';
import { applyEventsToRollups, rebuildRollups } from './maintain.ts';

// The dossier modules' own paths, end to end: online submission by the applicant, assisted and
// counter intake by reception, the officer workflow, the applicant's vote — and the rollups after each.
let ctx: TestContext;
let objectsDir: string;
let reception: ApiClient;
let specialist: ApiClient;
let approver: ApiClient;
let citizen: ApiClient;

beforeAll(async () => {
  objectsDir = await mkdtemp(path.join(os.tmpdir(), 'tinhso-rollups-'));
  ctx = await createTestContext({ listen: true, config: { objectStoreDir: objectsDir } });
  [reception, specialist, approver, citizen] = await Promise.all([
    signInOfficer(ctx.baseUrl, 'tiepnhan.tamlong'),
    signInOfficer(ctx.baseUrl, 'chuyenvien.tamlong'),
    signInOfficer(ctx.baseUrl, 'lanhdao.tamlong'),
    signInSandboxCitizen(ctx.baseUrl, '079090001234'),
  ]);
}, 120_000);
afterAll(async () => {
  await ctx.close();
  await rm(objectsDir, { recursive: true, force: true });
});

const today = () => isoDateOf(dayOfMoment(Date.now()));
const period = () => today().slice(0, 7);

async function intake(mode: 'counter' | 'assisted'): Promise<string> {
  const scan = await uploadPdf(reception, 'giay-chung-sinh-scan.pdf');
  const idScan = await uploadPdf(reception, 'can-cuoc-scan.pdf');
  const res = await reception.call('POST', '/api/v1/officer/dossiers', {
    json: {
      mode,
      procedureCode: '1.001193',
      procedureVersion: 1,
      applicant: { idNumber: '079090001234', name: 'Nguyễn Văn An', email: 'an@example.test' },
      formData: birthRegistrationAnswers(scan),
      components: [
        { componentCode: 'GIAY_CHUNG_SINH', attachmentIds: [scan] },
        { componentCode: 'GIAY_TO_TUY_THAN', attachmentIds: [idScan] },
      ],
    },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

describe(`rollups from the dossier modules' own flows (${testBackend()})`, () => {
  it('counts who really submitted, follows the workflow to an on-time result, and takes the vote', async () => {
    const { db } = ctx.database;
    await clearRollups(db);
    const upload = await uploadPdf(citizen);
    const submitted = await submitDossierAs(citizen, birthRegistrationBody(upload));
    expect(submitted.status).toBe(201);
    const online = ((await submitted.json()) as { code: string }).code;
    const assisted = await intake('assisted');
    const counter = await intake('counter');
    await applyEventsToRollups(db);

    const overview = await readOverview(db, { provinceCode: '79', unitCode: '26572', period: period(), view: 'current', today: today() });
    const kpi = (code: string) => overview.kpis.find((k) => k.code === code);
    expect(overview.headline.received).toBe(3);
    expect(kpi('ONLINE_RATE')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(kpi('GENUINE_ONLINE_RATE')).toMatchObject({ numerator: 1, denominator: 3 });
    const drill = async (kind: 'genuine' | 'assisted' | 'counter' | 'on_time' | 'liked') =>
      (
        await readDrilldown(db, {
          provinceCode: '79',
          unitCode: '26572',
          period: period(),
          kind,
          view: 'current',
          page: 1,
          pageSize: 10,
          today: today(),
        })
      ).rows.map((r) => r.code);
    expect(await drill('genuine')).toEqual([online]);
    expect(await drill('assisted')).toEqual([assisted]);
    expect(await drill('counter')).toEqual([counter]);

    // The officers take the online dossier to its result, well before its appointment.
    let version = 1;
    const act = async (who: ApiClient, body: Record<string, unknown>) => {
      const res = await who.call('POST', `/api/v1/officer/dossiers/${online}/actions`, { json: { ...body, expectedVersion: version } });
      expect(res.status, await res.clone().text()).toBe(200);
      version = ((await res.json()) as { version: number }).version;
    };
    await act(reception, { action: 'receive' });
    await act(reception, { action: 'forward' });
    await act(specialist, { action: 'forward' });
    await act(approver, { action: 'approve' });
    await act(specialist, { action: 'record_result' });
    await act(reception, { action: 'return_result', returnMethod: 'online' });
    await applyEventsToRollups(db);
    expect(await drill('on_time')).toEqual([online]);

    // The applicant likes it.
    const dossierId = (await db.query.dossiers.findFirst({ where: (d, { eq }) => eq(d.code, online) }))?.id ?? '';
    const voted = await citizen.call('POST', `/api/v1/dossiers/${dossierId}/satisfaction`, {
      json: { isLike: true, reasons: ['on_time'] },
    });
    expect(voted.status, await voted.clone().text()).toBe(201);
    await applyEventsToRollups(db);
    expect(await drill('liked')).toEqual([online]);
    const after = await readOverview(db, { provinceCode: '79', unitCode: '26572', period: period(), view: 'current', today: today() });
    expect(after.kpis.find((k) => k.code === 'ELECTRONIC_RESULT_RATE')).toMatchObject({ numerator: 1, denominator: 1 });

    const incremental = await snapshotRollups(db);
    await rebuildRollups(db);
    expect(await snapshotRollups(db)).toEqual(incremental);
  });
});
