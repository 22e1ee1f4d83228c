import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { Actor } from '../platform/audit/record.ts';

/** Cookie names of the platform (the sandbox provider has its own). */
export const cookieNames = { session: 'tinhso_session', csrf: 'tinhso_csrf', oidc: 'tinhso_oidc' } as const;

/** The audit actor of a request: the principal when signed in, else anonymous. */
export function actorOf(request: FastifyRequest): Actor & { userAgent: string | null } {
  const p = request.principal;
  return {
    kind: p?.kind ?? 'anonymous',
    id: p?.id ?? null,
    requestId: request.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, whole site; the server enforces expiry. */
export function setSessionCookie(reply: FastifyReply, config: AppConfig, token: string): void {
  reply.setCookie(cookieNames.session, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(cookieNames.session, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies });
}
