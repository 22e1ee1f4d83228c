import { z } from 'zod';
import { officerRoles } from './schema.ts';

export const roleAssignmentSchema = z.object({ role: z.enum(officerRoles), agencyCode: z.string(), unitCode: z.string() });

export const citizenPrincipalSchema = z.object({
  kind: z.literal('citizen'),
  id: z.uuid(),
  fullName: z.string(),
  idNumberMasked: z.string().describe('CCCD with the middle digits hidden'),
  birthDate: z.string().nullable(),
  addressUnitCode: z.string().nullable(),
  identityLevel: z.number().int().nullable(),
});

export const officerPrincipalSchema = z.object({
  kind: z.literal('officer'),
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleAssignmentSchema),
  isTotpEnabled: z.boolean(),
});

export const principalSchema = z.discriminatedUnion('kind', [citizenPrincipalSchema, officerPrincipalSchema]);

export const sessionResponse = z.object({
  principal: principalSchema.nullable(),
  csrfToken: z.string().describe('Send back as the x-csrf-token header on every POST/PUT/PATCH/DELETE'),
});

export const meResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('citizen'),
    id: z.uuid(),
    idNumber: z.string(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    addressUnitCode: z.string().nullable(),
    identityLevel: z.number().int().nullable(),
    lastSignInAt: z.string().nullable(),
  }),
  officerPrincipalSchema.extend({ email: z.string().nullable() }),
]);

export const officerLoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('Six-digit code from the authenticator app, when enrolled'),
});
export type OfficerLoginBody = z.infer<typeof officerLoginBody>;

export const officerLoginResponse = z.object({ principal: officerPrincipalSchema });

export const totpSetupResponse = z.object({
  otpauthUri: z.string().describe('Scan as a QR code in an authenticator app'),
  secret: z.string().describe('The same secret in base32, to type in by hand'),
});

export const totpConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const citizenLoginQuery = z.strictObject({ returnTo: z.string().max(2000).optional() });

/** The callback takes whatever the provider sends (code, state, iss, error…); openid-client checks it. */
export const citizenCallbackQuery = z.record(z.string(), z.unknown());
