import { z } from 'zod';
import { fee, onlineLevel, procedureCode, procedureContentFields, timeUnit } from './domain/procedure.ts';
import { formDefinition } from './forms/definition.ts';

const level = z.enum(['province', 'commune']);

export const searchProceduresQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('Accent-insensitive, typo-tolerant text search'),
  agency: z
    .string()
    .regex(/^(?:\d{2}-|\d{5}-)?[A-Za-zĐđ]{2,10}$/)
    .optional()
    .describe('An agency code (79-STP, 26734-UBND) or an agency kind (STP, UBND, CA)'),
  level: level.optional(),
  online: onlineLevel.optional().describe('full = toàn trình, partial = một phần (Decree 42/2022/NĐ-CP art. 11)'),
  sector: z.string().min(1).max(200).optional().describe('Lĩnh vực, exactly as in the sector facet'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchProceduresQuery = z.infer<typeof searchProceduresQuery>;

export const procedureSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  nameEn: z.string().nullable(),
  sector: z.string(),
  level,
  agencyKind: z.string(),
  agencyCode: z.string().describe('79-STP for a department; {communeCode}-UBND for every commune'),
  timeAmount: z.number(),
  timeUnit,
  onlineLevel,
});
export type ProcedureSummary = z.infer<typeof procedureSummary>;

const facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const searchProceduresResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(procedureSummary),
  facets: z.object({ level: facet, sector: facet, onlineLevel: facet, agencyKind: facet }),
});
export type SearchProceduresResponse = z.infer<typeof searchProceduresResponse>;

export const procedureParams = z.strictObject({ code: procedureCode });
export const procedureDetailQuery = z.strictObject({
  version: z.coerce.number().int().min(1).optional().describe('An older version; default the current one'),
});

export const procedureDetailResponse = procedureSummary.extend({
  isCurrent: z.boolean(),
  versionId: z.string().describe('Dossiers reference this id'),
  agencyNote: z.string().nullable(),
  timeNote: z.string().nullable(),
  fees: z.array(fee).describe('Each line with the conditions that make it due and the exemptions that waive it'),
  components: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      isRequired: z.boolean(),
      form: z.enum(['original', 'copy', 'certified_copy']),
      acceptedFormats: z.array(z.string()),
      note: z.string().optional(),
    }),
  ),
  resultName: z.string(),
  legalBasis: z.array(z.object({ number: z.string(), title: z.string() })),
  formDefinition: z.record(z.string(), z.unknown()).nullable().describe('See src/procedures/forms/definition.ts'),
  sources: z.array(z.string()),
  changeNote: z.string().nullable(),
  publishedAt: z.string(),
  keywords: z.array(z.string()),
  versions: z.array(
    z.object({
      version: z.number().int(),
      isCurrent: z.boolean(),
      publishedAt: z.string(),
      changeNote: z.string().nullable(),
      source: z
        .enum(['reference', 'province'])
        .describe("reference: the catalogue shipped with the software; province: the province's administrator"),
    }),
  ),
});
export type ProcedureDetail = z.infer<typeof procedureDetailResponse>;

/**
 * A new version from the province's administrator: only the fields that change. Without the content
 * schema's defaults, so a field left out stays as it is (the checks across fields run on the merged
 * content, see publish-version.ts).
 */
export const publishVersionBody = z.strictObject({
  basedOnVersion: z.number().int().min(1).describe('The current version the edit started from; a newer one refuses the edit (409)'),
  changeNote: z.string().trim().min(5).max(1000).describe('What changed and why, shown to citizens in the version history'),
  changes: procedureContentFields
    .extend({ formDefinition: formDefinition.nullable(), keywords: z.array(z.string()) })
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, 'at least one field'),
});
export const publishVersionResponse = z.object({ code: z.string(), version: z.number().int(), versionId: z.string() });

/** A procedure the reference catalogue lacks, added by the province's administrator as version 1. */
export const createProcedureBody = z.strictObject({
  code: procedureCode.describe('National code N.NNNNNN as published in the national database of administrative procedures'),
  content: procedureContentFields.describe('Everything version 1 says; see GET /api/v1/procedures/{code} for the shape'),
});

export const referenceStateResponse = z.object({
  state: z
    .enum(['none', 'same', 'differs'])
    .describe("none: this release's reference catalogue lacks the procedure; same: the current version says what it says; differs"),
  reference: procedureContentFields.nullable().describe('The reference content when it differs'),
});
export const returnToReferenceBody = z.strictObject({
  basedOnVersion: z.number().int().min(1).describe('The current version the decision was made on; a newer one refuses it (409)'),
});
