import { bigint, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

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
