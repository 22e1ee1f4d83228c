import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { recordPersonalDataAccess } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal, RoleAssignment } from './principal.ts';
import { citizens, officers } from './schema.ts';

export type OwnProfile =
  | {
      kind: 'citizen';
      id: string;
      idNumber: string;
      fullName: string;
      birthDate: string | null;
      gender: string | null;
      email: string | null;
      phone: string | null;
      address: string | null;
      addressUnitCode: string | null;
      identityLevel: number | null;
      lastSignInAt: string | null;
    }
  | {
      kind: 'officer';
      id: string;
      username: string;
      fullName: string;
      email: string | null;
      roles: RoleAssignment[];
      isTotpEnabled: boolean;
    };

/** The signed-in person's own full profile; a citizen's read is logged as personal data access. */
export async function readOwnProfile(db: Db, principal: Principal, requestId: string): Promise<OwnProfile> {
  if (principal.kind === 'officer') {
    const [o] = await db.select({ email: officers.email }).from(officers).where(eq(officers.id, principal.id));
    return {
      kind: 'officer',
      id: principal.id,
      username: principal.username,
      fullName: principal.fullName,
      email: o?.email ?? null,
      roles: principal.roles,
      isTotpEnabled: principal.isTotpEnabled,
    };
  }
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(citizens).where(eq(citizens.id, principal.id));
    if (!c) throw new AppError('UNAUTHENTICATED');
    // Law 91/2025/QH15: every read of personal data is logged, including the person's own.
    await recordPersonalDataAccess(tx, {
      actorKind: 'citizen',
      actorId: c.id,
      dataSubject: c.idNumber,
      resource: 'citizen.profile',
      purpose: 'self-service',
      requestId,
    });
    return {
      kind: 'citizen',
      id: c.id,
      idNumber: c.idNumber,
      fullName: c.fullName,
      birthDate: c.birthDate,
      gender: c.gender,
      email: c.email,
      phone: c.phone,
      address: c.address,
      addressUnitCode: c.addressUnitCode,
      identityLevel: c.identityLevel,
      lastSignInAt: c.lastSignInAt?.toISOString() ?? null,
    };
  });
}
