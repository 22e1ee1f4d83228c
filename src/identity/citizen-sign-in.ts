import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { adminUnits } from '../units/schema.ts';
import { parseCccd } from './domain/cccd.ts';
import type { CitizenPrincipal } from './principal.ts';
import { citizens } from './schema.ts';
import { loadCitizenPrincipal, openSession, type OpenedSession } from './sessions.ts';

const addressClaim = z.union([
  z.string(),
  z.object({
    formatted: z.string().optional(),
    street_address: z.string().optional(),
    locality: z.string().optional(),
    region: z.string().optional(),
    country: z.string().optional(),
  }),
]);

/** The claims a citizen identity provider must (sub, id_number, name) or may send (OIDC standard + VNeID). */
export const citizenClaims = z.object({
  sub: z.string().min(1).max(255),
  id_number: z.string(),
  name: z.string().min(1).max(200),
  birthdate: z.iso.date().optional(),
  gender: z.string().max(20).optional(),
  email: z.string().max(320).optional(),
  phone_number: z.string().max(30).optional(),
  address: addressClaim.optional(),
  identity_level: z.coerce.number().int().min(0).max(9).optional(),
});
export type CitizenClaims = z.infer<typeof citizenClaims>;

/** Validates the provider's claims; a missing or invalid CCCD rejects the sign-in. */
export function readCitizenClaims(raw: Record<string, unknown>): CitizenClaims {
  const parsed = citizenClaims.safeParse(raw);
  if (!parsed.success)
    throw new AppError('OIDC_LOGIN_FAILED', { reason: 'claims_invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) });
  const check = parseCccd(parsed.data.id_number, parsed.data.birthdate ?? null);
  if (!check.isValid) throw new AppError('OIDC_LOGIN_FAILED', { reason: 'id_number_invalid', check: check.reason });
  return parsed.data;
}

function formatAddress(address: CitizenClaims['address']): string | null {
  if (!address) return null;
  if (typeof address === 'string') return address;
  return address.formatted ?? ([address.street_address, address.locality, address.region].filter(Boolean).join(', ') || null);
}

/** The current commune code named by an OIDC address (locality within region), when it is known. */
async function resolveAddressUnitCode(q: Queryable, address: CitizenClaims['address']): Promise<string | null> {
  if (!address || typeof address === 'string' || !address.locality || !address.region) return null;
  const [province] = await q
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), eq(adminUnits.fullName, address.region), isNull(adminUnits.validTo)));
  if (!province) return null;
  const [commune] = await q
    .select({ code: adminUnits.code })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.level, 'commune'),
        eq(adminUnits.parentCode, province.code),
        eq(adminUnits.fullName, address.locality),
        isNull(adminUnits.validTo),
      ),
    );
  return commune?.code ?? null;
}

/** Records the citizen (by issuer + subject) from fresh claims and opens a session. */
export async function signInCitizen(
  db: Db,
  input: { issuer: string; claims: CitizenClaims; now: Date },
  actor: Actor & { userAgent?: string | null },
): Promise<{ principal: CitizenPrincipal; session: OpenedSession }> {
  const { claims, now } = input;
  return db.transaction(async (tx) => {
    const profile = {
      idNumber: claims.id_number,
      fullName: claims.name,
      birthDate: claims.birthdate ?? null,
      gender: claims.gender ?? null,
      email: claims.email ?? null,
      phone: claims.phone_number ?? null,
      address: formatAddress(claims.address),
      addressUnitCode: await resolveAddressUnitCode(tx, claims.address),
      identityLevel: claims.identity_level ?? null,
      lastSignInAt: now,
    };
    const [row] = await tx
      .insert(citizens)
      .values({ issuer: input.issuer, subject: claims.sub, ...profile })
      .onConflictDoUpdate({ target: [citizens.issuer, citizens.subject], set: profile })
      .returning({ id: citizens.id });
    if (!row) throw new AppError('OIDC_LOGIN_FAILED');
    const session = await openSession(tx, {
      kind: 'citizen',
      principalId: row.id,
      method: 'vneid',
      now,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
    });
    await recordAudit(
      tx,
      { ...actor, kind: 'citizen', id: row.id },
      {
        action: 'citizen.signed_in',
        subjectType: 'citizen',
        subjectId: row.id,
        details: { issuer: input.issuer, identityLevel: profile.identityLevel },
      },
    );
    const principal = await loadCitizenPrincipal(tx, row.id);
    if (!principal) throw new AppError('OIDC_LOGIN_FAILED');
    return { principal, session };
  });
}
