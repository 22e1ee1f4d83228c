import { and, asc, eq } from 'drizzle-orm';
import type { OfficerPrincipal } from '../identity/principal.ts';
import { agencyScope, assertOfficerScope } from '../identity/guards.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import { AppError } from '../platform/errors.ts';
import { adminUnits, agencies } from '../units/schema.ts';
import type { DossierDeps } from './deps.ts';
import type { CommunityHelperBody, OfficerIntakeBody } from './intake.schema.ts';
import { performDossierAction, type WorkflowDeps } from './perform-action.ts';
import { communityHelpers } from './schema.ts';
import { submitDossier, type SubmitOutcome } from './submit.ts';

export interface IntakeCommand {
  officer: OfficerPrincipal;
  idempotencyKey: string | undefined;
  body: OfficerIntakeBody;
  /** Request IP: the terminal when the body names none. */
  ip: string;
  sessionTokenHash: string | null;
  actor: Actor;
  lang: 'vi' | 'en';
}

export interface IntakeOutcome extends SubmitOutcome {
  /** Slips issued by the immediate receipt of a counter dossier (form 01). */
  slips: { form: string; url: string }[];
}

/** The agency the officer receives at: the one named (must be in the officer's reception scope) or the only one. */
async function receivingAgencyOf(deps: DossierDeps, officer: OfficerPrincipal, named: string | undefined): Promise<string> {
  const code = named ?? soleReceptionAgency(officer);
  const [agency] = await deps.db.select().from(agencies).where(eq(agencies.code, code));
  if (!agency) throw new AppError('AGENCY_NOT_RECEIVING', { receivingAgencyCode: code });
  assertOfficerScope(officer, agencyScope(agency), 'reception');
  return agency.code;
}

function soleReceptionAgency(officer: OfficerPrincipal): string {
  const codes = [...new Set(officer.roles.filter((r) => r.role === 'reception' && r.agencyCode !== '').map((r) => r.agencyCode))];
  if (codes.length === 1 && codes[0]) return codes[0];
  if (codes.length === 0) throw new AppError('FORBIDDEN', { requiredRoles: ['reception'] });
  throw new AppError('RECEIVING_AGENCY_REQUIRED', { agencies: codes });
}

/**
 * Tiếp nhận tại quầy / nộp hộ — a reception officer registers a dossier through the same submission use
 * case as the applicant (same form, component and agency checks). `counter`: channel 1, the officer's
 * scans are counted as counter scans, and the dossier is received at once (status 2, form 01, the
 * appointment from the working calendar) as the officer's next action. `assisted`: channel 2, status 1,
 * with the officer and the terminal recorded so reports tell it apart from genuine online submission.
 * The receipt runs in its own transaction after the registration; should it fail the dossier waits in
 * the reception queue at status 1 and the officer receives it there.
 */
export async function registerOfficerDossier(deps: DossierDeps, workflow: WorkflowDeps, command: IntakeCommand): Promise<IntakeOutcome> {
  const { officer, body } = command;
  const receivingAgencyCode = await receivingAgencyOf(deps, officer, body.receivingAgencyCode);
  const outcome = await submitDossier(deps, {
    submitter: {
      kind: body.mode,
      officer,
      applicant: body.applicant,
      terminal: body.terminal ?? command.ip,
      helperId: body.helperId ?? null,
    },
    idempotencyKey: command.idempotencyKey,
    body: {
      procedureCode: body.procedureCode,
      procedureVersion: body.procedureVersion,
      receivingAgencyCode,
      communeCode: body.communeCode,
      formData: body.formData,
      components: body.components,
      contact: {},
    },
    actor: command.actor,
    lang: command.lang,
  });
  if (body.mode !== 'counter' || outcome.dossier.status !== 1) return { ...outcome, slips: [] };
  const received = await performDossierAction(
    workflow,
    officer,
    outcome.dossier.code,
    { action: 'receive', expectedVersion: 1 },
    { actor: command.actor, sessionTokenHash: command.sessionTokenHash },
  );
  return {
    ...outcome,
    dossier: { ...outcome.dossier, status: received.status, appointmentAt: received.appointmentAt },
    slips: received.slips,
  };
}

/** Registers a community digital-technology team member in a unit the officer administers. */
export async function registerCommunityHelper(
  deps: Pick<DossierDeps, 'db' | 'now'>,
  officer: OfficerPrincipal,
  body: CommunityHelperBody,
  actor: Actor,
): Promise<typeof communityHelpers.$inferSelect> {
  await assertUnitAdmin(deps, officer, body.unitCode);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(communityHelpers)
      .values({ ...body, phone: body.phone ?? null, createdByOfficerId: officer.id, createdAt: deps.now() })
      .returning();
    if (!row) throw new Error('community helper not inserted');
    await recordAudit(tx, actor, {
      action: 'community_helper.registered',
      subjectType: 'community_helper',
      subjectId: row.id,
      details: { unitCode: row.unitCode, team: row.team },
    });
    return row;
  });
}

/** The community helpers of a unit, by name (unit administrators of that unit or of the province). */
export async function listCommunityHelpers(
  deps: Pick<DossierDeps, 'db' | 'now'>,
  officer: OfficerPrincipal,
  unitCode: string,
): Promise<(typeof communityHelpers.$inferSelect)[]> {
  await assertUnitAdmin(deps, officer, unitCode);
  return deps.db
    .select()
    .from(communityHelpers)
    .where(and(eq(communityHelpers.unitCode, unitCode)))
    .orderBy(asc(communityHelpers.name));
}

async function assertUnitAdmin(deps: Pick<DossierDeps, 'db'>, officer: OfficerPrincipal, unitCode: string): Promise<void> {
  const provinceCode =
    unitCode.length === 2
      ? unitCode
      : (await deps.db.select({ p: adminUnits.provinceCode }).from(adminUnits).where(eq(adminUnits.code, unitCode)))[0]?.p;
  if (!provinceCode) throw new AppError('FORBIDDEN', { unitCode, requiredRoles: ['unit_admin'] });
  // A unit-wide target: covered by a unit_admin role on the unit itself or on its province.
  assertOfficerScope(officer, { agencyCode: '', unitCode, provinceCode }, 'unit_admin');
}
