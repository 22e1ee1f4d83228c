import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { computeAppointment } from '../calendar/domain/appointment.ts';
import { loadWorkingCalendar } from '../calendar/load-calendar.ts';
import { dossierEvents, dossiers, type DossierRow } from '../dossiers/schema.ts';
import { officerHasScope } from '../identity/guards.ts';
import type { CitizenPrincipal, OfficerPrincipal } from '../identity/principal.ts';
import type { OfficerRole } from '../identity/schema.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Db, Queryable, Tx } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import {
  decideComplaint,
  isComplaintOverdue,
  openingDeadlines,
  type AddWorkingDays,
  type ComplaintAction,
  type ComplaintKind,
  type ComplaintState,
  type ComplaintSubject,
} from './domain/complaint.ts';
import { checkVote, ratableStatuses } from './domain/satisfaction.ts';
import {
  complaintEvents,
  complaints,
  satisfactionVotes,
  type ComplaintEventRow,
  type ComplaintRow,
  type SatisfactionVoteRow,
} from './schema.ts';

/**
 * Citizen feedback the index needs: the applicant's satisfaction vote on a completed dossier, and
 * complaints/petitions about a dossier with their deadlines and handling. Every change appends a
 * dossier event in the same transaction (so the indicator rollups pick it up) and an audit row.
 */

/** Whether a citizen is the dossier's applicant: their own account, or their CCCD on a dossier keyed in for them. */
export function isApplicantOf(dossier: Pick<DossierRow, 'applicantCitizenId' | 'applicantIdNumber'>, citizen: CitizenPrincipal): boolean {
  return dossier.applicantCitizenId === citizen.id || dossier.applicantIdNumber === citizen.idNumber;
}

/** The dossier, locked, when the citizen is its applicant; 404 otherwise (others learn nothing of it). */
async function applicantDossier(tx: Tx, dossierId: string, citizen: CitizenPrincipal): Promise<DossierRow> {
  const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
  if (!dossier || !isApplicantOf(dossier, citizen)) throw new AppError('DOSSIER_NOT_FOUND', { dossierId });
  return dossier;
}

/** Appends a feedback event to the dossier's history (its status does not change). */
async function appendDossierEvent(
  tx: Tx,
  dossier: DossierRow,
  at: Date,
  action: string,
  actor: { kind: 'citizen' | 'officer'; id: string; agencyCode?: string | null },
  details: Record<string, unknown>,
): Promise<void> {
  await tx.insert(dossierEvents).values({
    dossierId: dossier.id,
    at,
    action,
    fromStatus: dossier.status,
    toStatus: dossier.status,
    fromStep: dossier.currentStep,
    toStep: dossier.currentStep,
    actorKind: actor.kind,
    actorId: actor.id,
    agencyCode: actor.agencyCode ?? null,
    details,
  });
}

export interface VoteView {
  dossierId: string;
  isLike: boolean;
  reasons: string[];
  comment: string | null;
  createdAt: string;
}

const presentVote = (vote: SatisfactionVoteRow): VoteView => ({
  dossierId: vote.dossierId,
  isLike: vote.isLike,
  reasons: vote.reasons,
  comment: vote.comment,
  createdAt: vote.createdAt.toISOString(),
});

