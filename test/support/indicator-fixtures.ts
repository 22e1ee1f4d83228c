import { eq, sql } from 'drizzle-orm';
import {
  attachments,
  dossierComponents,
  dossierEvents,
  dossiers,
  type DossierStatus,
  type SubmitterKind,
} from '../../src/dossiers/schema.ts';
import { counterColumn, procedureCounters, rollupCounters } from '../../src/indicators/domain/rollup-counters.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { createDossier } from './dossier-factory.ts';

/** Hand-made dossier situations for the indicator tests, and snapshots of the rollups to compare. */

export interface FixtureDossier {
  id: string;
  code: string;
}

const channelOf: Record<SubmitterKind, 1 | 2 | 3> = { applicant: 2, assisted: 2, counter: 1, post: 3 };

/**
 * A dossier (the dossier factory's row and submit event) submitted at `submittedAt` by whoever
 * `submitterKind` says, then, when given, received and ended with their events.
 */
export async function insertDossier(
  db: Db,
  input: {
    unitCode?: string;
    procedureCode?: string;
    submitterKind: SubmitterKind;
    submittedAt: Date;
    receivedAt?: Date;
    appointmentAt?: Date;
    endedAt?: Date;
    status?: DossierStatus;
    applicantIdNumber?: string;
    components?: ('upload' | 'counter_scan' | 'store')[];
  },
): Promise<FixtureDossier> {
  const unitCode = input.unitCode ?? '26572';
  const status: DossierStatus = input.status ?? (input.endedAt ? 10 : input.receivedAt ? 4 : 1);
  const row = await createDossier(
    db,
    {
      receivingAgencyCode: `${unitCode}-TTPVHCC`,
      handlingAgencyCode: `${unitCode}-UBND`,
      unitCode,
      status,
      channel: channelOf[input.submitterKind],
      submitterKind: input.submitterKind,
      applicantIdNumber: input.applicantIdNumber ?? '079090009999',
      isVneidVerified: input.submitterKind === 'applicant',
      submittedAt: input.submittedAt,
      receivedAt: input.receivedAt ?? null,
      appointmentAt: input.appointmentAt ?? null,
      processingEndedAt: input.endedAt ?? null,
      returnedAt: status === 10 ? (input.endedAt ?? null) : null,
      currentStep: input.endedAt ? 'return' : 'processing',
    },
    input.procedureCode ?? '2.000815',
  );
  const events: (typeof dossierEvents.$inferInsert)[] = [];
  if (input.receivedAt)
    events.push({ dossierId: row.id, at: input.receivedAt, action: 'receive', fromStatus: 1, toStatus: 2, actorKind: 'officer' });
  if (input.endedAt)
    events.push({
      dossierId: row.id,
      at: input.endedAt,
      action: 'record_result',
      fromStatus: 4,
      toStatus: 9,
      actorKind: 'officer',
      details: { electronicResult: true },
    });
  if (status === 10 && input.endedAt)
    events.push({
      dossierId: row.id,
      at: input.endedAt,
      action: 'return_result',
      fromStatus: 9,
      toStatus: 10,
      actorKind: 'officer',
      details: { returnMethod: 'counter' },
    });
  if (events.length) await db.insert(dossierEvents).values(events);
  for (const [i, source] of (input.components ?? []).entries()) {
    // A component made of a file has its file (check dossier_components_file_claimed); the file itself is not stored.
    const [file] =
      source === 'store'
        ? []
        : await db
            .insert(attachments)
            .values({
              ownerKind: source === 'upload' ? 'citizen' : 'officer',
              ownerId: row.id,
              objectKey: `fixture/${row.id}/${i}`,
              sha256: '0'.repeat(64),
              mediaType: 'application/pdf',
              sizeBytes: 0,
              fileName: `C${i}.pdf`,
              dossierId: row.id,
            })
            .returning({ id: attachments.id });
    await db
      .insert(dossierComponents)
      .values({ dossierId: row.id, componentCode: `C${i}`, name: `Thành phần ${i}`, source, attachmentId: file?.id ?? null });
  }
  return { id: row.id, code: row.code };
}

/** Appends an event to a dossier, as a workflow action would, after changing its row. */
export async function recordAction(
  db: Db,
  dossierId: string,
  action: string,
  at: Date,
  change: Partial<typeof dossiers.$inferInsert> & { status: DossierStatus },
  details: Record<string, unknown> | null = null,
): Promise<void> {
  const [before] = await db.select({ status: dossiers.status }).from(dossiers).where(eq(dossiers.id, dossierId));
  await db.update(dossiers).set(change).where(eq(dossiers.id, dossierId));
  await db
    .insert(dossierEvents)
    .values({ dossierId, at, action, fromStatus: before?.status ?? null, toStatus: change.status, actorKind: 'officer', details });
}

const nonZero = (counters: readonly string[]) => counters.map((c) => `${counterColumn(c as never)} <> 0`).join(' OR ');

/** Every non-zero row of the three rollup tables, in a stable order, to compare two ways of computing them. */
export async function snapshotRollups(db: Db): Promise<{
  daily: unknown[];
  monthly: unknown[];
  procedures: unknown[];
  overdue: unknown[];
  periods: unknown[];
  procedurePeriods: unknown[];
}> {
  const read = async (table: string, keys: string, counters: readonly string[]) =>
    (await db.execute(sql.raw(`SELECT * FROM ${table} WHERE ${nonZero(counters)} ORDER BY ${keys}`))).rows.map((r) =>
      JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))),
    );
  return {
    daily: await read('indicator_rollup_daily', 'province_code, unit_id, agency_code, procedure_code, day', rollupCounters),
    monthly: await read('indicator_rollup_monthly', 'province_code, unit_id, agency_code, month', rollupCounters),
    procedures: await read('indicator_rollup_procedure_monthly', 'province_code, unit_id, procedure_code, month', procedureCounters),
    overdue: await read('indicator_rollup_overdue', 'province_code, unit_id, agency_code', ['overdueDelta']),
    periods: await read('indicator_rollup_period', 'province_code, granularity, period_start, unit_id, agency_code', rollupCounters),
    procedurePeriods: await read(
      'indicator_rollup_procedure_period',
      'province_code, granularity, period_start, unit_id, procedure_code',
      procedureCounters,
    ),
  };
}

/** Empties the rollups and their facts, as before the first run of the job. */
export async function clearRollups(db: Db): Promise<void> {
  await db.execute(
    sql.raw(
      'TRUNCATE indicator_dossier_facts, indicator_complaint_facts, indicator_rollup_daily, indicator_rollup_monthly, indicator_rollup_procedure_monthly, indicator_rollup_overdue, indicator_rollup_period, indicator_rollup_procedure_period, indicator_rollup_state',
    ),
  );
}
