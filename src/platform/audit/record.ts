import type { Queryable } from '../db/client.ts';
import { auditLog, personalDataAccessLog } from './schema.ts';

export interface Actor {
  kind: 'citizen' | 'officer' | 'system' | 'anonymous';
  id: string | null;
  requestId?: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: unknown;
}

/** Appends an audit row; call it inside the transaction that makes the change. */
export async function recordAudit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await auditInsert(q, actor, entry);
}

/** The audit row's INSERT, not yet run: for a use case that writes its change and audit in one statement. */
export function auditInsert(q: Queryable, actor: Actor, entry: AuditEntry) {
  return q.insert(auditLog).values({
    actorKind: actor.kind,
    actorId: actor.id,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    details: entry.details ?? null,
  });
}

/** Logs a read of a person's data (who, whose, what, why). */
export async function recordPersonalDataAccess(
  q: Queryable,
  entry: {
    actorKind: 'citizen' | 'officer' | 'system';
    actorId: string;
    dataSubject: string;
    resource: string;
    purpose: string;
    requestId?: string | null;
  },
): Promise<void> {
  await q.insert(personalDataAccessLog).values({ ...entry, requestId: entry.requestId ?? null });
}
