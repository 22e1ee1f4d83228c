import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { officers } from '../identity/schema.ts';
import type { Component, Fee } from './domain/procedure.ts';
import type { FormDefinition } from './forms/definition.ts';

/** Thủ tục hành chính — a procedure of the national catalogue, as applied in one province. */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** National code N.NNNNNN. */
    code: varchar('code', { length: 8 }).notNull(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    /**
     * SHA-256 of the reference catalogue's content for this procedure when it was last applied (see
     * sync-catalogue.ts); a newer release with other content publishes a new version.
     */
    referenceHash: text('reference_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('procedures_province_code').on(t.provinceCode, t.code)],
);

/** One published version of a procedure; dossiers reference a version id, so versions never change. */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sector: text('sector').notNull(),
    level: text('level', { enum: ['province', 'commune'] }).notNull(),
    agencyKind: text('agency_kind').notNull(),
    agencyNote: text('agency_note'),
    timeAmount: real('time_amount').notNull(),
    timeUnit: text('time_unit', { enum: ['hours', 'days', 'working_days', 'months'] }).notNull(),
    timeNote: text('time_note'),
    fees: jsonb('fees').$type<Fee[]>().notNull(),
    components: jsonb('components').$type<Component[]>().notNull(),
    resultName: text('result_name').notNull(),
    onlineLevel: text('online_level', { enum: ['full', 'partial'] }).notNull(),
    legalBasis: jsonb('legal_basis').$type<{ number: string; title: string }[]>().notNull(),
    formDefinition: jsonb('form_definition').$type<FormDefinition>(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    sources: jsonb('sources').$type<string[]>().notNull(),
    changeNote: text('change_note'),
    /** The province's administrator who published this version; null for the reference catalogue shipped with the software. */
    publishedByOfficerId: uuid('published_by_officer_id').references(() => officers.id),
    /** normaliseForSearch(name | sector | nameEn | keywords | code). */
    searchText: text('search_text').notNull(),
    /** normaliseForSearch(name), for exact and prefix boosts. */
    nameFolded: text('name_folded').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('procedure_versions_number').on(t.procedureId, t.version),
    uniqueIndex('procedure_versions_one_current')
      .on(t.procedureId)
      .where(sql`${t.isCurrent}`),
    index('procedure_versions_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('procedure_versions_current_idx').on(t.isCurrent, t.level, t.sector),
  ],
);

export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureVersionRow = typeof procedureVersions.$inferSelect;
