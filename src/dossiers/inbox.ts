import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { maskCccd } from '../identity/domain/cccd.ts';
import type { OfficerPrincipal } from '../identity/principal.ts';
import { AppError } from '../platform/errors.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { agencies } from '../units/schema.ts';
import { foldVietnamese } from '../units/domain/search-text.ts';
import { dueSoonLimit, isDueSoon, isOverdue, remainingWorkingMinutes, runningStatuses } from './domain/deadlines.ts';
import { dossierWorkerRoles } from './dossier-access.ts';
import { inboxQueues, type InboxQuery, type InboxQueue, type InboxResponse } from './officer-routes.schema.ts';
import type { WorkflowDeps } from './perform-action.ts';
import { dossiers } from './schema.ts';

/**
 * The dossiers an officer's agencies received or handle: agency roles cover their agency, unit-wide
 * roles every agency of the unit, province-wide roles the whole province. Null when the officer holds
 * no role that works dossiers.
 */
export function inboxScope(officer: OfficerPrincipal): SQL | null {
  const held = officer.roles.filter((a) => dossierWorkerRoles.includes(a.role));
  if (held.length === 0) return null;
  const agencyCodes = [...new Set(held.filter((a) => a.agencyCode !== '').map((a) => a.agencyCode))];
  const unitWide = held.filter((a) => a.agencyCode === '');
  const units = [...new Set(unitWide.filter((a) => a.unitCode.length !== 2).map((a) => a.unitCode))];
  const provinces = [...new Set(unitWide.filter((a) => a.unitCode.length === 2).map((a) => a.unitCode))];
  const unitAgencies = units.length ? sql`(SELECT ${agencies.code} FROM ${agencies} WHERE ${inArray(agencies.unitCode, units)})` : null;
  return or(
    agencyCodes.length ? inArray(dossiers.receivingAgencyCode, agencyCodes) : undefined,
    agencyCodes.length ? inArray(dossiers.handlingAgencyCode, agencyCodes) : undefined,
    unitAgencies ? sql`${dossiers.receivingAgencyCode} IN ${unitAgencies}` : undefined,
    unitAgencies ? sql`${dossiers.handlingAgencyCode} IN ${unitAgencies}` : undefined,
    provinces.length ? inArray(dossiers.provinceCode, provinces) : undefined,
  ) as SQL;
}

/** Start of a Vietnam-local day (YYYY-MM-DD) as an instant. */
function localMidnight(isoDate: string, plusDays = 0): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + plusDays * 86_400_000);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Search by CCCD (12 digits, exact), dossier code (prefix) or applicant name (accent-insensitive). */
function searchCondition(q: string): SQL | undefined {
  if (/^\d{12}$/.test(q)) return eq(dossiers.applicantIdNumber, q);
  const folded = foldVietnamese(q);
  return or(
    sql`upper(${dossiers.code}) LIKE ${`${escapeLike(q.toUpperCase())}%`}`,
    folded ? sql`lower(unaccent(${dossiers.applicantName})) LIKE ${`%${folded}%`}` : undefined,
  );
}

/** The predicate of each queue; the list with the matching filter uses the very same predicate. */
function queuePredicates(now: Date, dueLimit: Date): Record<InboxQueue, SQL | undefined> {
  const running = inArray(dossiers.status, [...runningStatuses]);
  return {
    all: undefined,
    new: eq(dossiers.status, 1),
    received: eq(dossiers.status, 2),
    processing: eq(dossiers.status, 4),
    awaiting_supplement: eq(dossiers.status, 5),
    awaiting_payment: eq(dossiers.status, 6),
    awaiting_return: eq(dossiers.status, 9),
    due_soon: and(running, gte(dossiers.appointmentAt, now), lte(dossiers.appointmentAt, dueLimit)),
    overdue: and(running, lt(dossiers.appointmentAt, now)),
  };
}

