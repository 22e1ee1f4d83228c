import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';
import { toAppError } from '../platform/http/errors.ts';
import { recordAudit } from '../platform/audit/record.ts';
import { readCitizenClaims, signInCitizen } from './citizen-sign-in.ts';
import { safeReturnTo } from './domain/return-to.ts';
import { actorOf, cookieNames, setSessionCookie } from './http.ts';
import type { CitizenOidcClient, PendingLogin } from './oidc-client.ts';
import { citizenCallbackQuery, citizenLoginQuery } from './routes.schema.ts';
import type { SealBox } from './tokens.ts';

export interface CitizenAuthRoutesOptions {
  config: AppConfig;
  database: Database;
  oidcClient: CitizenOidcClient;
  /** Seals the pending-login cookie (state, nonce, PKCE verifier). */
  stateBox: SealBox;
  now: () => Date;
}

const pendingLoginSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  expiresAt: z.number(),
});
const cookiePath = '/auth/citizen';

/** Citizen sign-in through OpenID Connect: /auth/citizen/login → provider → /auth/citizen/callback. */
export async function citizenAuthRoutes(app: FastifyInstance, opts: CitizenAuthRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, oidcClient, stateBox } = opts;

  // Errors end on the home page with a code the web app explains, never on a bare error page.
  const failTo = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const appError = toAppError(error);
    request.log.warn({ err: error, code: appError.code }, 'citizen sign-in failed');
    return reply.redirect(`/?loginError=${appError.code}`, 302);
  };

  r.get(
    '/login',
    {
      schema: {
        tags: ['identity'],
        summary: 'Start citizen sign-in: redirects to the identity provider (VNeID)',
        querystring: citizenLoginQuery,
      },
    },
    async (request, reply) => {
      try {
        const { url, pending } = await oidcClient.begin(safeReturnTo(request.query.returnTo), opts.now());
        // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
        reply.setCookie(cookieNames.oidc, stateBox.seal(JSON.stringify(pending)), {
          httpOnly: true,
          sameSite: 'lax',
          path: cookiePath,
          secure: config.secureCookies,
          maxAge: 600,
        });
        return reply.redirect(url, 302);
      } catch (error) {
        return failTo(request, reply, error);
      }
    },
  );

  r.get(
    '/callback',
    {
      schema: {
        tags: ['identity'],
        summary: 'The identity provider returns here; opens the citizen session',
        querystring: citizenCallbackQuery,
      },
    },
    async (request, reply) => {
      reply.clearCookie(cookieNames.oidc, { path: cookiePath });
      try {
        const pending = readPending(stateBox, request.cookies[cookieNames.oidc], opts.now());
        const callbackUrl = new URL(request.url, config.publicUrl);
        const rawClaims = await oidcClient.complete(callbackUrl, pending);
        const claims = readCitizenClaims(rawClaims);
        const { session } = await signInCitizen(opts.database.db, { issuer: oidcClient.issuer, claims, now: opts.now() }, actorOf(request));
        setSessionCookie(reply, config, session.token);
        return reply.redirect(pending.returnTo, 302);
      } catch (error) {
        await recordAudit(opts.database.db, actorOf(request), {
          action: 'citizen.sign_in_failed',
          subjectType: 'citizen',
          details: { code: toAppError(error).code },
        });
        return failTo(request, reply, error);
      }
    },
  );
}

function readPending(box: SealBox, cookie: string | undefined, now: Date): PendingLogin {
  const opened = box.open(cookie);
  const parsed = opened ? pendingLoginSchema.safeParse(JSON.parse(opened)) : null;
  // Missing, expired or forged: the sign-in did not start in this browser (or took over 10 minutes).
  if (!parsed?.success || parsed.data.expiresAt < now.getTime()) throw new AppError('OIDC_LOGIN_FAILED', { reason: 'state_missing' });
  return { ...parsed.data, returnTo: safeReturnTo(parsed.data.returnTo) };
}
