import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { hasScopeOver, holdsAnyRole, type ScopeTarget } from './domain/scope.ts';
import type { CitizenPrincipal, OfficerPrincipal, Principal } from './principal.ts';
import type { OfficerRole } from './schema.ts';
import type { SessionCache } from './session-cache.ts';

export { agencyScope, type ScopeTarget } from './domain/scope.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Citizens' sessions kept between requests (suspended while revocations cannot be heard). */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    /** Who the request acts for; set by the identity module's onRequest hook. */
    principal: Principal | null;
    /** SHA-256 of the session token when a session is active. */
    sessionTokenHash: string | null;
    /** How the active session was opened ('vneid', 'password', 'password+totp'), recorded on dossier events. */
    sessionMethod: string | null;
  }
}

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** preHandler: only a signed-in citizen may continue (401 when nobody, 403 for an officer). */
export const requireCitizen: PreHandler = async (request) => {
  citizenOf(request);
};

/** preHandler: only an officer holding one of the roles (any role when none is named). */
export function requireOfficer(...roles: OfficerRole[]): PreHandler {
  return async (request) => {
    const officer = officerOf(request);
    if (!holdsAnyRole(officer.roles, roles)) throw new AppError('FORBIDDEN', { requiredRoles: roles });
  };
}

/** preHandler: anybody signed in. */
export const requireSignedIn: PreHandler = async (request) => {
  principalOf(request);
};

/** The signed-in principal of a request, or the 401 error. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

/** The signed-in citizen of a request, or the 401/403 error. */
export function citizenOf(request: FastifyRequest): CitizenPrincipal {
  const p = request.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  if (p.kind !== 'citizen') throw new AppError('FORBIDDEN');
  return p;
}

/** The signed-in officer of a request, or the 401/403 error. */
export function officerOf(request: FastifyRequest): OfficerPrincipal {
  const p = request.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  if (p.kind !== 'officer') throw new AppError('FORBIDDEN');
  return p;
}

/** Whether the officer holds one of the roles over the agency/unit (any role when none is named). */
export function officerHasScope(officer: OfficerPrincipal, target: ScopeTarget, ...roles: OfficerRole[]): boolean {
  return hasScopeOver(officer.roles, target, roles);
}

/** Throws FORBIDDEN unless the officer holds one of the roles over the agency/unit. */
export function assertOfficerScope(officer: OfficerPrincipal, target: ScopeTarget, ...roles: OfficerRole[]): void {
  if (!officerHasScope(officer, target, ...roles))
    throw new AppError('FORBIDDEN', { agencyCode: target.agencyCode, unitCode: target.unitCode, requiredRoles: roles });
}
