import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agencyScope, officerHasScope, type ScopeTarget } from '../identity/guards.ts';
import { assignmentCovers } from '../identity/domain/scope.ts';
import type { OfficerPrincipal } from '../identity/principal.ts';
import type { OfficerRole } from '../identity/schema.ts';
import { recordAudit, type Actor } from '../platform/audit/record.ts';
import type { Queryable } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import type { Component } from '../procedures/domain/procedure.ts';
import { procedureVersions } from '../procedures/schema.ts';
import { agencies } from '../units/schema.ts';
import type { StatutoryTime } from './domain/deadlines.ts';
import { defaultWorkflow, type WorkflowDefinition } from './domain/workflow-definition.ts';
import type { DossierState, WorkflowActor } from './domain/workflow.ts';
import { dossiers, procedureWorkflows, type DossierRow } from './schema.ts';

/** Roles that read and work dossiers; administrators manage accounts and settings, not dossiers. */
export const dossierWorkerRoles: readonly OfficerRole[] = ['reception', 'specialist', 'approver', 'leader'];

/** One agency of a dossier as the scope rules and the pages need it. */
export interface DossierAgency extends ScopeTarget {
  name: string;
  nameEn: string;
}

/** A dossier with what acting on it needs: its agencies, procedure version and workflow. */
export interface LoadedDossier {
  row: DossierRow;
  receiving: DossierAgency;
  handling: DossierAgency;
  procedure: { name: string; nameEn: string | null; statutoryTime: StatutoryTime; components: Component[]; resultName: string };
  workflow: WorkflowDefinition;
}

const receiving = alias(agencies, 'receiving_agency');
const handling = alias(agencies, 'handling_agency');

function presentAgency(a: { code: string; name: string; nameEn: string; unitCode: string; provinceCode: string }): DossierAgency {
  return { ...agencyScope(a), name: a.name, nameEn: a.nameEn };
}

/** The dossier with this code and everything acting on it needs, or null. */
export async function loadDossier(q: Queryable, code: string): Promise<LoadedDossier | null> {
  const [found] = await q
    .select({
      row: dossiers,
      receiving: {
        code: receiving.code,
        name: receiving.name,
        nameEn: receiving.nameEn,
        unitCode: receiving.unitCode,
        provinceCode: receiving.provinceCode,
      },
      handling: {
        code: handling.code,
        name: handling.name,
        nameEn: handling.nameEn,
        unitCode: handling.unitCode,
        provinceCode: handling.provinceCode,
      },
      version: {
        name: procedureVersions.name,
        nameEn: procedureVersions.nameEn,
        timeAmount: procedureVersions.timeAmount,
        timeUnit: procedureVersions.timeUnit,
        components: procedureVersions.components,
        resultName: procedureVersions.resultName,
      },
      workflow: procedureWorkflows.definition,
    })
    .from(dossiers)
    .innerJoin(receiving, eq(receiving.code, dossiers.receivingAgencyCode))
    .innerJoin(handling, eq(handling.code, dossiers.handlingAgencyCode))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .leftJoin(procedureWorkflows, eq(procedureWorkflows.procedureVersionId, dossiers.procedureVersionId))
    .where(eq(dossiers.code, code));
  if (!found) return null;
  const v = found.version;
  return {
    row: found.row,
    receiving: presentAgency(found.receiving),
    handling: presentAgency(found.handling),
    procedure: {
      name: v.name,
      nameEn: v.nameEn,
      statutoryTime: { amount: v.timeAmount, unit: v.timeUnit },
      components: v.components,
      resultName: v.resultName,
    },
    workflow: found.workflow ?? defaultWorkflow,
  };
}

/** The roles among `roles` the officer holds over one agency. */
export function rolesOver(
  officer: OfficerPrincipal,
  target: ScopeTarget,
  roles: readonly OfficerRole[] = dossierWorkerRoles,
): OfficerRole[] {
  return [...new Set(officer.roles.filter((a) => roles.includes(a.role) && assignmentCovers(a, target)).map((a) => a.role))];
}

/** The officer as the workflow sees them: their roles over each agency of the dossier. */
export function workflowActorOf(officer: OfficerPrincipal, dossier: LoadedDossier): WorkflowActor {
  return {
    kind: 'officer',
    rolesAtReceiving: rolesOver(officer, dossier.receiving),
    rolesAtHandling: rolesOver(officer, dossier.handling),
  };
}

/**
 * Loads a dossier an officer works on. Officers see only dossiers received or handled by an agency
 * they serve; any other attempt is answered 403 and written to the audit log (outside any transaction
 * the caller may roll back).
 */
export async function loadDossierForOfficer(
  q: Queryable,
  officer: OfficerPrincipal,
  code: string,
  actor: Actor,
  purpose: string,
): Promise<LoadedDossier> {
  const dossier = await loadDossier(q, code);
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { code });
  const isVisible =
    officerHasScope(officer, dossier.receiving, ...dossierWorkerRoles) || officerHasScope(officer, dossier.handling, ...dossierWorkerRoles);
  if (!isVisible) {
    await recordAudit(q, actor, {
      action: 'dossier.access_denied',
      subjectType: 'dossier',
      subjectId: dossier.row.id,
      details: { code, purpose, receivingAgencyCode: dossier.receiving.agencyCode, handlingAgencyCode: dossier.handling.agencyCode },
    });
    throw new AppError('DOSSIER_OUT_OF_SCOPE', { code });
  }
  return dossier;
}

/** The workflow's view of a dossier row. */
export function stateOf(row: DossierRow): DossierState {
  return {
    status: row.status,
    currentStep: row.currentStep,
    handlingAgencyCode: row.handlingAgencyCode,
    receivedAt: row.receivedAt,
    appointmentAt: row.appointmentAt,
    pausedAt: row.pausedAt,
    supplementRequestCount: row.supplementRequestCount,
    processingEndedAt: row.processingEndedAt,
    isMarkedLate: row.isMarkedLate,
    decision: row.decision,
    returnMethod: row.returnMethod,
    returnedAt: row.returnedAt,
    withdrawnAt: row.withdrawnAt,
    financialObligations: row.financialObligations,
  };
}