/** Đánh giá — the applicant's one vote on a dossier whose processing has ended. */
export async function castVote(
  db: Db,
  input: { dossierId: string; isLike: boolean; reasons: string[]; comment: string | null },
  citizen: CitizenPrincipal,
  actor: Actor,
  now: Date,
): Promise<VoteView> {
  return db.transaction(async (tx) => {
    const dossier = await applicantDossier(tx, input.dossierId, citizen);
    const problem = checkVote(dossier.status, input);
    if (problem) throw new AppError(problem, { status: dossier.status });
    const inserted = await tx
      .insert(satisfactionVotes)
      .values({
        dossierId: dossier.id,
        citizenId: citizen.id,
        isLike: input.isLike,
        reasons: input.reasons,
        comment: input.comment,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    const vote = inserted[0];
    if (!vote) throw new AppError('SATISFACTION_ALREADY_GIVEN', { dossierId: dossier.id });
    await appendDossierEvent(tx, dossier, now, 'feedback_vote', { kind: 'citizen', id: citizen.id }, { isLike: input.isLike });
    await recordAudit(tx, actor, {
      action: 'dossier.vote',
      subjectType: 'dossier',
      subjectId: dossier.id,
      details: { isLike: input.isLike, reasons: input.reasons },
    });
    return presentVote(vote);
  });
}

/** The applicant's vote on a dossier, or null. */
export async function readVote(db: Db, dossierId: string, citizen: CitizenPrincipal): Promise<VoteView | null> {
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
  if (!dossier || !isApplicantOf(dossier, citizen)) throw new AppError('DOSSIER_NOT_FOUND', { dossierId });
  const [vote] = await db.select().from(satisfactionVotes).where(eq(satisfactionVotes.dossierId, dossierId));
  return vote ? presentVote(vote) : null;
}

/** Officer roles that may handle complaints of an agency they hold them in. */
export const complaintHandlerRoles: readonly OfficerRole[] = [
  'reception',
  'specialist',
  'approver',
  'leader',
  'unit_admin',
  'system_admin',
];

/** Adds working days with the province's calendar (Decree 20/2008 deadlines count working days). */
async function workingDayAdder(q: Queryable, provinceCode: string): Promise<AddWorkingDays> {
  const calendar = await loadWorkingCalendar(q, provinceCode);
  return (from, days) => computeAppointment(from, days, 'working_days', calendar).appointmentAt;
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const complaintCode = (now: Date) =>
  `PAKN-${String(now.getUTCFullYear()).slice(2)}-${Array.from({ length: 7 }, () => crockford[randomInt(32)]).join('')}`;

export interface ComplaintView {
  id: string;
  code: string;
  dossierId: string;
  dossierCode: string;
  unitCode: string;
  agencyCode: string;
  kind: ComplaintKind;
  subject: ComplaintSubject;
  content: string;
  status: ComplaintRow['status'];
  receivedAt: string;
  deadlines: { rejectBy: string; requestInfoBy: string; handleBy: string | null; publishBy: string | null };
  handledAt: string | null;
  isHandledOnTime: boolean | null;
  isOverdue: boolean;
  publishedAt: string | null;
  response: string | null;
  isSatisfied: boolean | null;
  history: {
    at: string;
    action: string;
    toStatus: ComplaintRow['status'];
    actorKind: 'citizen' | 'officer';
    text: string | null;
    isOnTime: boolean | null;
  }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function stateOf(row: ComplaintRow): ComplaintState {
  return {
    status: row.status,
    rejectBy: row.rejectBy,
    requestInfoBy: row.requestInfoBy,
    handleBy: row.handleBy,
    publishBy: row.publishBy,
    handledAt: row.handledAt,
    isHandledOnTime: row.isHandledOnTime,
    publishedAt: row.publishedAt,
    isSatisfied: row.isSatisfied,
  };
}

function presentComplaint(row: ComplaintRow, dossierCode: string, history: ComplaintEventRow[], now: Date): ComplaintView {
  return {
    id: row.id,
    code: row.code,
    dossierId: row.dossierId,
    dossierCode,
    unitCode: row.unitCode,
    agencyCode: row.agencyCode,
    kind: row.kind,
    subject: row.subject,
    content: row.content,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    deadlines: {
      rejectBy: row.rejectBy.toISOString(),
      requestInfoBy: row.requestInfoBy.toISOString(),
      handleBy: iso(row.handleBy),
      publishBy: iso(row.publishBy),
    },
    handledAt: iso(row.handledAt),
    isHandledOnTime: row.isHandledOnTime,
    isOverdue: isComplaintOverdue(stateOf(row), now),
    publishedAt: iso(row.publishedAt),
    response: row.response,
    isSatisfied: row.isSatisfied,
    history: history.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      toStatus: e.toStatus,
      actorKind: e.actorKind,
      text: e.text,
      isOnTime: e.isOnTime,
    })),
  };
}

async function loadComplaintView(q: Queryable, id: string, now: Date): Promise<ComplaintView> {
  const [row] = await q
    .select({ complaint: complaints, dossierCode: dossiers.code })
    .from(complaints)
    .innerJoin(dossiers, eq(dossiers.id, complaints.dossierId))
    .where(eq(complaints.id, id));
  if (!row) throw new AppError('COMPLAINT_NOT_FOUND', { id });
  const history = await q.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.at);
  return presentComplaint(row.complaint, row.dossierCode, history, now);
}

