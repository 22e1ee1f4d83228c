import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { counterColumn, procedureCounters, rollupCounters, type RollupCounter } from './domain/rollup-counters.ts';

/**
 * Kết quả đánh giá Bộ chỉ số 766 do Cổng DVCQG công bố — the national portal's published Decision 766
 * evaluation of a province's units for a period, one row per unit × group × metric (group totals as
 * metric TOTAL), kept with the portal's raw JSON so reconciliation can be redone and audited.
 */
export const portalEvaluations = pgTable(
  'portal_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    /** "2026-03", "2026-Q1" or "2026". */
    period: varchar('period', { length: 7 }).notNull(),
    /** The portal's unit code: H44 the province, H44.NN its agencies and communes. */
    departmentCode: text('department_code').notNull(),
    group: text('group').notNull(),
    metric: text('metric').notNull(),
    numerator: bigint('numerator', { mode: 'number' }),
    denominator: bigint('denominator', { mode: 'number' }),
    /** Percentage as published. */
    ratio: numeric('ratio', { mode: 'number' }),
    publishedScore: numeric('published_score', { mode: 'number' }),
    maxScore: numeric('max_score', { mode: 'number' }),
    /** counts: scored from numerator ÷ denominator; ratio: numerator null, ratio decided elsewhere; sum: a group total. */
    basis: text('basis', { enum: ['counts', 'ratio', 'sum'] }).notNull(),
    raw: jsonb('raw').notNull(),
    /** Order within the import (the portal's own order of units and metrics). */
    position: integer('position').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique key also serves lookups by province and period (its leading columns).
  (t) => [unique('portal_evaluations_metric').on(t.provinceCode, t.period, t.departmentCode, t.group, t.metric)],
);

export type PortalEvaluationRow = typeof portalEvaluations.$inferSelect;

/**
 * Ánh xạ mã đơn vị của Cổng DVCQG — which of our current communes or agencies a portal department
 * code (H44.NN) stands for, per province. The portal's files carry no names, so a system administrator
 * keeps this table (CLI map-portal-unit or the API); reconciliation shows the platform's own figure
 * for mapped rows only. The province row (no ".NN") always stands for the province and is not stored.
 */
export const portalUnitMappings = pgTable(
  'portal_unit_mappings',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    departmentCode: text('department_code').notNull(),
    /** unit: a current commune of the province (its 5-digit code); agency: an agency of the province (agencies.code). */
    targetKind: text('target_kind', { enum: ['unit', 'agency'] }).notNull(),
    targetCode: text('target_code').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.departmentCode] })],
);

export type PortalUnitMappingRow = typeof portalUnitMappings.$inferSelect;

const intCounter = (name: string) => integer(name).notNull().default(0);
// Minutes of processing add up past 2³¹ over a province's year.
const bigintCounter = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** One counter column per rollup counter (snake-case names), all starting at 0. */
function counterColumns<T extends readonly RollupCounter[]>(counters: T) {
  return Object.fromEntries(
    counters.map((c) => [c, c === 'processingMinutes' ? bigintCounter(counterColumn(c)) : intCounter(counterColumn(c))]),
  ) as { [K in T[number]]: K extends 'processingMinutes' ? ReturnType<typeof bigintCounter> : ReturnType<typeof intCounter> };
}

/**
 * Bảng tổng hợp theo ngày — rollup counters per province, unit, handling agency, procedure and local
 * day (see domain/rollup-counters.ts for what each counter counts and on which day). Kept up to date
 * incrementally from dossier events (applyEventsToRollups) and rebuildable from scratch for audit.
 */
export const indicatorRollupDaily = pgTable(
  'indicator_rollup_daily',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    /**
     * The dossier's unit as filed (a commune, or the province for its departments) in its own era:
     * the admin_units row, since a code alone is ambiguous across the 2025 reorganisation (0 if unknown).
     */
    unitId: integer('unit_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...counterColumns(rollupCounters),
  },
  (t) => [
    primaryKey({ columns: [t.provinceCode, t.unitId, t.agencyCode, t.procedureCode, t.day] }),
    index('indicator_rollup_daily_day_idx').on(t.provinceCode, t.day),
  ],
);

/** The same counters per unit, agency and month (first day of the month): what dashboards read. */
export const indicatorRollupMonthly = pgTable(
  'indicator_rollup_monthly',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    unitId: integer('unit_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...counterColumns(rollupCounters),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.month, t.unitId, t.agencyCode] })],
);

/**
 * The monthly rollup's counters summed per quarter and per year (granularity 'quarter' | 'year', the
 * period's first day), so a quarter's or a year's dashboard reads one row per unit and agency.
 */
export const indicatorRollupPeriod = pgTable(
  'indicator_rollup_period',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    granularity: text('granularity', { enum: ['quarter', 'year'] }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    unitId: integer('unit_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    ...counterColumns(rollupCounters),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.granularity, t.periodStart, t.unitId, t.agencyCode] })],
);

/** The procedure rollup per quarter and per year, like indicator_rollup_period. */
export const indicatorRollupProcedurePeriod = pgTable(
  'indicator_rollup_procedure_period',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    granularity: text('granularity', { enum: ['quarter', 'year'] }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    unitId: integer('unit_id').notNull(),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    ...counterColumns(procedureCounters),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.granularity, t.periodStart, t.unitId, t.procedureCode] })],
);

