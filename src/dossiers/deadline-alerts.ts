import { and, eq, inArray, isNotNull, isNull, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import { officerRoleAssignments, officers } from '../identity/schema.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import type { Queryable } from '../platform/db/client.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { deadlineAlertOf, dueSoonLimit, runningStatuses } from './domain/deadlines.ts';
import { deadlineNoticeFor } from './notices.ts';
import type { NoticeDeps, WorkflowDeps } from './perform-action.ts';
import { dossiers } from './schema.ts';

/** What the deadline job needs: the workflow's clock and calendar, the province, where notices go. */
export interface DeadlineAlertDeps extends Pick<WorkflowDeps, 'db' | 'now' | 'calendarFor'> {
  provinceCode: string;
  notices: NoticeDeps;
  /** Dossiers handled per batch (each in its own short transaction). */
  batchSize?: number;
}

/** What one run did. */
export interface DeadlineAlertRun {
  dueSoon: number;
  overdue: number;
  cleared: number;
  notifications: number;
}

/**
 * Cảnh báo hạn xử lý — the deadline job: marks running dossiers due within one working day
 * (`due_soon`) or past their appointment (`overdue`) and e-mails the assigned officer and the leaders
 * (approvers) of the handling agency, once per change of warning: a dossier is warned again only when
 * its warning changes (due soon → overdue) or after it was cleared (paused, finished, rescheduled by
 * an apology). Each dossier's mark and messages commit together with a compare-and-set on the old
 * mark, so concurrent runs (several processes) never warn twice.
 */
export async function markDeadlines(deps: DeadlineAlertDeps): Promise<DeadlineAlertRun> {
  const { db, provinceCode } = deps;
  const now = deps.now();
  const calendar = await deps.calendarFor(db, provinceCode);
  const dueLimit = dueSoonLimit(now, calendar, calendar.minutesPerWorkingDay);
  const run: DeadlineAlertRun = { dueSoon: 0, overdue: 0, cleared: 0, notifications: 0 };

  // Warnings that no longer hold: no notice, so the next change warns afresh.
  const cleared = await db
    .update(dossiers)
    .set({ deadlineAlert: null })
    .where(
      and(
        eq(dossiers.provinceCode, provinceCode),
        isNotNull(dossiers.deadlineAlert),
        or(
          notInArray(dossiers.status, [...runningStatuses]),
          isNull(dossiers.appointmentAt),
          sql`${dossiers.appointmentAt} > ${dueLimit}`,
          and(eq(dossiers.deadlineAlert, 'overdue'), sql`${dossiers.appointmentAt} >= ${now}`),
        ),
      ),
    )
    .returning({ id: dossiers.id });
  run.cleared = cleared.length;

  const batchSize = deps.batchSize ?? 200;
  for (;;) {
    const due = await db
      .select({
        id: dossiers.id,
        code: dossiers.code,
        status: dossiers.status,
        appointmentAt: dossiers.appointmentAt,
        processingEndedAt: dossiers.processingEndedAt,
        supplementRequestCount: dossiers.supplementRequestCount,
        isMarkedLate: dossiers.isMarkedLate,
        deadlineAlert: dossiers.deadlineAlert,
        assignedOfficerId: dossiers.assignedOfficerId,
        handlingAgencyCode: dossiers.handlingAgencyCode,
        applicantName: dossiers.applicantName,
        procedureName: procedureVersions.name,
      })
      .from(dossiers)
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .where(
        and(
          eq(dossiers.provinceCode, provinceCode),
          inArray(dossiers.status, [...runningStatuses]),
          lte(dossiers.appointmentAt, dueLimit),
          or(isNull(dossiers.deadlineAlert), and(eq(dossiers.deadlineAlert, 'due_soon'), lt(dossiers.appointmentAt, now))),
        ),
      )
      .limit(batchSize);
    if (due.length === 0) break;
    const toDispatch: string[] = [];
    let marked = 0;
    for (const d of due) {
      const alert = deadlineAlertOf(d, now, dueLimit);
      if (!alert || !d.appointmentAt) continue;
      const appointmentAt = d.appointmentAt;
      const ids = await db.transaction(async (tx) => {
        const [changed] = await tx
          .update(dossiers)
          .set({ deadlineAlert: alert })
          .where(and(eq(dossiers.id, d.id), d.deadlineAlert ? eq(dossiers.deadlineAlert, d.deadlineAlert) : isNull(dossiers.deadlineAlert)))
          .returning({ id: dossiers.id });
        if (!changed) return null; // another run got there first
        const notice = deadlineNoticeFor(alert, {
          code: d.code,
          procedureName: d.procedureName,
          applicantName: d.applicantName,
          appointmentAt,
          officerUrl: `${deps.notices.publicUrl}/can-bo/ho-so/${encodeURIComponent(d.code)}`,
        });
        const recipients = await officersToWarn(tx, d.assignedOfficerId, d.handlingAgencyCode);
        const queued: string[] = [];
        for (const email of recipients)
          queued.push(
            await enqueueNotification(tx, {
              channel: 'email',
              template: notice.template,
              recipient: email,
              subject: notice.subject,
              bodyText: notice.text,
              subjectType: 'dossier',
              subjectId: d.id,
            }),
          );
        return queued;
      });
      if (ids === null) continue;
      marked++;
      if (alert === 'overdue') run.overdue++;
      else run.dueSoon++;
      run.notifications += ids.length;
      toDispatch.push(...ids);
    }
    if (deps.notices.dispatchAfterCommit) for (const id of toDispatch) deps.notices.dispatcher.dispatch(id);
    // A short batch was the last; a batch where other runs took every row leaves the rest to them.
    if (due.length < batchSize || marked === 0) break;
  }
  return run;
}

/** E-mail addresses of the assigned officer and the approvers (the unit's competent leaders) of the handling agency. */
async function officersToWarn(q: Queryable, assignedOfficerId: string | null, handlingAgencyCode: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ email: officers.email })
    .from(officers)
    .leftJoin(officerRoleAssignments, eq(officerRoleAssignments.officerId, officers.id))
    .where(
      and(
        eq(officers.isActive, true),
        isNotNull(officers.email),
        or(
          assignedOfficerId ? eq(officers.id, assignedOfficerId) : undefined,
          and(eq(officerRoleAssignments.role, 'approver'), eq(officerRoleAssignments.agencyCode, handlingAgencyCode)),
        ),
      ),
    );
  return rows.map((r) => r.email).filter((e): e is string => e !== null);
}
