import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Đơn vị hành chính — administrative unit, effective-dated. A code names a unit only together with a
 * date: 26572 was Xã Hoà Long (province 77) until 2025-06-30 and is Phường Tam Long (79) since.
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    id: serial('id').primaryKey(),
    code: varchar('code', { length: 5 }).notNull(),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    /** Short name without the unit type: "Tam Long". */
    name: text('name').notNull(),
    /** Name with the unit type: "Phường Tam Long". */
    fullName: text('full_name').notNull(),
    nameEn: text('name_en'),
    fullNameEn: text('full_name_en'),
    /** xã, phường, đặc khu, thị trấn, tỉnh, thành phố. */
    unitType: text('unit_type').notNull(),
    parentCode: varchar('parent_code', { length: 5 }),
    /** Distribution key: the province the unit belonged to in its own era. */
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    /** First day the unit exists; null when older than the data we hold. */
    validFrom: date('valid_from', { mode: 'string' }),
    /** Last day the unit exists; null while it is current. */
    validTo: date('valid_to', { mode: 'string' }),
    /** True when the parent was inferred from the national code order rather than read from a source. */
    isParentInferred: boolean('is_parent_inferred').notNull().default(false),
    /** Lower-case, accent-free names (vi and en) for search. */
    searchText: text('search_text').notNull(),
  },
  (t) => [
    unique('admin_units_code_era').on(t.level, t.code, t.validTo).nullsNotDistinct(),
    index('admin_units_parent_idx').on(t.parentCode, t.validTo),
    index('admin_units_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Old → new link from a reorganisation; a partial link means the old unit was split. */
export const adminUnitLinks = pgTable(
  'admin_unit_links',
  {
    predecessorId: integer('predecessor_id')
      .notNull()
      .references(() => adminUnits.id),
    successorId: integer('successor_id')
      .notNull()
      .references(() => adminUnits.id),
    kind: text('kind', { enum: ['full', 'partial'] }).notNull(),
    /** Day the successor took over (Resolution 202/2025/QH15: 2025-07-01). */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.predecessorId, t.successorId] }), index('admin_unit_links_successor_idx').on(t.successorId)],
);

/**
 * Cơ quan — an agency attached to a unit: a department (sở), a board (ban), a commune People's
 * Committee (UBND xã/phường) or a public administration service centre (Trung tâm Phục vụ hành chính công).
 */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['department', 'board', 'people_committee', 'service_centre', 'service_centre_branch'] }).notNull(),
    level: text('level', { enum: ['province', 'commune'] }).notNull(),
    /** The administrative unit this agency serves (province or commune code, current era). */
    unitCode: varchar('unit_code', { length: 5 }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    parentAgencyCode: text('parent_agency_code'),
    /** True for agencies that receive dossiers at a one-stop counter. */
    receivesDossiers: boolean('receives_dossiers').notNull().default(false),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agencies_unit_idx').on(t.unitCode), index('agencies_province_idx').on(t.provinceCode, t.kind)],
);

export type AdminUnitRow = typeof adminUnits.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