/** Gửi phản ánh, kiến nghị — the applicant complains about a dossier; the deadlines start now. */
export async function submitComplaint(
  db: Db,
  input: { dossierId: string; kind: ComplaintKind; subject: ComplaintSubject; content: string },
  citizen: CitizenPrincipal,
  actor: Actor,
  now: Date,
): Promise<ComplaintView> {
  const id = await db.transaction(async (tx) => {
    const dossier = await applicantDossier(tx, input.dossierId, citizen);
    const addWorkingDays = await workingDayAdder(tx, dossier.provinceCode);
    const deadlines = openingDeadlines(now, addWorkingDays);
    const [row] = await tx
      .insert(complaints)
      .values({
        code: complaintCode(now),
        dossierId: dossier.id,
        provinceCode: dossier.provinceCode,
        unitCode: dossier.unitCode,
        agencyCode: dossier.handlingAgencyCode,
        citizenId: citizen.id,
        kind: input.kind,
        subject: input.subject,
        content: input.content.trim(),
        status: 'received',
        receivedAt: now,
        ...deadlines,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL_ERROR');
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      at: now,
      action: 'submit',
      fromStatus: null,
      toStatus: 'received',
      actorKind: 'citizen',
      actorId: citizen.id,
    });
    await appendDossierEvent(tx, dossier, now, 'complaint_submit', { kind: 'citizen', id: citizen.id }, { complaintId: row.id });
    await recordAudit(tx, actor, {
      action: 'complaint.submit',
      subjectType: 'complaint',
      subjectId: row.id,
      details: { dossierId: dossier.id, kind: input.kind },
    });
    return row.id;
  });
  return loadComplaintView(db, id, now);
}

/** Who acts on a complaint: an officer of its agency, or its applicant. */
export type ComplaintActor = { kind: 'officer'; officer: OfficerPrincipal } | { kind: 'citizen'; citizen: CitizenPrincipal };

function mayHandle(officer: OfficerPrincipal, row: ComplaintRow): boolean {
  return officerHasScope(
    officer,
    { agencyCode: row.agencyCode, unitCode: row.unitCode, provinceCode: row.provinceCode },
    ...complaintHandlerRoles,
  );
}

/** Acts on a complaint per the table (accept, reject, request_info, resolve, publish by the agency; reply, rate by the applicant). */
export async function actOnComplaint(
  db: Db,
  input: { complaintId: string; action: ComplaintAction; text?: string | undefined; isSatisfied?: boolean | undefined },
  who: ComplaintActor,
  actor: Actor,
  now: Date,
): Promise<ComplaintView> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(complaints).where(eq(complaints.id, input.complaintId)).for('update');
    if (!row) throw new AppError('COMPLAINT_NOT_FOUND', { id: input.complaintId });
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, row.dossierId));
    if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { dossierId: row.dossierId });
    if (who.kind === 'citizen' && (row.citizenId !== who.citizen.id || !isApplicantOf(dossier, who.citizen)))
      throw new AppError('COMPLAINT_NOT_FOUND', { id: row.id });
    if (who.kind === 'officer' && !mayHandle(who.officer, row))
      throw new AppError('FORBIDDEN', { agencyCode: row.agencyCode, requiredRoles: complaintHandlerRoles });
    const addWorkingDays = await workingDayAdder(tx, row.provinceCode);
    const decision = decideComplaint(
      stateOf(row),
      { action: input.action, actor: who.kind === 'officer' ? 'agency' : 'applicant', text: input.text, isSatisfied: input.isSatisfied },
      now,
      addWorkingDays,
    );
    if (!decision.ok) throw new AppError(decision.code, { action: input.action, status: row.status });
    const { next } = decision;
    const actorId = who.kind === 'officer' ? who.officer.id : who.citizen.id;
    await tx
      .update(complaints)
      .set({
        status: next.status,
        handleBy: next.handleBy,
        publishBy: next.publishBy,
        handledAt: next.handledAt,
        isHandledOnTime: next.isHandledOnTime,
        publishedAt: next.publishedAt,
        isSatisfied: next.isSatisfied,
        ratedAt: input.action === 'rate' ? now : row.ratedAt,
        response: input.action === 'resolve' || input.action === 'reject' ? (input.text?.trim() ?? null) : row.response,
        handledBy: decision.rule.isHandling ? actorId : row.handledBy,
        updatedAt: now,
      })
      .where(eq(complaints.id, row.id));
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      at: now,
      action: input.action,
      fromStatus: row.status,
      toStatus: next.status,
      actorKind: who.kind,
      actorId,
      text: input.text?.trim() || null,
      isOnTime: decision.isOnTime,
    });
    await appendDossierEvent(
      tx,
      dossier,
      now,
      `complaint_${input.action}`,
      { kind: who.kind, id: actorId, agencyCode: who.kind === 'officer' ? row.agencyCode : null },
      { complaintId: row.id },
    );
    await recordAudit(tx, actor, {
      action: `complaint.${input.action}`,
      subjectType: 'complaint',
      subjectId: row.id,
      details: { from: row.status, to: next.status, isOnTime: decision.isOnTime },
    });
  });
  return loadComplaintView(db, input.complaintId, now);
}

