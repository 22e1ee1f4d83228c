import type { OfficerPrincipal } from '../../identity/principal.ts';
import type { OfficerRole } from '../../identity/schema.ts';
import { AppError } from '../../platform/errors.ts';

/** Who may open the leaders' dashboard: leaders and administrators of a unit. */
export const dashboardRoles: readonly OfficerRole[] = ['leader', 'unit_admin', 'system_admin'];

/**
 * Whether an officer may see a unit's dashboard: a dashboard role over that unit, or over the whole
 * province. A role held in one agency of a commune (its People's Committee) covers that commune; only
 * a unit-wide role on the province code covers the province and all its communes — a department's
 * director is not the province's leader.
 */
export function mayViewDashboard(officer: OfficerPrincipal, unitCode: string, provinceCode: string): boolean {
  return officer.roles.some((a) => {
    if (!dashboardRoles.includes(a.role)) return false;
    if (a.unitCode === provinceCode) return a.agencyCode === '';
    return unitCode !== provinceCode && a.unitCode === unitCode;
  });
}

/** Throws FORBIDDEN unless the officer may see the unit's dashboard. */
export function assertDashboardAccess(officer: OfficerPrincipal, unitCode: string, provinceCode: string): void {
  if (!mayViewDashboard(officer, unitCode, provinceCode))
    throw new AppError('FORBIDDEN', { unitCode, requiredRoles: dashboardRoles, scope: unitCode === provinceCode ? 'province' : 'unit' });
}