/**
 * Per unit and agency: the sum of every overdue delta ever recorded (+1 when an open dossier passes its
 * appointment, −1 when it ends). The open overdue dossiers at the end of a month are this total minus
 * the deltas of the later months, so a dashboard reads the few months after its period instead of
 * the whole history.
 */
export const indicatorRollupOverdue = pgTable(
  'indicator_rollup_overdue',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    unitId: integer('unit_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    ...counterColumns(['overdueDelta'] as const),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.unitId, t.agencyCode] })],
);

/** Per unit, procedure and month: the counters the "procedures with dossiers / with online payment" indicators need. */
export const indicatorRollupProcedureMonthly = pgTable(
  'indicator_rollup_procedure_monthly',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    unitId: integer('unit_id').notNull(),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...counterColumns(procedureCounters),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.month, t.unitId, t.procedureCode] })],
);

/**
 * Một hồ sơ trong bảng tổng hợp — what one dossier contributes to the rollups, as last applied. The
 * incremental job subtracts it and adds the dossier's new contribution when an event arrives; the
 * drill-down lists dossiers from it, so a number and the list behind it can never disagree.
 */
export const indicatorDossierFacts = pgTable(
  'indicator_dossier_facts',
  {
    // No primary key on purpose: the job deletes the old row and inserts the new one in one statement.
    dossierId: uuid('dossier_id').notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    unitCode: varchar('unit_code', { length: 5 }).notNull(),
    /** The admin_units row of the unit in the dossier's era (0 if the code is unknown). */
    unitId: integer('unit_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    channel: smallint('channel').notNull(),
    submitterKind: text('submitter_kind').notNull(),
    isVneidVerified: boolean('is_vneid_verified').notNull(),
    hasObligation: boolean('has_obligation').notNull(),
    isPaidOnline: boolean('is_paid_online').notNull(),
    components: integer('components').notNull(),
    componentsReused: integer('components_reused').notNull(),
    supplementRequests: integer('supplement_requests').notNull(),
    isWithdrawn: boolean('is_withdrawn').notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    isOnTime: boolean('is_on_time'),
    processingMinutes: integer('processing_minutes'),
    isResult: boolean('is_result').notNull(),
    isElectronicResult: boolean('is_electronic_result').notNull(),
    isDigitised: boolean('is_digitised').notNull(),
    hasComplaintOrDislike: boolean('has_complaint_or_dislike').notNull(),
    /** First local day at whose end the dossier was open and past its appointment. */
    overdueFrom: date('overdue_from', { mode: 'string' }),
    /** The day it stopped being open and overdue (processing ended or withdrawn). */
    overdueUntil: date('overdue_until', { mode: 'string' }),
    votedOn: date('voted_on', { mode: 'string' }),
    isLike: boolean('is_like'),
  },
  (t) => [
    index('indicator_dossier_facts_dossier_idx').on(t.dossierId),
    index('indicator_dossier_facts_received_idx').on(t.unitId, t.receivedOn),
    index('indicator_dossier_facts_ended_idx').on(t.unitId, t.endedOn),
    index('indicator_dossier_facts_overdue_idx').on(t.unitId, t.overdueFrom),
  ],
);

/** What one complaint contributes to the rollups, as last applied (see indicatorDossierFacts). */
export const indicatorComplaintFacts = pgTable(
  'indicator_complaint_facts',
  {
    complaintId: uuid('complaint_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    /** The admin_units row of the unit in the dossier's era (0 if the code is unknown). */
    unitId: integer('unit_id').notNull(),
    agencyCode: text('agency_code').notNull(),
    procedureCode: varchar('procedure_code', { length: 8 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    handledOn: date('handled_on', { mode: 'string' }),
    isHandledOnTime: boolean('is_handled_on_time'),
    ratedOn: date('rated_on', { mode: 'string' }),
    isSatisfied: boolean('is_satisfied'),
  },
  (t) => [index('indicator_complaint_facts_dossier_idx').on(t.dossierId)],
);

/** Watermark of the incremental rollup job: the last dossier event applied, and a gap being waited on. */
export const indicatorRollupState = pgTable('indicator_rollup_state', {
  name: text('name').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
  /** When the job first saw the event id after the watermark missing (a transaction still in flight, or rolled back). */
  gapSeenAt: timestamp('gap_seen_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Nhật ký thay đổi bảng tổng hợp — one row per run of the rollup job that changed something: up to
 * which event it applied and the earliest day its changes touched. A cached dashboard answer for a
 * period stays valid while no later run touched a day up to the period's end.
 */
export const indicatorRollupChanges = pgTable('indicator_rollup_changes', {
  toEventId: bigint('to_event_id', { mode: 'number' }).primaryKey(),
  minDay: date('min_day', { mode: 'string' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Dashboard answers computed from the rollups, kept until the rollups change within their period
 * (see indicator_rollup_changes): rankings and overviews of past periods are read, not recomputed.
 */
export const indicatorDashboardCache = pgTable('indicator_dashboard_cache', {
  key: text('key').primaryKey(),
  /** The rollup watermark read before computing: changes after it are checked against the period. */
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  /** The day the answer stands at (today while the period runs). */
  asOf: date('as_of', { mode: 'string' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  payload: jsonb('payload').notNull(),
});
