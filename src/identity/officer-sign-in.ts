import argon2 from 'argon2';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { isFreshTotpStep, matchTotpStep, newTotpSecret, totpUri } from './domain/totp.ts';
import type { OfficerPrincipal } from './principal.ts';
import { officers } from './schema.ts';
import { loadOfficerPrincipal, openSession, type OpenedSession } from './sessions.ts';
import type { SealBox } from './tokens.ts';

/** Five wrong attempts lock the account for fifteen minutes. */
export const lockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

export interface OfficerSignInDeps {
  db: Db;
  /** Seals and opens TOTP secrets. */
  totpBox: SealBox;
  now: () => Date;
}

export interface OfficerCredentials {
  username: string;
  password: string;
  totp?: string | undefined;
}

// OWASP Password Storage Cheat Sheet, argon2id: m = 19 MiB, t = 2, p = 1 (~60 ms here; the library
// default of 64 MiB, t = 3, p = 4 takes ~300 ms on a 2-core server, a cheap way to be DoS-ed at login).
const argon2Params = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Verifying against a real hash for unknown usernames keeps the response time alike for both cases.
let decoyHash: Promise<string> | null = null;
function decoy(): Promise<string> {
  decoyHash ??= argon2.hash('decoy password that never matches', argon2Params);
  return decoyHash;
}

/** Hashes an officer password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, argon2Params);
}

/** Checks an officer's password, TOTP and lockout; opens a session or throws the reason. */
export async function signInOfficer(
  deps: OfficerSignInDeps,
  credentials: OfficerCredentials,
  actor: Actor & { userAgent?: string | null },
): Promise<{ principal: OfficerPrincipal; session: OpenedSession }> {
  const { db } = deps;
  const now = deps.now();
  const username = credentials.username.trim().toLowerCase();
  const [officer] = await db.select().from(officers).where(eq(officers.username, username));

  const fail = async (
    code: 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'TOTP_INVALID' | 'TOTP_REQUIRED',
    reason: string,
    details?: unknown,
  ): Promise<never> => {
    await recordAudit(db, actor, {
      action: 'officer.sign_in_failed',
      subjectType: 'officer',
      subjectId: officer?.id ?? null,
      details: { username, reason },
    });
    throw new AppError(code, details);
  };
  const countFailure = async (id: string): Promise<boolean> => {
    // One statement, so concurrent wrong attempts cannot each read the same counter.
    const [row] = await db
      .update(officers)
      .set({
        failedAttempts: sql`CASE WHEN ${officers.failedAttempts} + 1 >= ${lockoutPolicy.maxFailures} THEN 0 ELSE ${officers.failedAttempts} + 1 END`,
        lockedUntil: sql`CASE WHEN ${officers.failedAttempts} + 1 >= ${lockoutPolicy.maxFailures} THEN ${new Date(now.getTime() + lockoutPolicy.lockMs).toISOString()}::timestamptz ELSE ${officers.lockedUntil} END`,
      })
      .where(eq(officers.id, id))
      .returning({ lockedUntil: officers.lockedUntil });
    return !!row?.lockedUntil && row.lockedUntil.getTime() > now.getTime();
  };

  if (!officer || !officer.isActive) {
    await argon2.verify(await decoy(), credentials.password);
    return fail('INVALID_CREDENTIALS', officer ? 'inactive' : 'unknown_user');
  }
  if (officer.lockedUntil && officer.lockedUntil.getTime() > now.getTime()) {
    return fail('ACCOUNT_LOCKED', 'locked', { lockedUntil: officer.lockedUntil.toISOString() });
  }
  if (!(await argon2.verify(officer.passwordHash, credentials.password))) {
    const isLocked = await countFailure(officer.id);
    return isLocked ? fail('ACCOUNT_LOCKED', 'wrong_password_locked') : fail('INVALID_CREDENTIALS', 'wrong_password');
  }

  let method: 'password' | 'password+totp' = 'password';
  if (officer.isTotpEnabled) {
    if (!credentials.totp) return fail('TOTP_REQUIRED', 'totp_missing');
    const secret = deps.totpBox.open(officer.totpSecretEnc);
    if (!secret) throw new AppError('INTERNAL_ERROR', null, { cause: new Error(`TOTP secret of ${officer.id} cannot be opened`) });
    const step = matchTotpStep(secret, credentials.totp, now);
    if (step === null || !isFreshTotpStep(step, officer.lastTotpStep)) {
      const isLocked = await countFailure(officer.id);
      return isLocked ? fail('ACCOUNT_LOCKED', 'wrong_totp_locked') : fail('TOTP_INVALID', step === null ? 'wrong_totp' : 'replayed_totp');
    }
    // Conditional update: of two requests racing with the same code, only one wins the step.
    const claimed = await db
      .update(officers)
      .set({ lastTotpStep: step })
      .where(and(eq(officers.id, officer.id), or(isNull(officers.lastTotpStep), lt(officers.lastTotpStep, step))))
      .returning({ id: officers.id });
    if (claimed.length === 0) return fail('TOTP_INVALID', 'replayed_totp');
    method = 'password+totp';
  }

  return db.transaction(async (tx) => {
    await tx.update(officers).set({ failedAttempts: 0, lockedUntil: null }).where(eq(officers.id, officer.id));
    const session = await openSession(tx, {
      kind: 'officer',
      principalId: officer.id,
      method,
      now,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
    });
    await recordAudit(
      tx,
      { ...actor, kind: 'officer', id: officer.id },
      { action: 'officer.signed_in', subjectType: 'officer', subjectId: officer.id, details: { method } },
    );
    const principal = await loadOfficerPrincipal(tx, officer.id);
    if (!principal) throw new AppError('INVALID_CREDENTIALS');
    return { principal, session };
  });
}

/** Starts TOTP enrolment: a new secret kept sealed until the officer confirms one code from it. */
export async function startTotpEnrolment(
  deps: OfficerSignInDeps,
  officer: OfficerPrincipal,
  actor: Actor,
): Promise<{ secret: string; otpauthUri: string }> {
  if (officer.isTotpEnabled) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await deps.db.transaction(async (tx) => {
    await tx
      .update(officers)
      .set({ totpSecretEnc: deps.totpBox.seal(secret), isTotpEnabled: false })
      .where(eq(officers.id, officer.id));
    await recordAudit(tx, actor, { action: 'officer.totp_setup_started', subjectType: 'officer', subjectId: officer.id });
  });
  return { secret, otpauthUri: totpUri(secret, officer.username) };
}

/** Finishes TOTP enrolment when the code matches the pending secret; later sign-ins then need a code. */
export async function confirmTotpEnrolment(deps: OfficerSignInDeps, officer: OfficerPrincipal, code: string, actor: Actor): Promise<void> {
  const now = deps.now();
  const [row] = await deps.db.select().from(officers).where(eq(officers.id, officer.id));
  if (!row) throw new AppError('UNAUTHENTICATED');
  if (row.isTotpEnabled) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = deps.totpBox.open(row.totpSecretEnc);
  if (!secret) throw new AppError('TOTP_SETUP_MISSING');
  const step = matchTotpStep(secret, code, now);
  if (step === null) throw new AppError('TOTP_INVALID');
  await deps.db.transaction(async (tx) => {
    await tx.update(officers).set({ isTotpEnabled: true, lastTotpStep: step }).where(eq(officers.id, officer.id));
    await recordAudit(tx, actor, { action: 'officer.totp_enabled', subjectType: 'officer', subjectId: officer.id });
  });
}
