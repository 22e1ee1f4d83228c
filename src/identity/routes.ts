import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { confirmTotpEnrolment, signInOfficer, startTotpEnrolment } from './officer-sign-in.ts';
import { readOwnProfile } from './profile.ts';
import type { SessionCache } from './session-cache.ts';
import { signOut } from './sessions.ts';
import { officerOf, principalOf, requireOfficer, requireSignedIn } from './guards.ts';
import { actorOf, clearSessionCookie, cookieNames, setSessionCookie } from './http.ts';
import type { CsrfTokens, SealBox } from './tokens.ts';
import type { OfficerPrincipal, Principal } from './principal.ts';
import {
  meResponse,
  officerLoginBody,
  officerLoginResponse,
  sessionResponse,
  totpConfirmBody,
  totpSetupResponse,
} from './routes.schema.ts';

export interface IdentityRoutesOptions {
  config: AppConfig;
  database: Database;
  csrf: CsrfTokens;
  totpBox: SealBox;
  now: () => Date;
  /** Citizens' sessions kept between requests: a sign-out evicts its own at once. */
  sessionCache?: SessionCache;
}

function presentOfficer(p: OfficerPrincipal): z.infer<typeof officerLoginResponse>['principal'] {
  return { kind: 'officer', id: p.id, username: p.username, fullName: p.fullName, roles: p.roles, isTotpEnabled: p.isTotpEnabled };
}

/** The principal as the browser may see it (the CCCD only masked). */
function presentPrincipal(p: Principal | null): z.infer<typeof sessionResponse>['principal'] {
  if (!p) return null;
  if (p.kind === 'officer') return presentOfficer(p);
  return {
    kind: 'citizen',
    id: p.id,
    fullName: p.fullName,
    idNumberMasked: p.idNumberMasked,
    birthDate: p.birthDate,
    addressUnitCode: p.addressUnitCode,
    identityLevel: p.identityLevel,
  };
}

/** Session, profile, sign-out and officer sign-in under /api/v1. */
export async function identityRoutes(app: FastifyInstance, opts: IdentityRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, csrf } = opts;
  const { db } = opts.database;
  const officerDeps = { db, totpBox: opts.totpBox, now: opts.now };

  r.get(
    '/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Who is signed in, and the CSRF token for unsafe requests',
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      let csrfToken = request.cookies[cookieNames.csrf];
      if (!csrfToken || !csrf.isGenuine(csrfToken)) {
        csrfToken = csrf.issue();
        // Readable by the web app on purpose (double-submit); the HMAC makes it unforgeable.
        reply.setCookie(cookieNames.csrf, csrfToken, { httpOnly: false, sameSite: 'lax', path: '/', secure: config.secureCookies });
      }
      reply.header('cache-control', 'no-store');
      return { principal: presentPrincipal(request.principal), csrfToken };
    },
  );

  r.get(
    '/me',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['identity'],
        summary: 'The signed-in person’s own full profile (citizen reads are logged)',
        response: { 200: meResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readOwnProfile(db, principalOf(request), request.id);
    },
  );

  r.post(
    '/auth/logout',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['identity'], summary: 'Sign out: ends the session and clears its cookie', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await signOut(db, request.sessionTokenHash, principalOf(request), actorOf(request), opts.sessionCache);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/officer/login',
    {
      // Per client address; guessing one account is stopped sooner by the 5-failure lockout.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: 'Officer sign-in with username, password and (when enrolled) a TOTP code',
        body: officerLoginBody,
        response: { 200: officerLoginResponse },
      },
    },
    async (request, reply) => {
      const { principal, session } = await signInOfficer(officerDeps, request.body, actorOf(request));
      setSessionCookie(reply, config, session.token);
      return { principal: presentOfficer(principal) };
    },
  );

  r.post(
    '/auth/officer/totp/setup',
    {
      preHandler: requireOfficer(),
      schema: {
        tags: ['identity'],
        summary: 'Start two-factor enrolment: a new TOTP secret to scan',
        response: { 200: totpSetupResponse },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return startTotpEnrolment(officerDeps, officerOf(request), actorOf(request));
    },
  );

  r.post(
    '/auth/officer/totp/confirm',
    {
      preHandler: requireOfficer(),
      schema: {
        tags: ['identity'],
        summary: 'Finish two-factor enrolment with one code from the app',
        body: totpConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await confirmTotpEnrolment(officerDeps, officerOf(request), request.body.code, actorOf(request));
      return reply.status(204).send(null);
    },
  );
}
