import type { OfficerRole } from '../schema.ts';
import type { RoleAssignment } from '../principal.ts';

/** What an officer acts on: an agency of a unit, as the agencies table describes it. */
export interface ScopeTarget {
  agencyCode: string;
  unitCode: string;
  provinceCode: string;
}

/**
 * Whether one role assignment covers a target: an agency role covers that agency only; a unit-wide
 * role (agencyCode '') covers every agency of its unit; a unit-wide role on a province code covers
 * every agency of the province.
 */
export function assignmentCovers(assignment: RoleAssignment, target: ScopeTarget): boolean {
  if (assignment.agencyCode !== '') return assignment.agencyCode === target.agencyCode;
  if (assignment.unitCode === target.unitCode) return true;
  return assignment.unitCode.length === 2 && assignment.unitCode === target.provinceCode;
}

/** Whether any of the roles (any role when none is named) covers the target. */
export function hasScopeOver(assignments: readonly RoleAssignment[], target: ScopeTarget, roles: readonly OfficerRole[] = []): boolean {
  return assignments.some((a) => (roles.length === 0 || roles.includes(a.role)) && assignmentCovers(a, target));
}

/** Whether the officer holds at least one of the roles anywhere. */
export function holdsAnyRole(assignments: readonly RoleAssignment[], roles: readonly OfficerRole[]): boolean {
  return roles.length === 0 || assignments.some((a) => roles.includes(a.role));
}

/** The scope target of an agency row (agencies table: code, unitCode, provinceCode). */
export function agencyScope(agency: { code: string; unitCode: string; provinceCode: string }): ScopeTarget {
  return { agencyCode: agency.code, unitCode: agency.unitCode, provinceCode: agency.provinceCode };
}