/** One complaint, for its applicant or an officer of its agency. */
export async function readComplaint(db: Db, id: string, who: ComplaintActor, now: Date): Promise<ComplaintView> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  if (!row) throw new AppError('COMPLAINT_NOT_FOUND', { id });
  if (who.kind === 'citizen' && row.citizenId !== who.citizen.id) throw new AppError('COMPLAINT_NOT_FOUND', { id });
  if (who.kind === 'officer' && !mayHandle(who.officer, row)) throw new AppError('FORBIDDEN', { agencyCode: row.agencyCode });
  return loadComplaintView(db, id, now);
}

/** The complaints a citizen made, or those of the agencies and units an officer handles, newest first. */
export async function listComplaints(
  db: Db,
  who: ComplaintActor,
  filter: { status?: ComplaintRow['status'] | undefined; limit: number },
  now: Date,
): Promise<ComplaintView[]> {
  let scope: SQL | undefined;
  if (who.kind === 'citizen') scope = eq(complaints.citizenId, who.citizen.id);
  else {
    const parts = who.officer.roles
      .filter((a) => complaintHandlerRoles.includes(a.role))
      .map((a) => {
        if (a.agencyCode !== '') return eq(complaints.agencyCode, a.agencyCode);
        return a.unitCode.length === 2 ? eq(complaints.provinceCode, a.unitCode) : eq(complaints.unitCode, a.unitCode);
      });
    if (parts.length === 0) throw new AppError('FORBIDDEN', { requiredRoles: complaintHandlerRoles });
    scope = or(...parts);
  }
  const rows = await db
    .select({ complaint: complaints, dossierCode: dossiers.code })
    .from(complaints)
    .innerJoin(dossiers, eq(dossiers.id, complaints.dossierId))
    .where(and(scope, filter.status ? eq(complaints.status, filter.status) : undefined))
    .orderBy(desc(complaints.receivedAt))
    .limit(filter.limit);
  const ids = rows.map((r) => r.complaint.id);
  const history = ids.length
    ? await db.select().from(complaintEvents).where(inArray(complaintEvents.complaintId, ids)).orderBy(complaintEvents.at)
    : [];
  return rows.map((r) =>
    presentComplaint(
      r.complaint,
      r.dossierCode,
      history.filter((h) => h.complaintId === r.complaint.id),
      now,
    ),
  );
}

/** What the applicant's dossier page shows about feedback: whether a vote can be given, the vote, their complaints. */
export interface DossierFeedbackView {
  dossierId: string;
  dossierCode: string;
  canVote: boolean;
  vote: VoteView | null;
  complaints: ComplaintView[];
}

/** The applicant's feedback on one of their dossiers, found by its code (the page knows the code, not the id). */
export async function readDossierFeedback(db: Db, dossierCode: string, citizen: CitizenPrincipal, now: Date): Promise<DossierFeedbackView> {
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.code, dossierCode));
  if (!dossier || !isApplicantOf(dossier, citizen)) throw new AppError('DOSSIER_NOT_FOUND', { dossierCode });
  const [vote] = await db.select().from(satisfactionVotes).where(eq(satisfactionVotes.dossierId, dossier.id));
  const mine = await listComplaints(db, { kind: 'citizen', citizen }, { limit: 200 }, now);
  return {
    dossierId: dossier.id,
    dossierCode,
    canVote: !vote && ratableStatuses.includes(dossier.status),
    vote: vote ? presentVote(vote) : null,
    complaints: mine.filter((c) => c.dossierId === dossier.id),
  };
}