const orderings = {
  deadline: [sql`${dossiers.appointmentAt} ASC NULLS LAST`, asc(dossiers.submittedAt), asc(dossiers.id)],
  submitted: [desc(dossiers.submittedAt), asc(dossiers.id)],
  updated: [desc(dossiers.updatedAt), asc(dossiers.id)],
} as const;

/**
 * Hộp hồ sơ — an officer's inbox: filters, search, sort by deadline, one page, and the count of every
 * queue (new, received, processing, awaiting supplement or payment, awaiting return, due within one
 * working day, overdue) under the same filters, so each count equals the list's total for that queue.
 */
export async function listInbox(
  deps: WorkflowDeps,
  officer: OfficerPrincipal,
  query: InboxQuery,
  provinceCode: string,
): Promise<InboxResponse> {
  const scope = inboxScope(officer);
  if (!scope) throw new AppError('FORBIDDEN', { requiredRoles: dossierWorkerRoles });
  const { db } = deps;
  const now = deps.now();
  const calendar = await deps.calendarFor(db, provinceCode);
  const dueLimit = dueSoonLimit(now, calendar, calendar.minutesPerWorkingDay);
  const queues = queuePredicates(now, dueLimit);

  const base = and(
    scope,
    query.procedure ? eq(dossiers.procedureCode, query.procedure) : undefined,
    query.step ? eq(dossiers.currentStep, query.step) : undefined,
    query.channel ? eq(dossiers.channel, query.channel as 1 | 2 | 3) : undefined,
    query.receivedFrom ? gte(dossiers.receivedAt, localMidnight(query.receivedFrom)) : undefined,
    query.receivedTo ? lt(dossiers.receivedAt, localMidnight(query.receivedTo, 1)) : undefined,
    query.q ? searchCondition(query.q) : undefined,
  );
  const negate = (p: SQL | undefined) => (p ? sql`NOT coalesce(${p}, false)` : undefined);
  const listed = and(
    base,
    query.status ? eq(dossiers.status, query.status as 1) : undefined,
    query.overdue === undefined ? undefined : query.overdue ? queues.overdue : negate(queues.overdue),
    query.dueSoon === undefined ? undefined : query.dueSoon ? queues.due_soon : negate(queues.due_soon),
  );

  const countColumns = Object.fromEntries(
    inboxQueues.map((queue) => {
      const predicate = queues[queue];
      return [queue, predicate ? sql<number>`count(*) FILTER (WHERE ${predicate})`.mapWith(Number) : sql<number>`count(*)`.mapWith(Number)];
    }),
  ) as Record<InboxQueue, SQL.Aliased<number> | SQL<number>>;
  const [counts] = await db.select(countColumns).from(dossiers).where(base);
  const [total] = await db.select({ n: count() }).from(dossiers).where(listed);
  const rows = await db
    .select({ dossier: dossiers, procedureName: procedureVersions.name })
    .from(dossiers)
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .where(listed)
    .orderBy(...orderings[query.sort])
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    counts: Object.fromEntries(inboxQueues.map((q) => [q, Number(counts?.[q] ?? 0)])) as Record<InboxQueue, number>,
    minutesPerWorkingDay: calendar.minutesPerWorkingDay,
    items: rows.map(({ dossier: d, procedureName }) => ({
      code: d.code,
      version: d.version,
      procedureCode: d.procedureCode,
      procedureName,
      applicantName: d.applicantName,
      applicantIdNumberMasked: maskCccd(d.applicantIdNumber),
      status: d.status,
      currentStep: d.currentStep,
      channel: d.channel,
      receivingAgencyCode: d.receivingAgencyCode,
      handlingAgencyCode: d.handlingAgencyCode,
      submittedAt: d.submittedAt.toISOString(),
      receivedAt: iso(d.receivedAt),
      appointmentAt: iso(d.appointmentAt),
      isOverdue: isOverdue(d, now),
      isDueSoon: isDueSoon(d, now, calendar, calendar.minutesPerWorkingDay),
      remainingWorkingMinutes: remainingWorkingMinutes(d, now, calendar),
    })),
  };
}
