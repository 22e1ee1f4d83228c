import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { officers } from '../identity/schema.ts';
import { notifications } from '../notifications/schema.ts';
import { deadlineCalendarFor } from './deadline-calendar.ts';
import { markDeadlines } from './deadline-alerts.ts';
import { dossiers, type DossierRow } from './schema.ts';

// Wednesday 4 March 2026, 09:00 in Vietnam.
let clock = new Date('2026-03-04T02:00:00Z');
let ctx: TestContext;
const dispatched: string[] = [];

const run = () =>
  markDeadlines({
    db: ctx.database.db,
    now: () => clock,
    calendarFor: deadlineCalendarFor,
    provinceCode: '79',
    notices: { dispatcher: { dispatch: (id) => dispatched.push(id) }, publicUrl: 'https://tinhso.test', dispatchAfterCommit: true },
  });

async function warningsOf(d: DossierRow) {
  return ctx.database.db
    .select({ template: notifications.template, recipient: notifications.recipient })
    .from(notifications)
    .where(eq(notifications.subjectId, d.id));
}

async function alertOf(d: DossierRow) {
  const [row] = await ctx.database.db
    .select({ alert: dossiers.deadlineAlert, version: dossiers.version })
    .from(dossiers)
    .where(eq(dossiers.id, d.id));
  return row;
}

let specialistId: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: () => clock });
  const [specialist] = await ctx.database.db.select().from(officers).where(eq(officers.username, 'chuyenvien.tamlong'));
  specialistId = specialist!.id;
});
afterAll(async () => ctx.close());

describe(`deadline job: due within one working day and overdue (${testBackend()})`, () => {
  it('warns the assigned officer and the handling agency’s leader once per change of warning, and not the dossier’s version', async () => {
    // In processing, due Thursday 08:30: within one working day of Wednesday 09:00.
    const soon = await createDossier(ctx.database.db, {
      status: 4,
      currentStep: 'processing',
      receivedAt: new Date('2026-03-02T02:00:00Z'),
      appointmentAt: new Date('2026-03-05T01:30:00Z'),
      assignedOfficerId: specialistId,
    });
    // Due next Monday: nothing yet.
    const later = await createDossier(ctx.database.db, {
      status: 4,
      currentStep: 'processing',
      receivedAt: new Date('2026-03-02T02:00:00Z'),
      appointmentAt: new Date('2026-03-09T03:00:00Z'),
    });
    // Paused for a supplement and past its appointment: its clock does not run.
    const paused = await createDossier(ctx.database.db, {
      status: 5,
      receivedAt: new Date('2026-03-02T02:00:00Z'),
      appointmentAt: new Date('2026-03-03T03:00:00Z'),
    });

    const first = await run();
    expect(first).toMatchObject({ dueSoon: 1, overdue: 0 });
    expect(await alertOf(soon)).toEqual({ alert: 'due_soon', version: soon.version });
    expect((await alertOf(later))?.alert).toBeNull();
    expect((await alertOf(paused))?.alert).toBeNull();
    expect((await warningsOf(soon)).sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual([
      { template: 'deadline.due_soon', recipient: 'chuyenvien.tamlong@demo.tinhso.vn' },
      { template: 'deadline.due_soon', recipient: 'lanhdao.tamlong@demo.tinhso.vn' },
    ]);
    expect(dispatched).toHaveLength(2);

    // Idempotent: the same state warns nobody again.
    expect(await run()).toMatchObject({ dueSoon: 0, overdue: 0, notifications: 0 });
    expect(await warningsOf(soon)).toHaveLength(2);

    // Thursday 11:00: past the appointment → overdue, warned once more.
    clock = new Date('2026-03-05T04:00:00Z');
    expect(await run()).toMatchObject({ overdue: 1, notifications: 2 });
    expect((await alertOf(soon))?.alert).toBe('overdue');
    expect((await warningsOf(soon)).filter((w) => w.template === 'deadline.overdue')).toHaveLength(2);
    expect(await run()).toMatchObject({ overdue: 0, notifications: 0 });
    expect(await warningsOf(later)).toEqual([]);
    expect(await warningsOf(paused)).toEqual([]);
  });

  it('clears the warning when the dossier pauses or finishes, and warns afresh when it is due again', async () => {
    clock = new Date('2026-03-04T02:00:00Z');
    const d = await createDossier(ctx.database.db, {
      status: 4,
      currentStep: 'processing',
      receivedAt: new Date('2026-03-02T02:00:00Z'),
      appointmentAt: new Date('2026-03-05T01:30:00Z'),
    });
    await run();
    expect((await alertOf(d))?.alert).toBe('due_soon');
    await ctx.database.db.update(dossiers).set({ status: 5 }).where(eq(dossiers.id, d.id));
    expect((await run()).cleared).toBeGreaterThanOrEqual(1);
    expect((await alertOf(d))?.alert).toBeNull();
    await ctx.database.db.update(dossiers).set({ status: 4 }).where(eq(dossiers.id, d.id));
    await run();
    expect((await alertOf(d))?.alert).toBe('due_soon');
    // Without an assigned officer only the leader is warned: twice now, once per warning.
    expect(await warningsOf(d)).toEqual([
      { template: 'deadline.due_soon', recipient: 'lanhdao.tamlong@demo.tinhso.vn' },
      { template: 'deadline.due_soon', recipient: 'lanhdao.tamlong@demo.tinhso.vn' },
    ]);
    const rows = await ctx.database.db
      .select()
      .from(notifications)
      .where(inArray(notifications.subjectId, [d.id]));
    expect(rows[0]?.bodyText).toContain(`https://tinhso.test/can-bo/ho-so/${d.code}`);
  });
});
