import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { calendarDayKinds } from './domain/calendar-day.ts';

/** Giờ làm việc — a province's office hours; absent means the defaults (07:30–11:30, 13:00–17:00). */
export const calendarSettings = pgTable('calendar_settings', {
  provinceCode: varchar('province_code', { length: 2 }).primaryKey(),
  /** `[{ start: 'HH:MM', end: 'HH:MM' }]`, in order, not overlapping (Vietnam local time). */
  workingPeriods: jsonb('working_periods').$type<{ start: string; end: string }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A year an administrator has edited. Its days are then all stored in calendar_days (the defaults were
 * copied in by the first edit); a year without a row here uses the computed defaults.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    year: integer('year').notNull(),
    administeredAt: timestamp('administered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'calendar_years_pk', columns: [t.provinceCode, t.year] })],
);

/** One date of an administered year that differs from the usual week: holiday, day off or make-up working day. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: calendarDayKinds }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'calendar_days_pk', columns: [t.provinceCode, t.date] }),
    index('calendar_days_year_idx').on(t.provinceCode, t.year),
  ],
);
