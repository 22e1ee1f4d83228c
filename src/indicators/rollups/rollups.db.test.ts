import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDossiers } from '../../demo/generator/generate.ts';
import { actOnComplaint, castVote, submitComplaint } from '../../feedback/feedback.ts';
import type { CitizenPrincipal, OfficerPrincipal } from '../../identity/principal.ts';
import { citizens, officers } from '../../identity/schema.ts';
import { clearRollups, insertDossier, recordAction, snapshotRollups } from '../../../test/support/indicator-fixtures.ts';
import { createTestDatabase, testBackend } from '../../../test/support/test-app.ts';
import type { Database } from '../../platform/db/client.ts';
import { readDrilldown } from '../dashboard/drilldown.ts';
import { readOverview } from '../dashboard/overview.ts';
import { indexDefinitions, tableKeys } from '../../platform/db/secondary-indexes.ts';
import { applyEventsToRollups, rebuildRollups } from './maintain.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await generateDossiers(database.db, {
    dossiers: 1_200,
    seed: 'rollups',
    provinceCode: '79',
    from: '2025-03-01',
    to: '2025-10-31',
    now: new Date('2025-10-31T16:00:00Z'),
  });
}, 120_000);
afterAll(async () => database.close());

const system = { kind: 'system' as const, id: null };

