import { z } from 'zod';

const isoDate = z.iso.date().describe('A day, YYYY-MM-DD (Vietnam time)');

export const unitSchema = z.object({
  code: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  fullNameEn: z.string().nullable(),
  unitType: z.string(),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isParentInferred: z.boolean().describe('The old province of a pre-2025 commune was inferred from code order'),
});

export const listUnitsQuery = z.strictObject({
  parent: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe('Parent unit code: children of this unit'),
  at: isoDate.optional().describe('Effective date; defaults to today'),
  q: z.string().min(1).max(100).optional().describe('Accent-insensitive name search across both eras'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const listUnitsResponse = z.object({
  at: z.string().nullable(),
  total: z.number().int(),
  items: z.array(unitSchema),
});

export const unitParams = z.strictObject({ code: z.string().regex(/^\d{2,5}$/) });
export const unitQuery = z.strictObject({ at: isoDate.optional() });

const linkSchema = z.object({ kind: z.enum(['full', 'partial']), effectiveOn: z.string(), unit: unitSchema });

export const unitDetailResponse = unitSchema.extend({
  parent: unitSchema.nullable(),
  history: z.object({
    predecessors: z.array(linkSchema).describe('Units this one absorbed'),
    successors: z.array(linkSchema).describe('Units that absorbed this one; partial = split'),
    sameCodeInOtherEras: z.array(unitSchema),
  }),
});

export const agencySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['department', 'board', 'people_committee', 'service_centre', 'service_centre_branch']),
  level: z.enum(['province', 'commune']),
  unitCode: z.string(),
  provinceCode: z.string(),
  parentAgencyCode: z.string().nullable(),
  receivesDossiers: z.boolean(),
  address: z.string().nullable().describe('Street address of the office, when known'),
});

export const listAgenciesQuery = z.strictObject({
  unit: z
    .string()
    .regex(/^\d{2,5}$/)
    .optional()
    .describe('Agencies attached to this unit'),
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  kind: agencySchema.shape.kind.optional(),
  receivesDossiers: z.enum(['true', 'false']).optional(),
  q: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
