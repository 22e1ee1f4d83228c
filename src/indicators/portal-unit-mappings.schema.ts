import { z } from 'zod';

// Codes are checked by the use case, so that a bad code gets its own error (PORTAL_DEPARTMENT_CODE_INVALID,
// PORTAL_MAPPING_TARGET_UNKNOWN) from the API and the CLI alike; here only their size.

export const portalUnitMappingParams = z.strictObject({
  departmentCode: z.string().max(40).describe('The national portal’s code of an agency or commune: H44.03'),
});
export type PortalUnitMappingParams = z.infer<typeof portalUnitMappingParams>;

export const portalUnitMappingBody = z.strictObject({
  target: z
    .string()
    .max(40)
    .describe('A current commune of the province (5-digit code: 26572) or one of its agencies (26572-UBND, 79-STP)'),
});
export type PortalUnitMappingBody = z.infer<typeof portalUnitMappingBody>;

export const portalUnitMappingSchema = z.object({
  departmentCode: z.string(),
  target: z.object({ kind: z.enum(['unit', 'agency']), code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  updatedAt: z.string().describe('ISO 8601'),
});

export const portalUnitMappingsResponse = z.object({ items: z.array(portalUnitMappingSchema) });