describe(`indicator rollups (${testBackend()})`, () => {
  it('the incremental job, in small batches from an empty state, gives exactly what the rebuild gives', async () => {
    const { db } = database;
    const rebuilt = await rebuildRollups(db);
    expect(rebuilt.dossiers).toBe(1_200);
    const fromRebuild = await snapshotRollups(db);
    expect(fromRebuild.daily.length).toBeGreaterThan(500);

    await clearRollups(db);
    const applied = await applyEventsToRollups(db, { batchSize: 997 });
    expect(applied.lastEventId).toBe(rebuilt.lastEventId);
    expect(applied.events).toBeGreaterThan(5_000);
    expect(await snapshotRollups(db)).toEqual(fromRebuild);

    // Running it again changes nothing, and so does re-applying everything from event 0.
    expect((await applyEventsToRollups(db)).events).toBe(0);
    await applyEventsToRollups(db, { sinceEventId: 0, batchSize: 5_000 });
    expect(await snapshotRollups(db)).toEqual(fromRebuild);
  });

  it('keeps up with new events (completion, supplement, vote, complaint) and still equals a rebuild', async () => {
    const { db } = database;
    await applyEventsToRollups(db);
    const day = (d: string, time = '09:00') => new Date(`${d}T${time}:00+07:00`);
    // A dossier received, then finished late; another on time with a vote and a complaint from its applicant.
    const late = await insertDossier(db, {
      submitterKind: 'assisted',
      submittedAt: day('2025-10-01'),
      receivedAt: day('2025-10-01', '09:05'),
      appointmentAt: day('2025-10-06'),
    });
    const onTime = await insertDossier(db, {
      submitterKind: 'applicant',
      submittedAt: day('2025-10-02'),
      receivedAt: day('2025-10-02', '10:00'),
      appointmentAt: day('2025-10-09'),
      applicantIdNumber: '079090001234',
      components: ['upload', 'store'],
    });
    await applyEventsToRollups(db);
    await recordAction(db, late.id, 'request_supplement', day('2025-10-03'), { status: 5, supplementRequestCount: 1 });
    await recordAction(db, late.id, 'receive_supplement', day('2025-10-04'), { status: 4 });
    await recordAction(
      db,
      late.id,
      'record_result',
      day('2025-10-20'),
      { status: 9, processingEndedAt: day('2025-10-20') },
      { electronicResult: false },
    );
    await recordAction(
      db,
      onTime.id,
      'record_result',
      day('2025-10-08'),
      { status: 9, processingEndedAt: day('2025-10-08') },
      { electronicResult: true },
    );
    const [row] = await db
      .insert(citizens)
      .values({
        issuer: 'https://vneid.example',
        subject: 'rollups-test',
        idNumber: '079090001234',
        fullName: 'Nguyễn Văn An',
        identityLevel: 2,
      })
      .returning();
    const citizen: CitizenPrincipal = {
      kind: 'citizen',
      id: row?.id ?? '',
      fullName: 'Nguyễn Văn An',
      idNumber: '079090001234',
      idNumberMasked: '0790******34',
      birthDate: null,
      addressUnitCode: null,
      identityLevel: 2,
      email: null,
      phone: null,
    };
    await castVote(
      db,
      { dossierId: onTime.id, isLike: false, reasons: ['asked_again'], comment: null },
      citizen,
      system,
      day('2025-10-09'),
    );
    const complaint = await submitComplaint(
      db,
      { dossierId: onTime.id, kind: 'phan_anh', subject: 'procedure', content: 'Cán bộ yêu cầu nộp lại giấy tờ đã có trong kho.' },
      citizen,
      system,
      day('2025-10-10'),
    );
    const [specialist] = await db.select({ id: officers.id }).from(officers).where(eq(officers.username, 'chuyenvien.tamlong'));
    const officer: OfficerPrincipal = {
      kind: 'officer',
      id: specialist?.id ?? '',
      username: 'test',
      fullName: 'Cán bộ',
      roles: [{ role: 'specialist', agencyCode: '26572-UBND', unitCode: '26572' }],
      isTotpEnabled: false,
    };
    await actOnComplaint(db, { complaintId: complaint.id, action: 'accept' }, { kind: 'officer', officer }, system, day('2025-10-13'));
    await actOnComplaint(
      db,
      { complaintId: complaint.id, action: 'resolve', text: 'Đã chấn chỉnh.' },
      { kind: 'officer', officer },
      system,
      day('2025-10-15'),
    );
    const before = await snapshotRollups(db);
    await applyEventsToRollups(db);
    const after = await snapshotRollups(db);
    expect(after).not.toEqual(before);

    const incremental = await snapshotRollups(db);
    await rebuildRollups(db);
    expect(await snapshotRollups(db)).toEqual(incremental);

    const overview = await readOverview(db, {
      provinceCode: '79',
      unitCode: '26572',
      period: '2025-10',
      view: 'current',
      today: '2025-10-31',
    });
    const lateList = await readDrilldown(db, {
      provinceCode: '79',
      unitCode: '26572',
      period: '2025-10',
      kind: 'late',
      view: 'current',
      page: 1,
      pageSize: 200,
      today: '2025-10-31',
    });
    expect(lateList.rows.map((r) => r.code)).toContain(late.code);
    expect(lateList.rows.map((r) => r.code)).not.toContain(onTime.code);
    expect(lateList.total).toBe(overview.headline.late);
    expect(overview.headline.complaints).toBeGreaterThanOrEqual(1);
    const liked = await readDrilldown(db, {
      provinceCode: '79',
      unitCode: '26572',
      period: '2025-10',
      kind: 'disliked',
      view: 'current',
      page: 1,
      pageSize: 50,
      today: '2025-10-31',
    });
    expect(liked.rows.map((r) => r.code)).toContain(onTime.code);
  });

  it('a rebuild with more work_mem gives the same rows and leaves every index and key of the rollup tables as it was', async () => {
    const { db } = database;
    const tables = [
      'indicator_dossier_facts',
      'indicator_complaint_facts',
      'indicator_rollup_daily',
      'indicator_rollup_monthly',
      'indicator_rollup_procedure_monthly',
      'indicator_rollup_overdue',
      'indicator_rollup_period',
      'indicator_rollup_procedure_period',
    ];
    const indexesBefore = await indexDefinitions(db, tables);
    const keysBefore = await tableKeys(db, tables);
    expect(indexesBefore.length).toBeGreaterThanOrEqual(12);
    expect(keysBefore.length).toBeGreaterThanOrEqual(6);
    await applyEventsToRollups(db);
    const incremental = await snapshotRollups(db);
    await rebuildRollups(db, { workMem: '256MB' });
    expect(await snapshotRollups(db)).toEqual(incremental);
    expect(await indexDefinitions(db, tables)).toEqual(indexesBefore);
    expect(await tableKeys(db, tables)).toEqual(keysBefore);
    await expect(rebuildRollups(db, { workMem: "1GB'; DROP TABLE dossiers; --" })).rejects.toThrow(RangeError);
  });

  it('waits for a missing event id (a transaction in flight), then passes it once it is surely rolled back', async () => {
    const { db } = database;
    await applyEventsToRollups(db);
    // A rolled-back insert leaves a hole in the sequence.
    await db.execute(sql`SELECT nextval(pg_get_serial_sequence('dossier_events', 'id'))`);
    const d = await insertDossier(db, { submitterKind: 'counter', submittedAt: new Date('2025-10-15T02:00:00Z') });
    const t0 = new Date('2025-10-31T10:00:00Z');
    const waiting = await applyEventsToRollups(db, { now: () => t0, gapTimeoutMs: 10_000 });
    expect(waiting).toMatchObject({ events: 0, isWaitingOnGap: true });
    const still = await applyEventsToRollups(db, { now: () => new Date(t0.getTime() + 5_000), gapTimeoutMs: 10_000 });
    expect(still.isWaitingOnGap).toBe(true);
    const passed = await applyEventsToRollups(db, { now: () => new Date(t0.getTime() + 11_000), gapTimeoutMs: 10_000 });
    expect(passed).toMatchObject({ events: 1, dossiers: 1, isWaitingOnGap: false });
    const facts = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicator_dossier_facts WHERE dossier_id = ${d.id}`);
    expect(facts.rows[0]?.n).toBe(1);
  });
});
