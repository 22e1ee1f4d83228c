import { and, asc, count, desc, eq, gte, inArray, like, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { maskCccd } from '../identity/domain/cccd.ts';
import type { OfficerPrincipal } from '../identity/principal.ts';
import { AppError } from '../platform/errors.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { agencies } from '../units/schema.ts';
import { foldVietnamese } from '../units/domain/search-text.ts';
import { closedStatuses, dueSoonLimit, isDueSoon, isOverdue, remainingWorkingMinutes, runningStatuses } from './domain/deadlines.ts';
import { dossierWorkerRoles } from './dossier-access.ts';
import { inboxQueues, type InboxQuery, type InboxQueue, type InboxResponse } from './officer-routes.schema.ts';
import type { WorkflowDeps } from './perform-action.ts';
import { normaliseDossierCode } from './domain/dossier-code.ts';
import { dossiers, openDossier, type DossierRow, type DossierStatus } from './schema.ts';
import { provinceStatusCounts } from './status-counts.ts';

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

/**
 * The officer's dossiers as disjoint parts whose union is `inboxScope`: for an officer of some agencies
 * only, "received by them" and "handled by them, received elsewhere", so each part reads one index
 * (counts from the index alone, the page in deadline order) instead of one OR over both columns.
 */
export function inboxScopeParts(officer: OfficerPrincipal): SQL[] | null {
  const held = officer.roles.filter((a) => dossierWorkerRoles.includes(a.role));
  if (held.length === 0) return null;
  if (held.some((a) => a.agencyCode === '')) return [inboxScope(officer) as SQL];
  const agencyCodes = [...new Set(held.map((a) => a.agencyCode))];
  return [
    inArray(dossiers.receivingAgencyCode, agencyCodes),
    and(inArray(dossiers.handlingAgencyCode, agencyCodes), notInArray(dossiers.receivingAgencyCode, agencyCodes)) as SQL,
  ];
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
  // Something shaped like a code (capitals, digits, dots or dashes, with a digit: "79.2603…"; names have
  // no digits): codes are stored in capitals, so a prefix match on the column itself uses the pattern
  // index instead of reading every dossier in scope.
  const code = normaliseDossierCode(q);
  if (code && /\d/.test(code)) return like(dossiers.code, `${escapeLike(code)}%`);
  const folded = foldVietnamese(q);
  return or(
    sql`upper(${dossiers.code}) LIKE ${`${escapeLike(q.toUpperCase())}%`}`,
    folded ? sql`lower(unaccent(${dossiers.applicantName})) LIKE ${`%${folded}%`}` : undefined,
  );
}

/**
 * The predicate of each queue within the open dossiers; the list with the matching filter uses the very
 * same predicate. Statuses are literals (not parameters) so the planner picks the open partial indexes.
 */
const running = () => sql`${dossiers.status} IN (${sql.raw(runningStatuses.join(', '))})`;
const overdueAt = (now: Date) => and(running(), lt(dossiers.appointmentAt, now));

function queuePredicates(now: Date, dueLimit: Date): Record<InboxQueue, SQL | undefined> {
  return {
    open: undefined,
    new: eq(dossiers.status, 1),
    received: eq(dossiers.status, 2),
    processing: eq(dossiers.status, 4),
    awaiting_supplement: eq(dossiers.status, 5),
    awaiting_payment: eq(dossiers.status, 6),
    awaiting_return: eq(dossiers.status, 9),
    due_soon: and(running(), gte(dossiers.appointmentAt, now), lte(dossiers.appointmentAt, dueLimit)),
    overdue: overdueAt(now),
  };
}

/** The one province an officer's dossier roles all cover whole, or null (agency or unit roles, several provinces). */
function provinceOnlyScope(officer: OfficerPrincipal): string | null {
  const held = officer.roles.filter((a) => dossierWorkerRoles.includes(a.role));
  const provinces = new Set(held.map((a) => (a.agencyCode === '' && a.unitCode.length === 2 ? a.unitCode : null)));
  const [only] = [...provinces];
  return provinces.size === 1 && only ? only : null;
}

/**
 * Queue counts of a whole province, shaped like the per-part counts: statuses from the kept counts
 * (status-counts.ts), due soon and overdue counted among running dossiers due by the limit.
 */
async function provinceQueueCounts(
  db: WorkflowDeps['db'],
  provinceCode: string,
  queues: Record<InboxQueue, SQL | undefined>,
  dueLimit: Date,
): Promise<Partial<Record<InboxQueue, number>>[][]> {
  const [byStatus, [timed]] = await Promise.all([
    provinceStatusCounts(db, provinceCode),
    db
      .select({
        due_soon: sql<number>`count(*) FILTER (WHERE ${queues.due_soon})`.mapWith(Number),
        overdue: sql<number>`count(*) FILTER (WHERE ${queues.overdue})`.mapWith(Number),
      })
      .from(dossiers)
      .where(and(eq(dossiers.provinceCode, provinceCode), openDossier(dossiers.status), running(), lte(dossiers.appointmentAt, dueLimit))),
  ]);
  const of = (status: number) => byStatus.get(status) ?? 0;
  const open = [...byStatus].reduce((sum, [status, n]) => (closedStatuses.includes(status as DossierStatus) ? sum : sum + n), 0);
  return [
    [
      {
        open,
        new: of(1),
        received: of(2),
        processing: of(4),
        awaiting_supplement: of(5),
        awaiting_payment: of(6),
        awaiting_return: of(9),
        due_soon: timed?.due_soon ?? 0,
        overdue: timed?.overdue ?? 0,
      },
    ],
  ];
}

/** The queue whose predicate is exactly the list's include/status/overdue/dueSoon filters, if there is one. */
function queueOfFilters(query: InboxQuery): InboxQueue | null {
  const statusQueues: Partial<Record<number, InboxQueue>> = {
    1: 'new',
    2: 'received',
    4: 'processing',
    5: 'awaiting_supplement',
    6: 'awaiting_payment',
    9: 'awaiting_return',
  };
  const { status, overdue, dueSoon } = query;
  if (status === undefined && query.include === 'all') return null;
  if (status === undefined && overdue === undefined && dueSoon === undefined) return 'open';
  if (status !== undefined && overdue === undefined && dueSoon === undefined) return statusQueues[status] ?? null;
  if (status === undefined && overdue === true && dueSoon === undefined) return 'overdue';
  if (status === undefined && overdue === undefined && dueSoon === true) return 'due_soon';
  return null;
}

const orderings = {
  deadline: [sql`${dossiers.appointmentAt} ASC NULLS LAST`, asc(dossiers.submittedAt), asc(dossiers.id)],
  submitted: [desc(dossiers.submittedAt), asc(dossiers.id)],
  updated: [desc(dossiers.updatedAt), asc(dossiers.id)],
} as const;

type Sortable = Pick<DossierRow, 'appointmentAt' | 'submittedAt' | 'updatedAt' | 'id'>;

/** What a page shows and sorts by, not the whole row (form data and the rest stay in the database). */
const inboxColumns = {
  id: dossiers.id,
  code: dossiers.code,
  version: dossiers.version,
  procedureCode: dossiers.procedureCode,
  applicantName: dossiers.applicantName,
  applicantIdNumber: dossiers.applicantIdNumber,
  status: dossiers.status,
  currentStep: dossiers.currentStep,
  channel: dossiers.channel,
  receivingAgencyCode: dossiers.receivingAgencyCode,
  handlingAgencyCode: dossiers.handlingAgencyCode,
  submittedAt: dossiers.submittedAt,
  receivedAt: dossiers.receivedAt,
  appointmentAt: dossiers.appointmentAt,
  processingEndedAt: dossiers.processingEndedAt,
  supplementRequestCount: dossiers.supplementRequestCount,
  isMarkedLate: dossiers.isMarkedLate,
  updatedAt: dossiers.updatedAt,
};
const time = (d: Date | null) => (d === null ? Number.POSITIVE_INFINITY : d.getTime());
const byId = (a: Sortable, b: Sortable) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The same orders in memory, to merge the parts' pages (uuids compare as their lower-case hex text does in PostgreSQL). */
const comparators: Record<InboxQuery['sort'], (a: Sortable, b: Sortable) => number> = {
  deadline: (a, b) => time(a.appointmentAt) - time(b.appointmentAt) || a.submittedAt.getTime() - b.submittedAt.getTime() || byId(a, b),
  submitted: (a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || byId(a, b),
  updated: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byId(a, b),
};

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
  const parts = inboxScopeParts(officer);
  if (!parts) throw new AppError('FORBIDDEN', { requiredRoles: dossierWorkerRoles });
  const { db } = deps;
  const now = deps.now();
  const calendarRead = deps.calendarFor(db, provinceCode);
  const dueLimitRead = calendarRead.then((c) => dueSoonLimit(now, c, c.minutesPerWorkingDay));
  const queuesRead = dueLimitRead.then((limit) => queuePredicates(now, limit));
  // Only "due soon" needs the calendar: any other list is read while the calendar loads.
  const listQueues: Pick<Record<InboxQueue, SQL | undefined>, 'overdue' | 'due_soon'> = query.dueSoon === undefined
    ? { overdue: overdueAt(now), due_soon: undefined }
    : await queuesRead;

  const filters = and(
    query.procedure ? eq(dossiers.procedureCode, query.procedure) : undefined,
    query.step ? eq(dossiers.currentStep, query.step) : undefined,
    query.channel ? eq(dossiers.channel, query.channel as 1 | 2 | 3) : undefined,
    query.receivedFrom ? gte(dossiers.receivedAt, localMidnight(query.receivedFrom)) : undefined,
    query.receivedTo ? lt(dossiers.receivedAt, localMidnight(query.receivedTo, 1)) : undefined,
    query.q ? searchCondition(query.q) : undefined,
  );
  const negate = (p: SQL | undefined) => (p ? sql`NOT coalesce(${p}, false)` : undefined);
  // Without a status filter the list is open work unless closed dossiers are asked for too.
  const listFilters = and(
    filters,
    query.status ? eq(dossiers.status, query.status as DossierStatus) : undefined,
    // Spelled out for an open status too, so the planner sees the open partial indexes apply.
    (query.status === undefined && query.include === 'open') ||
      (query.status !== undefined && !closedStatuses.includes(query.status as DossierStatus))
      ? openDossier(dossiers.status)
      : undefined,
    query.overdue === undefined ? undefined : query.overdue ? listQueues.overdue : negate(listQueues.overdue),
    query.dueSoon === undefined ? undefined : query.dueSoon ? listQueues.due_soon : negate(listQueues.due_soon),
  );

  // Parts are disjoint: their counts add up, and the page is the merge of each part's first rows. Every
  // queue is open work, so the counts read the open partial indexes only, whatever the scope's size.
  const province = provinceOnlyScope(officer);
  // A province-wide officer without filters: the status queues from the kept counts, the two timed
  // queues from the index by appointment (the same predicates), instead of counting the province.
  const countsRead =
    province !== null && filters === undefined
      ? Promise.all([queuesRead, dueLimitRead]).then(([queues, limit]) => provinceQueueCounts(db, province, queues, limit))
      : queuesRead.then((queues) => {
          const countColumns = Object.fromEntries(
            inboxQueues.map((queue) => {
              const predicate = queues[queue];
              return [
                queue,
                predicate ? sql<number>`count(*) FILTER (WHERE ${predicate})`.mapWith(Number) : sql<number>`count(*)`.mapWith(Number),
              ];
            }),
          ) as Record<InboxQueue, SQL.Aliased<number> | SQL<number>>;
          return Promise.all(
            parts.map((part) =>
              db
                .select(countColumns)
                .from(dossiers)
                .where(and(part, filters, openDossier(dossiers.status))),
            ),
          );
        });
  // The list is one queue (no filter, a status, overdue or due soon): its total is that queue's count,
  // computed by the same predicate; only other combinations need their own count.
  const queue = queueOfFilters(query);
  const totalRead = queue ? null : Promise.all(parts.map((part) => db.select({ n: count() }).from(dossiers).where(and(part, listFilters))));
  const offset = (query.page - 1) * query.pageSize;
  // The page is read at the same time as the counts (on other pooled connections).
  const pageRead = Promise.all(
    parts.map((part) =>
      db
        .select({ dossier: inboxColumns, procedureName: procedureVersions.name })
        .from(dossiers)
        .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
        .where(and(part, listFilters))
        .orderBy(...orderings[query.sort])
        .limit(offset + query.pageSize),
    ),
  );
  const [calendar, partCounts, partTotals, partRows] = await Promise.all([calendarRead, countsRead, totalRead, pageRead]);
  const counts = Object.fromEntries(
    inboxQueues.map((q) => [q, partCounts.reduce((sum, [row]) => sum + Number(row?.[q] ?? 0), 0)]),
  ) as Record<InboxQueue, number>;
  const total = queue ? counts[queue] : (partTotals ?? []).reduce((sum, [row]) => sum + (row?.n ?? 0), 0);
  const compare = comparators[query.sort];
  const rows = partRows
    .flat()
    .sort((a, b) => compare(a.dossier, b.dossier))
    .slice(offset, offset + query.pageSize);

  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts,
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
