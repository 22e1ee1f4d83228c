import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/client.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { maskCccd } from './domain/cccd.ts';
import type { CitizenPrincipal, OfficerPrincipal, Principal } from './principal.ts';
import { citizens, officerRoleAssignments, officers, sessions } from './schema.ts';
import type { SessionCache } from './session-cache.ts';
import { sessionClosedChannel } from './session-revocations.ts';
import { hashToken, randomToken } from './tokens.ts';

/** Session lifetimes: officers get one working day; citizens are signed out after 2 h without activity. */
export const sessionPolicy = {
  officer: { idleMs: 8 * 3600_000, absoluteMs: 8 * 3600_000 },
  citizen: { idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000 },
} as const;

// Extending a citizen session is a write; once a minute per session is plenty.
const touchIntervalMs = 60_000;

export type SessionMethod = 'vneid' | 'password' | 'password+totp';

export interface OpenedSession {
  /** The raw token for the cookie; the database keeps only its hash. */
  token: string;
  expiresAt: Date;
}

/** Opens a session for a principal and answers the token to put in the cookie. */
export async function openSession(
  q: Queryable,
  entry: { kind: Principal['kind']; principalId: string; method: SessionMethod; now: Date; ip?: string | null; userAgent?: string | null },
): Promise<OpenedSession> {
  const token = randomToken();
  const policy = sessionPolicy[entry.kind];
  const expiresAt = new Date(entry.now.getTime() + Math.min(policy.idleMs, policy.absoluteMs));
  await q.insert(sessions).values({
    tokenHash: hashToken(token),
    principalKind: entry.kind,
    principalId: entry.principalId,
    method: entry.method,
    createdAt: entry.now,
    lastSeenAt: entry.now,
    expiresAt,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export interface ActiveSession {
  tokenHash: string;
  method: string;
  expiresAt: Date;
  principal: Principal;
}

function prepareSessionLookup(q: Queryable) {
  return q
    .select({ session: sessions, citizen: citizens })
    .from(sessions)
    .leftJoin(citizens, and(eq(sessions.principalKind, 'citizen'), eq(citizens.id, sessions.principalId)))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('identity.session_by_token');
}

// Every signed-in request looks its session up: built once per database handle, prepared by name.
const sessionLookups = new WeakMap<Queryable, ReturnType<typeof prepareSessionLookup>>();

/**
 * The live session behind a cookie token with its principal, or null when unknown, expired or
 * disabled; from `cache` when a citizen's session is kept there (see SessionCache).
 */
export async function resolveSession(q: Queryable, token: string, now: Date, cache?: SessionCache): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const kept = cache?.get(tokenHash, now);
  if (kept) return kept;
  const epoch = cache?.epoch ?? 0;
  let lookup = sessionLookups.get(q);
  if (!lookup) sessionLookups.set(q, (lookup = prepareSessionLookup(q)));
  // One query for a citizen's request: the session and the citizen together (officers add their roles).
  const [found] = await lookup.execute({ tokenHash });
  if (!found) return null;
  const row = found.session;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  const principal =
    row.principalKind === 'officer' ? await loadOfficerPrincipal(q, row.principalId) : found.citizen && citizenPrincipalOf(found.citizen);
  if (!principal) return null;
  let expiresAt = row.expiresAt;
  if (row.principalKind === 'citizen' && now.getTime() - row.lastSeenAt.getTime() > touchIntervalMs) {
    const policy = sessionPolicy.citizen;
    expiresAt = new Date(Math.min(now.getTime() + policy.idleMs, row.createdAt.getTime() + policy.absoluteMs));
    await q.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
  }
  const active = { tokenHash, method: row.method, expiresAt, principal };
  cache?.keep(active, epoch);
  return active;
}

/**
 * Ends a session (sign-out) and tells every process on the database (NOTIFY, delivered when the
 * transaction commits), so none of them keeps it in its session cache.
 */
export async function closeSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  await q.execute(sql`SELECT pg_notify(${sessionClosedChannel}, ${tokenHash})`);
}

/** Removes sessions that expired before `now` (housekeeping). */
export async function purgeExpiredSessions(q: Queryable, now: Date): Promise<void> {
  await q.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** An officer as the request principal, with role assignments; null when missing or deactivated. */
export async function loadOfficerPrincipal(q: Queryable, id: string): Promise<OfficerPrincipal | null> {
  const [officer] = await q
    .select()
    .from(officers)
    .where(and(eq(officers.id, id), eq(officers.isActive, true)));
  if (!officer) return null;
  const roles = await q
    .select({ role: officerRoleAssignments.role, agencyCode: officerRoleAssignments.agencyCode, unitCode: officerRoleAssignments.unitCode })
    .from(officerRoleAssignments)
    .where(eq(officerRoleAssignments.officerId, id));
  return {
    kind: 'officer',
    id: officer.id,
    username: officer.username,
    fullName: officer.fullName,
    roles,
    isTotpEnabled: officer.isTotpEnabled,
  };
}

/** A citizen as the request principal. */
export async function loadCitizenPrincipal(q: Queryable, id: string): Promise<CitizenPrincipal | null> {
  const [c] = await q.select().from(citizens).where(eq(citizens.id, id));
  return c ? citizenPrincipalOf(c) : null;
}

function citizenPrincipalOf(c: typeof citizens.$inferSelect): CitizenPrincipal {
  return {
    kind: 'citizen',
    id: c.id,
    fullName: c.fullName,
    idNumber: c.idNumber,
    idNumberMasked: maskCccd(c.idNumber),
    birthDate: c.birthDate,
    addressUnitCode: c.addressUnitCode,
    identityLevel: c.identityLevel,
    email: c.email,
    phone: c.phone,
  };
}

/** Signs out: ends the session, records who signed out, and forgets the session in `cache` at once. */
export async function signOut(db: Db, tokenHash: string | null, principal: Principal, actor: Actor, cache?: SessionCache): Promise<void> {
  await db.transaction(async (tx) => {
    if (tokenHash) await closeSession(tx, tokenHash);
    await recordAudit(tx, actor, { action: `${principal.kind}.signed_out`, subjectType: principal.kind, subjectId: principal.id });
  });
  if (tokenHash) cache?.evict(tokenHash);
}
