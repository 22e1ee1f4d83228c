import type { OfficerRole } from './schema.ts';

/** One role an officer holds: in one agency, or (agencyCode '') over every agency of a unit. */
export interface RoleAssignment {
  role: OfficerRole;
  /** '' when the role covers the whole unit. */
  agencyCode: string;
  /** A commune code, or a two-digit province code for province-wide roles. */
  unitCode: string;
}

/** Công dân — a citizen signed in through the national identity (OIDC). */
export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
  fullName: string;
  /** Số định danh cá nhân (CCCD); never sent to the browser unmasked except on /me. */
  idNumber: string;
  idNumberMasked: string;
  birthDate: string | null;
  addressUnitCode: string | null;
  identityLevel: number | null;
  /** Contact details from the identity provider (the receipt of a dossier goes there by default). */
  email: string | null;
  phone: string | null;
}

/** Cán bộ — an officer signed in with password (and TOTP when enrolled). */
export interface OfficerPrincipal {
  kind: 'officer';
  id: string;
  username: string;
  fullName: string;
  roles: RoleAssignment[];
  isTotpEnabled: boolean;
}

/** Whoever the current request acts for. */
export type Principal = CitizenPrincipal | OfficerPrincipal;
